package org.backcare.booking;

import java.time.OffsetDateTime;

import org.backcare.ClinicFixture;
import org.backcare.ClinicFixture.TestClinic;
import org.backcare.IntegrationTest;
import org.backcare.Pages;
import org.backcare.client.ClientId;
import org.backcare.clinic.ServiceType;
import org.backcare.therapist.TherapistId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The series page: the plan of every session with the conflicts to decide, then the
 * series booked with those choices.
 */
@IntegrationTest
class SeriesPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ClinicFixture fixture;

	@Autowired
	Bookings bookings;

	@Autowired
	JdbcClient jdbc;

	TestClinic clinic;

	TherapistId therapist;

	ClientId client;

	OffsetDateTime first;

	@BeforeEach
	void aConflictInTheThirdWeek() {
		this.clinic = this.fixture.open();
		this.therapist = this.clinic.therapist();
		this.client = this.clinic.client();
		this.first = this.clinic.inDays(3, 10, 0);
		this.bookings.book(new BookingRequest(this.clinic.client(), this.therapist, ServiceType.TREATMENT_60,
				this.first.plusWeeks(2).toInstant(), null), null, null);
	}

	@Test
	void theFrontDeskSeesTheConflictWithAlternatives_leavesItOutAndBooksTheRest() throws Exception {
		Pages pages = new Pages(this.mvc, this.clinic.admin());
		String third = this.first.plusWeeks(2).toLocalDate().toString();
		pages.perform(weeklyFourFrom(get("/book/series")).param("check", "1"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("1 of 4 sessions need a choice"),
					containsString("name=\"choice-" + third + "\""), containsString("Leave this one out"),
					containsString("already booked"))));
		pages.perform(weeklyFourFrom(post("/book/series")).param("choice-" + third, "skip"))
			.andExpect(redirectedUrl("/calendar?date=" + this.first.toLocalDate()));
		assertThat(this.jdbc.sql("SELECT count(*) FROM appointment WHERE client_id = ? AND series_id IS NOT NULL")
			.param(this.client.value())
			.query(Long.class)
			.single()).isEqualTo(3);
	}

	/** The form for four weekly sessions from the first day at 10:00. */
	private MockHttpServletRequestBuilder weeklyFourFrom(MockHttpServletRequestBuilder request) {
		return request.param("therapist", this.therapist.toString())
			.param("client", this.client.toString())
			.param("service", "TREATMENT_60")
			.param("date", this.first.toLocalDate().toString())
			.param("time", "10:00")
			.param("everyWeeks", "1")
			.param("count", "4");
	}

	@Test
	void aClinicWithoutTherapistsSaysSo() throws Exception {
		TestClinic empty = this.fixture.open();
		new Pages(this.mvc, empty.admin()).perform(get("/book/series"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("This clinic has no therapists yet")));
	}

	@Test
	void withoutAChoiceForTheConflictNothingIsBookedAndThePlanIsShownAgain() throws Exception {
		new Pages(this.mvc, this.clinic.admin()).perform(weeklyFourFrom(post("/book/series")))
			.andExpect(status().isOk())
			.andExpect(
					content().string(allOf(containsString("Nothing is booked"), containsString("Leave this one out"))));
		assertThat(this.jdbc.sql("SELECT count(*) FROM appointment WHERE client_id = ?")
			.param(this.client.value())
			.query(Long.class)
			.single()).isZero();
	}

}
