package org.backcare.waitlist;

import java.util.UUID;

import org.backcare.ClinicFixture;
import org.backcare.ClinicFixture.TestClinic;
import org.backcare.IntegrationTest;
import org.backcare.Pages;
import org.backcare.booking.BookingRequest;
import org.backcare.booking.Bookings;
import org.backcare.client.ClientId;
import org.backcare.therapist.TherapistId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The waitlist's pages: a client asks for times on theirs and is told what is free right
 * now; a wish that cannot be met is shown again with the reason; an offer's page (the
 * mail's link) books the time, and once answered says so; the front desk sees everyone
 * waiting, first first, and puts a client on the list.
 */
@IntegrationTest
class WaitlistPagesTest {

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

	TestClinic clinic;

	TherapistId anna;

	ClientId maria;

	Pages asMaria;

	@BeforeEach
	void aClinicWithAClient() {
		this.clinic = this.fixture.open();
		this.anna = this.clinic.therapist();
		this.maria = this.clinic.client();
		this.asMaria = new Pages(this.mvc, this.clinic.signedIn(this.maria));
	}

	@Test
	void aClientAsksForTimesAndIsToldWhatIsFreeNow() throws Exception {
		this.asMaria.perform(get("/me/waitlist"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Wait for a time"), containsString("Nothing yet."))));
		this.asMaria.perform(wish("09:00", "12:00"))
			.andExpect(redirectedUrl("/me/waitlist"))
			.andExpect(flash().attribute("done", containsString("A time that fits is free right now")));
		this.asMaria.perform(get("/me/waitlist"))
			.andExpect(content().string(allOf(containsString("Treatment, 60 minutes"), containsString("any therapist"),
					containsString("09:00–12:00"), containsString("Take me off"))));
	}

	@Test
	void aWishThatCannotBeMetIsShownAgainWithTheReason() throws Exception {
		this.asMaria.perform(wish("12:00", "09:00"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("before it starts")));
		this.asMaria.perform(wish("09:00", "09:30"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("does not fit between 09:00 and 09:30")));
	}

	@Test
	void theOffersPageBooksTheTime_andOnceAnsweredSaysSo() throws Exception {
		this.asMaria.perform(wish("09:00", "12:00")).andExpect(status().is3xxRedirection());
		ClientId other = this.clinic.client();
		String session = this.bookings
			.book(new BookingRequest(other, this.anna, "TREATMENT_60", this.clinic.inDays(3, 10, 0).toInstant(), null),
					null, null)
			.appointment()
			.id()
			.value()
			.toString();
		new Pages(this.mvc, this.clinic.signedIn(other))
			.perform(post("/appointments/{id}/cancel", session).param("reason", "cannot come"))
			.andExpect(status().is3xxRedirection());
		this.rounds.pass();
		UUID offer = this.jdbc.sql("""
				SELECT o.id FROM waitlist_offer o JOIN waitlist_request r ON r.id = o.request_id
				WHERE r.client_id = ? AND o.status = 'OPEN'""").param(this.maria.value()).query(UUID.class).single();

		this.asMaria.perform(get("/me/waitlist"))
			.andExpect(content().string(allOf(containsString("Offered to you now"), containsString("See the offer"))));
		this.asMaria.perform(get("/me/waitlist/offers/{id}", offer))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("A time for you"), containsString("10:00"),
					containsString("Book this time"), containsString("No, thanks"))));
		this.asMaria.perform(post("/me/waitlist/offers/{id}/accept", offer))
			.andExpect(redirectedUrl("/me/appointments"))
			.andExpect(flash().attribute("done", containsString("Booked:")));
		this.asMaria.perform(get("/me/waitlist/offers/{id}", offer))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("took up this offer already"), not(containsString("Book this time")))));
		// The link used again: the page says why, nothing more is booked.
		this.asMaria.perform(post("/me/waitlist/offers/{id}/accept", offer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("took up this offer already")));
	}

	@Test
	void theFrontDeskSeesEveryoneWaitingAndPutsAClientOnTheList() throws Exception {
		Pages desk = new Pages(this.mvc, this.clinic.admin());
		desk.perform(post("/admin/waitlist").param("client", this.maria.toString())
			.param("service", "TREATMENT_60")
			.param("days", "MONDAY", "TUESDAY")
			.param("fromTime", "08:00")
			.param("toTime", "12:00")
			.param("from", this.clinic.today().toString())
			.param("until", this.clinic.today().plusDays(14).toString())).andExpect(redirectedUrl("/admin/waitlist"));
		String name = this.jdbc.sql("SELECT name FROM client WHERE id = ?")
			.param(this.maria.value())
			.query(String.class)
			.single();
		desk.perform(get("/admin/waitlist"))
			.andExpect(status().isOk())
			.andExpect(content().string(
					allOf(containsString(name), containsString("Mon, Tue 08:00–12:00"), containsString("none open"))));
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder wish(String from, String to) {
		return post("/me/waitlist").param("service", "TREATMENT_60")
			.param("days", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")
			.param("fromTime", from)
			.param("toTime", to)
			.param("from", this.clinic.today().toString())
			.param("until", this.clinic.today().plusDays(9).toString());
	}

}
