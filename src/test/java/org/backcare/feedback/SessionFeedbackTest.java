package org.backcare.feedback;

import java.util.UUID;

import org.backcare.Api;
import org.backcare.ClinicFixture;
import org.backcare.ClinicFixture.TestClinic;
import org.backcare.IntegrationTest;
import org.backcare.Pages;
import org.backcare.account.CurrentUser;
import org.backcare.client.ClientId;
import org.backcare.client.ClientPrivacy;
import org.backcare.therapist.TherapistId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The client's word on a session: given by them once it has ended, changed for a week,
 * about the areas the signed note names; read by their care team, on the therapist's day
 * too; erased with them.
 */
@IntegrationTest
class SessionFeedbackTest {

	static final String FEEDBACK = """
			{"overallPressure": "TOO_FIRM", "sorenessNextDay": 6, "comfort": 3, "painNow": 4,
			 "helped": "The heat pack first", "avoid": "Less on the neck", "avoidAreas": ["NECK"]}""";

	@Autowired
	MockMvc mvc;

	@Autowired
	ClinicFixture fixture;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ClientPrivacy privacy;

	TestClinic clinic;

	TherapistId anna;

	ClientId maria;

	Api client;

	Api therapist;

	CurrentUser mariaSignedIn;

	CurrentUser annaSignedIn;

	@BeforeEach
	void aClientAndTheirTherapist() {
		this.clinic = this.fixture.open();
		this.anna = this.clinic.therapist();
		this.maria = this.clinic.client();
		this.mariaSignedIn = this.clinic.signedIn(this.maria);
		this.annaSignedIn = this.clinic.signedIn(this.anna);
		this.client = new Api(this.mvc, this.clinic.bearer(this.mariaSignedIn));
		this.therapist = new Api(this.mvc, this.clinic.bearer(this.annaSignedIn));
	}

	@Test
	void theClientSaysHowItWent_changesItWithinAWeek_andTheCareTeamReadsIt() throws Exception {
		UUID session = this.clinic.sessionEndedHoursAgo(this.anna, this.maria, 48);
		give(this.client, session, FEEDBACK).andExpect(status().isOk())
			.andExpect(jsonPath("$.overallPressure").value("TOO_FIRM"))
			.andExpect(jsonPath("$.sorenessNextDay").value(6))
			.andExpect(jsonPath("$.avoidAreas[0]").value("NECK"))
			.andExpect(jsonPath("$.open").value(true));
		give(this.client, session, FEEDBACK.replace("\"sorenessNextDay\": 6", "\"sorenessNextDay\": 2"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.sorenessNextDay").value(2));
		this.therapist.perform(get("/api/v1/appointments/{id}/feedback", session))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.helped").value("The heat pack first"));
		new Api(this.mvc, this.clinic.bearer(this.clinic.admin()))
			.perform(get("/api/v1/clients/{id}/feedback", this.maria.value()))
			.andExpect(jsonPath("$", hasSize(1)));
		new Api(this.mvc, this.clinic.bearer(this.clinic.signedIn(this.clinic.therapist())))
			.perform(get("/api/v1/appointments/{id}/feedback", session))
			.andExpect(status().isNotFound());
		new Api(this.mvc, this.clinic.bearer(this.clinic.signedIn(this.clinic.client())))
			.perform(get("/api/v1/appointments/{id}/feedback", session))
			.andExpect(status().isNotFound());
		give(this.therapist, session, FEEDBACK).andExpect(status().isForbidden());
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'FEEDBACK_READ' AND outcome = 'OK'")
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(2);

		String day = this.jdbc
			.sql("SELECT (starts_at AT TIME ZONE 'Europe/Berlin')::date::text FROM appointment WHERE id = ?")
			.param(session)
			.query(String.class)
			.single();
		new Pages(this.mvc, this.annaSignedIn).perform(get("/day").param("date", day))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The client said: pressure too firm")))
			.andExpect(content().string(containsString("sore 2/10 the day after")))
			.andExpect(content().string(containsString("avoid: neck")));
	}

	@Test
	void thePressureOfEachAreaTheSignedNoteNames_andNoOther() throws Exception {
		UUID session = this.clinic.sessionEndedHoursAgo(this.anna, this.maria, 30);
		String area = """
				{"pressure": [{"region": "LOWER_BACK_LEFT", "verdict": "TOO_LIGHT"}]}""";
		give(this.client, session, area).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("Lower back, left")));
		this.therapist
			.perform(put("/api/v1/appointments/{id}/note", session).contentType(MediaType.APPLICATION_JSON)
				.content("{\"areas\": [{\"region\": \"LOWER_BACK_LEFT\", \"pressure\": \"MEDIUM\"}]}"))
			.andExpect(status().isOk());
		this.therapist.perform(post("/api/v1/appointments/{id}/note/signature", session)).andExpect(status().isOk());
		give(this.client, session, area).andExpect(status().isOk())
			.andExpect(jsonPath("$.pressure[0].verdict").value("TOO_LIGHT"));
		give(this.client, session, """
				{"pressure": [{"region": "NECK", "verdict": "TOO_LIGHT"}]}""").andExpect(status().isBadRequest());
		new Pages(this.mvc, this.mariaSignedIn).perform(get("/me/sessions/{id}/feedback", session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The pressure on your lower back, left")));
	}

	@Test
	void openFromTheEndOfTheSessionForAWeek_onlyForASessionHeld() throws Exception {
		give(this.client, this.clinic.sessionEndedHoursAgo(this.anna, this.maria, 24 * 7 + 1), FEEDBACK)
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.rule").value("feedback-closed"));
		give(this.client, this.clinic.sessionEndedHoursAgo(this.anna, this.maria, 24 * 7 - 1), FEEDBACK)
			.andExpect(status().isOk());
		give(this.client, this.clinic.sessionEndedHoursAgo(this.anna, this.maria, -1), FEEDBACK)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.rule").value("session-not-ended"));
		UUID missed = this.clinic.sessionEndedHoursAgo(this.anna, this.maria, 5);
		this.jdbc.sql("UPDATE appointment SET status = 'NO_SHOW', no_show_at = starts_at WHERE id = ?")
			.param(missed)
			.update();
		give(this.client, missed, FEEDBACK).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.rule").value("session-not-held"));
		give(this.client, this.clinic.sessionEndedHoursAgo(this.anna, this.maria, 8), "{\"sorenessNextDay\": 11}")
			.andExpect(status().isBadRequest());
		give(this.client, this.clinic.sessionEndedHoursAgo(this.anna, this.maria, 11), "{\"comfort\": 0}")
			.andExpect(status().isBadRequest());
	}

	@Test
	void aSessionMarkedHeldAsksTheClientByMailOnce_notOnceItsWeekHasPassed() throws Exception {
		UUID session = this.clinic.sessionEndedHoursAgo(this.anna, this.maria, 2);
		this.therapist.perform(post("/api/v1/appointments/{id}/complete", session)).andExpect(status().isOk());
		assertThat(this.jdbc.sql("SELECT body_text FROM mail_message WHERE kind = 'FEEDBACK_ASKED' AND client_id = ?")
			.param(this.maria.value())
			.query(String.class)
			.list()).singleElement().asString().contains("/me/sessions/" + session + "/feedback", "for a week");
		UUID old = this.clinic.sessionEndedHoursAgo(this.anna, this.maria, 24 * 8);
		this.therapist.perform(post("/api/v1/appointments/{id}/complete", old)).andExpect(status().isOk());
		assertThat(this.jdbc.sql("SELECT count(*) FROM mail_message WHERE kind = 'FEEDBACK_ASKED' AND client_id = ?")
			.param(this.maria.value())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theClientsFeedbackIsInTheirExportAndGoesWithThem() throws Exception {
		give(this.client, this.clinic.sessionEndedHoursAgo(this.anna, this.maria, 10), FEEDBACK)
			.andExpect(status().isOk());
		assertThat(this.privacy.export(this.maria)).containsKey("sessionFeedback");
		this.privacy.erase(this.maria);
		assertThat(this.jdbc.sql("SELECT count(*) FROM session_feedback WHERE client_id = ?")
			.param(this.maria.value())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void theFormSendsTheAnswers_andAWrongOneGetsTheFormAgain() throws Exception {
		UUID session = this.clinic.sessionEndedHoursAgo(this.anna, this.maria, 20);
		Pages pages = new Pages(this.mvc, this.mariaSignedIn);
		pages.perform(post("/me/sessions/{id}/feedback", session).param("comfort", "9"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("comfort is 1 to 5")));
		pages
			.perform(post("/me/sessions/{id}/feedback", session).param("overallPressure", "RIGHT")
				.param("sorenessNextDay", "3")
				.param("avoidAreas", "NECK")
				.param("helped", "Stretching after"))
			.andExpect(status().is3xxRedirection());
		this.client.perform(get("/api/v1/appointments/{id}/feedback", session))
			.andExpect(jsonPath("$.overallPressure").value("RIGHT"))
			.andExpect(jsonPath("$.avoidAreas[0]").value("NECK"));
	}

	private ResultActions give(Api api, UUID session, String body) throws Exception {
		return api.perform(put("/api/v1/appointments/{id}/feedback", session).contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

}
