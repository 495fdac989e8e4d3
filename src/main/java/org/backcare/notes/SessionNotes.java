package org.backcare.notes;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.backcare.account.CurrentUser;
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
import org.backcare.clinic.Clinics;
import org.backcare.intake.Intake;
import org.backcare.intake.Intakes;
import org.backcare.platform.Forbidden;
import org.backcare.platform.InvalidRequest;
import org.backcare.platform.RecordNotFound;
import org.backcare.platform.RuleRefused;
import org.backcare.therapist.Technique;
import org.backcare.therapist.Therapist;
import org.backcare.therapist.Therapists;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notes module's public face. Who may do what with a session's note:
 * <ul>
 * <li>write the draft, sign it, amend it once signed, share it with the client: the
 * session's therapist, and only once the session has begun;</li>
 * <li>read a signed note: the client's care team (the clinic's admins, and therapists who
 * have, or had, a session with the client); the client only once it is shared;</li>
 * <li>read a draft: the therapist writing it.</li>
 * </ul>
 * Anyone else is told the note does not exist. Every read, change and refusal is audited.
 */
@Service
public class SessionNotes {

	private final NoteRepository notes;

	private final Bookings bookings;

	private final Clients clients;

	private final Clinics clinics;

	private final Therapists therapists;

	private final Intakes intakes;

	private final RecordAccess access;

	private final Clock clock;

	private final TransactionTemplate transaction;

	SessionNotes(NoteRepository notes, Bookings bookings, Clients clients, Clinics clinics, Therapists therapists,
			Intakes intakes, RecordAccess access, Clock clock, PlatformTransactionManager transactions) {
		this.notes = notes;
		this.bookings = bookings;
		this.clients = clients;
		this.clinics = clinics;
		this.therapists = therapists;
		this.intakes = intakes;
		this.access = access;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** The session's note as the caller may see it, if there is one. Audited. */
	public Optional<SessionNote> ofSession(CurrentUser caller, AppointmentId id) {
		Appointment session = session(id);
		Optional<SessionNote> note = this.notes.ofAppointment(id)
			.filter(found -> found.signed() || caller.isTherapist(found.therapistId()));
		if (note.isEmpty()) {
			// Nothing to read yet (or a draft only its writer sees): who may write the
			// note, or read it once signed, learns so.
			this.access.check(caller, RecordAction.NOTE_READ, record(session), readers(session, null));
			return note;
		}
		this.access.check(caller, RecordAction.NOTE_READ, record(note.get()), readers(session, note.get()));
		return note;
	}

	/** A note the caller may see. Audited. */
	public SessionNote read(CurrentUser caller, NoteId id) {
		SessionNote note = this.notes.find(id).orElseThrow(() -> new RecordNotFound("Note", id.value()));
		this.access.check(caller, RecordAction.NOTE_READ, record(note), readers(session(note.appointmentId()), note));
		return note;
	}

	/**
	 * Reads the notes about all the clients at once, for this transaction's
	 * {@link #ofClient} (still checked and audited) to answer from: for a page that shows
	 * many clients' records ({@link org.backcare.platform.ReadAhead}).
	 */
	public void readAhead(Collection<ClientId> clients) {
		this.notes.readAhead(clients);
	}

	/**
	 * The notes about the client the caller may see, the latest session first: every
	 * signed one for the care team (and their own drafts for a therapist), the shared
	 * ones for the client. Each note shown is an audited read.
	 */
	public List<SessionNote> ofClient(CurrentUser caller, ClientId clientId) {
		Client client = this.clients.find(clientId).orElseThrow(() -> new RecordNotFound("Client", clientId));
		if (!this.bookings.inCareTeam(caller, clientId, client.clinicId())) {
			this.access.check(caller, RecordAction.NOTE_READ, HealthRecord.client(client.clinicId(), clientId),
					who -> new RecordNotFound("Client", clientId));
		}
		List<SessionNote> shown = this.notes.ofClient(clientId).stream().filter(note -> visible(caller, note)).toList();
		shown.forEach(note -> this.access.check(caller, RecordAction.NOTE_READ, record(note), who -> null));
		return shown;
	}

	/**
	 * The pain (0–10) the client reported at each session, as its signed note records it
	 * (for the client, only notes shared with them): one audited read of the client's
	 * notes, for their progress.
	 */
	public Map<AppointmentId, Integer> painOf(CurrentUser caller, ClientId clientId) {
		Client client = this.clients.find(clientId).orElseThrow(() -> new RecordNotFound("Client", clientId));
		this.access.check(caller, RecordAction.NOTE_READ, HealthRecord.client(client.clinicId(), clientId),
				who -> this.bookings.inCareTeam(who, clientId, client.clinicId()) ? null
						: new RecordNotFound("Client", clientId));
		return this.notes.painOfClient(clientId, caller.isClient(clientId));
	}

	/**
	 * Saves the draft as written (a new one for a session without a note). What was
	 * written stands; what the therapist should look at again comes back as warnings: a
	 * technique they are not certified in on the session's day, or one the client's
	 * intake rules out.
	 */
	public Saved save(CurrentUser caller, AppointmentId id, NoteContent content) {
		return this.transaction.execute(status -> {
			Appointment session = writable(caller, RecordAction.NOTE_WRITTEN, id);
			Instant now = this.clock.instant();
			this.notes.lockOfAppointment(id);
			Optional<SessionNote> existing = this.notes.ofAppointment(id);
			if (existing.isPresent()) {
				if (existing.get().signed()) {
					throw signedAlready();
				}
				this.notes.updateDraft(existing.get(), content, now);
			}
			else if (!this.notes.insertDraft(new NoteId(UUID.randomUUID()), session.clinicId(), id, session.clientId(),
					session.therapistId(), session.start(), content, now)) {
				// A draft written meanwhile (another tab): this save is the later one.
				this.notes.updateDraft(this.notes.ofAppointment(id).orElseThrow(), content, now);
			}
			SessionNote saved = this.notes.ofAppointment(id).orElseThrow();
			return new Saved(saved, warnings(caller, session, content));
		});
	}

	/**
	 * Starts the draft from the therapist's last signed note for this client: findings,
	 * assessment, plan, areas and minutes carried over; what the client reports today is
	 * left for today. Only into an empty draft: nothing written is overwritten.
	 */
	public Saved startFromLast(CurrentUser caller, AppointmentId id) {
		return this.transaction.execute(status -> {
			Appointment session = writable(caller, RecordAction.NOTE_WRITTEN, id);
			SessionNote last = this.notes.lastSigned(session.therapistId(), session.clientId(), session.start())
				.orElseThrow(() -> new NoteRefused(HttpStatus.UNPROCESSABLE_CONTENT, "no-earlier-note",
						"There is no earlier signed note of yours for this client to start from."));
			// Checked under the note's lock, in the save's own transaction: a draft
			// written
			// meanwhile is never overwritten.
			this.notes.lockOfAppointment(id);
			Optional<SessionNote> current = this.notes.ofAppointment(id);
			if (current.isPresent() && current.get().content().saysSomething()) {
				throw new NoteRefused(HttpStatus.CONFLICT, "draft-not-empty",
						"This session's note already has text; it is not overwritten.");
			}
			NoteContent earlier = last.content();
			return save(caller, id, new NoteContent("", null, earlier.objective(), earlier.assessment(), earlier.plan(),
					earlier.minutes(), earlier.areas()));
		});
	}

	/**
	 * Signs the draft: the therapist's name and licence on the session's day, the client
	 * it is about, the time, and the SHA-256 of all of it. From then on the note is final
	 * (the database refuses any change) and its session is locked; a session still marked
	 * booked is completed, since a signed treatment note says it took place.
	 */
	public SessionNote sign(CurrentUser caller, AppointmentId id) {
		return this.transaction.execute(status -> {
			Appointment session = writable(caller, RecordAction.NOTE_SIGNED, id);
			this.notes.lockOfAppointment(id);
			SessionNote draft = this.notes.ofAppointment(id)
				.orElseThrow(() -> new NoteRefused(HttpStatus.UNPROCESSABLE_CONTENT, "nothing-to-sign",
						"Write the note before signing it."));
			if (draft.signed()) {
				throw signedAlready();
			}
			if (!draft.content().saysSomething()) {
				throw new NoteRefused(HttpStatus.UNPROCESSABLE_CONTENT, "nothing-to-sign",
						"The note is empty: write what was found and done before signing it.");
			}
			if (session.status() == AppointmentStatus.BOOKED) {
				this.bookings.complete(caller, id);
			}
			Therapist therapist = this.therapists.get(session.therapistId());
			Client client = this.clients.get(session.clientId());
			Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
			// The client's name and birth date are signed with the note, so it keeps
			// naming
			// whom it is about after their own record is erased.
			Signature unsigned = new Signature(now, caller.id().value(), therapist.name(),
					therapist.licenceOn(sessionDay(session)), client.erased() ? "(erased client)" : client.name(),
					client.erased() ? null : client.dateOfBirth(), null);
			SessionNote toSign = withSignature(draft, unsigned);
			Signature signature = new Signature(now, unsigned.signedBy(), unsigned.signerName(),
					unsigned.signerLicence(), unsigned.clientName(), unsigned.clientBorn(), ContentHash.of(toSign));
			if (!this.notes.sign(draft, signature)) {
				throw signedAlready();
			}
			this.notes.noLongerDue(session);
			return this.notes.ofAppointment(id).orElseThrow();
		});
	}

	/**
	 * Adds a correction under a signed note, signed as it is written. The note itself
	 * stays as it was.
	 */
	public SessionNote amend(CurrentUser caller, NoteId id, String reason, String body) {
		String why = (reason == null) ? "" : reason.strip();
		String text = (body == null) ? "" : body.strip();
		if (why.isEmpty() || why.length() > Amendment.MAX_REASON) {
			throw new InvalidRequest("Say why the note is amended, in 1 to " + Amendment.MAX_REASON + " characters.");
		}
		if (text.isEmpty() || text.length() > NoteContent.MAX_TEXT) {
			throw new InvalidRequest("Write the amendment, in 1 to " + NoteContent.MAX_TEXT + " characters.");
		}
		return this.transaction.execute(status -> {
			SessionNote note = this.notes.find(id).orElseThrow(() -> new RecordNotFound("Note", id.value()));
			Appointment session = session(note.appointmentId());
			this.access.check(caller, RecordAction.NOTE_AMENDED, record(note), writer(session));
			if (!note.signed()) {
				throw new NoteRefused(HttpStatus.CONFLICT, "not-signed",
						"The note is still a draft: change it instead of amending it.");
			}
			Therapist therapist = this.therapists.get(session.therapistId());
			Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
			Amendment unsigned = new Amendment(UUID.randomUUID(), why, text, now, caller.id().value(), therapist.name(),
					therapist.licenceOn(LocalDate.ofInstant(now, zone(session))), null);
			Amendment amendment = new Amendment(unsigned.id(), why, text, now, unsigned.authorAccountId(),
					unsigned.authorName(), unsigned.authorLicence(),
					ContentHash.of(note.signature().contentHash(), unsigned));
			this.notes.amend(note, amendment);
			return this.notes.find(id).orElseThrow();
		});
	}

	/** Lets the client read a signed note, or no longer. */
	public SessionNote share(CurrentUser caller, NoteId id, boolean shared) {
		return this.transaction.execute(status -> {
			SessionNote note = this.notes.find(id).orElseThrow(() -> new RecordNotFound("Note", id.value()));
			this.access.check(caller, RecordAction.NOTE_SHARED, record(note), writer(session(note.appointmentId())));
			if (!note.signed()) {
				throw new NoteRefused(HttpStatus.CONFLICT, "not-signed",
						"Only a signed note is shared with the client: sign it first.");
			}
			this.notes.share(note, shared, caller.id().value(), this.clock.instant());
			return this.notes.find(id).orElseThrow();
		});
	}

	/**
	 * Sessions held without a signed note a day after they ended: a therapist's own, or
	 * all of the clinic's for its admins. One audited read of the list.
	 */
	public List<NoteDue> due(CurrentUser caller) {
		Instant before = this.clock.instant().minus(NoteDue.GRACE);
		HealthRecord record = new HealthRecord(HealthRecord.Type.SCHEDULE,
				(caller.therapist() != null) ? caller.therapist().value() : caller.clinic().value(), caller.clinic(),
				null);
		this.access.check(caller, RecordAction.NOTES_DUE_READ, record, who -> (who.client() != null)
				? new Forbidden("Notes due are for the clinic's therapists and front desk.") : null);
		return (caller.therapist() != null) ? this.notes.dueOf(caller.therapist(), before)
				: this.notes.dueIn(caller.clinic(), before);
	}

	/**
	 * The notes of these sessions by session, for a view that has already read the
	 * sessions (the therapist's day): the notes the caller may see, each an audited read.
	 */
	public Map<AppointmentId, SessionNote> ofSessions(CurrentUser caller, List<Appointment> sessions) {
		Map<AppointmentId, SessionNote> found = this.notes
			.ofAppointments(sessions.stream().map(Appointment::id).toList());
		Map<AppointmentId, SessionNote> shown = new HashMap<>();
		found.forEach((appointment, note) -> {
			if (visible(caller, note)) {
				this.access.check(caller, RecordAction.NOTE_READ, record(note), who -> null);
				shown.put(appointment, note);
			}
		});
		return shown;
	}

	/**
	 * The areas a session's signed note says were treated, for its client to say how the
	 * pressure felt on each (they were there) and for the care team; empty while the note
	 * is unsigned. An audited read of the note.
	 */
	public List<TreatedArea> areasTreated(CurrentUser caller, AppointmentId id) {
		Appointment session = session(id);
		Optional<SessionNote> note = this.notes.ofAppointment(id).filter(SessionNote::signed);
		if (note.isEmpty()) {
			return List.of();
		}
		this.access.check(caller, RecordAction.NOTE_READ, record(note.get()),
				who -> (who.isClient(session.clientId()) || visible(who, note.get())) ? null
						: new RecordNotFound("Appointment", id.value()));
		return note.get().content().areas();
	}

	/** A draft saved, with what to look at again. */
	public record Saved(SessionNote note, List<String> warnings) {
	}

	private boolean visible(CurrentUser caller, SessionNote note) {
		if (!note.signed()) {
			return caller.isTherapist(note.therapistId());
		}
		if (caller.isClient(note.clientId())) {
			return note.shared();
		}
		return this.bookings.inCareTeam(caller, note.clientId(), note.clinicId());
	}

	/**
	 * Who may read: the care team a signed note, its writer a draft, the client a shared
	 * note. Before there is a note, who could read one once written.
	 */
	private AccessRule readers(Appointment session, SessionNote note) {
		return caller -> {
			boolean sees = (note != null) ? visible(caller, note)
					: caller.isTherapist(session.therapistId()) || caller.isAdminOf(session.clinicId())
							|| this.bookings.treats(caller, session.clientId(), session.clinicId());
			return sees ? null : new RecordNotFound("Note of appointment", session.id().value());
		};
	}

	/**
	 * Only the session's therapist writes its note; the clinic's other staff are told so,
	 * anyone else learns nothing.
	 */
	private static AccessRule writer(Appointment session) {
		return caller -> caller.isTherapist(session.therapistId()) ? null
				: (caller.client() == null && caller.clinic().equals(session.clinicId()))
						? new Forbidden("A session's note is written, signed and amended by its therapist.")
						: new RecordNotFound("Appointment", session.id().value());
	}

	/** The session, checked for its therapist to write its note now. */
	private Appointment writable(CurrentUser caller, RecordAction action, AppointmentId id) {
		Appointment session = session(id);
		this.access.check(caller, action, record(session), writer(session));
		if (session.start().isAfter(this.clock.instant())) {
			throw new NoteRefused(HttpStatus.UNPROCESSABLE_CONTENT, "session-not-begun",
					"A note is written once the session has begun.");
		}
		if (session.status() == AppointmentStatus.CANCELLED || session.status() == AppointmentStatus.NO_SHOW) {
			throw new NoteRefused(HttpStatus.UNPROCESSABLE_CONTENT, "session-not-held",
					"This session did not take place (" + session.status().name().toLowerCase().replace('_', '-')
							+ "), so it has no treatment note.");
		}
		return session;
	}

	private List<String> warnings(CurrentUser caller, Appointment session, NoteContent content) {
		List<String> warnings = new ArrayList<>();
		if (content.areas().stream().allMatch(area -> area.technique() == null)) {
			return warnings;
		}
		Therapist therapist = this.therapists.get(session.therapistId());
		LocalDate day = sessionDay(session);
		Map<Technique, String> ruledOut = this.intakes.latest(caller, session.clientId())
			.map(Intake::assessment)
			.map(assessment -> assessment.restricted())
			.orElse(Map.of());
		content.areas()
			.stream()
			.map(TreatedArea::technique)
			.filter(technique -> technique != null)
			.distinct()
			.forEach(technique -> {
				if (!therapist.certifiedIn(technique, day)) {
					warnings
						.add(technique.displayName() + ": you hold no verified certification for it on " + day + ".");
				}
				if (ruledOut.containsKey(technique)) {
					warnings.add(technique.displayName() + " is ruled out for this client: " + ruledOut.get(technique)
							+ ".");
				}
			});
		return warnings;
	}

	private Appointment session(AppointmentId id) {
		return this.bookings.find(id).orElseThrow(() -> new RecordNotFound("Appointment", id.value()));
	}

	private LocalDate sessionDay(Appointment session) {
		return LocalDate.ofInstant(session.start(), zone(session));
	}

	private ZoneId zone(Appointment session) {
		return this.clinics.get(session.clinicId()).zone();
	}

	private static SessionNote withSignature(SessionNote note, Signature signature) {
		return new SessionNote(note.id(), note.clinicId(), note.appointmentId(), note.clientId(), note.therapistId(),
				note.sessionStart(), note.content(), note.createdAt(), note.updatedAt(), signature, List.of(),
				note.shared());
	}

	private static NoteRefused signedAlready() {
		return new NoteRefused(HttpStatus.CONFLICT, "note-signed",
				"The note is signed and final; add an amendment to correct it.");
	}

	static HealthRecord record(SessionNote note) {
		return new HealthRecord(HealthRecord.Type.SESSION_NOTE, note.id().value(), note.clinicId(), note.clientId());
	}

	private static HealthRecord record(Appointment session) {
		return new HealthRecord(HealthRecord.Type.APPOINTMENT, session.id().value(), session.clinicId(),
				session.clientId());
	}

	/** A rule of note-keeping refused the change; {@code rule} names which one. */
	static class NoteRefused extends RuleRefused {

		NoteRefused(HttpStatus status, String rule, String detail) {
			super(status, "note-refused", "Refused", rule, detail);
		}

	}

}
