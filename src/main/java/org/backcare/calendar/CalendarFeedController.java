package org.backcare.calendar;

import java.net.URI;
import java.util.Optional;

import org.backcare.account.Accounts;
import org.backcare.account.CurrentUser;
import org.backcare.booking.Bookings;
import org.backcare.clinic.Clinic;
import org.backcare.clinic.Clinics;
import org.backcare.platform.RecordNotFound;
import org.backcare.therapist.Therapist;
import org.backcare.therapist.TherapistId;
import org.backcare.therapist.Therapists;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * A therapist's private calendar feed: opened, replaced and stopped on their page
 * ({@code /my-calendar-feed}) or through the API, and read by their calendar app at its
 * secret address, which needs no sign-in (calendar apps cannot sign in). An unknown or
 * stopped address, or one of a therapist who has left, is a plain 404.
 */
@Controller
class CalendarFeedController {

	static final String PAGE = "calendar/feed";

	private final CalendarFeeds feeds;

	private final Bookings bookings;

	private final Therapists therapists;

	private final Clinics clinics;

	private final Accounts accounts;

	private final String baseUrl;

	CalendarFeedController(CalendarFeeds feeds, Bookings bookings, Therapists therapists, Clinics clinics,
			Accounts accounts, @Value("${backcare.mail.base-url:http://localhost:8080}") String baseUrl) {
		this.accounts = accounts;
		this.baseUrl = baseUrl.replaceAll("/+$", "");
		this.feeds = feeds;
		this.bookings = bookings;
		this.therapists = therapists;
		this.clinics = clinics;
	}

	@GetMapping("/calendar-feed/{token}.ics")
	ResponseEntity<String> feed(@PathVariable String token) {
		Optional<TherapistId> owner = (token.length() <= 100) ? this.feeds.read(token) : Optional.empty();
		Therapist therapist = owner.flatMap(this.therapists::find)
			// A therapist who left, or whose account was disabled or erased, has no feed.
			.filter(found -> found.active() && this.accounts.ofTherapist(found.id()).isPresent())
			.orElseThrow(() -> new RecordNotFound("Calendar feed", "(this address)"));
		Clinic clinic = this.clinics.get(therapist.clinicId());
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/calendar;charset=UTF-8"))
			.header("Cache-Control", "private, max-age=300")
			.body(CalendarFeed.of(this.bookings.upcomingOf(therapist.id()), clinic, this.clinics, base()));
	}

	@PostMapping("/api/v1/me/calendar-feed")
	@ResponseBody
	@SecurityRequirement(name = "bearer")
	@ApiResponse(responseCode = "201", description = "Opened: the address, shown this once")
	@ApiResponse(responseCode = "403", description = "Not a therapist")
	@Operation(summary = "Open (or replace) the therapist's private calendar feed",
			description = "Answers a secret address that a calendar app subscribes to: the therapist's sessions to "
					+ "come, without client names or health details. A new address replaces the old one at once. "
					+ "Audited.")
	ResponseEntity<FeedAddress> openByApi() {
		String url = url(this.feeds.open(CurrentUser.required()));
		return ResponseEntity.created(URI.create(url)).body(new FeedAddress(url));
	}

	@DeleteMapping("/api/v1/me/calendar-feed")
	@ResponseBody
	@SecurityRequirement(name = "bearer")
	@ApiResponse(responseCode = "204", description = "Stopped (or there was none)")
	@ApiResponse(responseCode = "403", description = "Not a therapist")
	@Operation(summary = "Stop the therapist's calendar feed: its address answers nothing any more (audited)")
	ResponseEntity<Void> stopByApi() {
		this.feeds.stop(CurrentUser.required());
		return ResponseEntity.noContent().build();
	}

	record FeedAddress(String url) {
	}

	@GetMapping("/my-calendar-feed")
	String page(Model model) {
		CurrentUser caller = CurrentUser.required();
		model.addAttribute("open", caller.therapist() != null && this.feeds.isOpen(caller.therapist()));
		return PAGE;
	}

	/** The new address is shown on this answer only: it is kept nowhere else. */
	@PostMapping("/my-calendar-feed")
	String open(Model model) {
		model.addAttribute("url", url(this.feeds.open(CurrentUser.required())));
		model.addAttribute("open", true);
		return PAGE;
	}

	@PostMapping("/my-calendar-feed/stop")
	String stop(Model model) {
		this.feeds.stop(CurrentUser.required());
		model.addAttribute("open", false);
		model.addAttribute("stopped", true);
		return PAGE;
	}

	/**
	 * Where BackCare is reached, as configured (as the links in mails): behind a proxy
	 * the request's own host would be an inside address.
	 */
	private String base() {
		return this.baseUrl;
	}

	private String url(String token) {
		return base() + "/calendar-feed/" + token + ".ics";
	}

}
