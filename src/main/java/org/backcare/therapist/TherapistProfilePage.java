package org.backcare.therapist;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.backcare.clinic.Clinic;
import org.backcare.clinic.Clinics;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A therapist's profile page (public): who they are, their licence today, techniques and
 * languages, then the sections other modules contribute ({@link ProfileSection}).
 */
@Controller
class TherapistProfilePage {

	static final String PROFILE = "therapist/profile";

	private final Therapists therapists;

	private final Clinics clinics;

	private final List<ProfileSection> sections;

	private final Clock clock;

	TherapistProfilePage(Therapists therapists, Clinics clinics, List<ProfileSection> sections, Clock clock) {
		this.therapists = therapists;
		this.clinics = clinics;
		this.sections = List.copyOf(sections);
		this.clock = clock;
	}

	@GetMapping("/therapists/{id}")
	String profile(@PathVariable UUID id, Model model) {
		Therapist therapist = this.therapists.get(new TherapistId(id));
		Clinic clinic = this.clinics.get(therapist.clinicId());
		LocalDate today = LocalDate.now(this.clock.withZone(clinic.zone()));
		model.addAttribute("therapist", therapist);
		model.addAttribute("clinic", clinic);
		model.addAttribute("initials", initials(therapist.name()));
		model.addAttribute("licence", therapist.licenceStatusOn(today).name());
		model.addAttribute("languages",
				therapist.languages()
					.stream()
					.map(tag -> Locale.forLanguageTag(tag).getDisplayLanguage(Locale.ENGLISH))
					.toList());
		model.addAttribute("sections",
				this.sections.stream().map(section -> section.of(therapist)).flatMap(Optional::stream).toList());
		return PROFILE;
	}

	private static String initials(String name) {
		StringBuilder initials = new StringBuilder();
		for (String part : name.split("\\s+")) {
			if (!part.isEmpty() && initials.length() < 2) {
				initials.appendCodePoint(part.codePointAt(0));
			}
		}
		return initials.toString().toUpperCase(Locale.ROOT);
	}

}
