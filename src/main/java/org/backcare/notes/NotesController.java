package org.backcare.notes;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.backcare.account.CurrentUser;
import org.backcare.assessment.PainRegion;
import org.backcare.booking.AppointmentId;
import org.backcare.client.ClientId;
import org.backcare.clinic.Clinic;
import org.backcare.clinic.Clinics;
import org.backcare.platform.Forbidden;
import org.backcare.platform.RecordNotFound;
import org.backcare.therapist.Technique;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Session notes through the API: the session's therapist writes, signs, amends and
 * shares; the care team reads; the client reads what is shared with them.
 */
@RestController
@Validated
@Tag(name = "Session notes")
@SecurityRequirement(name = "bearer")
class NotesController {

	private final SessionNotes notes;

	private final NoteRetention retention;

	private final Clinics clinics;

	NotesController(SessionNotes notes, NoteRetention retention, Clinics clinics) {
		this.notes = notes;
		this.retention = retention;
		this.clinics = clinics;
	}

	@GetMapping("/api/v1/appointments/{id}/note")
	@ApiResponse(responseCode = "200", description = "The session's note")
	@ApiResponse(responseCode = "404",
			description = "No note yet (or only a draft the caller does not write), or no such session for the caller")
	@Operation(summary = "A session's note",
			description = "The care team reads signed notes; a draft only its therapist; the client a note their "
					+ "therapist shared. Audited.")
	NoteView ofSession(@PathVariable UUID id) {
		CurrentUser caller = CurrentUser.required();
		SessionNote note = this.notes.ofSession(caller, new AppointmentId(id))
			.orElseThrow(() -> new RecordNotFound("Note of appointment", id));
		return view(note);
	}

	@PutMapping("/api/v1/appointments/{id}/note")
	@ApiResponse(responseCode = "200", description = "The draft as saved, with warnings to look at again")
	@ApiResponse(responseCode = "400",
			description = "A part too long, pain outside 0–10, minutes outside 1–240, " + "an area named twice")
	@ApiResponse(responseCode = "403", description = "Not the session's therapist")
	@ApiResponse(responseCode = "404", description = "No such session (for the caller)")
	@ApiResponse(responseCode = "409", description = "'note-signed': the note is final; amend it instead")
	@ApiResponse(responseCode = "422", description = "'session-not-begun' or 'session-not-held' (cancelled, no-show)")
	@Operation(summary = "Save the session's note as a draft",
			description = "Written by the session's therapist once it has begun. A technique they hold no "
					+ "certification for, or one the client's intake rules out, is kept as written and comes back "
					+ "as a warning.")
	SavedView save(@PathVariable UUID id, @Valid @RequestBody NoteBody body) {
		return saved(this.notes.save(CurrentUser.required(), new AppointmentId(id), body.toContent()));
	}

	@PostMapping("/api/v1/appointments/{id}/note/from-last")
	@ApiResponse(responseCode = "200", description = "The draft, started from the last signed note")
	@ApiResponse(responseCode = "409", description = "'draft-not-empty': the draft already has text")
	@ApiResponse(responseCode = "422", description = "'no-earlier-note'")
	@Operation(summary = "Start the draft from my last signed note for this client",
			description = "Findings, assessment, plan, areas and minutes are carried over; what the client reports "
					+ "today is left empty.")
	SavedView fromLast(@PathVariable UUID id) {
		return saved(this.notes.startFromLast(CurrentUser.required(), new AppointmentId(id)));
	}

	@PostMapping("/api/v1/appointments/{id}/note/signature")
	@ApiResponse(responseCode = "200", description = "Signed: final from now on, and the session locked")
	@ApiResponse(responseCode = "409", description = "'note-signed': signed already")
	@ApiResponse(responseCode = "422", description = "'nothing-to-sign': no note, or an empty one")
	@Operation(summary = "Sign the session's note",
			description = "Records the therapist's name and licence on the session's day, the client's name and "
					+ "birth date, the time and a SHA-256 of the content. A session still marked booked is "
					+ "completed. Nobody can change a signed note afterwards, not even in the database.")
	NoteView sign(@PathVariable UUID id) {
		return view(this.notes.sign(CurrentUser.required(), new AppointmentId(id)));
	}

	@PostMapping("/api/v1/notes/{id}/amendments")
	@ApiResponse(responseCode = "201", description = "Amended: the note with every amendment, oldest first")
	@ApiResponse(responseCode = "400", description = "No reason or no text, or too long")
	@ApiResponse(responseCode = "409", description = "'not-signed': a draft is edited, not amended")
	@Operation(summary = "Correct a signed note with an amendment",
			description = "The original stays as it was; the amendment is signed as it is written.")
	ResponseEntity<NoteView> amend(@PathVariable UUID id, @Valid @RequestBody AmendmentBody body) {
		SessionNote note = this.notes.amend(CurrentUser.required(), new NoteId(id), body.reason(), body.text());
		return ResponseEntity.created(URI.create("/api/v1/notes/" + id)).body(view(note));
	}

	@PutMapping("/api/v1/notes/{id}/sharing")
	@ApiResponse(responseCode = "200", description = "The note, shared with the client or no longer")
	@ApiResponse(responseCode = "409", description = "'not-signed': only a signed note is shared")
	@Operation(summary = "Share a signed note with the client, or stop")
	NoteView share(@PathVariable UUID id, @Valid @RequestBody SharingBody body) {
		return view(this.notes.share(CurrentUser.required(), new NoteId(id), body.shared()));
	}

	@GetMapping("/api/v1/notes/{id}")
	@ApiResponse(responseCode = "200", description = "The note")
	@ApiResponse(responseCode = "404", description = "No such note (for the caller)")
	@Operation(summary = "A note")
	NoteView read(@PathVariable UUID id) {
		return view(this.notes.read(CurrentUser.required(), new NoteId(id)));
	}

	@GetMapping("/api/v1/clients/{id}/notes")
	@ApiResponse(responseCode = "200", description = "The notes the caller may read, latest session first")
	@ApiResponse(responseCode = "404", description = "No such client (for the caller)")
	@Operation(summary = "A client's session notes",
			description = "Signed notes for the care team (and a therapist's own drafts); shared ones for the client.")
	List<NoteView> ofClient(@PathVariable UUID id) {
		List<SessionNote> shown = this.notes.ofClient(CurrentUser.required(), new ClientId(id));
		// One retention date for the client's whole record, read once for the list.
		LocalDate keptUntil = shown.stream().anyMatch(SessionNote::signed) ? this.retention.keptUntil(new ClientId(id))
				: null;
		return shown.stream().map(note -> view(note, note.signed() ? keptUntil : null)).toList();
	}

	@GetMapping("/api/v1/notes/due")
	@ApiResponse(responseCode = "200", description = "Sessions held without a signed note a day after, oldest first")
	@ApiResponse(responseCode = "403", description = "Clients have no notes due")
	@Operation(summary = "Notes due", description = "A therapist's own sessions; the whole clinic's for its admins.")
	List<DueView> due() {
		CurrentUser caller = CurrentUser.required();
		Clinic clinic = this.clinics.get(caller.clinic());
		return this.notes.due(caller)
			.stream()
			.map(due -> new DueView(due.appointment().value(), due.therapist().value(), due.client().value(),
					clinic.localTime(due.start()), clinic.localTime(due.end())))
			.toList();
	}

	@GetMapping("/api/v1/admin/note-retention")
	@ApiResponse(responseCode = "200", description = "The clinic's retention of treatment notes")
	@ApiResponse(responseCode = "403", description = "Not an admin")
	@Operation(summary = "How long the clinic keeps treatment notes")
	RetentionBody retention() {
		CurrentUser caller = admin();
		return new RetentionBody(this.retention.years(caller.clinic()));
	}

	@PutMapping("/api/v1/admin/note-retention")
	@ApiResponse(responseCode = "200", description = "Set")
	@ApiResponse(responseCode = "400", description = "Years outside 1–50")
	@ApiResponse(responseCode = "403", description = "Not an admin")
	@Operation(summary = "Set how long the clinic keeps treatment notes",
			description = "Years after the last entry in a client's notes (after their 18th birthday for a client "
					+ "who was a minor then). Ten by default.")
	RetentionBody setRetention(@Valid @RequestBody RetentionBody body) {
		CurrentUser caller = admin();
		this.retention.setYears(caller.clinic(), body.years());
		return new RetentionBody(this.retention.years(caller.clinic()));
	}

	private static CurrentUser admin() {
		CurrentUser caller = CurrentUser.required();
		if (!caller.isAdminOf(caller.clinic())) {
			throw new Forbidden("The clinic's retention of notes is set by its admins.");
		}
		return caller;
	}

	private SavedView saved(SessionNotes.Saved saved) {
		return new SavedView(view(saved.note()), saved.warnings());
	}

	private NoteView view(SessionNote note) {
		return view(note, note.signed() ? this.retention.keptUntil(note.clientId()) : null);
	}

	private NoteView view(SessionNote note, LocalDate keptUntil) {
		Clinic clinic = this.clinics.get(note.clinicId());
		NoteContent content = note.content();
		Signature signature = note.signature();
		return new NoteView(note.id().value(), note.appointmentId().value(), note.clientId().value(),
				note.therapistId().value(), clinic.localTime(note.sessionStart()), note.signed() ? "SIGNED" : "DRAFT",
				content.subjective(), content.painNow(), content.objective(), content.assessment(), content.plan(),
				content.minutes(),
				content.areas()
					.stream()
					.map(area -> new AreaBody(area.region(), area.technique(), area.pressure()))
					.toList(),
				(signature != null)
						? new SignatureView(signature.signedAt(), signature.signerName(), signature.signerLicence(),
								signature.clientName(), signature.clientBorn(), signature.contentHash())
						: null,
				note.amendments()
					.stream()
					.map(a -> new AmendmentView(a.id(), a.reason(), a.body(), a.writtenAt(), a.authorName(),
							a.authorLicence(), a.contentHash()))
					.toList(),
				note.shared(), note.intact(), keptUntil);
	}

	record NoteBody(@Size(max = NoteContent.MAX_TEXT) String subjective,
			@Min(0) @Max(10) @Schema(description = "Pain now on the 0–10 numeric rating scale") Integer painNow,
			@Size(max = NoteContent.MAX_TEXT) String objective, @Size(max = NoteContent.MAX_TEXT) String assessment,
			@Size(max = NoteContent.MAX_TEXT) String plan,
			@Min(1) @Max(NoteContent.MAX_MINUTES) @Schema(description = "Minutes of treatment") Integer minutes,
			@Size(max = 14) List<@Valid @NotNull AreaBody> areas) {

		NoteContent toContent() {
			return new NoteContent(this.subjective, this.painNow, this.objective, this.assessment, this.plan,
					this.minutes,
					(this.areas == null) ? List.of()
							: this.areas.stream()
								.map(area -> new TreatedArea(area.region(), area.technique(), area.pressure()))
								.toList());
		}

	}

	@Schema(description = "An area of the body map treated, with the technique used (left out: none named) and the "
			+ "pressure")
	record AreaBody(@NotNull PainRegion region, Technique technique, @NotNull TreatmentPressure pressure) {
	}

	record AmendmentBody(@NotBlank @Size(max = Amendment.MAX_REASON) String reason,
			@NotBlank @Size(max = NoteContent.MAX_TEXT) String text) {
	}

	record SharingBody(@NotNull Boolean shared) {
	}

	record RetentionBody(@NotNull @Min(1) @Max(50) Integer years) {
	}

	record NoteView(UUID id, UUID appointmentId, UUID clientId, UUID therapistId, OffsetDateTime sessionStart,
			String status, String subjective, Integer painNow, String objective, String assessment, String plan,
			Integer minutes, List<AreaBody> areas, SignatureView signature, List<AmendmentView> amendments,
			boolean shared, @Schema(description = "The content still hashes to what was signed") boolean intact,
			@Schema(description = "The client's signed notes are kept until this day") LocalDate keptUntil) {
	}

	record SignatureView(Instant signedAt, String signerName, String signerLicence, String clientName,
			LocalDate clientBorn, String contentHash) {
	}

	record AmendmentView(UUID id, String reason, String text, Instant writtenAt, String authorName,
			String authorLicence, String contentHash) {
	}

	record SavedView(NoteView note, List<String> warnings) {
	}

	record DueView(UUID appointmentId, UUID therapistId, UUID clientId, OffsetDateTime start, OffsetDateTime end) {
	}

}
