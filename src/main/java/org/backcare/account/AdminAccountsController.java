package org.backcare.account;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.backcare.therapist.TherapistId;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admins manage the accounts of their own clinic (the security configuration admits
 * admins only).
 */
@RestController
@Tag(name = "Accounts (admin)")
@SecurityRequirement(name = "bearer")
class AdminAccountsController {

	private final Accounts accounts;

	private final Invitations invitations;

	private final AccountAdministration administration;

	AdminAccountsController(Accounts accounts, Invitations invitations, AccountAdministration administration) {
		this.accounts = accounts;
		this.invitations = invitations;
		this.administration = administration;
	}

	@GetMapping("/api/v1/admin/accounts")
	@Operation(summary = "Accounts of the admin's clinic")
	List<AccountView> list() {
		CurrentUser admin = CurrentUser.required();
		return this.accounts.all(admin.clinic()).stream().map(this::view).toList();
	}

	@PostMapping("/api/v1/admin/accounts/{id}/disable")
	@ApiResponse(responseCode = "204", description = "Done; nothing to return")
	@Operation(summary = "Disable an account: it can no longer sign in and every token and session of it ends")
	ResponseEntity<Void> disable(@PathVariable UUID id) {
		this.administration.disable(CurrentUser.required(), id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/admin/accounts/{id}/enable")
	@ApiResponse(responseCode = "204", description = "Done; nothing to return")
	@Operation(summary = "Enable a disabled account again: it can sign in (its old tokens stay revoked)")
	ResponseEntity<Void> enable(@PathVariable UUID id) {
		this.administration.enable(CurrentUser.required(), id);
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/api/v1/admin/accounts/{id}/role")
	@ApiResponse(responseCode = "204", description = "Done; every token and session of the account has ended")
	@ApiResponse(responseCode = "422",
			description = "A client account cannot change role, an admin cannot change their own, or a therapist "
					+ "account needs a therapist of the clinic")
	@Operation(summary = "Make a staff account a therapist (of a therapist record) or an admin")
	ResponseEntity<Void> changeRole(@PathVariable UUID id, @Valid @RequestBody RoleChange change) {
		this.administration.changeRole(CurrentUser.required(), id, change.role(), change.therapistId());
		return ResponseEntity.noContent().build();
	}

	record RoleChange(@NotNull Role role, UUID therapistId) {
	}

	@PostMapping("/api/v1/admin/invitations")
	@ApiResponse(responseCode = "409", description = "The e-mail address already has an account")
	@ApiResponse(responseCode = "201", description = "Created")
	@Operation(summary = "Invite a therapist or an admin",
			description = "Mails the invited address a link that works once, for a week: it opens the account with a "
					+ "password the invited person chooses (POST /api/v1/auth/invitations/accept with the link's "
					+ "token). The admin never sees the token. Audited.")
	ResponseEntity<InvitationView> invite(@Valid @RequestBody InvitationRequest request) {
		CurrentUser admin = CurrentUser.required();
		Invitations.Invitation invitation = this.invitations.invite(admin, request.email(), request.role(),
				(request.therapistId() != null) ? new TherapistId(request.therapistId()) : null);
		return ResponseEntity.created(URI.create("/api/v1/auth/invitations/accept"))
			.body(new InvitationView(invitation.email(), invitation.role(), request.therapistId(),
					invitation.expiresAt()));
	}

	private AccountView view(CurrentUser user) {
		return new AccountView(user.id().value(), user.email(), user.role(),
				(user.client() != null) ? user.client().value() : null,
				(user.therapist() != null) ? user.therapist().value() : null, this.accounts.enabled(user.id()));
	}

	record InvitationRequest(@NotBlank @Email @Size(max = 320) String email, @NotNull Role role, UUID therapistId) {
	}

	record InvitationView(String email, Role role, UUID therapistId, Instant expiresAt) {
	}

	record AccountView(UUID id, String email, Role role, UUID clientId, UUID therapistId, boolean enabled) {
	}

}
