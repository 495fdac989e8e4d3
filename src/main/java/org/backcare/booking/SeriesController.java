package org.backcare.booking;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.backcare.account.CurrentUser;
import org.backcare.client.ClientId;
import org.backcare.clinic.Clinic;
import org.backcare.clinic.Clinics;
import org.backcare.platform.InvalidRequest;
import org.backcare.therapist.Technique;
import org.backcare.therapist.TherapistId;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Regular sessions: check a series (nothing booked), book it (all its sessions or none),
 * and cancel or move a session "and the following ones" or "all still to come". A single
 * session of a series is cancelled or moved like any other appointment.
 */
@RestController
@Validated
@Tag(name = "Series")
@SecurityRequirement(name = "bearer")
class SeriesController {

	private final SeriesBookings series;

	private final Bookings bookings;

	private final Clinics clinics;

	SeriesController(SeriesBookings series, Bookings bookings, Clinics clinics) {
		this.series = series;
		this.bookings = bookings;
		this.clinics = clinics;
	}

	@PostMapping("/api/v1/series/check")
	@ApiResponse(responseCode = "200", description = "Every session with what would happen to it")
	@ApiResponse(responseCode = "404", description = "No such client or therapist (for the caller)")
	@Operation(summary = "Check a series without booking it",
			description = "Each session the rule gives is checked like a single booking (rules, the therapist's and the "
					+ "client's other sessions); each conflict comes with up to three nearest free alternatives of the "
					+ "same therapist, the same day first.")
	SeriesView check(@Valid @RequestBody SeriesBody body) {
		SeriesRequest request = body.toRequest();
		return view(this.series.check(CurrentUser.required(), request), clinicOf(request));
	}

	@PostMapping("/api/v1/series")
	@ApiResponse(responseCode = "201", description = "Booked: every session not left out (or replayed)")
	@ApiResponse(responseCode = "404", description = "No such client or therapist (for the caller)")
	@ApiResponse(responseCode = "409",
			description = "'series-conflicts': sessions conflict and the request does not say to skip or replace them "
					+ "(listed with alternatives; nothing booked), or a session was taken meanwhile")
	@ApiResponse(responseCode = "410", description = "The client was erased")
	@ApiResponse(responseCode = "422", description = "A rule refused the series; 'rule' names it")
	@Operation(summary = "Book a series of sessions: all of them in one transaction, or none",
			description = "The rule is stored as an RFC 5545 RRULE with the first session's wall-clock time and the "
					+ "clinic's zone; every session is an appointment held by the same constraints as a single booking. "
					+ "Conflicting sessions must be left out ('skip') or replaced by an alternative ('replace').")
	ResponseEntity<SeriesView> book(@Valid @RequestBody SeriesBody body, @Parameter(
			description = "Any unique string; a retry with the same key and body returns the series the first booked") @RequestHeader(
					name = "Idempotency-Key",
					required = false) @Size(min = 1, max = 200) @Pattern(regexp = "[\\x21-\\x7E]+",
							message = "must be printable ASCII without spaces") String idempotencyKey) {
		CurrentUser caller = CurrentUser.required();
		SeriesRequest request = body.toRequest();
		SeriesPlan plan = this.series.book(caller, request,
				(idempotencyKey != null) ? caller.id() + "/series/" + idempotencyKey : null);
		return ResponseEntity.created(URI.create("/api/v1/series/" + plan.series()))
			.body(view(plan, clinicOf(request)));
	}

	@PostMapping("/api/v1/appointments/{id}/series/cancel")
	@ApiResponse(responseCode = "200", description = "The sessions cancelled")
	@ApiResponse(responseCode = "404", description = "No such appointment (for the caller)")
	@ApiResponse(responseCode = "422",
			description = "Not in a series, nothing left to cancel, or a session inside the cancellation window (clients)")
	@Operation(summary = "Cancel this session and the following ones, or all sessions of its series still to come",
			description = "One transaction: all of them or none. 'This session only' is the appointment's own cancel.")
	List<AppointmentController.AppointmentView> cancel(@PathVariable UUID id, @Valid @RequestBody SeriesCancel body) {
		return this.series.cancel(CurrentUser.required(), new AppointmentId(id), body.scope(), body.reason().strip())
			.stream()
			.map(this::view)
			.toList();
	}

	@PostMapping("/api/v1/appointments/{id}/series/move")
	@ApiResponse(responseCode = "200", description = "The sessions as they are now")
	@ApiResponse(responseCode = "404", description = "No such appointment (for the caller)")
	@ApiResponse(responseCode = "409", description = "A new time is taken: nothing moved")
	@ApiResponse(responseCode = "422", description = "A rule refused a new time: nothing moved")
	@Operation(summary = "Move this session and the following ones, or all still to come, by the same step",
			description = "'start' is this session's new start; every other session moves by the same number of days "
					+ "and takes the same wall-clock time in the clinic's zone. One transaction: all or none.")
	List<AppointmentController.AppointmentView> move(@PathVariable UUID id, @Valid @RequestBody SeriesMove body) {
		return this.series.move(CurrentUser.required(), new AppointmentId(id), body.scope(), body.start().toInstant())
			.stream()
			.map(this::view)
			.toList();
	}

	private AppointmentController.AppointmentView view(Appointment appointment) {
		return AppointmentController.view(this.clinics.get(appointment.clinicId()), appointment);
	}

	private Clinic clinicOf(SeriesRequest request) {
		return this.clinics.get(this.bookings.therapistClinic(request.therapist()));
	}

	private static SeriesView view(SeriesPlan plan, Clinic clinic) {
		return new SeriesView(plan.series(), plan.rrule(), clinic.zone().getId(), plan.resolved(), plan.sessions()
			.stream()
			.map(session -> new SessionView(session.date(), clinic.localTime(session.start()),
					clinic.localTime(session.end()), session.choice(), session.rule(), session.detail(),
					session.alternatives().stream().map(clinic::localTime).toList(),
					(session.appointment() != null && plan.series() != null) ? session.appointment().value() : null))
			.toList());
	}

	record SeriesBody(@NotNull UUID clientId, @NotNull UUID therapistId,
			@NotBlank @Size(max = 40) @Parameter(example = "TREATMENT_60") String service, Technique technique,
			@NotNull @Parameter(description = "The first session; later ones keep its wall-clock time",
					example = "2026-12-07T10:00:00+01:00") OffsetDateTime start,
			@Min(1) @Max(SeriesRule.MAX_WEEKS_APART) int everyWeeks,
			@Min(1) @Max(SeriesRule.MAX_SESSIONS) @Parameter(
					description = "How many sessions (or give 'until')") Integer count,
			@Parameter(description = "The last day (or give 'count')") LocalDate until,
			@Size(max = SeriesRule.MAX_SESSIONS) @Parameter(
					description = "Clinic-local dates of sessions to leave out") Set<@NotNull LocalDate> skip,
			@Size(max = SeriesRule.MAX_SESSIONS) @Parameter(
					description = "Sessions to book at an alternative start instead") List<@Valid @NotNull Replacement> replace,
			@Size(max = Bookings.MAX_WAIVER_LENGTH) String intakeWaiver) {

		SeriesRequest toRequest() {
			Map<LocalDate, java.time.Instant> replacements = new LinkedHashMap<>();
			for (Replacement replacement : (this.replace != null) ? this.replace : List.<Replacement>of()) {
				if (replacements.put(replacement.date(), replacement.start().toInstant()) != null) {
					throw new InvalidRequest("'replace' names " + replacement.date() + " twice.");
				}
			}
			return new SeriesRequest(new ClientId(this.clientId), new TherapistId(this.therapistId), this.service,
					this.technique, this.start.toInstant(), new SeriesRule(this.everyWeeks, this.count, this.until),
					this.skip, replacements,
					(this.intakeWaiver != null && !this.intakeWaiver.isBlank()) ? this.intakeWaiver : null);
		}

	}

	record Replacement(@NotNull LocalDate date, @NotNull OffsetDateTime start) {
	}

	record SeriesCancel(@NotNull SeriesBookings.Scope scope, @NotBlank @Size(max = 500) String reason) {
	}

	record SeriesMove(@NotNull SeriesBookings.Scope scope, @NotNull OffsetDateTime start) {
	}

	record SeriesView(UUID id, String rrule, String timeZone, boolean resolved, List<SessionView> sessions) {
	}

	record SessionView(LocalDate date, OffsetDateTime start, OffsetDateTime end, SeriesPlan.Choice choice, String rule,
			String detail, List<OffsetDateTime> alternatives, UUID appointmentId) {
	}

}
