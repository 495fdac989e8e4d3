package org.backcare.review;

import java.util.Locale;
import java.util.UUID;

import jakarta.validation.Valid;

import org.backcare.account.CurrentUser;
import org.backcare.platform.FormProblems;
import org.backcare.platform.ProblemException;
import org.backcare.platform.RecordNotFound;
import org.backcare.review.ReviewController.HideRequest;
import org.backcare.review.ReviewController.ReplyRequest;
import org.backcare.review.ReviewController.ReviewRequest;
import org.backcare.therapist.TherapistId;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The review forms on a therapist's profile page: write, reply, hide. Each is bound by
 * Spring to the record the API takes (one set of constraints for both) and goes back to
 * the profile, with what was done or what to fix.
 */
@Controller
class ReviewPages {

	private final Reviews reviews;

	private final MessageSource messages;

	ReviewPages(Reviews reviews, MessageSource messages) {
		this.reviews = reviews;
		this.messages = messages;
	}

	@PostMapping("/therapists/{id}/review")
	String write(@PathVariable UUID id, @Valid ReviewRequest review, BindingResult binding, RedirectAttributes redirect,
			Locale locale) {
		if (binding.hasErrors()) {
			redirect.addFlashAttribute("reviewProblem", FormProblems.of(binding, this.messages, locale, "review"));
		}
		else if (attempt(redirect, () -> this.reviews.write(CurrentUser.required(), new TherapistId(id),
				review.ratings(), review.text()))) {
			redirect.addFlashAttribute("reviewDone", "Thank you: your review is saved.");
		}
		return "redirect:/therapists/" + id + "#reviews";
	}

	@PostMapping("/reviews/{id}/reply")
	String reply(@PathVariable UUID id, @Valid ReplyRequest reply, BindingResult binding, RedirectAttributes redirect,
			Locale locale) {
		Review review = this.reviews.find(id).orElseThrow(() -> new RecordNotFound("Review", id));
		// The access decision (and its audit entry) comes first; only then is the text
		// judged.
		if (attempt(redirect,
				() -> this.reviews.reply(CurrentUser.required(), id, binding.hasErrors() ? null : reply.text()))) {
			redirect.addFlashAttribute("reviewDone", "Your reply is published under the review.");
		}
		else if (binding.hasErrors()) {
			redirect.addFlashAttribute("reviewProblem", FormProblems.of(binding, this.messages, locale, "reply"));
		}
		return "redirect:/therapists/" + review.therapistId() + "#reviews";
	}

	@PostMapping("/reviews/{id}/hide")
	String hide(@PathVariable UUID id, @Valid HideRequest hide, BindingResult binding, RedirectAttributes redirect,
			Locale locale) {
		Review review = this.reviews.find(id).orElseThrow(() -> new RecordNotFound("Review", id));
		// Refusals (404 for anyone but the clinic's admins) are audited by Reviews and
		// answered as such.
		if (attempt(redirect,
				() -> this.reviews.hide(CurrentUser.required(), id, binding.hasErrors() ? null : hide.reason()))) {
			redirect.addFlashAttribute("reviewDone",
					"The review is hidden from everyone but the clinic's admins. It is kept, with your reason.");
		}
		else if (binding.hasErrors()) {
			redirect.addFlashAttribute("reviewProblem", FormProblems.of(binding, this.messages, locale, "hide"));
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

}
