package org.backcare.account;

import java.time.LocalDate;

import org.backcare.client.FoundVia;
import org.backcare.clinic.Clinics;
import org.backcare.platform.ProblemException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in and registration pages. */
@Controller
class AccountPages {

	static final String LOGIN = "account/login";

	static final String REGISTER = "account/register";

	private final ObjectProvider<SignInHints> hints;

	private final Accounts accounts;

	private final Clinics clinics;

	AccountPages(ObjectProvider<SignInHints> hints, Accounts accounts, Clinics clinics) {
		this.hints = hints;
		this.accounts = accounts;
		this.clinics = clinics;
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

	@PostMapping("/register")
	String register(@RequestParam String name, @RequestParam String email, @RequestParam String password,
			@RequestParam(required = false) String phone, @RequestParam(required = false) LocalDate dateOfBirth,
			@RequestParam(defaultValue = "false") boolean consentToTreatment,
			@RequestParam(defaultValue = "false") boolean consentToDataProcessing,
			@RequestParam(required = false) String foundVia, @RequestParam(required = false) String referrer,
			Model model) {
		model.addAttribute("consents", ConsentTexts.all());
		try {
			if (name.isBlank() || name.length() > 200 || dateOfBirth == null
					|| dateOfBirth.isBefore(LocalDate.of(1900, 1, 1)) || !dateOfBirth.isBefore(LocalDate.now())) {
				model.addAttribute("error", "Please give your name (up to 200 characters) and a valid date of birth.");
			}
			else if (email.length() > 320 || !email.matches("[^@\\s]+@[^@\\s]+")
					|| (phone != null && phone.length() > 40)) {
				model.addAttribute("error",
						"Please give a valid e-mail address and a phone number of up to 40 characters.");
			}
			else if (referrer != null && referrer.length() > 200) {
				model.addAttribute("error", "Who referred you can be at most 200 characters.");
			}
			else if (!consentToTreatment || !consentToDataProcessing) {
				model.addAttribute("error", "Both consents are needed before we can book sessions for you.");
			}
			else {
				this.accounts.registerClient(this.clinics.chosenOrServed(null).id(), name.strip(), email,
						(phone != null) ? phone.strip() : "", dateOfBirth, password, foundVia(foundVia), referrer);
				return "redirect:/login?registered";
			}
		}
		catch (ProblemException refused) {
			model.addAttribute("error", refused.getMessage());
		}
		model.addAttribute("name", name);
		model.addAttribute("email", email);
		model.addAttribute("phone", phone);
		model.addAttribute("dateOfBirth", dateOfBirth);
		model.addAttribute("foundVia", foundVia);
		model.addAttribute("referrer", referrer);
		return REGISTER;
	}

	/** An unknown or empty answer to "how did you find us" is simply no answer. */
	private static FoundVia foundVia(String value) {
		for (FoundVia known : FoundVia.values()) {
			if (known.name().equals(value)) {
				return known;
			}
		}
		return null;
	}

}
