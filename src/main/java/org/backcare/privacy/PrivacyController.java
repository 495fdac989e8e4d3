package org.backcare.privacy;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;

import org.backcare.account.CurrentUser;
import org.backcare.account.Role;
import org.backcare.audit.AccessRule;
import org.backcare.audit.HealthRecord;
import org.backcare.audit.RecordAccess;
import org.backcare.audit.RecordAction;
import org.backcare.client.ClientPrivacy;
import org.backcare.platform.Forbidden;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A client's own data: all of it as JSON, or erased. Only the client themselves may do
 * either.
 */
@RestController
@Tag(name = "Privacy")
@SecurityRequirement(name = "bearer")
class PrivacyController {

	private final ClientPrivacy privacy;

	private final RecordAccess access;

	private final Clock clock;

	PrivacyController(ClientPrivacy privacy, RecordAccess access, Clock clock) {
		this.privacy = privacy;
		this.access = access;
		this.clock = clock;
	}

	@GetMapping("/api/v1/me/data")
	@ApiResponse(responseCode = "200", description = "The export, one member per part (and exportedAt)",
			content = @Content(mediaType = "application/json", schema = @Schema(type = "object",
					description = "exportedAt, then account, client, appointments, intakes and reviews, as BackCare holds them")))
	@Operation(summary = "Download everything BackCare holds about the signed-in client, as JSON",
			description = "One member per part of BackCare that keeps personal data: the account and its consents, the "
					+ "client's details, appointments, intakes, reviews.")
	ResponseEntity<Map<String, Object>> export() {
		CurrentUser me = client();
		this.access.check(me, RecordAction.DATA_EXPORTED, HealthRecord.client(me.clinic(), me.client()), own(me));
		Map<String, Object> export = new LinkedHashMap<>();
		export.put("exportedAt", this.clock.instant());
		export.putAll(this.privacy.export(me.client()));
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"backcare-my-data.json\"")
			.body(export);
	}

	@PostMapping("/api/v1/me/erasure")
	@ApiResponse(responseCode = "204", description = "Done; nothing to return")
	@Operation(summary = "Erase the signed-in client's personal data",
			description = "Future sessions are cancelled; name, contact details, date of birth, intakes, reviews and free "
					+ "text are removed; the account is closed and every token revoked. Anonymous appointment statistics "
					+ "remain.")
	@Transactional
	ResponseEntity<Void> erase(@Valid @RequestBody Erasure erasure) {
		CurrentUser me = client();
		// Audited first, in the same transaction: the entry commits with the erasure, or
		// neither does.
		this.access.check(me, RecordAction.DATA_ERASED, HealthRecord.client(me.clinic(), me.client()), own(me));
		this.privacy.erase(me.client());
		return ResponseEntity.noContent().build();
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

	record Erasure(
			@AssertTrue(message = "must be true to confirm that all personal data is to be erased") boolean confirm) {
	}

}
