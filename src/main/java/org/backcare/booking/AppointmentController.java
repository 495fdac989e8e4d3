package org.backcare.booking;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.backcare.account.CurrentUser;
import org.backcare.client.ClientId;
import org.backcare.clinic.Clinic;
import org.backcare.clinic.Clinics;
import org.backcare.therapist.Technique;
import org.backcare.therapist.TherapistId;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/appointments")
@Tag(name = "Appointments")
@SecurityRequirement(name = "bearer")
class AppointmentController {

	private final Bookings bookings;

	private final Clinics clinics;

	AppointmentController(Bookings bookings, Clinics clinics) {
		this.bookings = bookings;
		this.clinics = clinics;
	}

	@PostMapping
	@ApiResponse(responseCode = "404",
			description = "The therapist or the client named in the body does not exist (or is not one the caller may book)")
	@ApiResponse(responseCode = "409",
			description = "The therapist or the client is already booked then (slot-taken, client-double-booked)")
	@ApiResponse(responseCode = "410", description = "The client was erased")
	@ApiResponse(responseCode = "422", description = "A booking rule refused; 'rule' names it")
	@Operation(summary = "Book a session",
			description = "Refused with 409 when the therapist or the client is already booked at that time, and with 422 "
					+ "(naming the rule) when the start is off the quarter-hour grid, too soon, beyond the horizon, outside "
					+ "working hours, in time off, on a day without a valid licence, or for an uncertified technique; and "
					+ "with 422 'intake-before-treatment' when the clinic asks for an intake before treatment and the client "
					+ "has no current one (a first consultation is always possible; the front desk may give 'intakeWaiver').")
	@ApiResponse(responseCode = "403",
			description = "A client books for someone else, or someone other than the front desk gives 'intakeWaiver'")
	@ApiResponse(responseCode = "201", description = "Booked (or replayed for a repeated Idempotency-Key)")
	ResponseEntity<AppointmentView> book(@Valid @RequestBody BookRequest request, @Parameter(
			description = "Any unique string; a retry with the same key and body returns the first result") @RequestHeader(
					name = "Idempotency-Key",
					required = false) @Size(min = 1, max = 200) @Pattern(regexp = "[\\x21-\\x7E]+",
							message = "must be printable ASCII without spaces") String idempotencyKey) {
		BookingRequest wanted = request.toBookingRequest();
		CurrentUser caller = CurrentUser.required();
		// Keys are the caller's own: one caller's key never collides with, or reveals,
		// another's.
		String key = (idempotencyKey != null) ? caller.id() + "/" + idempotencyKey : null;
		Booking booking = this.bookings.book(wanted, key, caller);
		Appointment appointment = booking.appointment();
		return ResponseEntity.created(URI.create("/api/v1/appointments/" + appointment.id()))
			.header("Idempotent-Replayed", String.valueOf(booking.replayed()))
			.body(view(appointment));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One appointment")
	AppointmentView get(@PathVariable UUID id) {
		return view(this.bookings.read(CurrentUser.required(), new AppointmentId(id)));
	}

	@PostMapping("/{id}/cancel")
	@ApiResponse(responseCode = "200", description = "The appointment as it is now")
	@ApiResponse(responseCode = "409", description = "The appointment is no longer booked")
	@ApiResponse(responseCode = "422",
			description = "The session has already started, or (for a client) it starts within the clinic's cancellation window ('inside-cancellation-window')")
	@Operation(summary = "Cancel an appointment; its time is free again at once")
	AppointmentView cancel(@PathVariable UUID id, @Valid @RequestBody CancelRequest request) {
		return view(this.bookings.cancel(CurrentUser.required(), new AppointmentId(id), request.reason().strip()));
	}

	@PostMapping("/{id}/complete")
	@ApiResponse(responseCode = "200", description = "The appointment as it is now")
	@ApiResponse(responseCode = "409", description = "The appointment is no longer booked")
	@ApiResponse(responseCode = "422", description = "The session has not started yet")
	@Operation(summary = "Mark a session as having taken place (its therapist, or the front desk)",
			description = "Only a booked session that has started; 422 'not-yet-started' before. Completed sessions let "
					+ "the client review the therapist.")
	AppointmentView complete(@PathVariable UUID id) {
		return view(this.bookings.complete(CurrentUser.required(), new AppointmentId(id)));
	}

	@PostMapping("/{id}/no-show")
	@ApiResponse(responseCode = "200", description = "The appointment as it is now")
	@ApiResponse(responseCode = "409", description = "The appointment is no longer booked")
	@ApiResponse(responseCode = "422", description = "The session has not started yet ('not-yet-started')")
	@Operation(summary = "Mark that the client did not come (its therapist, or the front desk; once it has started)",
			description = "Counted in the client's attendance on their record.")
	AppointmentView noShow(@PathVariable UUID id) {
		return view(this.bookings.noShow(CurrentUser.required(), new AppointmentId(id)));
	}

	@PostMapping("/{id}/reschedule")
	@ApiResponse(responseCode = "200", description = "The appointment as it is now")
	@ApiResponse(responseCode = "409", description = "The new time is taken, or the appointment is no longer booked")
	@ApiResponse(responseCode = "422", description = "A booking rule refused the new time; 'rule' names it")
	@ApiResponse(responseCode = "403", description = "Only the front desk may give the session to another therapist")
	@ApiResponse(responseCode = "404", description = "No such appointment, or no such therapist in its clinic")
	@Operation(
			summary = "Move an appointment: the new time (and, for the front desk, another therapist) is taken and "
					+ "the old freed together, or nothing changes",
			description = "Without therapistId the session stays with its therapist. With it, the front desk reassigns the "
					+ "session: the therapist must be of the same clinic and certified in the session's technique, and "
					+ "the same booking rules and constraints apply.")
	AppointmentView reschedule(@PathVariable UUID id, @Valid @RequestBody RescheduleRequest request) {
		return view(this.bookings.move(CurrentUser.required(), new AppointmentId(id),
				(request.therapistId() != null) ? new TherapistId(request.therapistId()) : null,
				request.start().toInstant()));
	}

	private AppointmentView view(Appointment appointment) {
		return view(this.clinics.get(appointment.clinicId()), appointment);
	}

	static AppointmentView view(Clinic clinic, Appointment appointment) {
		return new AppointmentView(appointment.id().value(), appointment.clinicId().value(),
				appointment.therapistId().value(), appointment.clientId().value(), appointment.service(),
				appointment.technique(), clinic.localTime(appointment.start()), clinic.localTime(appointment.end()),
				appointment.status(), local(clinic, appointment.cancelledAt()), appointment.cancellationReason(),
				appointment.lateCancellation());
	}

	private static OffsetDateTime local(Clinic clinic, Instant instant) {
		return (instant != null) ? clinic.localTime(instant) : null;
	}

	record BookRequest(@NotNull UUID clientId, @NotNull UUID therapistId,
			@NotBlank @Size(max = 40) @Parameter(example = "TREATMENT_60") String service,
			@NotNull @Parameter(example = "2026-12-01T09:00:00+01:00") OffsetDateTime start, Technique technique,
			@Size(max = Bookings.MAX_WAIVER_LENGTH) @Parameter(
					description = "Front desk only: why a treatment is booked for a client without a current intake, "
							+ "where the clinic asks for one (kept with the appointment, audited)") String intakeWaiver) {

		BookingRequest toBookingRequest() {
			return new BookingRequest(new ClientId(this.clientId), new TherapistId(this.therapistId), this.service,
					this.start.toInstant(), this.technique, this.intakeWaiver);
		}

	}

	record CancelRequest(@NotBlank @Size(max = 500) String reason) {
	}

	record RescheduleRequest(@NotNull OffsetDateTime start, UUID therapistId) {
	}

	record AppointmentView(UUID id, UUID clinicId, UUID therapistId, UUID clientId, String service, Technique technique,
			OffsetDateTime start, OffsetDateTime end, AppointmentStatus status, OffsetDateTime cancelledAt,
			String cancellationReason, boolean lateCancellation) {
	}

}
