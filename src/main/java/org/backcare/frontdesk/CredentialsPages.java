package org.backcare.frontdesk;

import java.util.Locale;
import java.util.UUID;

import jakarta.validation.Valid;

import org.backcare.account.CurrentUser;
import org.backcare.frontdesk.FrontDeskController.CertificationKey;
import org.backcare.frontdesk.FrontDeskController.CertificationRequest;
import org.backcare.frontdesk.FrontDeskController.LicenceKey;
import org.backcare.frontdesk.FrontDeskController.LicenceRequest;
import org.backcare.platform.FormProblems;
import org.backcare.platform.ProblemException;
import org.backcare.platform.RecordNotFound;
import org.backcare.therapist.Credentials;
import org.backcare.therapist.Therapist;
import org.backcare.therapist.TherapistId;
import org.backcare.therapist.Therapists;

import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The credential forms on a therapist's profile page (admins): record and verify licences
 * and certifications. Each form is bound by Spring to the same record the API takes, so
 * one set of constraints speaks to both; each goes back to the profile, saying what was
 * done or what to fix.
 */
@Controller
class CredentialsPages {

	private final Credentials credentials;

	private final Therapists therapists;

	private final MessageSource messages;

	CredentialsPages(Credentials credentials, Therapists therapists, MessageSource messages) {
		this.credentials = credentials;
		this.therapists = therapists;
		this.messages = messages;
	}

	@PostMapping("/admin/therapists/{id}/licences")
	String addLicence(@PathVariable UUID id, @Valid LicenceRequest licence, BindingResult binding,
			RedirectAttributes redirect, Locale locale) {
		Therapist therapist = own(id);
		if (binding.hasErrors()) {
			return problem(therapist, redirect, FormProblems.of(binding, this.messages, locale, "licence"));
		}
		try {
			this.credentials.addLicence(therapist.id(), licence.jurisdiction().strip(), licence.number().strip(),
					licence.validFrom(), licence.validUntil(), licence.documentRef());
			return done(therapist, redirect,
					"Licence " + licence.jurisdiction().strip() + " " + licence.number().strip()
							+ " recorded. It counts once someone who has seen the document verifies it.");
		}
		catch (ProblemException refused) {
			return problem(therapist, redirect, refused.getMessage());
		}
		catch (DuplicateKeyException ex) {
			return problem(therapist, redirect, "That licence is already recorded.");
		}
	}

	@PostMapping("/admin/therapists/{id}/licences/verify")
	String verifyLicence(@PathVariable UUID id, @Valid LicenceKey licence, BindingResult binding,
			RedirectAttributes redirect, Locale locale) {
		Therapist therapist = own(id);
		if (binding.hasErrors()) {
			return problem(therapist, redirect, FormProblems.of(binding, this.messages, locale, "licence"));
		}
		this.credentials.verifyLicence(therapist.id(), licence.jurisdiction(), licence.number(),
				CurrentUser.required().email());
		return done(therapist, redirect, "Licence " + licence.jurisdiction() + " " + licence.number() + " verified: "
				+ therapist.name() + " can be booked on the days it covers.");
	}

	@PostMapping("/admin/therapists/{id}/certifications")
	String certify(@PathVariable UUID id, @Valid CertificationRequest certification, BindingResult binding,
			RedirectAttributes redirect, Locale locale) {
		Therapist therapist = own(id);
		if (binding.hasErrors()) {
			return problem(therapist, redirect, FormProblems.of(binding, this.messages, locale, "certification"));
		}
		try {
			this.credentials.recordCertification(therapist.id(), certification.technique(), certification.certifiedOn(),
					certification.validUntil(), certification.documentRef());
			return done(therapist, redirect, certification.technique().displayName()
					+ " certification recorded. It counts once someone who has seen the certificate verifies it.");
		}
		catch (ProblemException refused) {
			return problem(therapist, redirect, refused.getMessage());
		}
	}

	@PostMapping("/admin/therapists/{id}/certifications/verify")
	String verifyCertification(@PathVariable UUID id, @Valid CertificationKey certification, BindingResult binding,
			RedirectAttributes redirect, Locale locale) {
		Therapist therapist = own(id);
		if (binding.hasErrors()) {
			return problem(therapist, redirect, FormProblems.of(binding, this.messages, locale, "certification"));
		}
		this.credentials.verifyCertification(therapist.id(), certification.technique(), CurrentUser.required().email());
		return done(therapist, redirect, certification.technique().displayName() + " certification verified: "
				+ therapist.name() + " can be booked for it.");
	}

	private Therapist own(UUID id) {
		CurrentUser admin = CurrentUser.required();
		return this.therapists.find(new TherapistId(id))
			.filter(therapist -> admin.isAdminOf(therapist.clinicId()))
			.orElseThrow(() -> new RecordNotFound("Therapist", id));
	}

	/** Back to the profile, saying what to fix. */
	private static String problem(Therapist therapist, RedirectAttributes redirect, String problem) {
		redirect.addFlashAttribute("credentialsProblem", problem);
		return "redirect:/therapists/" + therapist.id() + "#credentials";
	}

	/** Back to the profile, saying what was done (a live region reads it out). */
	private static String done(Therapist therapist, RedirectAttributes redirect, String confirmation) {
		redirect.addFlashAttribute("credentialsDone", confirmation);
		return "redirect:/therapists/" + therapist.id() + "#credentials";
	}

}
