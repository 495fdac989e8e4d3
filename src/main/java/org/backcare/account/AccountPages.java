package org.backcare.account;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.backcare.account.AuthController.Registration;
import org.backcare.platform.FormProblems;
import org.backcare.platform.InvalidRequest;
import org.backcare.platform.ProblemException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages of signing in and of accounts: registration and confirming the address,
 * forgotten and changed passwords, accepting an invitation.
 */
@Controller
class AccountPages {

	static final String LOGIN = "account/login";

	static final String REGISTER = "account/register";

	static final String SENT = "account/sent";

	private final ObjectProvider<SignInHints> hints;

	private final MessageSource messages;

	private final Registrations registrations;

	private final PasswordResets resets;

	private final PasswordChange passwordChange;

	private final Invitations invitations;

	AccountPages(ObjectProvider<SignInHints> hints, MessageSource messages, Registrations registrations,
			PasswordResets resets, PasswordChange passwordChange, Invitations invitations) {
		this.hints = hints;
		this.messages = messages;
		this.registrations = registrations;
		this.resets = resets;
		this.passwordChange = passwordChange;
		this.invitations = invitations;
	}

	@GetMapping("/login")
	String login(Model model) {
		model.addAttribute("hints", this.hints.stream().flatMap(provider -> provider.hints().stream()).toList());
		return LOGIN;
	}

	@GetMapping("/register")
	String register(Model model) {
		model.addAttribute("consents", ConsentTexts.all());
		return REGISTER;
	}

	/**
	 * Bound by Spring to the same {@code Registration} record the API takes, so one set
	 * of constraints speaks to both; what to fix is worded from the MessageSource.
	 */
	@PostMapping("/register")
	String register(@Valid Registration registration, BindingResult binding, Model model, Locale locale,
			HttpServletRequest request) {
		model.addAttribute("consents", ConsentTexts.all());
		if (binding.hasErrors()) {
			model.addAttribute("error", FormProblems.of(binding, this.messages, locale, "register"));
		}
		else {
			try {
				this.registrations.register(registration, request.getRemoteAddr());
				return sent(model, "Check your mail", Registrations.ANSWER);
			}
			catch (ProblemException refused) {
				model.addAttribute("error", refused.getMessage());
			}
		}
		model.addAttribute("name", registration.name());
		model.addAttribute("email", registration.email());
		model.addAttribute("phone", registration.phone());
		model.addAttribute("dateOfBirth", registration.dateOfBirth());
		model.addAttribute("foundVia", (registration.foundVia() != null) ? registration.foundVia().name() : null);
		model.addAttribute("referrer", registration.referrer());
		return REGISTER;
	}

	private static String sent(Model model, String heading, String message) {
		model.addAttribute("heading", heading);
		model.addAttribute("message", message);
		return SENT;
	}

	@GetMapping("/confirm-email")
	String confirmForm(@RequestParam(required = false) String token, Model model) {
		model.addAttribute("token", token);
		return "account/confirm";
	}

	/**
	 * Confirming takes a click on the page, not the link alone: mail scanners open links,
	 * and must not use them up.
	 */
	@PostMapping("/confirm-email")
	String confirm(@RequestParam(required = false) String token, Model model) {
		try {
			this.registrations.confirm(link(token));
			return "redirect:/login?confirmed";
		}
		catch (ProblemException refused) {
			model.addAttribute("token", null);
			model.addAttribute("error", refused.getMessage());
			return "account/confirm";
		}
	}

	@GetMapping("/password-reset")
	String resetForm() {
		return "account/reset";
	}

	@PostMapping("/password-reset")
	String requestReset(@RequestParam(required = false) String email, Model model, HttpServletRequest request) {
		if (email == null || email.isBlank() || email.length() > 320 || !email.contains("@")
				|| email.chars().anyMatch(Character::isISOControl)) {
			model.addAttribute("error", "Please give the e-mail address of your account.");
			return "account/reset";
		}
		try {
			this.resets.request(email, request.getRemoteAddr());
		}
		catch (ProblemException refused) {
			model.addAttribute("error", refused.getMessage());
			return "account/reset";
		}
		return sent(model, "Check your mail", PasswordResets.ANSWER);
	}

	@GetMapping("/password-reset/new")
	String newPasswordForm(@RequestParam(required = false) String token, Model model) {
		return passwordForm(model, PasswordForm.RESET, (token != null && this.resets.valid(link(token))) ? token : null,
				null);
	}

	@PostMapping("/password-reset/new")
	String newPassword(@RequestParam(required = false) String token, @RequestParam(required = false) String password,
			Model model) {
		try {
			this.resets.complete(link(token), required(password));
			return "redirect:/login?reset";
		}
		catch (ProblemException refused) {
			return passwordForm(model, PasswordForm.RESET,
					(token != null && this.resets.valid(link(token))) ? token : null, refused.getMessage());
		}
	}

	@GetMapping("/invitation")
	String invitationForm(@RequestParam(required = false) String token, Model model) {
		return passwordForm(model, PasswordForm.INVITATION, token, null);
	}

	@PostMapping("/invitation")
	String acceptInvitation(@RequestParam(required = false) String token,
			@RequestParam(required = false) String password, Model model) {
		try {
			this.invitations.accept(link(token), required(password));
			return "redirect:/login?welcome";
		}
		catch (ProblemException refused) {
			return passwordForm(model, PasswordForm.INVITATION, token, refused.getMessage());
		}
	}

	@GetMapping("/account/password")
	String changeForm(Model model) {
		return passwordForm(model, PasswordForm.CHANGE, null, null);
	}

	/** A changed password ends every session, this one too: sign in again with it. */
	@PostMapping("/account/password")
	String change(@RequestParam(required = false) String currentPassword,
			@RequestParam(required = false) String password, Model model, HttpServletRequest request) {
		try {
			this.passwordChange.change(CurrentUser.required(), (currentPassword != null) ? currentPassword : "",
					required(password), request.getRemoteAddr());
			request.getSession().invalidate();
			SecurityContextHolder.clearContext();
			return "redirect:/login?passwordChanged";
		}
		catch (ProblemException refused) {
			return passwordForm(model, PasswordForm.CHANGE, null, refused.getMessage());
		}
	}

	/**
	 * The three forms that set a password: after a reset link, an invitation, or a
	 * change.
	 */
	enum PasswordForm {

		RESET("Choose a new password", "/password-reset/new"), INVITATION("Open your account", "/invitation"),
		CHANGE("Change your password", "/account/password");

		final String heading;

		final String action;

		PasswordForm(String heading, String action) {
			this.heading = heading;
			this.action = action;
		}

		public String heading() {
			return this.heading;
		}

		public String action() {
			return this.action;
		}

	}

	private static String passwordForm(Model model, PasswordForm form, String token, String error) {
		model.addAttribute("form", form);
		model.addAttribute("token", token);
		model.addAttribute("error", error);
		return "account/password";
	}

	private static String link(String token) {
		if (token == null || token.isBlank() || token.length() > 100) {
			throw new Registrations.LinkRefused();
		}
		return token;
	}

	private static String required(String password) {
		if (password == null || password.isEmpty() || password.length() > 200) {
			throw new InvalidRequest("Please choose a password of 12 to 200 characters.");
		}
		return password;
	}

}
