package org.backcare.account;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.backcare.client.Client;
import org.backcare.client.Clients;
import org.backcare.platform.Forbidden;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in client's own profile, next to {@code /api/v1/me}: read it, change name
 * and phone.
 */
@RestController
@Tag(name = "Accounts")
@SecurityRequirement(name = "bearer")
class ProfileController {

	private final Clients clients;

	ProfileController(Clients clients) {
		this.clients = clients;
	}

	@GetMapping("/api/v1/me/profile")
	@Operation(summary = "The signed-in client's own profile")
	Profile profile() {
		Client client = this.clients.get(client().client());
		return new Profile(client.name(), client.email(), client.phone(), client.dateOfBirth());
	}

	@PutMapping("/api/v1/me/profile")
	@Operation(summary = "Change the signed-in client's name and phone number")
	Profile updateProfile(@Valid @RequestBody ProfileChange change) {
		this.clients.updateContact(client().client(), change.name().strip(),
				(change.phone() != null) ? change.phone().strip() : "");
		return profile();
	}

	private static CurrentUser client() {
		CurrentUser me = CurrentUser.required();
		if (me.role() != Role.CLIENT) {
			throw new Forbidden("Only clients have a profile here; staff details are kept by the clinic.");
		}
		return me;
	}

	record Profile(String name, String email, String phone, LocalDate dateOfBirth) {
	}

	record ProfileChange(@NotBlank @Size(max = 200) String name, @Size(max = 40) String phone) {
	}

}
