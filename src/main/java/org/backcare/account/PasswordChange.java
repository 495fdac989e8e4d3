package org.backcare.account;

import org.backcare.platform.ProblemException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A signed-in person changes their password, giving the current one (so a session left
 * open cannot be taken over). Wrong current passwords count against the sign-in throttle.
 * Every token and session of the account ends, this one too, and the owner is told by
 * mail.
 */
@Service
class PasswordChange {

	private final Accounts accounts;

	private final SignInThrottle throttle;

	private final PasswordEncoder passwords;

	private final PasswordPolicy policy;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	PasswordChange(Accounts accounts, SignInThrottle throttle, PasswordEncoder passwords, PasswordPolicy policy,
			ApplicationEventPublisher events, PlatformTransactionManager transactions) {
		this.accounts = accounts;
		this.throttle = throttle;
		this.passwords = passwords;
		this.policy = policy;
		this.events = events;
		this.transactions = new TransactionTemplate(transactions);
	}

	/**
	 * Not one transaction: a wrong current password must stay counted by the throttle
	 * when it is refused.
	 */
	void change(CurrentUser user, String current, String wanted, String ip) {
		AccountDetails account = this.accounts.details(user.id()).orElseThrow(CurrentPasswordWrong::new);
		this.throttle.admit(user.email(), ip);
		if (!this.passwords.matches(current, account.getPassword())) {
			throw new CurrentPasswordWrong();
		}
		this.throttle.succeeded(user.email(), ip);
		this.policy.check(wanted, user.email());
		String hash = this.passwords.encode(wanted);
		this.transactions.executeWithoutResult(status -> {
			this.accounts.setPassword(user.id(), hash, false);
			this.events.publishEvent(SecurityEvent.of(SecurityEvent.Action.PASSWORD_CHANGED, user));
			PasswordResets.tell(this.events, user);
		});
	}

	static class CurrentPasswordWrong extends ProblemException {

		CurrentPasswordWrong() {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "current-password-wrong", "Current password wrong",
					"The current password is not right; nothing was changed.");
		}

	}

}
