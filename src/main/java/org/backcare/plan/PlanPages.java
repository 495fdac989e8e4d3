package org.backcare.plan;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;

import org.backcare.account.CurrentUser;
import org.backcare.booking.AppointmentId;
import org.backcare.platform.InvalidRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The decision on a proposal, from the therapist's day; back to the day with what
 * happened.
 */
@Controller
class PlanPages {

	private final NextSessionPlans plans;

	PlanPages(NextSessionPlans plans) {
		this.plans = plans;
	}

	@PostMapping("/sessions/{id}/proposal")
	String decide(@PathVariable UUID id, @RequestParam(required = false) String decision,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String plan,
			@RequestParam(required = false) String date, RedirectAttributes redirect) {
		PlanDecision.Kind kind = null;
		try {
			kind = (decision == null) ? null : PlanDecision.Kind.valueOf(decision);
		}
		catch (IllegalArgumentException unknown) {
			// Told below, as no decision.
		}
		try {
			PlanDecision decided = this.plans.decide(CurrentUser.required(), new AppointmentId(id), kind, reason, plan);
			redirect.addFlashAttribute("done", "Plan " + decided.decision().name().toLowerCase(Locale.ROOT) + ".");
		}
		catch (InvalidRequest refused) {
			redirect.addFlashAttribute("problem", refused.getMessage());
		}
		return "redirect:/day" + shown(date);
	}

	/** Back to the day the form was on, when it names a real one. */
	private static String shown(String date) {
		try {
			return (date == null) ? "" : "?date=" + LocalDate.parse(date);
		}
		catch (DateTimeParseException notADay) {
			return "";
		}
	}

}
