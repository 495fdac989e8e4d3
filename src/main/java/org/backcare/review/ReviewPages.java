package org.backcare.review;

import java.util.UUID;

import org.backcare.account.CurrentUser;
import org.backcare.platform.ProblemException;
import org.backcare.platform.RecordNotFound;
import org.backcare.therapist.TherapistId;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The review forms on a therapist's profile page: write, reply, hide. Each goes back to
 * the profile, with what was wrong if it was refused.
 */
@Controller
class ReviewPages {

	private final Reviews reviews;

	ReviewPages(Reviews reviews) {
		this.reviews = reviews;
	}

	@PostMapping("/therapists/{id}/review")
	String write(@PathVariable UUID id, @RequestParam(required = false) Integer listening,
			@RequestParam(required = false) Integer comfort, @RequestParam(required = false) Integer effect,
			@RequestParam(required = false) String text, RedirectAttributes redirect) {
		if (!stars(listening) || !stars(comfort) || !stars(effect)) {
			redirect.addFlashAttribute("reviewProblem", "Please give 1 to 5 stars for each of the three questions.");
		}
		else if (text != null && text.length() > 2000) {
			redirect.addFlashAttribute("reviewProblem", "Your review can be at most 2,000 characters.");
		}
		else {
			attempt(redirect, () -> this.reviews.write(CurrentUser.required(), new TherapistId(id),
					new Ratings(listening, comfort, effect), text));
		}
		return "redirect:/therapists/" + id + "#reviews";
	}

	@PostMapping("/reviews/{id}/reply")
	String reply(@PathVariable UUID id, @RequestParam(required = false) String text, RedirectAttributes redirect) {
		Review review = this.reviews.find(id).orElseThrow(() -> new RecordNotFound("Review", id));
		if (attempt(redirect, () -> this.reviews.reply(CurrentUser.required(), id, text))) {
			redirect.addFlashAttribute("reviewDone", "Your reply is published under the review.");
		}
		return "redirect:/therapists/" + review.therapistId() + "#reviews";
	}

	@PostMapping("/reviews/{id}/hide")
	String hide(@PathVariable UUID id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		Review review = this.reviews.find(id).orElseThrow(() -> new RecordNotFound("Review", id));
		// Refusals (404 for anyone but the clinic's admins) are audited by Reviews and
		// answered as such.
		if (attempt(redirect, () -> this.reviews.hide(CurrentUser.required(), id, reason))) {
			redirect.addFlashAttribute("reviewDone",
					"The review is hidden from everyone but the clinic's admins. " + "It is kept, with your reason.");
		}
		return "redirect:/therapists/" + review.therapistId() + "#reviews";
	}

	/**
	 * Runs the action; a refusal is shown on the profile (but "not found" stays a 404).
	 * Whether it was done.
	 */
	private static boolean attempt(RedirectAttributes redirect, Runnable action) {
		try {
			action.run();
			return true;
		}
		catch (ProblemException refused) {
			if (refused.status().value() == 404) {
				throw refused;
			}
			redirect.addFlashAttribute("reviewProblem", refused.getMessage());
			return false;
		}
	}

	private static boolean stars(Integer value) {
		return value != null && value >= 1 && value <= 5;
	}

}
