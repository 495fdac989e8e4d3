package org.backcare.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;

import org.backcare.clinic.ClinicId;
import org.backcare.platform.ProblemException;
import org.backcare.platform.RecordNotFound;
import org.backcare.platform.Sha256;
import org.backcare.therapist.TherapistId;
import org.backcare.therapist.Therapists;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static org.backcare.platform.Timestamps.utc;

/**
 * Therapists and admins join by invitation from an admin of the clinic. The invitation is
 * mailed to the invited address, with a link that opens the account with a password of
 * their choosing (the admin never sees the secret); only its hash is stored, it expires
 * after a week, and it can be used once. Accepting confirms the address: the invitation
 * came to it.
 */
@Component
class Invitations {

	static final Duration VALID_FOR = Duration.ofDays(7);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final Therapists therapists;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Invitations(JdbcClient jdbc, Accounts accounts, Therapists therapists, ApplicationEventPublisher events,
			Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.therapists = therapists;
		this.events = events;
		this.clock = clock;
	}

	record Invitation(String email, Role role, TherapistId therapist, Instant expiresAt, String token) {
	}

	@Transactional
	Invitation invite(CurrentUser admin, String email, Role role, TherapistId therapist) {
		if (role == Role.CLIENT) {
			throw new InvitationRefused("Clients register themselves; invitations are for therapists and admins.");
		}
		if ((role == Role.THERAPIST) != (therapist != null)) {
			throw new InvitationRefused(
					"A therapist invitation names the therapist record (therapistId); an admin one does not.");
		}
		if (therapist != null && !this.therapists.find(therapist)
			.filter(found -> found.clinicId().equals(admin.clinic()))
			.isPresent()) {
			throw new RecordNotFound("Therapist", therapist);
		}
		if (therapist != null && !this.therapists.get(therapist).active()) {
			throw new InvitationRefused("That therapist has left the clinic; make them bookable again first.");
		}
		if (this.accounts.exists(email)) {
			throw new EmailTaken();
		}
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Instant expires = this.clock.instant().plus(VALID_FOR);
		this.jdbc.sql("""
				INSERT INTO invitation (clinic_id, token_hash, email, role, therapist_id, invited_by, expires_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(admin.clinic().value(), Sha256.hex(token), email.strip(), role.name(),
					(therapist != null) ? therapist.value() : null, admin.id().value(), utc(expires))
			.update();
		this.events.publishEvent(new SecurityEvent(SecurityEvent.Action.INVITATION_CREATED, admin.id(), admin.clinic(),
				admin.role(), false, null, "role=" + role.name()));
		this.events.publishEvent(new AccountMail(AccountMail.Kind.INVITATION, admin.clinic(), null, email.strip(),
				"/invitation?token=" + token, expires, role));
		return new Invitation(email.strip(), role, therapist, expires, token);
	}

	/**
	 * Opens the invited account; an unknown, used or expired token gets one and the same
	 * answer.
	 */
	@Transactional
	AccountId accept(String token, String password) {
		var invitation = this.jdbc.sql("""
				UPDATE invitation SET accepted_at = ? WHERE token_hash = ? AND accepted_at IS NULL AND expires_at > ?
				RETURNING clinic_id, email, role, therapist_id, invited_by""")
			.params(now(), Sha256.hex(token), now())
			.query((rs,
					n) -> new Object[] { rs.getObject("clinic_id", UUID.class), rs.getString("email"),
							rs.getString("role"), rs.getObject("therapist_id", UUID.class),
							rs.getObject("invited_by", UUID.class) })
			.optional()
			.orElseThrow(() -> new InvitationRefused(
					"This invitation is unknown, already used or expired. " + "Ask the clinic for a new one."));
		Role role = Role.valueOf((String) invitation[2]);
		AccountId id = this.accounts.open(new ClinicId((UUID) invitation[0]), (String) invitation[1], password, role,
				null, (invitation[3] != null) ? new TherapistId((UUID) invitation[3]) : null);
		// The role was granted by the admin who invited, not by the person accepting.
		this.accounts.find(id)
			.ifPresent(user -> this.events.publishEvent(new SecurityEvent(SecurityEvent.Action.ROLE_GRANTED, user.id(),
					user.clinic(), user.role(), false, new AccountId((UUID) invitation[4]), "role=" + role.name())));
		return id;
	}

	private OffsetDateTime now() {
		return utc(this.clock.instant());
	}

	static class InvitationRefused extends ProblemException {

		InvitationRefused(String detail) {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "invitation-refused", "Invitation refused", detail);
		}

	}

}
