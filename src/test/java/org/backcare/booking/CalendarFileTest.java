package org.backcare.booking;

import java.io.StringReader;
import java.time.OffsetDateTime;

import org.backcare.Api;
import org.backcare.ClinicFixture;
import org.backcare.ClinicFixture.TestClinic;
import org.backcare.IntegrationTest;
import org.backcare.Pages;
import org.backcare.client.ClientId;
import org.backcare.therapist.TherapistId;

import com.jayway.jsonpath.JsonPath;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "Add to calendar" gives an RFC 5545 file that a calendar reads back as the same
 * session, at the same wall-clock time in the clinic's zone, with that zone's rules
 * inside.
 */
@IntegrationTest
class CalendarFileTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ClinicFixture fixture;

	@Test
	void theSessionIsAnEventInTheClinicsTimeZone_readableByACalendar() throws Exception {
		TestClinic clinic = this.fixture.open();
		TherapistId therapist = clinic.therapist();
		ClientId client = clinic.client();
		OffsetDateTime start = clinic.inDays(3, 10, 0);
		String id = JsonPath.read(new Api(this.mvc, clinic.bearer(clinic.admin()))
			.perform(post("/api/v1/appointments").contentType(MediaType.APPLICATION_JSON)
				.content(BookingApiTestBodies.body(client, therapist, start)))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");

		String ics = new Pages(this.mvc, clinic.signedIn(client)).perform(get("/appointments/{id}/calendar.ics", id))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/calendar"))
			.andReturn()
			.getResponse()
			.getContentAsString();

		Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
		VEvent event = calendar.<VEvent>getComponents("VEVENT").get(0);
		assertThat(event.getUid().orElseThrow().getValue()).isEqualTo(id + "@backcare");
		assertThat(ics).contains("BEGIN:VTIMEZONE", "TZID:Europe/Berlin",
				"DTSTART;TZID=Europe/Berlin:" + start.toLocalDate().toString().replace("-", "") + "T100000",
				"DTEND;TZID=Europe/Berlin:" + start.toLocalDate().toString().replace("-", "") + "T110000",
				"STATUS:CONFIRMED");
		assertThat(event.getLocation().getValue()).endsWith("Teststraße 1, Berlin");
	}

}
