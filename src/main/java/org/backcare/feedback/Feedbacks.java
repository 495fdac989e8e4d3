package org.backcare.feedback;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.backcare.account.CurrentUser;
import org.backcare.assessment.PainRegion;
import org.backcare.audit.AccessRule;
import org.backcare.audit.HealthRecord;
import org.backcare.audit.RecordAccess;
import org.backcare.audit.RecordAction;
import org.backcare.booking.Appointment;
import org.backcare.booking.AppointmentId;
import org.backcare.booking.AppointmentStatus;
import org.backcare.booking.Bookings;
import org.backcare.client.Client;
import org.backcare.client.ClientId;
import org.backcare.client.Clients;
import org.backcare.notes.SessionNotes;
import org.backcare.notes.TreatedArea;
import org.backcare.platform.Forbidden;
import org.backcare.platform.InvalidRequest;
import org.backcare.platform.RecordNotFound;
import org.backcare.platform.RuleRefused;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The feedback module's public face. The session's client gives feedback once the session
 * has ended (and was not cancelled or missed), and may change it for a week; the client
 * and their care team (the clinic's admins, therapists who have met them) read it. Every
 * read and change is audited.
 */
@Service
public class Feedbacks {

	private final FeedbackRepository feedback;

	private final Bookings bookings;

	private final Clients clients;

	private final SessionNotes notes;

	private final RecordAccess access;

	private final Clock clock;

	private final TransactionTemplate transaction;

	Feedbacks(FeedbackRepository feedback, Bookings bookings, Clients clients, SessionNotes notes, RecordAccess access,
			Clock clock, PlatformTransactionManager transactions) {
		this.feedback = feedback;
		this.bookings = bookings;
		this.clients = clients;
		this.notes = notes;
		this.access = access;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** The session's feedback, if given and the caller may read it. Audited. */
	public Optional<SessionFeedback> ofSession(CurrentUser caller, AppointmentId id) {
		Appointment session = session(id);
		Optional<SessionFeedback> found = this.feedback.ofAppointment(id);
		this.access.check(caller, RecordAction.FEEDBACK_READ, record(session, found), readers(session));
		return found;
	}

	/**
	 * Reads the feedback of all the clients at once, for this transaction's
	 * {@link #ofClient} (still checked and audited) to answer from: for a page that shows
	 * many clients' records ({@link org.backcare.platform.ReadAhead}).
	 */
	public void readAhead(Collection<ClientId> clients) {
		this.feedback.readAhead(clients);
	}

	/** A client's feedback, the latest session first, each an audited read. */
	public List<SessionFeedback> ofClient(CurrentUser caller, ClientId clientId) {
		Client client = this.clients.find(clientId).orElseThrow(() -> new RecordNotFound("Client", clientId));
		if (!this.bookings.inCareTeam(caller, clientId, client.clinicId())) {
			this.access.check(caller, RecordAction.FEEDBACK_READ, HealthRecord.client(client.clinicId(), clientId),
					who -> new RecordNotFound("Client", clientId));
		}
		List<SessionFeedback> all = this.feedback.ofClient(clientId);
		all.forEach(given -> this.access.check(caller, RecordAction.FEEDBACK_READ, record(given), who -> null));
		return all;
	}

	/**
	 * The pain (0–10) the client gave after each session, by session: one audited read of
	 * the client's feedback, for their progress.
	 */
	public Map<AppointmentId, Integer> painOf(CurrentUser caller, ClientId clientId) {
		Client client = this.clients.find(clientId).orElseThrow(() -> new RecordNotFound("Client", clientId));
		this.access.check(caller, RecordAction.FEEDBACK_READ, HealthRecord.client(client.clinicId(), clientId),
				who -> this.bookings.inCareTeam(who, clientId, client.clinicId()) ? null
						: new RecordNotFound("Client", clientId));
		return this.feedback.painOfClient(clientId);
	}

	/**
	 * Feedback on these sessions and each client's latest, for a view that has read the
	 * sessions already (the therapist's day): only what the caller may read, each an
	 * audited read.
	 */
	public Map<AppointmentId, SessionFeedback> ofSessions(CurrentUser caller, List<Appointment> sessions) {
		Map<AppointmentId, SessionFeedback> shown = new HashMap<>();
		this.feedback.ofAppointments(sessions.stream().map(Appointment::id).toList()).forEach((id, given) -> {
			if (this.bookings.inCareTeam(caller, given.clientId(), given.clinicId())) {
				this.access.check(caller, RecordAction.FEEDBACK_READ, record(given), who -> null);
				shown.put(id, given);
			}
		});
		return shown;
	}

	/**
	 * Each client's feedback on their latest session that has some, for those of them the
	 * caller treats or administers: what the therapist reads before the next session.
	 * Each an audited read.
	 */
	public Map<ClientId, SessionFeedback> latestOf(CurrentUser caller, List<ClientId> clients) {
		Map<ClientId, SessionFeedback> shown = new HashMap<>();
		this.feedback.latestOf(clients).forEach((client, given) -> {
			if (this.bookings.inCareTeam(caller, client, given.clinicId())) {
				this.access.check(caller, RecordAction.FEEDBACK_READ, record(given), who -> null);
				shown.put(client, given);
			}
		});
		return shown;
	}

	/**
	 * The areas the client can say the pressure of: those the session's signed note names
	 * (none before it is signed; the client still says how the pressure felt overall).
	 */
	public List<PainRegion> areasToAskAbout(CurrentUser caller, AppointmentId id) {
		return this.notes.areasTreated(caller, id).stream().map(TreatedArea::region).toList();
	}

	/** Gives or changes the client's feedback on the session. */
	public SessionFeedback give(CurrentUser caller, AppointmentId id, FeedbackAnswers answers) {
		return this.transaction.execute(status -> {
			Appointment session = session(id);
			Optional<SessionFeedback> earlier = this.feedback.ofAppointment(id);
			this.access.check(caller, RecordAction.FEEDBACK_GIVEN, record(session, earlier), giver(session));
			Instant now = this.clock.instant();
			if (session.status() == AppointmentStatus.CANCELLED || session.status() == AppointmentStatus.NO_SHOW) {
				throw new FeedbackRefused(HttpStatus.UNPROCESSABLE_CONTENT, "session-not-held",
						"This session did not take place, so there is nothing to give feedback on.");
			}
			if (session.end().isAfter(now)) {
				throw new FeedbackRefused(HttpStatus.UNPROCESSABLE_CONTENT, "session-not-ended",
						"Feedback is given once the session has ended.");
			}
			if (now.isAfter(session.end().plus(SessionFeedback.OPEN_FOR))) {
				throw new FeedbackRefused(HttpStatus.CONFLICT, "feedback-closed",
						"Feedback can be given or changed for " + SessionFeedback.OPEN_FOR.toDays()
								+ " days after the session; please tell your therapist at your next one.");
			}
			Set<PainRegion> treated = Set.copyOf(areasToAskAbout(caller, id));
			Set<PainRegion> unknown = answers.pressure()
				.keySet()
				.stream()
				.filter(region -> !treated.contains(region))
				.collect(Collectors.toSet());
			if (!unknown.isEmpty()) {
				throw new InvalidRequest("Pressure can be said only for the areas treated in this session; not for "
						+ unknown.stream().map(PainRegion::label).sorted().collect(Collectors.joining(", ")) + ".");
			}
			this.feedback.save(session, answers, now);
			return this.feedback.ofAppointment(id).orElseThrow();
		});
	}

	private Appointment session(AppointmentId id) {
		return this.bookings.find(id).orElseThrow(() -> new RecordNotFound("Appointment", id.value()));
	}

	/** Only the session's client gives it; the clinic's staff are told so. */
	private static AccessRule giver(Appointment session) {
		return caller -> caller.isClient(session.clientId()) ? null
				: (caller.client() == null && caller.clinic().equals(session.clinicId()))
						? new Forbidden("Feedback on a session is the client's own to give.")
						: new RecordNotFound("Appointment", session.id().value());
	}

	private AccessRule readers(Appointment session) {
		return caller -> this.bookings.inCareTeam(caller, session.clientId(), session.clinicId()) ? null
				: new RecordNotFound("Appointment", session.id().value());
	}

	private static HealthRecord record(SessionFeedback given) {
		return new HealthRecord(HealthRecord.Type.SESSION_FEEDBACK, given.id(), given.clinicId(), given.clientId());
	}

	private static HealthRecord record(Appointment session, Optional<SessionFeedback> given) {
		return given.map(Feedbacks::record)
			.orElse(new HealthRecord(HealthRecord.Type.APPOINTMENT, session.id().value(), session.clinicId(),
					session.clientId()));
	}

	/** A rule of feedback refused; {@code rule} names which. */
	static class FeedbackRefused extends RuleRefused {

		FeedbackRefused(HttpStatus status, String rule, String detail) {
			super(status, "feedback-refused", "Refused", rule, detail);
		}

	}

}
