package org.backcare.review;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.backcare.account.CurrentUser;
import org.backcare.therapist.TherapistId;
import org.backcare.therapist.Therapists;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Reviews")
class ReviewController {

	private final Reviews reviews;

	private final Therapists therapists;

	ReviewController(Reviews reviews, Therapists therapists) {
		this.reviews = reviews;
		this.therapists = therapists;
	}

	@PutMapping("/api/v1/therapists/{id}/review")
	@SecurityRequirement(name = "bearer")
	@ApiResponse(responseCode = "200", description = "Written")
	@ApiResponse(responseCode = "409", description = "Written from elsewhere at the same moment ('written-meanwhile')")
	@ApiResponse(responseCode = "422",
			description = "No completed session with the therapist yet ('no-completed-session')")
	@Operation(summary = "Write or rewrite your review of a therapist (clients, after a completed session with them)",
			description = "One review per client and therapist; a rewrite keeps the earlier version. 422 "
					+ "'no-completed-session' before a session has taken place.")
	PublicReview write(@PathVariable UUID id, @Valid @RequestBody ReviewRequest request) {
		return PublicReview
			.of(this.reviews.write(CurrentUser.required(), new TherapistId(id), request.ratings(), request.text()));
	}

	@GetMapping("/api/v1/therapists/{id}/reviews")
	@Operation(summary = "A therapist's visible reviews and their summary (public; reviewers are not named)")
	TherapistReviews reviews(@PathVariable UUID id) {
		var therapist = this.therapists.get(new TherapistId(id));
		return new TherapistReviews(this.reviews.summary(therapist),
				this.reviews.visible(therapist.id()).stream().map(PublicReview::of).toList());
	}

	@PostMapping("/api/v1/reviews/{id}/reply")
	@SecurityRequirement(name = "bearer")
	@Operation(summary = "Reply to a review of you (the therapist reviewed); a new reply replaces the old")
	PublicReview reply(@PathVariable UUID id, @Valid @RequestBody ReplyRequest request) {
		return PublicReview.of(this.reviews.reply(CurrentUser.required(), id, request.text()));
	}

	@GetMapping("/api/v1/reviews/{id}/history")
	@SecurityRequirement(name = "bearer")
	@Operation(summary = "Earlier versions of a review (its author and the clinic's admins)")
	List<Reviews.Revision> history(@PathVariable UUID id) {
		return this.reviews.history(CurrentUser.required(), id);
	}

	@GetMapping("/api/v1/admin/reviews")
	@SecurityRequirement(name = "bearer")
	@Operation(summary = "Every review in the clinic, hidden ones included (admins)")
	List<Review> all() {
		return this.reviews.forModeration(CurrentUser.required());
	}

	@PostMapping("/api/v1/admin/reviews/{id}/hide")
	@SecurityRequirement(name = "bearer")
	@ApiResponse(responseCode = "200", description = "Hidden")
	@ApiResponse(responseCode = "409", description = "Already hidden ('already-hidden'); the first reason is kept")
	@Operation(summary = "Hide a review with a reason (admins); it is kept and the action audited")
	Review hide(@PathVariable UUID id, @Valid @RequestBody HideRequest request) {
		return this.reviews.hide(CurrentUser.required(), id, request.reason());
	}

	record ReviewRequest(@NotNull @Valid Ratings ratings, @Size(max = 2000) String text) {
	}

	record ReplyRequest(@NotBlank @Size(max = 2000) String text) {
	}

	record HideRequest(@NotBlank @Size(max = 500) String reason) {
	}

	record TherapistReviews(ReviewSummary summary, List<PublicReview> reviews) {
	}

	/** A review as anyone may see it: no client id, no name. */
	record PublicReview(UUID id, Ratings ratings, String text, Instant writtenAt, boolean edited, String reply,
			Instant repliedAt) {

		static PublicReview of(Review review) {
			return new PublicReview(review.id(), review.ratings(), review.text(), review.writtenAt(),
					review.revision() > 1, review.reply(), review.repliedAt());
		}

	}

}
