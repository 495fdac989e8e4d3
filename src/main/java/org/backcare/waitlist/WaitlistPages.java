package org.backcare.waitlist;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.backcare.account.CurrentUser;
import org.backcare.account.Role;
import org.backcare.booking.Availability;
import org.backcare.booking.Booking;
import org.backcare.booking.Slot;
import org.backcare.client.Client;
import org.backcare.client.ClientId;
import org.backcare.client.Clients;
import org.backcare.clinic.Clinic;
import org.backcare.clinic.Clinics;
import org.backcare.platform.InvalidRequest;
import org.backcare.platform.ProblemException;
import org.backcare.therapist.Technique;
import org.backcare.therapist.Therapist;
import org.backcare.therapist.TherapistId;
import org.backcare.therapist.Therapists;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The waitlist's pages: a client's own ({@code /me/waitlist}: offers to answer, their
 * requests, a form to ask for times), an offer's page (the link in its mail), and the
 * front desk's ({@code /admin/waitlist}: everyone waiting in the order they will be
 * offered time, and the same form for a client on the phone).
 */
@Controller
class WaitlistPages {

	static final String MINE = "waitlist/mine";

	static final String DESK = "waitlist/desk";

	static final String OFFER = "waitlist/offer";

	private final Waitlist waitlist;

	private final Clinics clinics;

	private final Therapists therapists;

	private final Clients clients;

	private final Availability availability;

	private final Clock clock;

	WaitlistPages(Waitlist waitlist, Clinics clinics, Therapists therapists, Clients clients, Availability availability,
			Clock clock) {
		this.clock = clock;
		this.waitlist = waitlist;
		this.clinics = clinics;
		this.therapists = therapists;
		this.clients = clients;
		this.availability = availability;
	}

	/** A request as a page shows it. */
	record Line(WaitRequest request, String client, String service, String who, Offer offer, String offerTherapist) {
	}

	@GetMapping("/me/waitlist")
	String mine(Model model) {
		CurrentUser me = CurrentUser.required();
		form(model, me, Form.empty(this.availability.today(this.clinics.get(me.clinic()))));
		return MINE;
	}

	@GetMapping("/admin/waitlist")
	String desk(Model model) {
		CurrentUser me = CurrentUser.required();
		form(model, me, Form.empty(this.availability.today(this.clinics.get(me.clinic()))));
		model.addAttribute("clients",
				this.clients.all(me.clinic()).stream().filter(client -> !client.erased()).toList());
		return DESK;
	}

	@PostMapping({ "/me/waitlist", "/admin/waitlist" })
	String join(@RequestParam(required = false) String client, @RequestParam(required = false) String service,
			@RequestParam(required = false) String therapist, @RequestParam(required = false) String technique,
			@RequestParam(required = false) String from, @RequestParam(required = false) String until,
			@RequestParam(required = false) List<String> days, @RequestParam(required = false) String fromTime,
			@RequestParam(required = false) String toTime, Model model, RedirectAttributes redirect) {
		CurrentUser me = CurrentUser.required();
		// A client asks for themselves; only the front desk names the client.
		Form form = new Form(me.is(Role.ADMIN) ? client : null, service, therapist, technique, from, until,
				(days != null) ? List.copyOf(days) : List.of(), fromTime, toTime);
		String page = me.is(Role.ADMIN) ? "/admin/waitlist" : "/me/waitlist";
		try {
			Waitlist.Joined joined = this.waitlist.join(me, form.toWish());
			redirect.addFlashAttribute("done", joinedWords(joined));
			return "redirect:" + page;
		}
		catch (ProblemException refused) {
			model.addAttribute("error", refused.getMessage());
			form(model, me, form);
			if (me.is(Role.ADMIN)) {
				model.addAttribute("clients",
						this.clients.all(me.clinic()).stream().filter(found -> !found.erased()).toList());
				return DESK;
			}
			return MINE;
		}
	}

	@PostMapping({ "/me/waitlist/{id}/withdraw", "/admin/waitlist/{id}/withdraw" })
	String withdraw(@PathVariable UUID id, RedirectAttributes redirect) {
		CurrentUser me = CurrentUser.required();
		String page = me.is(Role.ADMIN) ? "/admin/waitlist" : "/me/waitlist";
		try {
			this.waitlist.withdraw(me, id);
			redirect.addFlashAttribute("done", "Taken off the waitlist.");
		}
		catch (WaitlistRefused refused) {
			redirect.addFlashAttribute("problem", refused.getMessage());
		}
		return "redirect:" + page;
	}

	@GetMapping("/me/waitlist/offers/{id}")
	String offer(@PathVariable UUID id, Model model) {
		Waitlist.Offered offered = this.waitlist.offer(CurrentUser.required(), id);
		Clinic clinic = this.clinics.get(offered.request().clinic());
		model.addAttribute("clinic", clinic);
		model.addAttribute("offer", offered.offer());
		model.addAttribute("service", this.clinics.service(clinic.id(), offered.request().service()).name());
		model.addAttribute("therapist", this.therapists.name(offered.offer().therapist()));
		model.addAttribute("start", clinic.localTime(offered.offer().start()));
		model.addAttribute("end", clinic.localTime(offered.offer().end()));
		model.addAttribute("expires", clinic.localTime(offered.offer().expires()));
		boolean open = offered.offer().openAt(this.clock.instant());
		model.addAttribute("open", open);
		if (!open) {
			model.addAttribute("ended", OfferStatusWords.ended(offered.offer(), clinic));
		}
		return OFFER;
	}

	@PostMapping("/me/waitlist/offers/{id}/accept")
	String accept(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
		try {
			Booking booking = this.waitlist.accept(CurrentUser.required(), id);
			Clinic clinic = this.clinics.get(booking.appointment().clinicId());
			redirect.addFlashAttribute("done", "Booked: " + Words.when(clinic.localTime(booking.appointment().start()))
					+ ". A confirmation with a calendar invite is on its way.");
			return "redirect:/me/appointments";
		}
		catch (ProblemException refused) {
			model.addAttribute("error", refused.getMessage());
			return offer(id, model);
		}
	}

	@PostMapping("/me/waitlist/offers/{id}/decline")
	String decline(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
		try {
			this.waitlist.decline(CurrentUser.required(), id);
			redirect.addFlashAttribute("done", "Declined. You stay on the waitlist for other times.");
			return "redirect:/me/waitlist";
		}
		catch (ProblemException refused) {
			model.addAttribute("error", refused.getMessage());
			return offer(id, model);
		}
	}

	private void form(Model model, CurrentUser me, Form form) {
		Clinic clinic = this.clinics.get(me.clinic());
		List<WaitRequest> requests = this.waitlist.list(me);
		Map<UUID, Offer> open = this.waitlist.openOffers(requests);
		model.addAttribute("clinic", clinic);
		model.addAttribute("form", form);
		model.addAttribute("services", this.clinics.services(clinic.id()));
		model.addAttribute("therapists", this.therapists.all(clinic.id()).stream().filter(Therapist::active).toList());
		model.addAttribute("techniques", Technique.values());
		model.addAttribute("weekdays", DayOfWeek.values());
		model.addAttribute("lines", requests.stream().map(request -> line(clinic, request, open)).toList());
		model.addAttribute("maxWaiting", Waitlist.MAX_WAITING);
	}

	private Line line(Clinic clinic, WaitRequest request, Map<UUID, Offer> open) {
		Offer offer = open.get(request.id());
		String who = (request.therapist() != null) ? this.therapists.name(request.therapist())
				: (request.technique() != null) ? "any therapist certified in " + request.technique().displayName()
						: "any therapist";
		return new Line(request, this.clients.find(request.client()).map(Client::name).orElse("(erased)"),
				this.clinics.service(clinic.id(), request.service()).name(), who, offer,
				(offer != null) ? this.therapists.name(offer.therapist()) : null);
	}

	private String joinedWords(Waitlist.Joined joined) {
		Clinic clinic = this.clinics.get(joined.request().clinic());
		if (joined.freeNow().isEmpty()) {
			return "On the waitlist. When a time that fits frees up, an offer comes by mail.";
		}
		Slot first = joined.freeNow().get(0);
		return "On the waitlist. A time that fits is free right now: " + Words.when(clinic.localTime(first.start()))
				+ " with " + first.therapistName() + " — book it under \"Book a session\" if it suits you.";
	}

	/** The form as sent (strings, so that anything typed comes back as typed). */
	record Form(String client, String service, String therapist, String technique, String from, String until,
			List<String> days, String fromTime, String toTime) {

		static Form empty(LocalDate today) {
			return new Form(null, null, null, null, today.toString(), today.plusDays(28).toString(),
					List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"), "08:00", "20:00");
		}

		Waitlist.Wish toWish() {
			EnumSet<DayOfWeek> chosen = EnumSet.noneOf(DayOfWeek.class);
			for (String day : this.days) {
				chosen.add(parse(day, DayOfWeek::valueOf, "a weekday"));
			}
			if (blank(this.service)) {
				throw new InvalidRequest("Choose a service.");
			}
			return new Waitlist.Wish(
					blank(this.client) ? null : new ClientId(parse(this.client, UUID::fromString, "a client")),
					this.service.strip(),
					blank(this.therapist) ? null
							: new TherapistId(parse(this.therapist, UUID::fromString, "a therapist")),
					blank(this.technique) ? null : parse(this.technique, Technique::valueOf, "a technique"),
					parse(this.from, LocalDate::parse, "a first day"),
					parse(this.until, LocalDate::parse, "a last day"),
					List.of(new TimeWindow(chosen, parse(this.fromTime, LocalTime::parse, "a time from"),
							parse(this.toTime, LocalTime::parse, "a time until"))));
		}

		private static boolean blank(String value) {
			return value == null || value.isBlank();
		}

		private static <T> T parse(String value, java.util.function.Function<String, T> parser, String what) {
			if (blank(value) || value.length() > 60) {
				throw new InvalidRequest("Give " + what + ".");
			}
			try {
				return parser.apply(value.strip());
			}
			catch (IllegalArgumentException | DateTimeException ex) {
				throw new InvalidRequest("\"" + value.strip() + "\" is not " + what + ".");
			}
		}

		public boolean hasDay(DayOfWeek day) {
			return this.days.contains(day.name());
		}

	}

	/** "Tue 8 Dec, 10:00". */
	static final class Words {

		private Words() {
		}

		static String when(OffsetDateTime time) {
			return java.time.format.DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", java.util.Locale.ENGLISH)
				.format(time);
		}

	}

}
