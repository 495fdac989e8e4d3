package org.backcare.waitlist;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.backcare.account.CurrentUser;
import org.backcare.account.Role;
import org.backcare.booking.Availability;
import org.backcare.booking.Booking;
import org.backcare.booking.BookingGuard;
import org.backcare.booking.BookingRequest;
import org.backcare.booking.Bookings;
import org.backcare.booking.Slot;
import org.backcare.booking.SlotTaken;
import org.backcare.client.Client;
import org.backcare.client.ClientId;
import org.backcare.client.Clients;
import org.backcare.clinic.Clinic;
import org.backcare.clinic.Clinics;
import org.backcare.clinic.ServiceType;
import org.backcare.platform.Forbidden;
import org.backcare.platform.InvalidRequest;
import org.backcare.platform.ProblemException;
import org.backcare.platform.RecordNotFound;
import org.backcare.platform.TimeRange;
import org.backcare.therapist.Technique;
import org.backcare.therapist.Therapist;
import org.backcare.therapist.TherapistId;
import org.backcare.therapist.Therapists;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Joining and leaving the waitlist, and answering offers. A client acts for themselves,
 * the front desk for any client of its clinic; anyone else is told the request or offer
 * does not exist. Taking up an offer books the session like any booking, by the caller,
 * so the same rules, guards and exclusion constraints decide; the first of the offered
 * clients to do so gets it and the others whose time it took are told.
 */
@Service
public class Waitlist {

	/** The clinic's own rule: a client waits for at most five sessions at once. */
	static final int MAX_WAITING = 5;

	/** At most seven windows in one request (one a day). */
	static final int MAX_WINDOWS = 7;

	/** "Free now" shows at most this many times. */
	static final int FREE_NOW = 5;

	private final WaitlistRepository waitlist;

	private final FittingTimes fitting;

	private final Availability availability;

	private final Bookings bookings;

	private final Clients clients;

	private final Clinics clinics;

	private final Therapists therapists;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	Waitlist(WaitlistRepository waitlist, FittingTimes fitting, Availability availability, Bookings bookings,
			Clients clients, Clinics clinics, Therapists therapists, ApplicationEventPublisher events, JdbcClient jdbc,
			PlatformTransactionManager transactions, Clock clock) {
		this.waitlist = waitlist;
		this.fitting = fitting;
		this.availability = availability;
		this.bookings = bookings;
		this.clients = clients;
		this.clinics = clinics;
		this.therapists = therapists;
		this.events = events;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/**
	 * What a client asks for; {@code client} null for the caller themselves (the front
	 * desk names the client).
	 */
	public record Wish(ClientId client, String service, TherapistId therapist, Technique technique, LocalDate from,
			LocalDate until, List<TimeWindow> windows) {
	}

	/**
	 * A new place on the waitlist, and the fitting times free right now (at most five).
	 */
	public record Joined(WaitRequest request, List<Slot> freeNow) {
	}

	public Joined join(CurrentUser caller, Wish wish) {
		Client client = this.clients.find(clientFor(caller, wish.client()))
			.filter(found -> found.clinicId().equals(caller.clinic()))
			.orElseThrow(() -> new RecordNotFound("Client", wish.client()));
		client.ensureNotErased();
		Clinic clinic = this.clinics.get(client.clinicId());
		ServiceType service = this.clinics.offered(clinic.id(), wish.service());
		List<Therapist> who = therapists(clinic, wish);
		checkDays(clinic, wish);
		checkWindows(service, wish.windows());
		if (!ServiceType.FIRST_CONSULTATION.equals(service.code())) {
			Optional<BookingGuard.Refusal> refusal = this.bookings.beforeTreatment(client.id(), clinic.id());
			if (refusal.isPresent()) {
				throw new WaitlistRefused(refusal.get().rule(), refusal.get().detail());
			}
		}
		WaitRequest request = new WaitRequest(UUID.randomUUID(), clinic.id(), client.id(), service.code(),
				wish.therapist(), wish.technique(), wish.from(), wish.until(), wish.windows(), this.clock.instant(),
				WaitRequest.Status.WAITING, null);
		this.transactions.executeWithoutResult(status -> {
			// One client's requests are counted and added one at a time.
			this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('waitlist/' || ?, 0))")
				.param(client.id().value().toString())
				.query((rs, n) -> 1)
				.list();
			if (this.waitlist.waitingCount(client.id()) >= MAX_WAITING) {
				throw new WaitlistRefused("too-many-waiting", "You are on the waitlist for " + MAX_WAITING
						+ " sessions already (the clinic's limit): withdraw one before asking for another.");
			}
			this.waitlist.insert(request);
			// Time already freed and still on offer may fit the newcomer.
			this.waitlist.needsOffers(clinic.id());
		});
		return new Joined(request, freeNow(request, who, clinic));
	}

	private ClientId clientFor(CurrentUser caller, ClientId asked) {
		if (caller.is(Role.CLIENT)) {
			if (asked != null && !caller.isClient(asked)) {
				throw new RecordNotFound("Client", asked);
			}
			return caller.client();
		}
		if (caller.is(Role.ADMIN)) {
			if (asked == null) {
				throw new InvalidRequest("Say which client to put on the waitlist (clientId).");
			}
			return asked;
		}
		throw new Forbidden("Only a client, or the front desk for a client, can join the waitlist.");
	}

	/** The therapists who could give the session, at least one. */
	private List<Therapist> therapists(Clinic clinic, Wish wish) {
		if (wish.therapist() != null) {
			Therapist therapist = this.therapists.find(wish.therapist())
				.filter(found -> found.clinicId().equals(clinic.id()) && found.active())
				.orElseThrow(() -> new RecordNotFound("Therapist", wish.therapist()));
			if (wish.technique() != null && !therapist.certifiedIn(wish.technique())) {
				throw new WaitlistRefused("technique-not-certified",
						therapist.name() + " is not certified in " + wish.technique().displayName() + ".");
			}
			return List.of(therapist);
		}
		List<Therapist> able = ((wish.technique() != null) ? this.therapists.certifiedIn(clinic.id(), wish.technique())
				: this.therapists.all(clinic.id()))
			.stream()
			.filter(Therapist::active)
			.toList();
		if (able.isEmpty()) {
			throw new WaitlistRefused("nobody-certified", "Nobody at " + clinic.name() + " gives "
					+ ((wish.technique() != null) ? wish.technique().displayName() : "sessions") + " at the moment.");
		}
		return able;
	}

	private void checkDays(Clinic clinic, Wish wish) {
		LocalDate today = this.availability.today(clinic);
		LocalDate last = today.plusDays(clinic.booking().horizon().toDays());
		if (wish.from().isBefore(today)) {
			throw new InvalidRequest("The first day (" + wish.from() + ") has passed: start today or later.");
		}
		if (wish.until().isBefore(wish.from())) {
			throw new InvalidRequest(
					"The last day (" + wish.until() + ") comes before the first (" + wish.from() + ").");
		}
		if (wish.until().isAfter(last)) {
			throw new InvalidRequest("Bookings open up to " + last + ": choose a last day no later.");
		}
		Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
		wish.windows().forEach(window -> days.addAll(window.days()));
		boolean anyDay = false;
		// A week holds every weekday: no need to look further.
		for (LocalDate day = wish.from(); !day.isAfter(wish.until()) && !day.isAfter(wish.from().plusDays(6))
				&& !anyDay; day = day.plusDays(1)) {
			anyDay = days.contains(day.getDayOfWeek());
		}
		if (!anyDay) {
			throw new InvalidRequest("No "
					+ days.stream()
						.map(day -> day.getDisplayName(TextStyle.FULL, Locale.ENGLISH))
						.collect(Collectors.joining(" or "))
					+ " falls between " + wish.from() + " and " + wish.until() + ".");
		}
	}

	private static void checkWindows(ServiceType service, List<TimeWindow> windows) {
		if (windows.isEmpty() || windows.size() > MAX_WINDOWS) {
			throw new InvalidRequest("Give 1 to " + MAX_WINDOWS + " time windows.");
		}
		for (TimeWindow window : windows) {
			if (window.days().isEmpty()) {
				throw new InvalidRequest("Each time window needs at least one weekday.");
			}
			if (!window.from().isBefore(window.to())) {
				throw new InvalidRequest("A time window ends (" + window.to() + ") before it starts (" + window.from()
						+ "): give a start earlier than its end.");
			}
			if (Duration.between(window.from(), window.to()).compareTo(service.duration()) < 0) {
				throw new InvalidRequest("A " + service.duration().toMinutes() + "-minute " + service.name()
						+ " does not fit between " + window.from() + " and " + window.to() + ".");
			}
		}
	}

	/** Each able therapist's first fitting free time, soonest first. */
	private List<Slot> freeNow(WaitRequest request, List<Therapist> who, Clinic clinic) {
		TimeRange period = new TimeRange(request.firstDay().atStartOfDay(clinic.zone()).toInstant(),
				request.lastDay().plusDays(1).atStartOfDay(clinic.zone()).toInstant());
		List<Slot> free = new ArrayList<>();
		for (Therapist therapist : who) {
			this.fitting.first(request, therapist, period, clinic).ifPresent(free::add);
		}
		return free.stream().sorted(Comparator.comparing(Slot::start)).limit(FREE_NOW).toList();
	}

	/**
	 * The caller's own requests (a client), or every waiting one of the clinic (the front
	 * desk).
	 */
	List<WaitRequest> list(CurrentUser caller) {
		if (caller.is(Role.CLIENT)) {
			return this.waitlist.ofClient(caller.client());
		}
		if (caller.is(Role.ADMIN)) {
			return this.waitlist.waiting(caller.clinic());
		}
		throw new Forbidden("The waitlist is the clients' and the front desk's.");
	}

	WaitRequest request(CurrentUser caller, UUID id) {
		return this.waitlist.request(id)
			.filter(request -> mayAct(caller, request))
			.orElseThrow(() -> new RecordNotFound("Waitlist request", id));
	}

	List<Offer> offersOf(WaitRequest request) {
		return this.waitlist.offersOf(request.id());
	}

	Map<UUID, Offer> openOffers(List<WaitRequest> requests) {
		return this.waitlist.openOffersOf(requests.stream().map(WaitRequest::id).toList());
	}

	/** Leaves the waitlist; an open offer is withdrawn and goes to the next client. */
	void withdraw(CurrentUser caller, UUID id) {
		this.transactions.executeWithoutResult(status -> {
			WaitRequest request = this.waitlist.lockRequest(id)
				.filter(found -> mayAct(caller, found))
				.orElseThrow(() -> new RecordNotFound("Waitlist request", id));
			if (!request.waiting()) {
				throw new WaitlistRefused("not-waiting", "This request is no longer waiting ("
						+ request.status().name().toLowerCase(Locale.ROOT) + ").");
			}
			Instant now = this.clock.instant();
			this.waitlist.openOffersOf(List.of(id))
				.values()
				.forEach(offer -> this.waitlist.end(offer.id(), Offer.Status.WITHDRAWN, now));
			this.waitlist.withdraw(id, now);
		});
	}

	/** An offer with its request, for its client or their clinic's front desk. */
	record Offered(Offer offer, WaitRequest request) {
	}

	Offered offer(CurrentUser caller, UUID id) {
		Offer offer = this.waitlist.offer(id).orElseThrow(() -> new RecordNotFound("Offer", id));
		WaitRequest request = this.waitlist.request(offer.request())
			.filter(found -> mayAct(caller, found))
			.orElseThrow(() -> new RecordNotFound("Offer", id));
		return new Offered(offer, request);
	}

	/**
	 * Takes up an offer: books its session for the client. A link used again, an expired
	 * offer, or time someone else took first is a 410 that says which; the offer taken by
	 * someone else is then marked so.
	 */
	Booking accept(CurrentUser caller, UUID id) {
		try {
			return this.transactions.execute(status -> {
				Offered offered = answerable(caller, id);
				Offer offer = offered.offer();
				WaitRequest request = offered.request();
				Booking booking = this.bookings.book(new BookingRequest(request.client(), offer.therapist(),
						request.service(), offer.start(), request.technique()), "waitlist-offer/" + offer.id(), caller);
				Instant now = this.clock.instant();
				this.waitlist.accepted(offer.id(), booking.appointment().id(), now);
				this.waitlist.booked(request.id(), booking.appointment().id(), now);
				tellTheOthers(offer, now);
				return booking;
			});
		}
		catch (SlotTaken taken) {
			this.transactions
				.executeWithoutResult(status -> this.waitlist.end(id, Offer.Status.GONE, this.clock.instant()));
			throw new OfferEnded("Sorry: someone else took this time a moment ago. You stay on the waitlist and will "
					+ "be offered the next time that fits.");
		}
	}

	/** Declines an offer: the client stays on the waitlist, the time goes to the next. */
	void decline(CurrentUser caller, UUID id) {
		this.transactions.executeWithoutResult(status -> {
			answerable(caller, id);
			this.waitlist.end(id, Offer.Status.DECLINED, this.clock.instant());
		});
	}

	/** The offer, locked, if the caller may answer it and it is still open. */
	private Offered answerable(CurrentUser caller, UUID id) {
		// The opening first, then the offer: two clients taking up offers of the same
		// opening queue here, instead of each holding their offer while the other, having
		// booked, marks it gone (a deadlock).
		this.waitlist.offer(id).ifPresent(known -> this.waitlist.lockOpeningOf(known));
		Offer offer = this.waitlist.lockOffer(id).orElseThrow(() -> new RecordNotFound("Offer", id));
		WaitRequest request = this.waitlist.request(offer.request())
			.filter(found -> mayAct(caller, found))
			.orElseThrow(() -> new RecordNotFound("Offer", id));
		Instant now = this.clock.instant();
		if (!offer.openAt(now)) {
			throw new OfferEnded(OfferStatusWords.ended(offer, this.clinics.get(request.clinic())));
		}
		return new Offered(offer, request);
	}

	/**
	 * The other open offers of the opening whose time is no longer free are gone, and
	 * their clients told; the opening may still suit someone (a shorter session in what
	 * is left).
	 */
	private void tellTheOthers(Offer taken, Instant now) {
		for (Offer other : this.waitlist.openOffers(taken.opening())) {
			WaitRequest request = this.waitlist.request(other.request()).orElseThrow();
			Clinic clinic = this.clinics.get(request.clinic());
			LocalDate day = clinic.localDate(other.start());
			boolean stillFree;
			try {
				stillFree = this.availability.of(other.therapist(), request.service(), request.technique(), day, day)
					.stream()
					.anyMatch(slot -> slot.start().equals(other.start()));
			}
			catch (ProblemException refused) {
				stillFree = false;
			}
			if (!stillFree && this.waitlist.end(other.id(), Offer.Status.GONE, now)) {
				this.events.publishEvent(new WaitlistOfferGone(other.id(), request.clinic(), request.client(),
						other.therapist(), request.service(), other.start()));
			}
		}
		this.waitlist.needsOffers(taken.opening());
	}

	private static boolean mayAct(CurrentUser caller, WaitRequest request) {
		return caller.isClient(request.client()) || caller.isAdminOf(request.clinic());
	}

}
