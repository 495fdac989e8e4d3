package org.backcare.account;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Checks a bearer token's signature once per token, not once per request: whether a
 * string was signed with our key never changes, so the parsed token is kept (at most for
 * a token's lifetime, a bounded number of them) and each request only runs the claim
 * checks again — expiry against the clock, issuer, an expiry present. Whether the account
 * still honours the token is not decided here and is asked on every request
 * ({@link BearerTokens#authenticate}), so logging out or disabling an account still
 * revokes at once.
 *
 * <p>
 * Only tokens whose signature held are kept, so nobody can fill the cache without holding
 * tokens we issued.
 */
class SignatureCheckedTokens implements JwtDecoder {

	private final JwtDecoder signatureCheck;

	private final OAuth2TokenValidator<Jwt> claims;

	private final Cache<String, Jwt> checked;

	/**
	 * @param signatureCheck parses the token and checks its signature, and nothing else
	 * @param claims the checks that depend on the time or the claims, run on every use
	 * @param lifetime the longest a token we issue lives
	 */
	SignatureCheckedTokens(JwtDecoder signatureCheck, OAuth2TokenValidator<Jwt> claims, Duration lifetime) {
		this.signatureCheck = signatureCheck;
		this.claims = claims;
		this.checked = Caffeine.newBuilder().maximumSize(4_096).expireAfterWrite(lifetime).build();
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		Jwt jwt = this.checked.get(token, this.signatureCheck::decode);
		OAuth2TokenValidatorResult result = this.claims.validate(jwt);
		if (result.hasErrors()) {
			String reason = result.getErrors().iterator().next().getDescription();
			throw new JwtValidationException("An error occurred while attempting to decode the Jwt: " + reason,
					result.getErrors());
		}
		return jwt;
	}

}
