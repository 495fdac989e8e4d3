package org.backcare.feedback;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.backcare.account.CurrentUser;
import org.backcare.assessment.PainRegion;
import org.backcare.booking.Appointment;
import org.backcare.booking.AppointmentId;
import org.backcare.booking.AppointmentStatus;
import org.backcare.booking.Bookings;
import org.backcare.clinic.Clinic;
import org.backcare.clinic.Clinics;
import org.backcare.platform.Forbidden;
import org.backcare.platform.FormFields;
import org.backcare.platform.InvalidRequest;
import org.backcare.platform.RecordNotFound;
import org.backcare.therapist.Therapists;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "How was your session?" ({@code /me/sessions/{id}/feedback}): the client's form, with
 * the pressure asked for overall and on each area the signed note names, soreness the
 * next day, comfort, pain now, what helped and what to avoid; open for a week after the
 * session.
 */
@Controller
class FeedbackPages {

	static final String PAGE = "feedback/form";

	private final Feedbacks feedbacks;

	private final Bookings bookings;

	private final Clinics clinics;

	private final Therapists therapists;

	private final Clock clock;

	FeedbackPages(Feedbacks feedbacks, Bookings bookings, Clinics clinics, Therapists therapists, Clock clock) {
		this.feedbacks = feedbacks;
		this.bookings = bookings;
		this.clinics = clinics;
		this.therapists = therapists;
		this.clock = clock;
	}

	@GetMapping("/me/sessions/{id}/feedback")
	String form(@PathVariable UUID id, Model model) {
		CurrentUser me = client();
		FeedbackAnswers given = this.feedbacks.ofSession(me, new AppointmentId(id))
			.map(SessionFeedback::answers)
			.orElse(null);
		return show(me, id, given, model);
	}

	@PostMapping("/me/sessions/{id}/feedback")
	String give(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Model model,
			RedirectAttributes redirect) {
		CurrentUser me = client();
		FeedbackAnswers answers = null;
		try {
			answers = answers(form);
			this.feedbacks.give(me, new AppointmentId(id), answers);
			redirect.addFlashAttribute("done", "Thank you: your therapist will see this before your next session.");
			return "redirect:/me/appointments";
		}
		catch (InvalidRequest | Feedbacks.FeedbackRefused refused) {
			model.addAttribute("error", refused.getMessage());
			return show(me, id, answers, model);
		}
	}

	private String show(CurrentUser me, UUID id, FeedbackAnswers given, Model model) {
		Appointment session = this.bookings.find(new AppointmentId(id))
			.filter(found -> me.isClient(found.clientId()))
			.orElseThrow(() -> new RecordNotFound("Appointment", id));
		Clinic clinic = this.clinics.get(session.clinicId());
		Instant now = this.clock.instant();
		boolean held = session.status() == AppointmentStatus.BOOKED || session.status() == AppointmentStatus.COMPLETED;
		boolean open = held && !session.end().isAfter(now)
				&& !now.isAfter(session.end().plus(SessionFeedback.OPEN_FOR));
		model.addAttribute("appointment", session);
		model.addAttribute("start", clinic.localTime(session.start()));
		model.addAttribute("therapist", this.therapists.name(session.therapistId()));
		model.addAttribute("service", this.clinics.service(clinic.id(), session.service()).name());
		model.addAttribute("open", open);
		model.addAttribute("why",
				!held ? "This session did not take place."
						: session.end().isAfter(now) ? "You can tell us how it went once the session has ended."
								: open ? null : "Feedback is open for " + SessionFeedback.OPEN_FOR.toDays()
										+ " days after a session; please tell your therapist next time.");
		model.addAttribute("areas", open ? this.feedbacks.areasToAskAbout(me, session.id()) : List.of());
		model.addAttribute("regions", PainRegion.values());
		model.addAttribute("verdicts", PressureVerdict.values());
		model.addAttribute("given",
				(given != null) ? given : new FeedbackAnswers(null, Map.of(), null, null, null, "", "", Set.of()));
		return PAGE;
	}

	private static CurrentUser client() {
		CurrentUser me = CurrentUser.required();
		if (me.client() == null) {
			throw new Forbidden("Feedback on a session is the client's own to give.");
		}
		return me;
	}

	/** The form's answers: radio choices by name, areas to avoid ticked, texts. */
	static FeedbackAnswers answers(MultiValueMap<String, String> form) {
		Map<PainRegion, PressureVerdict> byArea = new EnumMap<>(PainRegion.class);
		form.forEach((name, values) -> {
			if (name.startsWith("pressure_") && !values.isEmpty() && !values.get(0).isBlank()) {
				byArea.put(parse(PainRegion.class, name.substring("pressure_".length()), "area"),
						parse(PressureVerdict.class, values.get(0), "pressure"));
			}
		});
		Set<PainRegion> avoid = EnumSet.noneOf(PainRegion.class);
		form.getOrDefault("avoidAreas", List.of()).forEach(value -> avoid.add(parse(PainRegion.class, value, "area")));
		String overall = form.getFirst("overallPressure");
		return new FeedbackAnswers(
				(overall == null || overall.isBlank()) ? null : parse(PressureVerdict.class, overall, "pressure"),
				byArea, FormFields.wholeNumber(form.getFirst("sorenessNextDay"), "Soreness"),
				FormFields.wholeNumber(form.getFirst("comfort"), "Comfort"),
				FormFields.wholeNumber(form.getFirst("painNow"), "Pain now"), form.getFirst("helped"),
				form.getFirst("avoid"), avoid);
	}

	/** A named choice the form must have sent (an unknown or empty one is refused). */
	private static <E extends Enum<E>> E parse(Class<E> type, String value, String what) {
		E parsed = FormFields.choice(type, value, what);
		if (parsed == null) {
			throw new InvalidRequest("Choose the " + what + ".");
		}
		return parsed;
	}

}
