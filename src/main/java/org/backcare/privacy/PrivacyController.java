package org.backcare.privacy;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;

import org.backcare.account.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
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

	private final MyData data;

	PrivacyController(MyData data) {
		this.data = data;
	}

	@GetMapping("/api/v1/me/data")
	@ApiResponse(responseCode = "200", description = "The export, one member per part (and exportedAt)",
			content = @Content(mediaType = "application/json", schema = @Schema(type = "object",
					description = "exportedAt, then account, client, appointments, intakes and reviews, as BackCare holds them")))
	@Operation(summary = "Download everything BackCare holds about the signed-in client, as JSON",
			description = "One member per part of BackCare that keeps personal data: the account and its consents, the "
					+ "client's details, appointments, intakes, reviews.")
	ResponseEntity<Map<String, Object>> export() {
		return download(this.data.export(CurrentUser.required()));
	}

	/** The export as a file to save. */
	static ResponseEntity<Map<String, Object>> download(Map<String, Object> export) {
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
	ResponseEntity<Void> erase(@Valid @RequestBody Erasure erasure) {
		this.data.erase(CurrentUser.required());
		return ResponseEntity.noContent().build();
	}

	record Erasure(
			@AssertTrue(message = "must be true to confirm that all personal data is to be erased") boolean confirm) {
	}

}
