package org.backcare.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A token's signature is checked once; its expiry on every use.
 */
class SignatureCheckedTokensTest {

	private static final Instant ISSUED = Instant.parse("2026-12-04T10:00:00Z");

	private final SecretKeySpec key = key();

	private final AtomicInteger signatureChecks = new AtomicInteger();

	private final JwtTimestampValidator expiry = new JwtTimestampValidator(Duration.ZERO);

	private final SignatureCheckedTokens tokens = new SignatureCheckedTokens(countingSignatureCheck(), this.expiry,
			Duration.ofMinutes(15));

	@Test
	void aTokenIsCheckedForItsSignatureOnceAndForItsExpiryOnEveryUse() {
		String token = token(this.key, ISSUED.plus(Duration.ofMinutes(15)));

		at(ISSUED.plus(Duration.ofMinutes(15)));
		assertThat(this.tokens.decode(token).getSubject()).isEqualTo("someone");
		assertThat(this.tokens.decode(token).getSubject()).isEqualTo("someone");
		assertThat(this.signatureChecks).hasValue(1);

		at(ISSUED.plus(Duration.ofMinutes(15)).plusMillis(1));
		assertThatThrownBy(() -> this.tokens.decode(token)).isInstanceOf(JwtValidationException.class)
			.hasMessageContaining("expired");
		assertThat(this.signatureChecks).hasValue(1);
	}

	@Test
	void aTokenSignedWithAnotherKeyIsRefusedEveryTimeAndNeverKept() {
		String forged = token(key(), ISSUED.plus(Duration.ofMinutes(15)));
		at(ISSUED);

		assertThatThrownBy(() -> this.tokens.decode(forged)).isInstanceOf(BadJwtException.class);
		assertThatThrownBy(() -> this.tokens.decode(forged)).isInstanceOf(BadJwtException.class);
		assertThat(this.signatureChecks).hasValue(2);
	}

	private void at(Instant now) {
		this.expiry.setClock(Clock.fixed(now, ZoneOffset.UTC));
	}

	private JwtDecoder countingSignatureCheck() {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(this.key).macAlgorithm(MacAlgorithm.HS256).build();
		decoder.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
		return token -> {
			this.signatureChecks.incrementAndGet();
			return decoder.decode(token);
		};
	}

	private static String token(SecretKeySpec key, Instant expiresAt) throws JwtException {
		return new NimbusJwtEncoder(new ImmutableSecret<>(key))
			.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(),
					JwtClaimsSet.builder().subject("someone").issuedAt(ISSUED).expiresAt(expiresAt).build()))
			.getTokenValue();
	}

	private static SecretKeySpec key() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return new SecretKeySpec(bytes, "HmacSHA256");
	}

}
