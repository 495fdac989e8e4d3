package org.backcare.matching;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.backcare.account.CurrentUser;
import org.backcare.account.Role;
import org.backcare.booking.Availability;
import org.backcare.booking.Bookings;
import org.backcare.client.ClientId;
import org.backcare.client.Clients;
import org.backcare.clinic.Clinic;
import org.backcare.clinic.Clinics;
import org.backcare.clinic.ServiceType;
import org.backcare.platform.ProblemException;
import org.backcare.review.Review;
import org.backcare.review.Reviews;
import org.backcare.therapist.Credentials;
import org.backcare.therapist.Technique;
import org.backcare.therapist.Therapist;
import org.backcare.therapist.TherapistId;
import org.backcare.therapist.Therapists;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** A therapist's profile (public), and a client's ranked matches. */
@Controller
class TherapistPages {

	static final String PROFILE = "matching/profile";

	static final String MATCHES = "matching/matches";

	private final Therapists therapists;

	private final Clinics clinics;

	private final Reviews reviews;

	private final Availability availability;

	private final Bookings bookings;

	private final Matches matches;

	private final Clients clients;

	private final Credentials credentials;

	TherapistPages(Therapists therapists, Clinics clinics, Reviews reviews, Availability availability,
			Bookings bookings, Matches matches, Clients clients, Credentials credentials) {
		this.credentials = credentials;
		this.therapists = therapists;
		this.clinics = clinics;
		this.reviews = reviews;
		this.availability = availability;
		this.bookings = bookings;
		this.matches = matches;
		this.clients = clients;
	}

	@GetMapping("/therapists/{id}")
	String profile(@PathVariable UUID id, Model model) {
		Therapist therapist = this.therapists.get(new TherapistId(id));
		Clinic clinic = this.clinics.get(therapist.clinicId());
		LocalDate today = this.availability.today(clinic);
		Optional<CurrentUser> caller = CurrentUser.signedIn();
		boolean admin = caller.map(user -> user.isAdminOf(clinic.id())).orElse(false);
		model.addAttribute("therapist", therapist);
		model.addAttribute("clinic", clinic);
		model.addAttribute("initials", initials(therapist.name()));
		model.addAttribute("licence", therapist.licenceStatusOn(today).name());
		model.addAttribute("languages",
				therapist.languages()
					.stream()
					.map(tag -> Locale.forLanguageTag(tag).getDisplayLanguage(Locale.ENGLISH))
					.toList());
		model.addAttribute("summary", this.reviews.summary(therapist));
		List<Review> shown = admin ? this.reviews.forModeration(caller.orElseThrow(), therapist.id())
				: this.reviews.visible(therapist.id());
		model.addAttribute("reviews", shown);
		model.addAttribute("admin", admin);
		model.addAttribute("self", caller.map(user -> user.isTherapist(therapist.id())).orElse(false));
		boolean mayReview = caller.filter(user -> user.role() == Role.CLIENT && user.clinic().equals(clinic.id()))
			.map(user -> this.bookings.haveCompletedSession(therapist.id(), user.client()))
			.orElse(false);
		model.addAttribute("mayReview", mayReview);
		model.addAttribute("mine", caller.flatMap(user -> this.reviews.mine(user, therapist.id())).orElse(null));
		model.addAttribute("slots",
				this.availability.of(therapist.id(), ServiceType.TREATMENT_60, null, today, today.plusDays(13))
					.stream()
					.limit(3)
					.map(slot -> clinic.localTime(slot.start()))
					.toList());
		model.addAttribute("credentials", admin ? this.credentials.of(therapist.id()) : null);
		model.addAttribute("allTechniques", Technique.values());
		return PROFILE;
	}

	@GetMapping("/match")
	String matches(@RequestParam(required = false) UUID client, Model model) {
		CurrentUser caller = CurrentUser.required();
		ClientId who = (caller.client() != null) ? caller.client() : (client != null) ? new ClientId(client) : null;
		model.addAttribute("forOther", caller.client() == null);
		if (who == null) {
			model.addAttribute("clients", this.clients.current(caller.clinic()));
			return MATCHES;
		}
		model.addAttribute("client", this.clients.get(who));
		try {
			Matches.MatchList list = this.matches.forClient(caller, who);
			model.addAttribute("list", list);
			model.addAttribute("clinic", this.clinics.get(caller.clinic()));
		}
		catch (Matches.MatchRefused refused) {
			model.addAttribute("refused", refused.getMessage());
		}
		catch (ProblemException notFound) {
			throw notFound;
		}
		return MATCHES;
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
