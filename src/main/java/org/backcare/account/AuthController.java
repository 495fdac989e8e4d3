package org.backcare.account;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;

import org.backcare.client.FoundVia;
import org.backcare.platform.InvalidRequest;
import org.backcare.platform.RecordNotFound;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Authentication")
class AuthController {

	private final SignIn signIn;

	private final BearerTokens tokens;

	private final Accounts accounts;

	private final ApplicationEventPublisher events;

	private final Invitations invitations;

	private final Registrations registrations;

	private final PasswordResets resets;

	private final PasswordChange passwordChange;

	AuthController(SignIn signIn, BearerTokens tokens, Accounts accounts, ApplicationEventPublisher events,
			Invitations invitations, Registrations registrations, PasswordResets resets,
			PasswordChange passwordChange) {
		this.registrations = registrations;
		this.resets = resets;
		this.passwordChange = passwordChange;
		this.signIn = signIn;
		this.tokens = tokens;
		this.accounts = accounts;
		this.events = events;
		this.invitations = invitations;
	}

	@PostMapping("/api/v1/auth/token")
	@ApiResponse(responseCode = "200", description = "A bearer token")
	@ApiResponse(responseCode = "401", description = "E-mail or password is wrong")
	@ApiResponse(responseCode = "429", description = "Too many failed attempts; wait as Retry-After says")
	@Operation(summary = "Exchange e-mail and password for a short-lived bearer token",
			description = "Send the token as 'Authorization: Bearer <accessToken>'. It expires after expiresIn seconds, "
					+ "and is revoked at once by POST /api/v1/auth/logout or when an admin disables the account.")
	TokenResponse token(@Valid @RequestBody TokenRequest request, HttpServletRequest http) {
		CurrentUser user = this.signIn.check(request.email(), request.password(), http.getRemoteAddr());
		BearerTokens.Issued issued = this.tokens.issue(user);
		this.events.publishEvent(SecurityEvent.of(SecurityEvent.Action.TOKEN_ISSUED, user));
		return new TokenResponse(issued.token(), "Bearer", issued.expiresInSeconds());
	}

	@PostMapping("/api/v1/auth/logout")
	@ApiResponse(responseCode = "204", description = "Done; nothing to return")
	@SecurityRequirement(name = "bearer")
	@Operation(summary = "Revoke every token of the calling account")
	ResponseEntity<Void> logout() {
		this.accounts.revokeTokens(caller().id());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/auth/register")
	@ApiResponse(responseCode = "429", description = "Too many registrations for that address or from this network")
	@ApiResponse(responseCode = "202",
			description = "The same answer whether or not the address has an account: a new address gets a link to "
					+ "confirm it (the account signs in once confirmed); the owner of an existing account gets a mail "
					+ "instead")
	@Operation(summary = "Register as a client (e-mail and password); confirm the address with the link mailed to it")
	ResponseEntity<Message> register(@Valid @RequestBody Registration registration, HttpServletRequest http) {
		if (registration.dateOfBirth().isBefore(LocalDate.of(1900, 1, 1))) {
			throw new InvalidRequest("The date of birth must be in 1900 or later.");
		}
		this.registrations.register(registration, http.getRemoteAddr());
		return ResponseEntity.accepted().body(new Message(Registrations.ANSWER));
	}

	@PostMapping("/api/v1/auth/confirm-email")
	@ApiResponse(responseCode = "204", description = "Confirmed: the account may sign in")
	@ApiResponse(responseCode = "422", description = "The link is unknown, used or expired")
	@Operation(summary = "Confirm an e-mail address with the token from the mailed link")
	ResponseEntity<Void> confirm(@Valid @RequestBody LinkToken body) {
		this.registrations.confirm(body.token());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/auth/password-reset")
	@ApiResponse(responseCode = "202",
			description = "The same answer whether or not the address has an account; if it has, a link was mailed")
	@ApiResponse(responseCode = "429", description = "Too many requests for that address or from this network")
	@Operation(summary = "Ask for a link to choose a new password (works once, for 30 minutes)")
	ResponseEntity<Message> requestReset(@Valid @RequestBody ResetRequest body, HttpServletRequest http) {
		this.resets.request(body.email(), http.getRemoteAddr());
		return ResponseEntity.accepted().body(new Message(PasswordResets.ANSWER));
	}

	@PostMapping("/api/v1/auth/password-reset/complete")
	@ApiResponse(responseCode = "204", description = "Set; every token and session of the account has ended")
	@ApiResponse(responseCode = "422", description = "The link is unknown, used or expired, or the password too weak")
	@Operation(summary = "Choose a new password with the token from the mailed link")
	ResponseEntity<Void> completeReset(@Valid @RequestBody NewPassword body) {
		this.resets.complete(body.token(), body.password());
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/api/v1/me/password")
	@SecurityRequirement(name = "bearer")
	@ApiResponse(responseCode = "204", description = "Changed; every token and session of the account has ended")
	@ApiResponse(responseCode = "422", description = "The current password is wrong, or the new one too weak")
	@Operation(summary = "Change the password, giving the current one")
	ResponseEntity<Void> changePassword(@Valid @RequestBody PasswordChangeBody body, HttpServletRequest http) {
		this.passwordChange.change(caller(), body.currentPassword(), body.newPassword(), http.getRemoteAddr());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/auth/invitations/accept")
	@ApiResponse(responseCode = "422", description = "The invitation is unknown, used or expired")
	@ApiResponse(responseCode = "201", description = "Created")
	@Operation(summary = "Accept an invitation (therapists and admins): choose a password and open the account")
	ResponseEntity<MeView> accept(@Valid @RequestBody Acceptance acceptance) {
		AccountId id = this.invitations.accept(acceptance.token(), acceptance.password());
		return ResponseEntity.created(URI.create("/api/v1/me")).body(MeView.of(this.accounts.find(id).orElseThrow()));
	}

	@GetMapping("/api/v1/auth/consent-texts")
	@Operation(summary = "The consent texts a client agrees to at registration, with their versions")
	List<ConsentTexts.Text> consentTexts() {
		return ConsentTexts.all();
	}

	@GetMapping("/api/v1/me")
	@SecurityRequirement(name = "bearer")
	@Operation(summary = "Who the token belongs to")
	MeView me() {
		return MeView.of(caller());
	}

	private static CurrentUser caller() {
		return CurrentUser.signedIn().orElseThrow(() -> new RecordNotFound("Account", "(not signed in)"));
	}

	record Message(String message) {
	}

	record LinkToken(@NotBlank @Size(max = 100) String token) {
	}

	record ResetRequest(@NotBlank @Email @Size(max = 320) String email) {
	}

	record NewPassword(@NotBlank @Size(max = 100) String token, @NotBlank @Size(max = 200) String password) {
	}

	record PasswordChangeBody(@NotBlank @Size(max = 200) String currentPassword,
			@NotBlank @Size(max = 200) String newPassword) {
	}

	record TokenRequest(@NotBlank @Size(max = 320) String email, @NotBlank @Size(max = 200) String password) {
	}

	record TokenResponse(String accessToken, String tokenType, long expiresIn) {
	}

	record Acceptance(@NotBlank @Size(max = 100) String token, @NotBlank @Size(max = 200) String password) {
	}

	record Registration(@NotBlank @Size(max = 200) String name, @NotBlank @Email @Size(max = 320) String email,
			@NotBlank @Size(max = 200) @Schema(minLength = PasswordPolicy.MIN_LENGTH,
					description = "At least 12 characters, not a common password",
					example = "three unrelated garden words") String password,
			@Size(max = 40) String phone, @NotNull @Past LocalDate dateOfBirth,
			@AssertTrue(
					message = "must be true: treatment needs your consent (see GET /api/v1/auth/consent-texts)") @NotNull(
							message = "must be true: treatment needs your consent (see GET /api/v1/auth/consent-texts)") Boolean consentToTreatment,
			@AssertTrue(
					message = "must be true: your data can only be kept with your consent (see GET /api/v1/auth/consent-texts)") @NotNull(
							message = "must be true: your data can only be kept with your consent (see GET /api/v1/auth/consent-texts)") Boolean consentToDataProcessing,
			FoundVia foundVia, @Size(max = 200) String referrer) {
	}

	record MeView(UUID accountId, UUID clinicId, String email, Role role, UUID clientId, UUID therapistId) {

		static MeView of(CurrentUser user) {
			return new MeView(user.id().value(), user.clinic().value(), user.email(), user.role(),
					(user.client() != null) ? user.client().value() : null,
					(user.therapist() != null) ? user.therapist().value() : null);
		}

	}

}
