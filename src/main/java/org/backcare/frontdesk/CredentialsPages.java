package org.backcare.frontdesk;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.backcare.account.CurrentUser;
import org.backcare.platform.ProblemException;
import org.backcare.platform.RecordNotFound;
import org.backcare.therapist.Credentials;
import org.backcare.therapist.Technique;
import org.backcare.therapist.Therapist;
import org.backcare.therapist.TherapistId;
import org.backcare.therapist.Therapists;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The credential forms on a therapist's profile, for the clinic's admins; each returns to
 * the profile.
 */
@Controller
class CredentialsPages {

	private final Credentials credentials;

	private final Therapists therapists;

	CredentialsPages(Credentials credentials, Therapists therapists) {
		this.credentials = credentials;
		this.therapists = therapists;
	}

	@PostMapping("/admin/therapists/{id}/licences")
	String addLicence(@PathVariable UUID id, @RequestParam(required = false) String jurisdiction,
			@RequestParam(required = false) String number, @RequestParam(required = false) String validFrom,
			@RequestParam(required = false) String validUntil, @RequestParam(required = false) String documentRef,
			RedirectAttributes redirect) {
		Therapist therapist = own(id);
		if (blank(jurisdiction, 100) || blank(number, 100) || (documentRef != null && documentRef.length() > 200)) {
			return back(therapist, redirect,
					"Please give the jurisdiction and the licence number (up to 100 characters).");
		}
		try {
			LocalDate from = LocalDate.parse(String.valueOf(validFrom));
			LocalDate until = LocalDate.parse(String.valueOf(validUntil));
			this.credentials.addLicence(therapist.id(), jurisdiction.strip(), number.strip(), from, until, documentRef);
			return done(therapist, redirect, "Licence " + jurisdiction.strip() + " " + number.strip()
					+ " recorded. It counts once someone who has seen the document verifies it.");
		}
		catch (DateTimeParseException ex) {
			return back(therapist, redirect, "Please give both dates of the licence.");
		}
		catch (ProblemException refused) {
			return back(therapist, redirect, refused.getMessage());
		}
		catch (DuplicateKeyException ex) {
			return back(therapist, redirect, "That licence is already recorded.");
		}
	}

	@PostMapping("/admin/therapists/{id}/licences/verify")
	String verifyLicence(@PathVariable UUID id, @RequestParam String jurisdiction, @RequestParam String number,
			RedirectAttributes redirect) {
		Therapist therapist = own(id);
		this.credentials.verifyLicence(therapist.id(), jurisdiction, number, CurrentUser.required().email());
		return done(therapist, redirect, "Licence " + jurisdiction + " " + number + " verified: " + therapist.name()
				+ " can be booked on the days it covers.");
	}

	@PostMapping("/admin/therapists/{id}/certifications")
	String certify(@PathVariable UUID id, @RequestParam(required = false) String technique,
			@RequestParam(required = false) String certifiedOn, @RequestParam(required = false) String validUntil,
			RedirectAttributes redirect) {
		Therapist therapist = own(id);
		try {
			Technique certified = Technique.valueOf(String.valueOf(technique));
			this.credentials.recordCertification(therapist.id(), certified, date(certifiedOn), date(validUntil), null);
			return done(therapist, redirect, certified.displayName()
					+ " certification recorded. It counts once someone who has seen the certificate verifies it.");
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			return back(therapist, redirect, "Please choose a technique and give dates as on the certificate.");
		}
		catch (ProblemException refused) {
			return back(therapist, redirect, refused.getMessage());
		}
	}

	@PostMapping("/admin/therapists/{id}/certifications/verify")
	String verifyCertification(@PathVariable UUID id, @RequestParam Technique technique, RedirectAttributes redirect) {
		Therapist therapist = own(id);
		this.credentials.verifyCertification(therapist.id(), technique, CurrentUser.required().email());
		return done(therapist, redirect,
				technique.displayName() + " certification verified: " + therapist.name() + " can be booked for it.");
	}

	private Therapist own(UUID id) {
		CurrentUser admin = CurrentUser.required();
		return this.therapists.find(new TherapistId(id))
			.filter(therapist -> admin.isAdminOf(therapist.clinicId()))
			.orElseThrow(() -> new RecordNotFound("Therapist", id));
	}

	private static String back(Therapist therapist, RedirectAttributes redirect, String problem) {
		if (problem != null) {
			redirect.addFlashAttribute("credentialsProblem", problem);
		}
		return "redirect:/therapists/" + therapist.id() + "#credentials";
	}

	/** Back to the profile, saying what was done (a live region reads it out). */
	private static String done(Therapist therapist, RedirectAttributes redirect, String confirmation) {
		redirect.addFlashAttribute("credentialsDone", confirmation);
		return "redirect:/therapists/" + therapist.id() + "#credentials";
	}

	private static boolean blank(String value, int max) {
		return value == null || value.isBlank() || value.length() > max;
	}

	private static LocalDate date(String value) {
		return (value == null || value.isBlank()) ? null : LocalDate.parse(value);
	}

}
