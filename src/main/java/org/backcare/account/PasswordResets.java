package org.backcare.account;

import java.time.Duration;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Forgotten passwords: a link mailed to the account's address, usable once within 30
 * minutes (OWASP Forgot Password Cheat Sheet). Asking answers the same whether or not the
 * address has an account, and is throttled like signing in (per address and per network
 * address), so it can neither probe for accounts nor flood a mailbox. Using the link sets
 * the new password, ends every token and session of the account, stops every other reset
 * link, confirms the address (the link came to it) and lifts a sign-in pause; the owner
 * is told by mail.
 */
@Service
class PasswordResets {

	static final Duration VALID_FOR = Duration.ofMinutes(30);

	static final String ANSWER = "If an account uses that address, we sent it a link to choose a new password. The "
			+ "link works once, for 30 minutes.";

	/**
	 * Requests count against their own throttle, apart from sign-in failures, under this
	 * prefix.
	 */
	private static final String THROTTLED_AS = "password-reset";

	private final Accounts accounts;

	private final AccountLinks links;

	private final SignInThrottle throttle;

	private final PasswordEncoder passwords;

	private final PasswordPolicy policy;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	PasswordResets(Accounts accounts, AccountLinks links, SignInThrottle throttle, PasswordEncoder passwords,
			PasswordPolicy policy, ApplicationEventPublisher events, PlatformTransactionManager transactions) {
		this.transactions = new TransactionTemplate(transactions);
		this.accounts = accounts;
		this.links = links;
		this.throttle = throttle;
		this.passwords = passwords;
		this.policy = policy;
		this.events = events;
	}

	/**
	 * Mails a link if the address has an account that may sign in; answers nothing. The
	 * count comes first, outside the transaction, so that a refusal stays counted.
	 */
	void request(String email, String ip) {
		this.throttle.admitMailing(THROTTLED_AS, email, ip);
		this.transactions.executeWithoutResult(status -> mailLink(email));
	}

	private void mailLink(String email) {
		Optional<CurrentUser> owner = this.accounts.findByEmail(email)
			.filter(AccountDetails::isEnabled)
			.map(AccountDetails::user);
		if (owner.isEmpty()) {
			return;
		}
		CurrentUser user = owner.get();
		AccountLinks.Issued link = this.links.issue(user.clinic(), user.id(), AccountLinks.Purpose.RESET_PASSWORD,
				VALID_FOR, null);
		this.events.publishEvent(new AccountMail(AccountMail.Kind.RESET_PASSWORD, user.clinic(), user.client(),
				user.email(), "/password-reset/new?token=" + link.token(), link.expires(), null));
	}

	/** Whether the link would work now (for the form that asks for the new password). */
	boolean valid(String token) {
		return this.links.peek(token, AccountLinks.Purpose.RESET_PASSWORD).isPresent();
	}

	/**
	 * Sets the new password with the link. The password is checked before the link is
	 * used, so a refused password leaves the link working.
	 */
	@Transactional
	void complete(String token, String password) {
		AccountDetails account = this.links.peek(token, AccountLinks.Purpose.RESET_PASSWORD)
			.flatMap(valid -> this.accounts.details(valid.account()))
			.filter(AccountDetails::isEnabled)
			.orElseThrow(Registrations.LinkRefused::new);
		this.policy.check(password, account.user().email());
		this.links.use(token, AccountLinks.Purpose.RESET_PASSWORD).orElseThrow(Registrations.LinkRefused::new);
		this.accounts.setPassword(account.user().id(), this.passwords.encode(password), true);
		this.throttle.forget(account.user().email());
		this.events.publishEvent(SecurityEvent.of(SecurityEvent.Action.PASSWORD_RESET, account.user()));
		tell(this.events, account.user());
	}

	/** The owner learns that their password changed, whichever way. */
	static void tell(ApplicationEventPublisher events, CurrentUser user) {
		events.publishEvent(new AccountMail(AccountMail.Kind.PASSWORD_CHANGED, user.clinic(), user.client(),
				user.email(), "/password-reset", null, null));
	}

}
