package org.backcare.privacy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;

import org.backcare.account.Accounts;
import org.backcare.account.CurrentUser;
import org.backcare.account.Role;
import org.backcare.audit.AccessRule;
import org.backcare.audit.HealthRecord;
import org.backcare.audit.RecordAccess;
import org.backcare.audit.RecordAction;
import org.backcare.booking.Appointment;
import org.backcare.booking.Bookings;
import org.backcare.client.Client;
import org.backcare.client.Clients;
import org.backcare.intake.Intakes;
import org.backcare.platform.Forbidden;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A client's own data: all of it as JSON, or erased. Only the client themselves may do either. */
@RestController
@Tag(name = "Privacy")
@io.swagger.v3.oas.annotations.security.SecurityRequirement(name = "bearer")
class PrivacyController {

	private final Accounts accounts;

	private final Clients clients;

	private final Bookings bookings;

	private final RecordAccess access;

	private final Clock clock;

	private final org.backcare.audit.AuditLog auditLog;

	private final Intakes intakes;

	private final org.backcare.review.Reviews reviews;

	PrivacyController(Accounts accounts, Clients clients, Bookings bookings, RecordAccess access,
			Clock clock, org.backcare.audit.AuditLog auditLog, Intakes intakes, org.backcare.review.Reviews reviews) {
		this.reviews = reviews;
		this.auditLog = auditLog;
		this.accounts = accounts;
		this.clients = clients;
		this.bookings = bookings;
		this.access = access;
		this.clock = clock;
		this.intakes = intakes;
	}

	@GetMapping("/api/v1/me/data")
	@Operation(summary = "Download everything BackCare holds about the signed-in client, as JSON")
	ResponseEntity<DataExport> export() {
		CurrentUser me = client();
		Client client = this.clients.get(me.client());
		DataExport export = new DataExport(this.clock.instant(),
				new AccountData(me.email(), me.role(), this.accounts.openedAt(me.id())),
				new ClientData(client.name(), client.email(), client.phone(), client.dateOfBirth()),
				this.accounts.consents(me.id()),
				this.bookings.ofClient(me.client()).stream().map(AppointmentData::of).toList(),
				this.intakes.exportOf(me.client()), this.reviews.exportOf(me.client()));
		this.access.check(me, RecordAction.DATA_EXPORTED, HealthRecord.client(me.clinic(), me.client()), own(me));
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"backcare-my-data.json\"")
			.body(export);
	}

	@PostMapping("/api/v1/me/erasure")
	@ApiResponse(responseCode = "204", description = "Done; nothing to return")
	@Operation(summary = "Erase the signed-in client's personal data",
			description = "Future sessions are cancelled; name, contact details, date of birth and free text are removed; "
					+ "the account is closed and every token revoked. Anonymous appointment statistics remain.")
	@Transactional
	ResponseEntity<Void> erase(@Valid @RequestBody Erasure erasure) {
		CurrentUser me = client();
		this.access.check(me, RecordAction.DATA_ERASED, HealthRecord.client(me.clinic(), me.client()), own(me));
		this.bookings.forgetClient(me.client());
		// Health data is deleted outright: intakes with their scores, clearances and overrides.
		this.intakes.forgetClient(me.client());
		this.reviews.forgetClient(me.client());
		this.clients.anonymise(me.client());
		this.accounts.erase(me.id());
		// Last, so that the address of the erasure request itself goes too.
		this.auditLog.forgetOrigins(me.id().value());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/me/profile")
	@Operation(summary = "The signed-in client's own profile")
	Profile profile() {
		CurrentUser me = client();
		Client client = this.clients.get(me.client());
		return new Profile(client.name(), client.email(), client.phone(), client.dateOfBirth());
	}

	@org.springframework.web.bind.annotation.PutMapping("/api/v1/me/profile")
	@Operation(summary = "Change the signed-in client's name and phone number")
	Profile updateProfile(@Valid @RequestBody ProfileChange change) {
		CurrentUser me = client();
		this.clients.updateContact(me.client(), change.name().strip(),
				(change.phone() != null) ? change.phone().strip() : "");
		return profile();
	}

	/** A client's own data: only they export or erase it. */
	private static AccessRule own(CurrentUser me) {
		return caller -> caller.isClient(me.client()) ? null : new Forbidden("Only the client can do this.");
	}

	private static CurrentUser client() {
		CurrentUser me = CurrentUser.required();
		if (me.role() != Role.CLIENT) {
			throw new Forbidden("Only clients have personal data to download or erase here.");
		}
		return me;
	}

	record Profile(String name, String email, String phone, LocalDate dateOfBirth) {
	}

	record ProfileChange(@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 200) String name,
			@jakarta.validation.constraints.Size(max = 40) String phone) {
	}

	record Erasure(@AssertTrue(message = "must be true to confirm that all personal data is to be erased") boolean confirm) {
	}

	record DataExport(Instant exportedAt, AccountData account, ClientData client, List<Accounts.Consent> consents,
			List<AppointmentData> appointments, List<org.backcare.intake.Intake> intakes,
			List<org.backcare.review.Review> reviews) {
	}

	record AccountData(String email, Role role, Instant openedAt) {
	}

	record ClientData(String name, String email, String phone, LocalDate dateOfBirth) {
	}

	record AppointmentData(UUID id, UUID therapistId, String service, String technique, Instant start, Instant end,
			String status, Instant cancelledAt, String cancellationReason) {

		static AppointmentData of(Appointment appointment) {
			return new AppointmentData(appointment.id().value(), appointment.therapistId().value(), appointment.service(),
					(appointment.technique() != null) ? appointment.technique().name() : null, appointment.start(),
					appointment.end(), appointment.status().name(), appointment.cancelledAt(),
					appointment.cancellationReason());
		}

	}

}
