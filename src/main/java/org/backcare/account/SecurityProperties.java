package org.backcare.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param tokenSecret key that signs bearer tokens (HMAC-SHA256), base64, at least 32
 * bytes; when blank a random key is made at start-up, so tokens do not survive a restart
 * @param tokenLifetime how long a bearer token is accepted
 * @param maxFailuresPerAddress failed sign-ins from one network address within 15 minutes
 * before that address is paused
 */
@ConfigurationProperties("backcare.security")
record SecurityProperties(String tokenSecret, @DefaultValue("15m") Duration tokenLifetime,
		@DefaultValue("50") int maxFailuresPerAddress) {

	SecurityProperties {
		if (tokenLifetime.isNegative() || tokenLifetime.isZero() || tokenLifetime.compareTo(Duration.ofHours(12)) > 0) {
			throw new IllegalArgumentException(
					"backcare.security.token-lifetime must be between 1 second and 12 hours, was " + tokenLifetime);
		}
		if (maxFailuresPerAddress < SignInThrottle.LOCK_AFTER) {
			throw new IllegalArgumentException("backcare.security.max-failures-per-address must be at least "
					+ SignInThrottle.LOCK_AFTER + ", was " + maxFailuresPerAddress);
		}
	}

}
