package org.backcare.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.backcare.account.CurrentUser;
import org.backcare.audit.HealthRecord;
import org.backcare.audit.RecordAccess;
import org.backcare.audit.RecordAction;
import org.backcare.booking.Bookings;
import org.backcare.client.Client;
import org.backcare.client.ClientId;
import org.backcare.client.Clients;
import org.backcare.feedback.Feedbacks;
import org.backcare.feedback.SessionFeedback;
import org.backcare.intake.Intake;
import org.backcare.intake.Intakes;
import org.backcare.notes.Amendment;
import org.backcare.notes.SessionNote;
import org.backcare.notes.SessionNotes;
import org.backcare.platform.Forbidden;
import org.backcare.platform.RecordNotFound;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A client's chart as a timeline, the latest first: intakes, each session's note (and
 * every amendment), the client's feedback, and the therapists' decisions on proposals.
 * For the care team; each record is read, checked and audited by the module that keeps
 * it.
 */
@Service
public class ClientChart {

	private final Clients clients;

	private final Bookings bookings;

	private final Intakes intakes;

	private final SessionNotes notes;

	private final Feedbacks feedbacks;

	private final PlanDecisionRepository decisions;

	private final RecordAccess access;

	ClientChart(Clients clients, Bookings bookings, Intakes intakes, SessionNotes notes, Feedbacks feedbacks,
			PlanDecisionRepository decisions, RecordAccess access) {
		this.clients = clients;
		this.bookings = bookings;
		this.intakes = intakes;
		this.notes = notes;
		this.feedbacks = feedbacks;
		this.decisions = decisions;
		this.access = access;
	}

	/**
	 * One thing that happened, for the timeline. {@code link}: where to read it whole.
	 */
	public record Entry(Instant at, String kind, String title, List<String> lines, String link) {
	}

	/**
	 * The client's chart, newest first. In one transaction: the reads' audit entries (one
	 * per module read) go to the database together, in one statement, as it commits.
	 */
	@Transactional
	public List<Entry> of(CurrentUser caller, ClientId clientId) {
		Client client = this.clients.find(clientId).orElseThrow(() -> new RecordNotFound("Client", clientId));
		this.access.check(caller, RecordAction.PLAN_READ, HealthRecord.client(client.clinicId(), clientId),
				who -> (who.client() == null && this.bookings.inCareTeam(who, clientId, client.clinicId())) ? null
						: who.isClient(clientId) ? new Forbidden("The chart is for your care team.")
								: new RecordNotFound("Client", clientId));
		List<Entry> entries = new ArrayList<>();
		for (Intake intake : this.intakes.all(caller, clientId)) {
			entries.add(new Entry(intake.submittedAt(), "intake", "Intake",
					List.of("Pain now " + intake.answers().pain().now() + "/10; "
							+ intake.assessment().redFlags().size() + " red flag(s), "
							+ intake.assessment().cautions().size() + " caution(s)"),
					"/intake/" + intake.id().value()));
		}
		for (SessionNote note : this.notes.ofClient(caller, clientId)) {
			List<String> lines = new ArrayList<>();
			if (!note.content().plan().isEmpty()) {
				lines.add("Plan: " + note.content().plan());
			}
			if (note.content().painNow() != null) {
				lines.add("Pain " + note.content().painNow() + "/10");
			}
			entries.add(new Entry(note.sessionStart(), "note", note.signed() ? "Note, signed" : "Note, draft", lines,
					"/sessions/" + note.appointmentId().value() + "/note"));
			for (Amendment amendment : note.amendments()) {
				entries.add(new Entry(amendment.writtenAt(), "amendment", "Amendment by " + amendment.authorName(),
						List.of(amendment.reason() + ": " + amendment.body()),
						"/sessions/" + note.appointmentId().value() + "/note"));
			}
		}
		for (SessionFeedback given : this.feedbacks.ofClient(caller, clientId)) {
			entries.add(new Entry(given.sessionEnd(), "feedback", "The client's feedback", given.inWords(), null));
		}
		for (PlanDecision decision : this.decisions.ofClient(clientId)) {
			entries.add(new Entry(decision.decidedAt(), "decision",
					"Proposal " + decision.decision().name().toLowerCase(java.util.Locale.ROOT),
					decision.plan().isEmpty() ? List.of("Why: " + decision.reason())
							: List.of("Why: " + decision.reason(), "Plan: " + decision.plan()),
					null));
		}
		entries.sort(Comparator.comparing(Entry::at).reversed());
		return entries;
	}

}
