package org.backcare.booking;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.backcare.account.CurrentUser;
import org.backcare.client.ClientId;
import org.backcare.client.Clients;
import org.backcare.clinic.Clinic;
import org.backcare.clinic.Clinics;
import org.backcare.clinic.ServiceType;
import org.backcare.platform.Forbidden;
import org.backcare.platform.ProblemException;
import org.backcare.platform.RecordNotFound;
import org.backcare.therapist.LicenceStatus;
import org.backcare.therapist.Therapist;
import org.backcare.therapist.TherapistId;
import org.backcare.therapist.Therapists;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The server-rendered pages: the therapist directory with next free slots, and a booking
 * page for the demo clients. Refusals are shown on the page itself, never as an error
 * screen.
 */
@Controller
class BookingPages {

	static final String HOME = "booking/home";

	static final String BOOK = "booking/book";

	static final String SLOTS = "booking/book :: slots";

	static final String CLIENT_PICKER = "booking/picker :: clients";

	static final String APPOINTMENT = "booking/appointment";

	/** How many days ahead the page looks for a first free day to open on. */
	private static final int FIRST_FREE_DAY_SEARCHED = 14;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.UK);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

	private final Clinics clinics;

	private final Therapists therapists;

	private final Clients clients;

	private final Availability availability;

	private final Bookings bookings;

	private final Clock clock;

	private final ClientPicker picker;

	BookingPages(Clinics clinics, Therapists therapists, Clients clients, Availability availability, Bookings bookings,
			Clock clock, ClientPicker picker) {
		this.clock = clock;
		this.picker = picker;
		this.clinics = clinics;
		this.therapists = therapists;
		this.clients = clients;
		this.availability = availability;
		this.bookings = bookings;
	}

	@GetMapping("/")
	String home(Model model) {
		Clinic clinic = clinic();
		LocalDate today = this.availability.today(clinic);
		Map<TherapistId, List<Slot>> next = this.availability.nextFree(clinic.id(), ServiceType.TREATMENT_60, 14, 3);
		model.addAttribute("clinic", clinic);
		model.addAttribute("cards",
				this.therapists.all(clinic.id())
					.stream()
					.map(therapist -> new TherapistCard(therapist, therapist.licenceStatusOn(today).name(),
							next.getOrDefault(therapist.id(), List.of())
								.stream()
								.map(slot -> SlotChoice.of(clinic, slot))
								.toList()))
					.toList());
		return HOME;
	}

	@GetMapping("/book")
	String book(@RequestParam(required = false) UUID therapist, @RequestParam(required = false) String service,
			@RequestParam(required = false) LocalDate date, @RequestParam(required = false) String start,
			@RequestParam(required = false) String find, @RequestParam(required = false) UUID client, Model model) {
		prepare(model, therapist, service, date);
		model.addAttribute("selectedStart", start);
		pickClient(model, find, client);
		return BOOK;
	}

	/**
	 * The front desk's client picker, for htmx to swap in as they type: clients found by
	 * name, e-mail or date of birth, never an erased one.
	 */
	@GetMapping("/book/clients")
	String clients(@RequestParam(required = false) String find, Model model) {
		if (CurrentUser.required().client() != null) {
			throw new Forbidden("Only the front desk looks clients up.");
		}
		pickClient(model, find, null);
		return CLIENT_PICKER;
	}

	private void pickClient(Model model, String find, UUID selected) {
		this.picker.pick(model, find, selected);
	}

	/** The slot list alone, for htmx to swap in when the service or the day changes. */
	@GetMapping("/book/slots")
	String slots(@RequestParam UUID therapist, @RequestParam String service, @RequestParam LocalDate date,
			Model model) {
		try {
			prepare(model, therapist, service, date);
		}
		catch (ProblemException refused) {
			// htmx swaps only successful answers: explain the problem inside the fragment
			// instead.
			model.addAttribute("slotsError", refused.getMessage());
			model.addAttribute("slots", List.of());
		}
		return SLOTS;
	}

	@PostMapping("/book")
	String submit(@RequestParam UUID therapist, @RequestParam String service,
			@RequestParam(required = false) UUID client, @RequestParam(required = false) String requestKey,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime start,
			@RequestParam(required = false) LocalDate date, @RequestParam(required = false) String intakeWaiver,
			Model model) {
		if (start == null || client == null) {
			model.addAttribute("error", (client == null) ? "Please choose who is coming." : "Please choose a time.");
			prepare(model, therapist, service, (start != null) ? start.toLocalDate() : date);
			model.addAttribute("selectedStart", (start != null) ? start.toString() : null);
			pickClient(model, null, client);
			return BOOK;
		}
		try {
			// The form's own key makes a double click or a resubmitted page land on the
			// same booking.
			CurrentUser caller = CurrentUser.required();
			String key = (requestKey != null && requestKey.matches("[0-9a-f-]{36}"))
					? caller.id() + "/page-" + requestKey : null;
			BookingRequest wanted = new BookingRequest(new ClientId(client), new TherapistId(therapist), service,
					start.toInstant(), null, (intakeWaiver != null && !intakeWaiver.isBlank()) ? intakeWaiver : null);
			Booking booking = this.bookings.book(wanted, key, caller);
			return "redirect:/appointments/" + booking.appointment().id();
		}
		catch (ProblemException refused) {
			model.addAttribute("error", refused.getMessage());
			try {
				prepare(model, therapist, service, start.toLocalDate());
			}
			catch (ProblemException alsoRefused) {
				prepare(model, null, null, null);
			}
			pickClient(model, null, client);
			return BOOK;
		}
	}

	@GetMapping("/appointments/{id}")
	String appointment(@PathVariable UUID id, Model model) {
		Appointment appointment = this.bookings.read(CurrentUser.required(), new AppointmentId(id));
		Clinic clinic = this.clinics.get(appointment.clinicId());
		model.addAttribute("clinic", clinic);
		model.addAttribute("appointment", appointment);
		model.addAttribute("therapist", this.therapists.get(appointment.therapistId()));
		model.addAttribute("client", this.clients.get(appointment.clientId()));
		model.addAttribute("service", this.clinics.service(clinic.id(), appointment.service()));
		model.addAttribute("when", SlotChoice.of(clinic,
				new Slot(appointment.therapistId(), null, appointment.start(), appointment.end())));
		model.addAttribute("started", !appointment.start().isAfter(this.clock.instant()));
		model.addAttribute("intakeWaiver", this.bookings.intakeWaiver(appointment).orElse(null));
		return APPOINTMENT;
	}

	/**
	 * The therapist or the front desk marks that the client did not come to a session
	 * that has started.
	 */
	@PostMapping("/appointments/{id}/no-show")
	String noShow(@PathVariable UUID id, Model model) {
		return mark(id, model, () -> this.bookings.noShow(CurrentUser.required(), new AppointmentId(id)));
	}

	/**
	 * The therapist or the front desk marks a session that has started as having taken
	 * place.
	 */
	@PostMapping("/appointments/{id}/complete")
	String complete(@PathVariable UUID id, Model model) {
		return mark(id, model, () -> this.bookings.complete(CurrentUser.required(), new AppointmentId(id)));
	}

	/**
	 * Marks what became of a session, back to its page; a rule's refusal (not started
	 * yet, no longer booked) is shown there, while "not found" and "not allowed" stay
	 * what they are.
	 */
	private String mark(UUID id, Model model, Runnable change) {
		try {
			change.run();
		}
		catch (ProblemException refused) {
			if (refused.status() == HttpStatus.NOT_FOUND || refused.status() == HttpStatus.FORBIDDEN) {
				throw refused;
			}
			appointment(id, model);
			model.addAttribute("error", refused.getMessage());
			return APPOINTMENT;
		}
		return "redirect:/appointments/" + id;
	}

	private void prepare(Model model, UUID therapistId, String serviceCode, LocalDate date) {
		CurrentUser caller = CurrentUser.required();
		Therapist chosen = (therapistId != null) ? this.therapists.get(new TherapistId(therapistId)) : null;
		// Another clinic's therapist, or one who has left, is not there to book.
		if (chosen != null && (!chosen.clinicId().equals(caller.clinic()) || !chosen.active())) {
			throw new RecordNotFound("Therapist", therapistId);
		}
		Clinic clinic = this.clinics.get(caller.clinic());
		List<Therapist> all = this.therapists.all(clinic.id());
		if (chosen == null) {
			chosen = all.stream()
				.findFirst()
				.orElseThrow(() -> new RecordNotFound("Therapist", "(none in this clinic)"));
		}
		List<ServiceType> services = this.clinics.services(clinic.id());
		// A client who may not book a treatment yet (no current intake where the clinic
		// asks
		// for one) starts from a first consultation.
		Optional<BookingGuard.Refusal> notYet = (caller.client() != null)
				? this.bookings.beforeTreatment(caller.client(), clinic.id()) : Optional.empty();
		String preferred = notYet.isPresent() ? ServiceType.FIRST_CONSULTATION : ServiceType.TREATMENT_60;
		ServiceType service = services.stream()
			.filter(offered -> offered.code().equals(serviceCode))
			.findFirst()
			.orElse(services.stream()
				.filter(offered -> offered.code().equals(preferred))
				.findFirst()
				.orElse(services.get(0)));
		model.addAttribute("consultationFirst", notYet.isPresent());
		model.addAttribute("maxWaiver", Bookings.MAX_WAIVER_LENGTH);
		// Without a day asked for, the page opens on the therapist's first day with free
		// time for the service from tomorrow on (a client looking on a Friday would
		// otherwise meet an empty Saturday), within the next two weeks.
		LocalDate tomorrow = this.availability.today(clinic).plusDays(1);
		List<Slot> free = (date != null) ? this.availability.of(chosen.id(), service.code(), null, date, date)
				: this.availability.of(chosen.id(), service.code(), null, tomorrow,
						tomorrow.plusDays(FIRST_FREE_DAY_SEARCHED - 1));
		LocalDate day = (date != null) ? date
				: free.stream().findFirst().map(slot -> clinic.localTime(slot.start()).toLocalDate()).orElse(tomorrow);
		model.addAttribute("clinic", clinic);
		model.addAttribute("therapists", all);
		model.addAttribute("therapist", chosen);
		// Until then the first consultation is all they are offered.
		model.addAttribute("services", notYet.isPresent() ? List.of(service) : services);
		model.addAttribute("service", service);
		model.addAttribute("date", day);
		model.addAttribute("requestKey", UUID.randomUUID());
		model.addAttribute("cancellationWindow",
				CancellationPolicy.describe(this.clinics.policies(clinic.id()).cancellationWindow()));
		// What the intake says about booking: recommended techniques, or why the client
		// must see a doctor first.
		model.addAttribute("guidance",
				(caller.client() != null) ? this.bookings.guidance(caller.client()).orElse(null) : null);
		model.addAttribute("slots",
				free.stream()
					.map(slot -> SlotChoice.of(clinic, slot))
					.filter(choice -> choice.date().equals(day))
					.toList());
	}

	private Clinic clinic() {
		return this.clinics.chosenOrServed(null);
	}

	record TherapistCard(Therapist therapist, String licenceStatus, List<SlotChoice> nextSlots) {

		/** "German, English" rather than "de, en". */
		public String languages() {
			return String.join(", ",
					this.therapist.languages()
						.stream()
						.map(tag -> Locale.forLanguageTag(tag).getDisplayLanguage(Locale.ENGLISH))
						.toList());
		}

		/**
		 * Why no time is offered, when that is the licence's doing; null when the licence
		 * allows practice.
		 */
		public String licenceNote() {
			return switch (LicenceStatus.valueOf(this.licenceStatus)) {
				case VALID, EXPIRING_SOON -> null;
				case EXPIRED -> "Cannot be booked until the licence is renewed.";
				case NOT_YET_VALID -> "Can be booked once the new licence starts.";
				case NONE -> "No licence on record, so cannot be booked.";
				case UNVERIFIED -> "Can be booked once the clinic has verified the licence.";
			};
		}

	}

	/**
	 * A slot as people read it: "Mon 30 Nov", "09:00–10:00", and the exact start for the
	 * form.
	 */
	record SlotChoice(String day, String startTime, String time, String start, LocalDate date) {

		static SlotChoice of(Clinic clinic, Slot slot) {
			OffsetDateTime local = clinic.localTime(slot.start());
			return new SlotChoice(DAY.format(local), TIME.format(local),
					TIME.format(local) + "–" + TIME.format(clinic.localTime(slot.end())),
					local.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), local.toLocalDate());
		}

	}

}
