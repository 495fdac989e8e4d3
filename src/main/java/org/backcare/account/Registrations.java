package org.backcare.account;

import java.time.Duration;
import java.util.Optional;

import org.backcare.client.ClientId;
import org.backcare.client.Clients;
import org.backcare.clinic.ClinicId;
import org.backcare.clinic.Clinics;
import org.backcare.platform.ProblemException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * People register themselves, and confirm their address before they can sign in. The
 * answer to a registration is the same whether or not the address has an account, so
 * nobody learns who is registered: a new address gets a confirmation link; an address
 * with an unconfirmed account gets a new link carrying the password chosen this time; an
 * address with an account gets a mail telling its owner (sign in, or reset the password).
 * Every path hashes the password, so none is measurably faster. Confirming sets the
 * password chosen with that very link, so a link someone else asked for cannot give them
 * the account of whoever confirms.
 */
@Service
class Registrations {

	/** How long a confirmation link works. */
	static final Duration CONFIRM_WITHIN = Duration.ofHours(24);

	static final String ANSWER = "Thank you. We sent a message to that address: follow its link to confirm it and "
			+ "open your account (the link works for 24 hours). Nothing arrived? Look in the spam folder, or "
			+ "register again for a new link.";

	private final Accounts accounts;

	private final AccountLinks links;

	private final Clients clients;

	private final Clinics clinics;

	private final PasswordEncoder passwords;

	private final PasswordPolicy policy;

	private final ApplicationEventPublisher events;

	private final SignInThrottle throttle;

	private final TransactionTemplate transactions;

	Registrations(Accounts accounts, AccountLinks links, Clients clients, Clinics clinics, PasswordEncoder passwords,
			PasswordPolicy policy, ApplicationEventPublisher events, SignInThrottle throttle,
			PlatformTransactionManager transactions) {
		this.throttle = throttle;
		this.transactions = new TransactionTemplate(transactions);
		this.accounts = accounts;
		this.links = links;
		this.clients = clients;
		this.clinics = clinics;
		this.passwords = passwords;
		this.policy = policy;
		this.events = events;
	}

	/**
	 * Registers, or mails the owner of the address; the caller answers {@link #ANSWER}.
	 * Counted like sign-in attempts first (per address and network, outside the
	 * transaction), so nobody can flood an address with mail.
	 */
	void register(AuthController.Registration registration, String ip) {
		this.policy.check(registration.password(), registration.email());
		this.throttle.admitMailing("register", registration.email(), ip);
		this.transactions.executeWithoutResult(status -> registerOrTell(registration));
	}

	private void registerOrTell(AuthController.Registration registration) {
		String email = registration.email().strip();
		String hash = this.passwords.encode(registration.password());
		ClinicId clinic = this.clinics.chosenOrServed(null).id();
		Optional<AccountDetails> known = this.accounts.findByEmail(email);
		if (known.isPresent() && known.get().confirmed()) {
			CurrentUser owner = known.get().user();
			this.events.publishEvent(new AccountMail(AccountMail.Kind.ALREADY_REGISTERED, owner.clinic(),
					owner.client(), owner.email(), "/password-reset", null, null));
			return;
		}
		AccountId account;
		ClientId client;
		if (known.isPresent()) {
			account = known.get().user().id();
			client = known.get().user().client();
			clinic = known.get().user().clinic();
		}
		else {
			client = this.clients.register(clinic, registration.name().strip(), email,
					(registration.phone() != null) ? registration.phone().strip() : "", registration.dateOfBirth());
			if (registration.foundVia() != null) {
				this.clients.recordFoundVia(client, registration.foundVia(), registration.referrer());
			}
			account = this.accounts.insert(clinic, email, hash, Role.CLIENT, client, null, false);
			this.accounts.giveConsents(account);
		}
		AccountLinks.Issued link = this.links.issue(clinic, account, AccountLinks.Purpose.CONFIRM_EMAIL, CONFIRM_WITHIN,
				hash);
		this.events.publishEvent(new AccountMail(AccountMail.Kind.CONFIRM_EMAIL, clinic, client, email,
				"/confirm-email?token=" + link.token(), link.expires(), null));
	}

	/**
	 * Confirms the address with a link: the account may sign in, with the password chosen
	 * with that link; every other confirmation link of the account stops working.
	 */
	@Transactional
	AccountId confirm(String token) {
		AccountLinks.Valid valid = this.links.use(token, AccountLinks.Purpose.CONFIRM_EMAIL)
			.orElseThrow(LinkRefused::new);
		if (!this.accounts.confirm(valid.account(), valid.passwordHash())) {
			throw new LinkRefused();
		}
		this.links.revokeAll(valid.account(), AccountLinks.Purpose.CONFIRM_EMAIL);
		this.accounts.details(valid.account())
			.ifPresent(found -> this.events
				.publishEvent(SecurityEvent.of(SecurityEvent.Action.EMAIL_CONFIRMED, found.user())));
		return valid.account();
	}

	/** An unknown, used or expired link: one answer for all three. */
	static class LinkRefused extends ProblemException {

		LinkRefused() {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "link-refused", "Link not valid",
					"This link is unknown, already used or expired. Ask for a new one: register again, or ask for a "
							+ "new password link.");
		}

	}

}
