package org.backcare.account;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.backcare.account.AuthController.Registration;
import org.backcare.clinic.Clinics;
import org.backcare.platform.FormProblems;
import org.backcare.platform.ProblemException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** The sign-in and registration pages. */
@Controller
class AccountPages {

	static final String LOGIN = "account/login";

	static final String REGISTER = "account/register";

	private final ObjectProvider<SignInHints> hints;

	private final Accounts accounts;

	private final Clinics clinics;

	private final MessageSource messages;

	private final FormSignIn formSignIn;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	AccountPages(ObjectProvider<SignInHints> hints, Accounts accounts, Clinics clinics, MessageSource messages,
			FormSignIn formSignIn) {
		this.formSignIn = formSignIn;
		this.hints = hints;
		this.accounts = accounts;
		this.clinics = clinics;
		this.messages = messages;
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
			HttpServletRequest request, HttpServletResponse response) {
		model.addAttribute("consents", ConsentTexts.all());
		if (binding.hasErrors()) {
			model.addAttribute("error", FormProblems.of(binding, this.messages, locale, "register"));
		}
		else {
			try {
				this.accounts.registerClient(this.clinics.chosenOrServed(null).id(), registration.name().strip(),
						registration.email(), (registration.phone() != null) ? registration.phone().strip() : "",
						registration.dateOfBirth(), registration.password(), registration.foundVia(),
						registration.referrer());
				signIn(registration, request, response);
				return "redirect:/me/appointments";
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

	/**
	 * A new client is signed in at once, through the same sign-in as the login form
	 * (throttle, audit), in a new session id.
	 */
	private void signIn(Registration registration, HttpServletRequest request, HttpServletResponse response) {
		Authentication signedIn = this.formSignIn.authenticate(
				UsernamePasswordAuthenticationToken.unauthenticated(registration.email(), registration.password()));
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(signedIn);
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
	}

}
