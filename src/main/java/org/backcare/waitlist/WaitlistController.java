package org.backcare.waitlist;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.backcare.account.CurrentUser;
import org.backcare.booking.Booking;
import org.backcare.booking.Slot;
import org.backcare.client.ClientId;
import org.backcare.clinic.Clinic;
import org.backcare.clinic.Clinics;
import org.backcare.therapist.Technique;
import org.backcare.therapist.TherapistId;
import org.backcare.therapist.Therapists;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The waitlist through the API: a client joins for themselves, the front desk for a
 * client of its clinic; offers are read, taken up or declined by their client (or the
 * front desk on the phone with them).
 */
@RestController
@Validated
@Tag(name = "Waitlist")
@SecurityRequirement(name = "bearer")
class WaitlistController {

	private final Waitlist waitlist;

	private final Clinics clinics;

	private final Therapists therapists;

	WaitlistController(Waitlist waitlist, Clinics clinics, Therapists therapists) {
		this.waitlist = waitlist;
		this.clinics = clinics;
		this.therapists = therapists;
	}

	@PostMapping("/api/v1/waitlist")
	@ApiResponse(responseCode = "201", description = "On the waitlist; with the fitting times free right now")
	@ApiResponse(responseCode = "400",
			description = "Impossible windows or days: a window ending before it starts or too short for the "
					+ "service, no chosen weekday in the days, days past or beyond the booking horizon")
	@ApiResponse(responseCode = "404", description = "No such client or therapist (for the caller)")
	@ApiResponse(responseCode = "422",
			description = "'too-many-waiting' (five at once, the clinic's rule), 'technique-not-certified', "
					+ "'nobody-certified', or the intake the clinic needs before a treatment")
	@Operation(summary = "Join the waitlist for a service at times not free now",
			description = "When time that fits frees up (a cancellation, a move, new hours) the first three waiting "
					+ "clients in order are offered it by mail; the first to take it up books it. An offer stays "
					+ "open 15 minutes (backcare.waitlist.offer-lifetime), then goes to the next. A client joins "
					+ "for themselves (clientId left out or their own); the front desk names the client.")
	ResponseEntity<RequestView> join(@Valid @RequestBody JoinBody body) {
		CurrentUser caller = CurrentUser.required();
		Waitlist.Joined joined = this.waitlist.join(caller, body.toWish());
		return ResponseEntity.created(URI.create("/api/v1/waitlist/" + joined.request().id()))
			.body(view(joined.request(), null, joined.freeNow()));
	}

	@GetMapping("/api/v1/waitlist")
	@ApiResponse(responseCode = "200",
			description = "A client's own requests, newest first; the front desk's "
					+ "waiting clients in the order they will be offered time")
	@ApiResponse(responseCode = "403", description = "Therapists have no waitlist")
	@Operation(summary = "The waitlist as the caller sees it")
	List<RequestView> list() {
		CurrentUser caller = CurrentUser.required();
		List<WaitRequest> requests = this.waitlist.list(caller);
		Map<UUID, Offer> open = this.waitlist.openOffers(requests);
		return requests.stream().map(request -> view(request, open.get(request.id()), null)).toList();
	}

	@GetMapping("/api/v1/waitlist/{id}")
	@ApiResponse(responseCode = "200", description = "The request with its open offer, if any")
	@ApiResponse(responseCode = "404", description = "No such request (for the caller)")
	@Operation(summary = "One request on the waitlist")
	RequestView get(@PathVariable UUID id) {
		WaitRequest request = this.waitlist.request(CurrentUser.required(), id);
		return view(request, this.waitlist.openOffers(List.of(request)).get(id), null);
	}

	@DeleteMapping("/api/v1/waitlist/{id}")
	@ApiResponse(responseCode = "204", description = "Left the waitlist; an open offer went to the next client")
	@ApiResponse(responseCode = "404", description = "No such request (for the caller)")
	@ApiResponse(responseCode = "422", description = "'not-waiting': booked, withdrawn or ended already")
	@Operation(summary = "Leave the waitlist")
	ResponseEntity<Void> withdraw(@PathVariable UUID id) {
		this.waitlist.withdraw(CurrentUser.required(), id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/waitlist/offers/{id}")
	@ApiResponse(responseCode = "200", description = "The offer and where it stands")
	@ApiResponse(responseCode = "404", description = "No such offer (for the caller)")
	@Operation(summary = "An offer made from the waitlist")
	OfferView offer(@PathVariable UUID id) {
		Waitlist.Offered offered = this.waitlist.offer(CurrentUser.required(), id);
		return offerView(offered.offer(), offered.request());
	}

	@PostMapping("/api/v1/waitlist/offers/{id}/accept")
	@ApiResponse(responseCode = "201", description = "Booked")
	@ApiResponse(responseCode = "404", description = "No such offer (for the caller)")
	@ApiResponse(responseCode = "410",
			description = "'offer-ended': expired, answered already, withdrawn, or someone else took the time first")
	@ApiResponse(responseCode = "422", description = "A booking rule refused the session; 'rule' names it")
	@Operation(summary = "Take up an offer: book its session",
			description = "Booked like any session, by the caller; of the clients offered the same time the first "
					+ "to take it up gets it (the database decides), and the others are told it is gone.")
	ResponseEntity<BookedView> accept(@PathVariable UUID id) {
		Booking booking = this.waitlist.accept(CurrentUser.required(), id);
		Clinic clinic = this.clinics.get(booking.appointment().clinicId());
		return ResponseEntity.created(URI.create("/api/v1/appointments/" + booking.appointment().id().value()))
			.body(new BookedView(booking.appointment().id().value(), booking.appointment().therapistId().value(),
					booking.appointment().service(), clinic.localTime(booking.appointment().start()),
					clinic.localTime(booking.appointment().end())));
	}

	@PostMapping("/api/v1/waitlist/offers/{id}/decline")
	@ApiResponse(responseCode = "204", description = "Declined; the client stays on the waitlist")
	@ApiResponse(responseCode = "404", description = "No such offer (for the caller)")
	@ApiResponse(responseCode = "410", description = "'offer-ended': expired or answered already")
	@Operation(summary = "Decline an offer: the time goes to the next waiting client")
	ResponseEntity<Void> decline(@PathVariable UUID id) {
		this.waitlist.decline(CurrentUser.required(), id);
		return ResponseEntity.noContent().build();
	}

	private RequestView view(WaitRequest request, Offer open, List<Slot> freeNow) {
		Clinic clinic = this.clinics.get(request.clinic());
		return new RequestView(request.id(), request.client().value(), request.service(),
				(request.therapist() != null) ? request.therapist().value() : null, request.technique(),
				request.firstDay(), request.lastDay(),
				request.windows().stream().map(w -> new WindowBody(w.days(), w.from(), w.to())).toList(),
				request.status().name(), request.createdAt(),
				(request.appointment() != null) ? request.appointment().value() : null,
				(open != null) ? offerView(open, request) : null,
				(freeNow != null) ? freeNow.stream()
					.map(slot -> new FreeTime(slot.therapist().value(), slot.therapistName(),
							clinic.localTime(slot.start()), clinic.localTime(slot.end())))
					.toList() : null);
	}

	private OfferView offerView(Offer offer, WaitRequest request) {
		Clinic clinic = this.clinics.get(request.clinic());
		return new OfferView(offer.id(), request.id(), offer.therapist().value(),
				this.therapists.name(offer.therapist()), request.service(), clinic.localTime(offer.start()),
				clinic.localTime(offer.end()), clinic.localTime(offer.expires()), offer.status().name(),
				(offer.appointment() != null) ? offer.appointment().value() : null);
	}

	record JoinBody(
			@Schema(description = "The client (the front desk); left out by a client for themselves") UUID clientId,
			@NotBlank @Size(max = 40) @Schema(example = "TREATMENT_60") String service,
			@Schema(description = "One therapist; left out for any") UUID therapistId,
			@Schema(description = "A technique; left out for any") Technique technique,
			@NotNull @Schema(description = "First clinic-local day", example = "2026-12-07") LocalDate from,
			@NotNull @Schema(description = "Last clinic-local day (both included)",
					example = "2027-01-15") LocalDate until,
			@NotNull @Size(min = 1, max = Waitlist.MAX_WINDOWS) List<@Valid @NotNull WindowBody> windows) {

		Waitlist.Wish toWish() {
			return new Waitlist.Wish((this.clientId != null) ? new ClientId(this.clientId) : null, this.service.strip(),
					(this.therapistId != null) ? new TherapistId(this.therapistId) : null, this.technique, this.from,
					this.until, this.windows.stream().map(w -> new TimeWindow(w.days(), w.from(), w.to())).toList());
		}

	}

	@Schema(description = "On these weekdays, a session starting and ending between from and to (clinic-local)")
	record WindowBody(@NotNull @Size(min = 1, max = 7) Set<@NotNull DayOfWeek> days,
			@NotNull @Schema(type = "string", example = "08:00") LocalTime from,
			@NotNull @Schema(type = "string", example = "12:00") LocalTime to) {
	}

	record RequestView(UUID id, UUID clientId, String service, UUID therapistId, Technique technique, LocalDate from,
			LocalDate until, List<WindowBody> windows, String status, java.time.Instant createdAt, UUID appointmentId,
			OfferView openOffer, List<FreeTime> freeNow) {
	}

	record OfferView(UUID id, UUID requestId, UUID therapistId, String therapistName, String service,
			OffsetDateTime start, OffsetDateTime end, OffsetDateTime expires, String status, UUID appointmentId) {
	}

	record FreeTime(UUID therapistId, String therapistName, OffsetDateTime start, OffsetDateTime end) {
	}

	record BookedView(UUID appointmentId, UUID therapistId, String service, OffsetDateTime start, OffsetDateTime end) {
	}

}
