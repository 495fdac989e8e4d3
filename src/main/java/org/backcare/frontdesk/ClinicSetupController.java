package org.backcare.frontdesk;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalTime;
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
import org.backcare.clinic.ServiceType;
import org.backcare.platform.InvalidRequest;
import org.backcare.therapist.Gender;
import org.backcare.therapist.TherapistId;
import org.backcare.therapist.Therapists;
import org.backcare.therapist.WeeklyHours;
import org.backcare.therapist.WorkingInterval;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Clinic set-up for its admins: settings and policies, therapists' hours and time off.
 */
@RestController
@Tag(name = "Clinic set-up (admin)")
@SecurityRequirement(name = "bearer")
class ClinicSetupController {

	private final ClinicSetup setup;

	ClinicSetupController(ClinicSetup setup) {
		this.setup = setup;
	}

	@GetMapping("/api/v1/admin/clinic")
	@Operation(summary = "The admin's clinic: name, address, time zone and policies")
	ClinicSetup.Settings settings() {
		return this.setup.settings(CurrentUser.required());
	}

	@PutMapping("/api/v1/admin/clinic")
	@ApiResponse(responseCode = "200", description = "The settings as they are now")
	@Operation(
			summary = "Change the clinic's name, address, time zone, cancellation window, intake policy, minimum notice, "
					+ "booking horizon and reminders",
			description = "Audited. Booked sessions keep their instants; a new time zone changes how they are shown and "
					+ "how days are counted from now on. A new notice or horizon holds for bookings from now on. New "
					+ "reminder times are planned for sessions booked or moved from now on; a reminder planned already "
					+ "goes only if its time is still one of the clinic's.")
	ClinicSetup.Settings change(@Valid @RequestBody SettingsBody body) {
		CurrentUser admin = CurrentUser.required();
		// The notice and horizon came later: a client that does not send them keeps them.
		ClinicSetup.Settings current = this.setup.settings(admin);
		return this.setup
			.change(admin, new ClinicSetup.Settings(body.name(), (body.address() != null) ? body.address() : "",
					body.timeZone(), body.cancellationWindowHours(), body.intakeBeforeTreatment(),
					(body.minimumNoticeMinutes() != null) ? body.minimumNoticeMinutes()
							: current.minimumNoticeMinutes(),
					(body.bookingHorizonDays() != null) ? body.bookingHorizonDays() : current.bookingHorizonDays(),
					(body.reminderHoursBefore() != null) ? body.reminderHoursBefore() : current.reminderHoursBefore()));
	}

	@PostMapping("/api/v1/admin/therapists")
	@ApiResponse(responseCode = "201", description = "Added: the new therapist's id")
	@Operation(
			summary = "Add a therapist (their profile); then record their licence and certifications and set their hours",
			description = "Audited. A therapist is bookable once a verified licence, a verified certification and hours "
					+ "are on record.")
	ResponseEntity<TherapistAdded> addTherapist(@Valid @RequestBody ProfileBody body) {
		TherapistId id = this.setup.addTherapist(CurrentUser.required(), body.toProfile());
		return ResponseEntity.created(URI.create("/api/v1/therapists/" + id)).body(new TherapistAdded(id.value()));
	}

	@PutMapping("/api/v1/admin/therapists/{id}")
	@ApiResponse(responseCode = "204", description = "Changed")
	@ApiResponse(responseCode = "404", description = "No such therapist in the admin's clinic")
	@Operation(summary = "Change a therapist's profile: name, bio, languages, experience, gender (audited)")
	ResponseEntity<Void> changeProfile(@PathVariable UUID id, @Valid @RequestBody ProfileBody body) {
		this.setup.changeProfile(CurrentUser.required(), id, body.toProfile());
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/api/v1/admin/therapists/{id}/active")
	@ApiResponse(responseCode = "204", description = "Set")
	@ApiResponse(responseCode = "404", description = "No such therapist in the admin's clinic")
	@ApiResponse(responseCode = "409",
			description = "The therapist still has booked sessions to come (listed in `sessions`): move or reassign them "
					+ "first; nothing was changed")
	@Operation(summary = "A therapist leaves the clinic (active false) or comes back (active true)",
			description = "One who has left keeps their history (sessions, reviews, audit) but is no longer listed, "
					+ "matched or bookable; the database refuses a booking onto them. Audited.")
	ResponseEntity<Void> setActive(@PathVariable UUID id, @Valid @RequestBody ActiveBody body) {
		this.setup.setActive(CurrentUser.required(), id, body.active());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/admin/services")
	@Operation(summary = "The clinic's services: code, name, minutes, and the rest after each")
	List<ServiceView> services() {
		return this.setup.services(CurrentUser.required()).stream().map(ServiceView::of).toList();
	}

	@PutMapping("/api/v1/admin/services/{code}")
	@ApiResponse(responseCode = "200", description = "The service as it is now (added when the code is new)")
	@Operation(summary = "Add a service or change one: name, minutes (15 to 480, by the quarter hour), rest after it",
			description = "Sessions already booked keep the times they were booked with. Audited.")
	ServiceView saveService(
			@PathVariable @Parameter(example = "HOT_STONE_45",
					schema = @Schema(pattern = "^[A-Z][A-Z0-9_]{1,39}$")) String code,
			@Valid @RequestBody ServiceBody body) {
		return ServiceView.of(this.setup.saveService(CurrentUser.required(),
				new ServiceType(code, body.name(), java.time.Duration.ofMinutes(body.durationMinutes()),
						java.time.Duration.ofMinutes(body.bufferMinutes()))));
	}

	@PutMapping("/api/v1/admin/services/{code}/offered")
	@ApiResponse(responseCode = "200", description = "The service as it is now")
	@ApiResponse(responseCode = "400",
			description = "No such service, or the first consultation or the 60-minute treatment, which cannot be "
					+ "withdrawn")
	@Operation(summary = "Withdraw a service (offered false) or offer it again (offered true)",
			description = "Sessions already booked with a withdrawn service keep it; new bookings, series and free "
					+ "times cannot choose it. Audited.")
	ServiceView setOffered(
			@PathVariable @Parameter(example = "TREATMENT_90",
					schema = @Schema(pattern = "^[A-Z][A-Z0-9_]{1,39}$")) String code,
			@Valid @RequestBody OfferedBody body) {
		return ServiceView.of(this.setup.setOffered(CurrentUser.required(), code, body.offered()));
	}

	@PutMapping("/api/v1/admin/therapists/{id}/hours")
	@ApiResponse(responseCode = "200", description = "Set; the booked sessions now outside the hours, if any")
	@ApiResponse(responseCode = "404", description = "No such therapist in the admin's clinic")
	@Operation(summary = "Replace a therapist's weekly hours (several intervals a day, on the quarter hour)",
			description = "Booked sessions are never cancelled by it: those now outside the hours are answered here and "
					+ "listed on the front desk's work list until moved or cancelled. Audited.")
	List<Dashboard.Reassign> setHours(@PathVariable UUID id, @Valid @RequestBody HoursBody body) {
		return this.setup.setHours(CurrentUser.required(), id,
				body.intervals().stream().map(Interval::toWorkingInterval).toList());
	}

	@PostMapping("/api/v1/admin/therapists/{id}/time-off")
	@ApiResponse(responseCode = "201", description = "Added; its id and the booked sessions it strands, if any")
	@ApiResponse(responseCode = "404", description = "No such therapist in the admin's clinic")
	@Operation(summary = "Add time off",
			description = "Booked sessions in it are never cancelled by it: they are answered here and listed on the front "
					+ "desk's work list until moved or cancelled. Audited.")
	ResponseEntity<ClinicSetup.TimeOffAdded> addTimeOff(@PathVariable UUID id, @Valid @RequestBody TimeOffBody body) {
		ClinicSetup.TimeOffAdded added = this.setup.addTimeOff(CurrentUser.required(), id, body.from().toInstant(),
				body.to().toInstant(), body.reason());
		return ResponseEntity.created(URI.create("/api/v1/admin/therapists/" + id + "/time-off/" + added.id()))
			.body(added);
	}

	@DeleteMapping("/api/v1/admin/therapists/{id}/time-off/{timeOffId}")
	@ApiResponse(responseCode = "204", description = "Removed")
	@ApiResponse(responseCode = "404", description = "No such therapist or time off")
	@Operation(summary = "Remove time off (audited)")
	ResponseEntity<Void> removeTimeOff(@PathVariable UUID id, @PathVariable UUID timeOffId) {
		this.setup.removeTimeOff(CurrentUser.required(), id, timeOffId);
		return ResponseEntity.noContent().build();
	}

	record ProfileBody(@NotBlank @Size(max = 200) String name, @Size(max = 4000) String bio,
			@Size(max = 10) @ArraySchema(schema = @Schema(example = "en",
					description = "ISO 639-1 code")) List<@NotNull @Size(min = 2, max = 2) String> languages,
			@Min(0) @Max(70) int yearsTreatingBackPain, Gender gender) {

		Therapists.Profile toProfile() {
			return new Therapists.Profile(this.name, this.bio, this.languages, this.yearsTreatingBackPain, this.gender);
		}

	}

	record TherapistAdded(UUID id) {
	}

	record ServiceBody(@NotBlank @Size(max = 100) String name, @Min(15) @Max(480) int durationMinutes,
			@Min(0) @Max(120) int bufferMinutes) {
	}

	record ServiceView(String code, String name, long durationMinutes, long bufferMinutes, @Schema(
			description = "false once withdrawn: sessions booked with it keep it, new bookings cannot choose it") boolean offered) {

		static ServiceView of(ServiceType service) {
			return new ServiceView(service.code(), service.name(), service.duration().toMinutes(),
					service.buffer().toMinutes(), service.offered());
		}

	}

	record SettingsBody(@NotBlank @Size(max = 200) String name, @Size(max = 500) String address,
			@NotBlank @Size(max = 64) @Schema(example = "Europe/Berlin") String timeZone,
			@Min(0) @Max(336) int cancellationWindowHours, @NotNull Boolean intakeBeforeTreatment,
			@Min(0) @Max(2880) @Schema(description = "how soon a session may start, from now; left out: unchanged",
					example = "120") Integer minimumNoticeMinutes,
			@Min(7) @Max(730) @Schema(description = "how far ahead bookings open; left out: unchanged",
					example = "90") Integer bookingHorizonDays,
			@Size(max = 2) @Schema(
					description = "how many hours before a session its client is reminded by e-mail: none, one or two "
							+ "different values of 1 to 168; left out: unchanged",
					example = "[48, 2]") List<@NotNull @Min(1) @Max(168) Integer> reminderHoursBefore) {
	}

	record ActiveBody(@NotNull Boolean active) {
	}

	record OfferedBody(@NotNull Boolean offered) {
	}

	record HoursBody(@NotNull @Size(max = 7 * WeeklyHours.MAX_PER_DAY) List<@Valid @NotNull Interval> intervals) {
	}

	record Interval(@NotNull DayOfWeek day, @NotNull @Schema(type = "string", example = "09:00") LocalTime starts,
			@NotNull @Schema(type = "string", example = "12:30") LocalTime ends) {

		WorkingInterval toWorkingInterval() {
			if (!this.ends.isAfter(this.starts)) {
				throw new InvalidRequest(
						"On " + this.day + ", " + this.starts + "–" + this.ends + " ends before it starts.");
			}
			return new WorkingInterval(this.day, this.starts, this.ends);
		}

	}

	record TimeOffBody(@NotNull @Schema(example = "2030-01-07T09:00:00+01:00") OffsetDateTime from,
			@NotNull @Schema(example = "2030-01-07T17:00:00+01:00") OffsetDateTime to, @Size(max = 500) String reason) {
	}

}
