package org.backcare.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;

/**
 * Issues and checks BackCare's bearer tokens: HMAC-signed JWTs that name the account, its
 * role and the account's token version. A token is accepted only while it is unexpired,
 * its signature holds, the account is enabled and the version still matches, so logging
 * out or disabling an account (both raise the version) revokes every token issued before.
 */
@Component
class BearerTokens {

	private static final Logger log = LoggerFactory.getLogger(BearerTokens.class);

	static final String ISSUER = "backcare";

	private final NimbusJwtEncoder encoder;

	private final JwtDecoder decoder;

	private final SecurityProperties properties;

	private final Accounts accounts;

	private final Clock clock;

	BearerTokens(SecurityProperties properties, Accounts accounts, Clock clock) {
		SecretKey key = key(properties.tokenSecret());
		this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
		NimbusJwtDecoder signatureCheck = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
		signatureCheck.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
		// No clock skew (a 15-minute token lives 15 minutes), our issuer only, and an
		// expiry required.
		this.decoder = new SignatureCheckedTokens(signatureCheck,
				new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(Duration.ZERO),
						new JwtIssuerValidator(ISSUER),
						new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull)),
				properties.tokenLifetime());
		this.properties = properties;
		this.accounts = accounts;
		this.clock = clock;
	}

	record Issued(String token, long expiresInSeconds) {
	}

	Issued issue(CurrentUser user) {
		return issue(user, this.clock.instant());
	}

	/** Issued as if at {@code now}; tests use a past instant to hold an expired token. */
	Issued issue(CurrentUser user, Instant now) {
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(ISSUER)
			.subject(user.id().toString())
			.id(UUID.randomUUID().toString())
			.issuedAt(now)
			.expiresAt(now.plus(this.properties.tokenLifetime()))
			.claim("role", user.role().name())
			.claim("ver", user.tokenVersion())
			.build();
		String token = this.encoder
			.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
			.getTokenValue();
		return new Issued(token, this.properties.tokenLifetime().toSeconds());
	}

	JwtDecoder decoder() {
		return this.decoder;
	}

	/**
	 * A valid, unexpired token becomes a signed-in caller only if the account still
	 * honours it.
	 */
	AbstractAuthenticationToken authenticate(Jwt jwt) {
		CurrentUser user = this.accounts.find(new AccountId(UUID.fromString(jwt.getSubject())))
			.filter(found -> jwt.getClaim("ver") instanceof Number version
					&& version.intValue() == found.tokenVersion())
			.orElseThrow(() -> new InvalidBearerTokenException("The token has been revoked."));
		return UsernamePasswordAuthenticationToken.authenticated(user, jwt, AccountDetails.authorities(user.role()));
	}

	private static SecretKey key(String secret) {
		byte[] bytes;
		if (secret == null || secret.isBlank()) {
			bytes = new byte[32];
			new SecureRandom().nextBytes(bytes);
			log.warn("backcare.security.token-secret is not set: bearer tokens are signed with a random key "
					+ "and stop working when BackCare restarts");
		}
		else {
			bytes = Base64.getDecoder().decode(secret);
			if (bytes.length < 32) {
				throw new IllegalStateException(
						"backcare.security.token-secret must be at least 32 bytes (base64), was " + bytes.length
								+ " bytes");
			}
		}
		return new SecretKeySpec(bytes, "HmacSHA256");
	}

}
