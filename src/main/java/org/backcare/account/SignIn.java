package org.backcare.account;

import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks an e-mail and password, for the token endpoint and the login form alike. An unknown
 * address costs the same hash comparison and counts against the same throttle as a known one,
 * so neither the answer nor its timing reveals which addresses have accounts.
 */
@Component
class SignIn {

	private final Accounts accounts;

	private final PasswordEncoder passwords;

	private final SignInThrottle throttle;

	private final ApplicationEventPublisher events;

	private final String decoyHash;

	SignIn(Accounts accounts, PasswordEncoder passwords, SignInThrottle throttle, ApplicationEventPublisher events) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.throttle = throttle;
		this.events = events;
		this.decoyHash = passwords.encode("decoy password that matches nothing");
	}

	CurrentUser check(String email, String password, String ip) {
		Optional<AccountDetails> account = this.accounts.findByEmail(email);
		try {
			this.throttle.check(email, ip);
		}
		catch (TooManyAttempts paused) {
			account.ifPresent(found -> refused(SecurityEvent.Action.LOCKED_OUT, found.user()));
			throw paused;
		}
		String hash = account.map(AccountDetails::getPassword).orElse(this.decoyHash);
		boolean matches = this.passwords.matches(password, hash);
		Optional<CurrentUser> signedIn = account.filter(found -> matches && found.isEnabled()).map(AccountDetails::user);
		if (signedIn.isEmpty()) {
			boolean nowPaused = this.throttle.failed(email, ip);
			this.events.publishEvent(account
				.map(found -> new SecurityEvent(SecurityEvent.Action.SIGN_IN_FAILED, found.user().id(),
						found.user().clinic(), found.user().role(), true))
				.orElse(new SecurityEvent(SecurityEvent.Action.SIGN_IN_FAILED, null, null, null, true)));
			if (nowPaused) {
				account.ifPresent(found -> refused(SecurityEvent.Action.LOCKED_OUT, found.user()));
			}
			throw new InvalidCredentials();
		}
		this.throttle.succeeded(email);
		this.events.publishEvent(SecurityEvent.of(SecurityEvent.Action.SIGN_IN, signedIn.get()));
		return signedIn.get();
	}

	private void refused(SecurityEvent.Action action, CurrentUser user) {
		this.events.publishEvent(new SecurityEvent(action, user.id(), user.clinic(), user.role(), true));
	}

}
