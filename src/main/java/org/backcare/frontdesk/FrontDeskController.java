package org.backcare.frontdesk;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.backcare.account.CurrentUser;
import org.backcare.client.Client;
import org.backcare.client.ClientId;
import org.backcare.client.Clients;
import org.backcare.client.FoundVia;
import org.backcare.clinic.Clinics;
import org.backcare.platform.RecordNotFound;
import org.backcare.therapist.Credentials;
import org.backcare.therapist.Technique;
import org.backcare.therapist.Therapist;
import org.backcare.therapist.TherapistId;
import org.backcare.therapist.Therapists;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Front desk")
@SecurityRequirement(name = "bearer")
class FrontDeskController {

	private final Credentials credentials;

	private final Therapists therapists;

	private final Dashboard dashboard;

	private final Clients clients;

	private final Clinics clinics;

	FrontDeskController(Credentials credentials, Therapists therapists, Dashboard dashboard, Clients clients,
			Clinics clinics) {
		this.credentials = credentials;
		this.therapists = therapists;
		this.dashboard = dashboard;
		this.clients = clients;
		this.clinics = clinics;
	}

	@GetMapping("/api/v1/admin/dashboard")
	@Operation(summary = "What needs attention: licences ending within 30 days or unverified, sessions to reassign "
			+ "because their therapist has no valid licence that day (with the clients affected), referral sources")
	Dashboard.Attention dashboard() {
		return this.dashboard.of(admin());
	}

	@GetMapping("/api/v1/admin/therapists/{id}/credentials")
	@Operation(summary = "A therapist's licences and certifications with their verification")
	Credentials.Record credentials(@PathVariable UUID id) {
		return this.credentials.of(ownTherapist(id).id());
	}

	@PostMapping("/api/v1/admin/therapists/{id}/licences")
	@ApiResponse(responseCode = "201", description = "Created")
	@Operation(summary = "Record a licence from its document; it counts once verified")
	ResponseEntity<Credentials.Record> addLicence(@PathVariable UUID id, @Valid @RequestBody LicenceRequest request) {
		Therapist therapist = ownTherapist(id);
		this.credentials.addLicence(therapist.id(), request.jurisdiction().strip(), request.number().strip(),
				request.validFrom(), request.validUntil(), request.documentRef());
		return ResponseEntity.status(HttpStatus.CREATED).body(this.credentials.of(therapist.id()));
	}

	@PostMapping("/api/v1/admin/therapists/{id}/licences/verify")
	@Operation(summary = "Verify a licence: you have seen the document")
	Credentials.Record verifyLicence(@PathVariable UUID id, @Valid @RequestBody LicenceKey request) {
		Therapist therapist = ownTherapist(id);
		this.credentials.verifyLicence(therapist.id(), request.jurisdiction(), request.number(), admin().email());
		return this.credentials.of(therapist.id());
	}

	@PostMapping("/api/v1/admin/therapists/{id}/licences/end")
	@Operation(summary = "End a licence early (suspended, withdrawn); returns the sessions now to reassign")
	List<Dashboard.Reassign> endLicence(@PathVariable UUID id, @Valid @RequestBody LicenceEnd request) {
		Therapist therapist = ownTherapist(id);
		this.credentials.endLicence(therapist.id(), request.jurisdiction(), request.number(), request.validUntil());
		return this.dashboard.reassign(admin(), this.clinics.get(therapist.clinicId()))
			.stream()
			.filter(session -> session.therapistId().equals(therapist.id()))
			.toList();
	}

	@PostMapping("/api/v1/admin/therapists/{id}/certifications")
	@ApiResponse(responseCode = "201", description = "Created")
	@Operation(summary = "Record a certification (replacing an earlier one for the technique); it counts once verified")
	ResponseEntity<Credentials.Record> certify(@PathVariable UUID id,
			@Valid @RequestBody CertificationRequest request) {
		Therapist therapist = ownTherapist(id);
		this.credentials.recordCertification(therapist.id(), request.technique(), request.certifiedOn(),
				request.validUntil(), request.documentRef());
		return ResponseEntity.status(HttpStatus.CREATED).body(this.credentials.of(therapist.id()));
	}

	@PostMapping("/api/v1/admin/therapists/{id}/certifications/verify")
	@Operation(summary = "Verify a certification: you have seen the certificate")
	Credentials.Record verifyCertification(@PathVariable UUID id, @Valid @RequestBody CertificationKey request) {
		Therapist therapist = ownTherapist(id);
		this.credentials.verifyCertification(therapist.id(), request.technique(), admin().email());
		return this.credentials.of(therapist.id());
	}

	@PutMapping("/api/v1/clients/{id}/found-via")
	@ApiResponse(responseCode = "410", description = "The client was erased")
	@ApiResponse(responseCode = "204", description = "Done; nothing to return")
	@Operation(summary = "How the client found the clinic (the client, or the front desk)")
	ResponseEntity<Void> foundVia(@PathVariable UUID id, @Valid @RequestBody FoundViaRequest request) {
		CurrentUser caller = CurrentUser.required();
		Client client = this.clients.find(new ClientId(id))
			.filter(found -> caller.isClient(found.id()) || caller.isAdminOf(found.clinicId()))
			.orElseThrow(() -> new RecordNotFound("Client", id))
			.ensureNotErased();
		this.clients.recordFoundVia(client.id(), request.foundVia(), request.referrer());
		return ResponseEntity.noContent().build();
	}

	private Therapist ownTherapist(UUID id) {
		CurrentUser admin = admin();
		return this.therapists.find(new TherapistId(id))
			.filter(therapist -> admin.isAdminOf(therapist.clinicId()))
			.orElseThrow(() -> new RecordNotFound("Therapist", id));
	}

	private static CurrentUser admin() {
		return CurrentUser.required();
	}

	record LicenceRequest(@NotBlank @Size(max = 100) String jurisdiction, @NotBlank @Size(max = 100) String number,
			@NotNull @DateTimeFormat(iso = ISO.DATE) LocalDate validFrom,
			@NotNull @DateTimeFormat(iso = ISO.DATE) LocalDate validUntil, @Size(max = 200) String documentRef) {
	}

	record LicenceKey(@NotBlank @Size(max = 100) String jurisdiction, @NotBlank @Size(max = 100) String number) {
	}

	record LicenceEnd(@NotBlank @Size(max = 100) String jurisdiction, @NotBlank @Size(max = 100) String number,
			@NotNull LocalDate validUntil) {
	}

	record CertificationRequest(@NotNull Technique technique, @DateTimeFormat(iso = ISO.DATE) LocalDate certifiedOn,
			@DateTimeFormat(iso = ISO.DATE) LocalDate validUntil, @Size(max = 200) String documentRef) {
	}

	record CertificationKey(@NotNull Technique technique) {
	}

	record FoundViaRequest(@NotNull FoundVia foundVia, @Size(max = 200) String referrer) {
	}

}
