package org.backcare.booking;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import org.backcare.ClinicFixture;
import org.backcare.ClinicFixture.TestClinic;
import org.backcare.IntegrationTest;
import org.backcare.Pages;
import org.backcare.client.ClientId;
import org.backcare.client.Clients;
import org.backcare.platform.TimeRange;
import org.backcare.therapist.TherapistId;
import org.backcare.therapist.Therapists;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The booking page a demo client uses: pick a time, book it, see the confirmation. */
@IntegrationTest
class BookingPagesTest {

	@Autowired
	MockMvc mvc;

	Pages pages;

	@Autowired
	ClinicFixture fixture;

	@Autowired
	Bookings bookings;

	@Autowired
	Clients clients;

	@Autowired
	Therapists therapists;

	TestClinic clinic;

	TherapistId therapist;

	ClientId client;

	@BeforeEach
	void openClinic() {
		this.clinic = this.fixture.open();
		this.therapist = this.clinic.therapist();
		this.client = this.clinic.client();
		this.pages = new Pages(this.mvc, this.clinic.admin());
	}

	@Test
	void theBookingPageOffersTheDaysFreeTimesAsLabelledChoices() throws Exception {
		this.pages
			.perform(get("/book").param("therapist", this.therapist.toString())
				.param("service", "TREATMENT_60")
				.param("date", this.clinic.today().plusDays(3).toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<label for=\"find\">")))
			.andExpect(content().string(containsString("value=\"" + iso(this.clinic.inDays(3, 8, 0)) + "\"")))
			.andExpect(content().string(containsString("19:00–20:00")));
	}

	@Test
	void withoutADayAskedForThePageOpensOnTheTherapistsFirstDayWithFreeTime() throws Exception {
		// Away tomorrow and the day after (as over a weekend): the page opens on the
		// third day, not on an empty one.
		this.therapists.addTimeOff(this.therapist,
				new TimeRange(this.clinic.inDays(1, 0, 0).toInstant(), this.clinic.inDays(3, 0, 0).toInstant()),
				"Weekend");
		this.pages.perform(get("/book").param("therapist", this.therapist.toString()).param("service", "TREATMENT_60"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"" + this.clinic.today().plusDays(3) + "\"")))
			.andExpect(content().string(containsString("value=\"" + iso(this.clinic.inDays(3, 8, 0)) + "\"")));
	}

	@Test
	void theSlotFragmentForHtmxHoldsOnlyTheTimes() throws Exception {
		this.pages
			.perform(get("/book/slots").param("therapist", this.therapist.toString())
				.param("service", "TREATMENT_90")
				.param("date", this.clinic.today().plusDays(3).toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"slots\"")))
			.andExpect(content().string(containsString("18:30–20:00")))
			.andExpect(content().string(not(containsString("<html"))));
	}

	@Test
	void bookingATimeLeadsToTheConfirmation() throws Exception {
		String confirmation = submit(this.clinic.inDays(3, 9, 0)).andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/appointments/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		this.pages.perform(get(confirmation))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Booked: ")))
			.andExpect(content().string(containsString("09:00–10:00")));
		assertThat(this.clinic.appointmentCount()).isEqualTo(1);
		// The same session as its client and its therapist read it.
		Appointment seen = this.bookings
			.get(new AppointmentId(UUID.fromString(confirmation.substring(confirmation.lastIndexOf('/') + 1))));
		new Pages(this.mvc, this.clinic.signedIn(seen.clientId())).perform(get(confirmation))
			.andExpect(content().string(containsString("You are booked")));
		Appointment booked = this.bookings
			.get(new AppointmentId(UUID.fromString(confirmation.substring(confirmation.lastIndexOf('/') + 1))));
		new Pages(this.mvc, this.clinic.signedIn(booked.therapistId())).perform(get(confirmation))
			.andExpect(content().string(containsString("Session with " + this.clients.get(booked.clientId()).name())))
			.andExpect(content().string(not(containsString("You are booked"))));
	}

	@Test
	void aFreeTimeOnTheProfileOpensTheBookingFormWithThatTimeChosen() throws Exception {
		String profile = this.pages.perform(get("/therapists/{id}", this.therapist.value()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		java.util.regex.Matcher link = java.util.regex.Pattern
			.compile("href=\"(/book\\?therapist=[^\"]*start=([^\"]+))\"")
			.matcher(profile);
		assertThat(link.find()).as("a free time on the profile is a link to book it").isTrue();
		String url = org.springframework.web.util.HtmlUtils.htmlUnescape(link.group(1));
		String start = java.net.URLDecoder.decode(org.springframework.web.util.HtmlUtils.htmlUnescape(link.group(2)),
				java.nio.charset.StandardCharsets.UTF_8);
		String form = this.pages.perform(get(java.net.URI.create(url)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(form)
			.containsPattern("value=\"" + java.util.regex.Pattern.quote(start) + "\"[^>]*checked=\"checked\"");
	}

	@Test
	void aTakenTimeIsExplainedOnTheSamePage() throws Exception {
		submit(this.clinic.inDays(3, 9, 0)).andExpect(status().is3xxRedirection());
		this.client = this.clinic.client();
		submit(this.clinic.inDays(3, 9, 0)).andExpect(status().isOk())
			.andExpect(content().string(containsString("role=\"alert\"")))
			.andExpect(content().string(containsString("already booked")));
		assertThat(this.clinic.appointmentCount()).isEqualTo(1);
	}

	@Test
	void submittingTheSameFormTwiceBooksOnceAndShowsTheSameConfirmation() throws Exception {
		String key = UUID.randomUUID().toString();
		String first = submit(this.clinic.inDays(3, 9, 0), key).andReturn().getResponse().getRedirectedUrl();
		String second = submit(this.clinic.inDays(3, 9, 0), key).andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(second).isEqualTo(first);
		assertThat(this.clinic.appointmentCount()).isEqualTo(1);
	}

	@Test
	void anOutOfRangeDayInTheSlotPickerIsExplainedInsideIt() throws Exception {
		this.pages
			.perform(get("/book/slots").param("therapist", this.therapist.toString())
				.param("service", "TREATMENT_60")
				.param("date", this.clinic.today().plusYears(3).toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"slots\"")))
			.andExpect(content().string(containsString("Dates must lie between")));
	}

	@Test
	void aRefusedTimeFarAheadIsExplainedOnThePageNotAsJson() throws Exception {
		submit(this.clinic.inDays(800, 9, 0)).andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString("at most 90 days ahead")));
	}

	@Test
	void submittingWithoutATimeAsksForOne() throws Exception {
		this.pages
			.perform(post("/book").param("therapist", this.therapist.toString())
				.param("service", "TREATMENT_60")
				.param("client", this.client.toString())
				.param("date", this.clinic.today().plusDays(3).toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Please choose a time.")));
	}

	private ResultActions submit(OffsetDateTime start) throws Exception {
		return submit(start, UUID.randomUUID().toString());
	}

	private ResultActions submit(OffsetDateTime start, String requestKey) throws Exception {
		return this.pages.perform(post("/book").param("therapist", this.therapist.toString())
			.param("service", "TREATMENT_60")
			.param("client", this.client.toString())
			.param("requestKey", requestKey)
			.param("start", iso(start)));
	}

	private static String iso(OffsetDateTime time) {
		return time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}

}
