package org.backcare.waitlist;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.backcare.Api;
import org.backcare.ClinicFixture;
import org.backcare.ClinicFixture.TestClinic;
import org.backcare.IntegrationTest;
import org.backcare.booking.BookingRequest;
import org.backcare.booking.Bookings;
import org.backcare.client.ClientId;
import org.backcare.client.PersonalData;
import org.backcare.therapist.Technique;
import org.backcare.therapist.TherapistId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The waitlist: clients wait for a service in their windows; time a client frees is
 * offered at once to the first three waiting clients it fits, in the order they joined;
 * the first to take it up books it and the others are told it is gone; an offer not taken
 * up in time, declined or withdrawn goes to the next; the front desk's edits are offered
 * once they settle; and impossible wishes or ended offers are refused with a reason,
 * writing nothing.
 */
@IntegrationTest
class WaitlistTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ClinicFixture fixture;

	@Autowired
	OfferRounds rounds;

	@Autowired
	Bookings bookings;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	List<PersonalData> personalData;

	TestClinic clinic;

	TherapistId anna;

	Api frontDesk;

	@BeforeEach
	void aClinicWithATherapist() {
		this.clinic = this.fixture.open();
		this.anna = this.clinic.therapist(Technique.SWEDISH);
		this.frontDesk = new Api(this.mvc, this.clinic.bearer(this.clinic.admin()));
	}

	@Test
	void aCancelledTimeGoesToTheFirstThreeWaitingInOrder_theFirstToTakeItUpBooksIt() throws Exception {
		List<ClientId> waiting = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			ClientId client = this.clinic.client();
			join(client, mornings());
			waiting.add(client);
		}
		OffsetDateTime ten = this.clinic.inDays(3, 10, 0);
		String session = bookFor(this.clinic.client(), ten);
		cancelAsItsClient(session);

		this.rounds.pass();
		Map<ClientId, String> offers = openOffers();
		assertThat(offers).containsOnlyKeys(waiting.get(0), waiting.get(1), waiting.get(2));
		for (ClientId client : offers.keySet()) {
			assertThat(offeredStart(offers.get(client))).isEqualTo(ten.toInstant());
		}
		assertThat(mailText(offers.get(waiting.get(0)), "WAITLIST_OFFER")).contains("has come free",
				"10:00 (Europe/Berlin)", "The offer is open until",
				"/me/waitlist/offers/" + offers.get(waiting.get(0)));
		// The job run again: nobody is offered twice, nobody else is offered.
		this.rounds.pass();
		assertThat(openOffers()).isEqualTo(offers);

		String appointment = JsonPath.read(as(waiting.get(1))
			.perform(post("/api/v1/waitlist/offers/{id}/accept", offers.get(waiting.get(1))))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.start").value(ten.format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME)))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.appointmentId");
		assertThat(this.bookings.get(new org.backcare.booking.AppointmentId(UUID.fromString(appointment))).clientId())
			.isEqualTo(waiting.get(1));
		assertThat(statusOf(offers.get(waiting.get(0)))).isEqualTo("GONE");
		assertThat(statusOf(offers.get(waiting.get(2)))).isEqualTo("GONE");
		assertThat(mailText(offers.get(waiting.get(0)), "WAITLIST_GONE")).contains("has just been taken",
				"You stay on the waitlist");
		assertThat(requestStatus(waiting.get(1))).isEqualTo("BOOKED");

		// The link used again, or by one who came second: gone, nothing booked.
		as(waiting.get(1)).perform(post("/api/v1/waitlist/offers/{id}/accept", offers.get(waiting.get(1))))
			.andExpect(status().isGone())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("took up this offer already")));
		as(waiting.get(0)).perform(post("/api/v1/waitlist/offers/{id}/accept", offers.get(waiting.get(0))))
			.andExpect(status().isGone())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("took it first")));
		assertThat(this.clinic.appointmentCount()).isEqualTo(2);

		// Nothing of that hour is left for the fourth: the opening closes.
		this.rounds.pass();
		assertThat(openOffers()).isEmpty();
		assertThat(this.jdbc.sql("SELECT count(*) FROM waitlist_opening WHERE clinic_id = ? AND closed_at IS NULL")
			.param(this.clinic.clinic().id().value())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void anOfferNotTakenUpInTimeOrDeclinedGoesToTheNext() throws Exception {
		List<ClientId> waiting = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			ClientId client = this.clinic.client();
			join(client, mornings());
			waiting.add(client);
		}
		cancelAsItsClient(bookFor(this.clinic.client(), this.clinic.inDays(3, 10, 0)));
		this.rounds.pass();
		Map<ClientId, String> first = openOffers();
		assertThat(first).containsOnlyKeys(waiting.subList(0, 3));

		// The first's 15 minutes pass; the second declines.
		this.jdbc
			.sql("UPDATE waitlist_offer SET expires_at = now() - interval '1 second', offered_at = now() - "
					+ "interval '16 minutes' WHERE id = ?")
			.param(UUID.fromString(first.get(waiting.get(0))))
			.update();
		as(waiting.get(1)).perform(post("/api/v1/waitlist/offers/{id}/decline", first.get(waiting.get(1))))
			.andExpect(status().isNoContent());
		this.rounds.pass();

		assertThat(statusOf(first.get(waiting.get(0)))).isEqualTo("EXPIRED");
		assertThat(statusOf(first.get(waiting.get(1)))).isEqualTo("DECLINED");
		assertThat(openOffers()).containsOnlyKeys(waiting.get(2), waiting.get(3), waiting.get(4));
		as(waiting.get(0)).perform(post("/api/v1/waitlist/offers/{id}/accept", first.get(waiting.get(0))))
			.andExpect(status().isGone())
			.andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("offer-ended")))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("has gone to the next")));
		// Those who declined or let it pass stay on the waitlist.
		assertThat(requestStatus(waiting.get(0))).isEqualTo("WAITING");
		assertThat(requestStatus(waiting.get(1))).isEqualTo("WAITING");

		// A client who leaves the waitlist gives up their open offer.
		String fifth = JsonPath.read(as(waiting.get(4)).perform(get("/api/v1/waitlist"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$[0].id");
		as(waiting.get(4)).perform(delete("/api/v1/waitlist/{id}", fifth)).andExpect(status().isNoContent());
		assertThat(openOffers()).containsOnlyKeys(waiting.get(2), waiting.get(3));
		as(waiting.get(4)).perform(delete("/api/v1/waitlist/{id}", fifth))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.rule").value("not-waiting"));
	}

	@Test
	void twoTakingUpTheSameTimeAtOnce_oneBooksIt_theOtherIsToldItIsGone() throws Exception {
		ClientId first = this.clinic.client();
		ClientId second = this.clinic.client();
		join(first, mornings());
		join(second, mornings());
		cancelAsItsClient(bookFor(this.clinic.client(), this.clinic.inDays(3, 10, 0)));
		this.rounds.pass();
		Map<ClientId, String> offers = openOffers();
		assertThat(offers).containsOnlyKeys(first, second);
		Api firstApi = as(first);
		Api secondApi = as(second);

		java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
		java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			var a = threads.submit(() -> {
				together.await();
				return firstApi.perform(post("/api/v1/waitlist/offers/{id}/accept", offers.get(first)))
					.andReturn()
					.getResponse()
					.getStatus();
			});
			var b = threads.submit(() -> {
				together.await();
				return secondApi.perform(post("/api/v1/waitlist/offers/{id}/accept", offers.get(second)))
					.andReturn()
					.getResponse()
					.getStatus();
			});
			assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(201, 410);
		}
		finally {
			threads.shutdown();
		}
		assertThat(List.of(statusOf(offers.get(first)), statusOf(offers.get(second))))
			.containsExactlyInAnyOrder("ACCEPTED", "GONE");
		assertThat(this.jdbc.sql("SELECT count(*) FROM appointment WHERE clinic_id = ? AND status = 'BOOKED'")
			.param(this.clinic.clinic().id().value())
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void newHoursAreOfferedOnceTheySettle() throws Exception {
		TherapistId ben = this.clinic.therapist(Technique.DEEP_TISSUE);
		this.frontDesk
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.put("/api/v1/admin/therapists/{id}/hours", ben.value())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"intervals\": []}"))
			.andExpect(status().isOk());
		ClientId waiting = this.clinic.client();
		join(waiting, "\"therapistId\": \"" + ben + "\", " + window("18:00", "20:00"));
		this.frontDesk
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.put("/api/v1/admin/therapists/{id}/hours", ben.value())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"intervals\": [{\"day\": \"" + this.clinic.today().plusDays(2).getDayOfWeek()
						+ "\", \"starts\": \"17:00\", \"ends\": \"21:00\"}]}"))
			.andExpect(status().isOk());
		this.rounds.pass();
		assertThat(openOffers()).as("still settling").isEmpty();
		this.jdbc.sql("UPDATE waitlist_opening SET ready_at = now() WHERE clinic_id = ?")
			.param(this.clinic.clinic().id().value())
			.update();
		this.rounds.pass();
		assertThat(openOffers()).containsOnlyKeys(waiting);
		assertThat(offeredStart(openOffers().get(waiting))).isEqualTo(this.clinic.inDays(2, 18, 0).toInstant());
	}

	@Test
	void theFrontDesksEditsAreOfferedOnlyOnceTheySettle() throws Exception {
		ClientId waiting = this.clinic.client();
		join(waiting, mornings());
		String first = bookFor(this.clinic.client(), this.clinic.inDays(3, 9, 0));
		String second = bookFor(this.clinic.client(), this.clinic.inDays(3, 11, 0));
		this.frontDesk
			.perform(post("/api/v1/appointments/{id}/cancel", first).contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"therapist ill\"}"))
			.andExpect(status().isOk());
		OffsetDateTime readyAt = readyAt();
		this.rounds.pass();
		assertThat(openOffers()).as("still settling").isEmpty();

		Thread.sleep(20);
		this.frontDesk
			.perform(post("/api/v1/appointments/{id}/cancel", second).contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"therapist ill\"}"))
			.andExpect(status().isOk());
		assertThat(readyAt()).as("a further edit starts the settling again").isAfter(readyAt);
		this.rounds.pass();
		assertThat(openOffers()).isEmpty();

		this.jdbc.sql("UPDATE waitlist_opening SET ready_at = now() WHERE clinic_id = ?")
			.param(this.clinic.clinic().id().value())
			.update();
		this.rounds.pass();
		assertThat(openOffers()).containsOnlyKeys(waiting);
		assertThat(offeredStart(openOffers().get(waiting))).isEqualTo(this.clinic.inDays(3, 9, 0).toInstant());
	}

	@Test
	void onlyThoseTheTimeFitsAreOffered() throws Exception {
		TherapistId ben = this.clinic.therapist(Technique.DEEP_TISSUE);
		ClientId wantsBen = this.clinic.client();
		join(wantsBen, "\"therapistId\": \"" + ben + "\", " + mornings());
		ClientId wantsDeepTissue = this.clinic.client();
		join(wantsDeepTissue, "\"technique\": \"DEEP_TISSUE\", " + mornings());
		ClientId wantsEvenings = this.clinic.client();
		join(wantsEvenings, window("17:00", "20:00"));
		ClientId wantsLater = this.clinic.client();
		as(wantsLater)
			.perform(post("/api/v1/waitlist").contentType(MediaType.APPLICATION_JSON)
				.content(body("\"from\": \"" + this.clinic.today().plusDays(5) + "\", \"until\": \""
						+ this.clinic.today().plusDays(9) + "\", " + everyDay("09:00", "12:00"))))
			.andExpect(status().isCreated());
		ClientId busyThen = this.clinic.client();
		join(busyThen, mornings());
		// Booked with Ben meanwhile, over the freed hour.
		bookFor(busyThen, ben, this.clinic.inDays(3, 10, 30));
		ClientId fits = this.clinic.client();
		join(fits, "\"therapistId\": \"" + this.anna + "\", \"technique\": \"SWEDISH\", " + mornings());

		cancelAsItsClient(bookFor(this.clinic.client(), this.clinic.inDays(3, 10, 0)));
		this.rounds.pass();
		assertThat(openOffers()).containsOnlyKeys(fits);
	}

	@Test
	void joiningAnswersWithTheTimesFreeNow() throws Exception {
		as(this.clinic.client())
			.perform(post("/api/v1/waitlist").contentType(MediaType.APPLICATION_JSON).content(body(mornings())))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("WAITING"))
			.andExpect(jsonPath("$.freeNow[0].therapistId").value(this.anna.toString()))
			.andExpect(jsonPath("$.windows[0].days.length()").value(7));
	}

	@Test
	void impossibleWishesAreRefusedWithAReasonAndWriteNothing() throws Exception {
		ClientId client = this.clinic.client();
		String today = this.clinic.today().toString();
		Map<String, String> refused = Map.of(
				// A window that ends before it starts.
				"\"from\": \"" + today + "\", \"until\": \"" + this.clinic.today().plusDays(9) + "\", "
						+ everyDay("12:00", "09:00"),
				"ends (09:00) before it starts",
				// Too short for the service.
				"\"from\": \"" + today + "\", \"until\": \"" + this.clinic.today().plusDays(9) + "\", "
						+ everyDay("09:00", "09:45"),
				"does not fit between 09:00 and 09:45",
				// A Monday-only window on days without a Monday.
				"\"from\": \"" + nextDay(java.time.DayOfWeek.TUESDAY) + "\", \"until\": \""
						+ nextDay(java.time.DayOfWeek.TUESDAY).plusDays(1) + "\", "
						+ "\"windows\": [{\"days\": [\"MONDAY\"], \"from\": \"09:00\", \"to\": \"12:00\"}]",
				"No Monday falls between",
				// Days past, or beyond the booking horizon.
				"\"from\": \"" + this.clinic.today().minusDays(1) + "\", \"until\": \"" + today + "\", "
						+ everyDay("09:00", "12:00"),
				"has passed",
				"\"from\": \"" + today + "\", \"until\": \"" + this.clinic.today().plusYears(2) + "\", "
						+ everyDay("09:00", "12:00"),
				"Bookings open up to",
				"\"from\": \"" + this.clinic.today().plusDays(9) + "\", \"until\": \"" + today + "\", "
						+ everyDay("09:00", "12:00"),
				"comes before the first",
				// No weekday at all, no window at all.
				"\"from\": \"" + today + "\", \"until\": \"" + this.clinic.today().plusDays(9) + "\", "
						+ "\"windows\": [{\"days\": [], \"from\": \"09:00\", \"to\": \"12:00\"}]",
				"days",
				"\"from\": \"" + today + "\", \"until\": \"" + this.clinic.today().plusDays(9) + "\", \"windows\": []",
				"windows");
		for (var wish : refused.entrySet()) {
			as(client)
				.perform(post("/api/v1/waitlist").contentType(MediaType.APPLICATION_JSON).content(body(wish.getKey())))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(wish.getValue())));
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM waitlist_request WHERE client_id = ?")
			.param(client.value())
			.query(Long.class)
			.single()).isZero();

		// Five at once is the clinic's limit.
		for (int i = 0; i < Waitlist.MAX_WAITING; i++) {
			join(client, mornings());
		}
		as(client).perform(post("/api/v1/waitlist").contentType(MediaType.APPLICATION_JSON).content(body(mornings())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.rule").value("too-many-waiting"));
	}

	@Test
	void aClientWhoNeedsAnIntakeFirstIsToldSoWhenAskingForATreatment() throws Exception {
		this.clinic.requireIntakeBeforeTreatment();
		as(this.clinic.client())
			.perform(post("/api/v1/waitlist").contentType(MediaType.APPLICATION_JSON).content(body(mornings())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("waitlist-refused")));
	}

	@Test
	void aClientsPlacesGoIntoTheirExportAndWithTheirErasure() throws Exception {
		ClientId client = this.clinic.client();
		join(client, mornings());
		PersonalData waitlist = this.personalData.stream()
			.filter(part -> part.part().equals("waitlist"))
			.findFirst()
			.orElseThrow();
		assertThat(waitlist.exportOf(client)).isPresent();
		waitlist.erase(client);
		assertThat(waitlist.exportOf(client)).isEmpty();
	}

	// Helpers

	private final Map<ClientId, Api> signedIn = new java.util.HashMap<>();

	private Api as(ClientId client) {
		return this.signedIn.computeIfAbsent(client,
				who -> new Api(this.mvc, this.clinic.bearer(this.clinic.signedIn(who))));
	}

	private void join(ClientId client, String wish) throws Exception {
		as(client).perform(post("/api/v1/waitlist").contentType(MediaType.APPLICATION_JSON).content(body(wish)))
			.andExpect(status().isCreated());
	}

	private String body(String wish) {
		return "{\"service\": \"TREATMENT_60\", " + (wish.contains("\"from\": \"20") ? ""
				: "\"from\": \"" + this.clinic.today() + "\", \"until\": \"" + this.clinic.today().plusDays(9) + "\", ")
				+ wish + "}";
	}

	private static String mornings() {
		return everyDay("09:00", "12:00");
	}

	private static String window(String from, String to) {
		return everyDay(from, to);
	}

	private static String everyDay(String from, String to) {
		return "\"windows\": [{\"days\": [\"MONDAY\", \"TUESDAY\", \"WEDNESDAY\", \"THURSDAY\", \"FRIDAY\", "
				+ "\"SATURDAY\", \"SUNDAY\"], \"from\": \"" + from + "\", \"to\": \"" + to + "\"}]";
	}

	private java.time.LocalDate nextDay(java.time.DayOfWeek day) {
		java.time.LocalDate date = this.clinic.today().plusDays(1);
		while (date.getDayOfWeek() != day) {
			date = date.plusDays(1);
		}
		return date;
	}

	private String bookFor(ClientId client, OffsetDateTime start) {
		return bookFor(client, this.anna, start);
	}

	private String bookFor(ClientId client, TherapistId therapist, OffsetDateTime start) {
		return this.bookings
			.book(new BookingRequest(client, therapist, "TREATMENT_60", start.toInstant(), null), null, null)
			.appointment()
			.id()
			.value()
			.toString();
	}

	private void cancelAsItsClient(String session) throws Exception {
		ClientId client = this.bookings.get(new org.backcare.booking.AppointmentId(UUID.fromString(session)))
			.clientId();
		as(client)
			.perform(post("/api/v1/appointments/{id}/cancel", session).contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"cannot come\"}"))
			.andExpect(status().isOk());
	}

	/** Open offers of the clinic, by client. */
	private Map<ClientId, String> openOffers() {
		Map<ClientId, String> open = new java.util.LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT r.client_id, o.id FROM waitlist_offer o JOIN waitlist_request r ON r.id = o.request_id
				WHERE r.clinic_id = ? AND o.status = 'OPEN' ORDER BY r.created_at""")
			.param(this.clinic.clinic().id().value())
			.query(rs -> {
				open.put(new ClientId(rs.getObject(1, UUID.class)), rs.getString(2));
			});
		return open;
	}

	private java.time.Instant offeredStart(String offer) {
		return this.jdbc.sql("SELECT starts_at FROM waitlist_offer WHERE id = ?::uuid")
			.param(offer)
			.query(OffsetDateTime.class)
			.single()
			.toInstant();
	}

	private String statusOf(String offer) {
		return this.jdbc.sql("SELECT status FROM waitlist_offer WHERE id = ?::uuid")
			.param(offer)
			.query(String.class)
			.single();
	}

	private String requestStatus(ClientId client) {
		return this.jdbc.sql("SELECT status FROM waitlist_request WHERE client_id = ? ORDER BY created_at LIMIT 1")
			.param(client.value())
			.query(String.class)
			.single();
	}

	private OffsetDateTime readyAt() {
		return this.jdbc.sql("SELECT max(ready_at) FROM waitlist_opening WHERE clinic_id = ?")
			.param(this.clinic.clinic().id().value())
			.query(OffsetDateTime.class)
			.single();
	}

	/** The text of the one mail of this kind to the offer's client. */
	private String mailText(String offer, String kind) {
		return this.jdbc.sql("""
				SELECT m.body_text FROM mail_message m
				JOIN waitlist_request r ON r.client_id = m.client_id
				JOIN waitlist_offer o ON o.request_id = r.id
				WHERE o.id = ?::uuid AND m.kind = ?""").params(offer, kind).query(String.class).single();
	}

}
