package org.backcare.account;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.backcare.clinic.ClinicId;
import org.backcare.clinic.Clinics;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks an e-mail and password, for the token endpoint and the login form alike. An
 * unknown address costs the same hash comparison and counts against the same throttle as
 * a known one, so neither the answer nor its timing reveals which addresses have
 * accounts.
 */
@Component
class SignIn {

	private final Accounts accounts;

	private final PasswordEncoder passwords;

	private final SignInThrottle throttle;

	private final ApplicationEventPublisher events;

	private final Clinics clinics;

	/**
	 * Hashed once, off the start path: a hash costs about a tenth of a second of CPU
	 * while everything else is starting too. A sign-in that comes first waits for it.
	 */
	private final CompletableFuture<String> decoyHash;

	SignIn(Accounts accounts, PasswordEncoder passwords, SignInThrottle throttle, ApplicationEventPublisher events,
			Clinics clinics) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.throttle = throttle;
		this.events = events;
		this.clinics = clinics;
		this.decoyHash = CompletableFuture.supplyAsync(() -> passwords.encode("decoy password that matches nothing"));
	}

	CurrentUser check(String email, String password, String ip) {
		Optional<AccountDetails> account = this.accounts.findByEmail(email);
		Duration wait;
		try {
			wait = this.throttle.admit(email, ip);
		}
		catch (TooManyAttempts paused) {
			audit(SecurityEvent.Action.LOCKED_OUT, account, "paused=" + paused.paused().name().toLowerCase());
			throw paused;
		}
		pause(wait);
		String hash = account.map(AccountDetails::getPassword).orElseGet(this.decoyHash::join);
		boolean matches = this.passwords.matches(password, hash);
		Optional<CurrentUser> signedIn = account.filter(found -> matches && found.isEnabled())
			.map(AccountDetails::user);
		if (signedIn.isEmpty()) {
			audit(SecurityEvent.Action.SIGN_IN_FAILED, account, null);
			throw new InvalidCredentials();
		}
		if (!account.get().confirmed()) {
			// Said only to whoever knows the password: it reveals nothing to anyone else.
			audit(SecurityEvent.Action.SIGN_IN_FAILED, account, "unconfirmed");
			throw new EmailNotConfirmed();
		}
		this.throttle.succeeded(email, ip);
		this.events.publishEvent(SecurityEvent.of(SecurityEvent.Action.SIGN_IN, signedIn.get()));
		return signedIn.get();
	}

	/**
	 * A refusal, about the account when the address has one; otherwise about no one,
	 * filed under the clinic this installation serves so its admins see credential
	 * stuffing too.
	 */
	private void audit(SecurityEvent.Action action, Optional<AccountDetails> account, String detail) {
		ClinicId served = this.clinics.first().map(clinic -> clinic.id()).orElse(null);
		this.events.publishEvent(account
			.map(found -> new SecurityEvent(action, found.user().id(), found.user().clinic(), found.user().role(), true,
					null, detail))
			.orElse(new SecurityEvent(action, null, served, null, true, null, detail)));
	}

	private static void pause(Duration wait) {
		if (wait.isZero()) {
			return;
		}
		try {
			Thread.sleep(wait.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while slowing down a repeated sign-in", ex);
		}
	}

}
