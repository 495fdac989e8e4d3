package org.backcare.audit;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.backcare.Api;
import org.backcare.ClinicFixture;
import org.backcare.ClinicFixture.TestClinic;
import org.backcare.IntegrationTest;
import org.backcare.account.CurrentUser;
import org.backcare.client.ClientId;
import org.backcare.therapist.TherapistId;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every read and write of health data, and every security event, leaves a row no one can change. */
@IntegrationTest
class AuditLogTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ClinicFixture fixture;

	@Autowired
	JdbcClient jdbc;

	TestClinic clinic;

	ClientId client;

	TherapistId therapist;

	CurrentUser admin;

	Api asAdmin;

	@BeforeEach
	void openClinic() {
		this.clinic = this.fixture.open();
		this.client = this.clinic.client();
		this.therapist = this.clinic.therapist();
		this.admin = this.clinic.admin();
		this.asAdmin = new Api(this.mvc, this.clinic.bearer(this.admin));
	}

	@Test
	void readingAnAppointmentRecordsWhoReadWhoseRecordAndFromWhere() throws Exception {
		UUID appointment = book();
		CurrentUser therapistUser = this.clinic.signedIn(this.therapist);
		new Api(this.mvc, this.clinic.bearer(therapistUser)).perform(get("/api/v1/appointments/{id}", appointment))
			.andExpect(status().isOk());

		Map<String, Object> read = this.jdbc.sql("""
				SELECT e.actor_account_id, e.actor_role, e.record_type, e.subject_client_id, o.ip, e.outcome
				FROM audit_event e JOIN audit_origin o ON o.event_id = e.id
				WHERE e.action = 'APPOINTMENT_READ' AND e.record_id = ?""").param(appointment).query().singleRow();
		assertThat(read).containsEntry("actor_account_id", therapistUser.id().value())
			.containsEntry("actor_role", "THERAPIST")
			.containsEntry("record_type", "appointment")
			.containsEntry("subject_client_id", this.client.value())
			.containsEntry("ip", "127.0.0.1")
			.containsEntry("outcome", "OK");
	}

	@Test
	void aRefusedLookAtSomeoneElsesRecordIsRecordedAsRefused() throws Exception {
		UUID appointment = book();
		CurrentUser stranger = this.clinic.signedIn(this.clinic.client());
		new Api(this.mvc, this.clinic.bearer(stranger)).perform(get("/api/v1/appointments/{id}", appointment))
			.andExpect(status().isNotFound());
		assertThat(actions(appointment)).contains("APPOINTMENT_READ:REFUSED:" + stranger.id().value());
	}

	@Test
	void writesOfHealthDataAreRecordedInTheSameTransaction() throws Exception {
		UUID appointment = book();
		this.asAdmin.perform(post("/api/v1/appointments/{id}/cancel", appointment).contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\": \"ill\"}")).andExpect(status().isOk());
		assertThat(actions(appointment)).containsExactly("APPOINTMENT_BOOKED:OK:" + this.admin.id().value(),
				"APPOINTMENT_CANCELLED:OK:" + this.admin.id().value());
	}

	@Test
	void securityEventsAreRecordedWithoutTheAddressThatWasTyped() throws Exception {
		String unknown = "unknown-" + UUID.randomUUID() + "@example.org";
		this.mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\": \"" + unknown + "\", \"password\": \"wrong password\"}"))
			.andExpect(status().isUnauthorized());
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'SIGN_IN_FAILED' AND actor_account_id IS NULL")
			.query(Long.class)
			.single()).isPositive();
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_event WHERE audit_event::text LIKE ?")
			.param("%" + unknown + "%")
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("SELECT action FROM audit_event WHERE actor_account_id = ? ORDER BY id")
			.param(this.admin.id().value())
			.query(String.class)
			.list()).contains("ACCOUNT_OPENED", "SIGN_IN", "TOKEN_ISSUED");
	}

	@Test
	void aTherapistsScheduleAndAClientRecordAreAuditedReads() throws Exception {
		UUID appointment = book();
		CurrentUser therapistUser = this.clinic.signedIn(this.therapist);
		Api asTherapist = new Api(this.mvc, this.clinic.bearer(therapistUser));
		asTherapist.perform(get("/api/v1/therapists/{id}/schedule", this.therapist.value())
			.param("from", this.clinic.today().toString())
			.param("to", this.clinic.today().plusDays(7).toString()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].appointmentId").value(appointment.toString()));
		asTherapist.perform(get("/api/v1/clients/{id}", this.client.value())).andExpect(status().isOk());
		assertThat(this.jdbc.sql("""
				SELECT action FROM audit_event WHERE actor_account_id = ? AND outcome = 'OK' ORDER BY id""")
			.param(therapistUser.id().value())
			.query(String.class)
			.list()).contains("APPOINTMENT_READ", "CLIENT_RECORD_READ");
	}

	@Test
	void aTherapistWhoNeverMetAClientCannotReadTheirRecord() throws Exception {
		book();
		CurrentUser stranger = this.clinic.signedIn(this.clinic.therapist());
		new Api(this.mvc, this.clinic.bearer(stranger)).perform(get("/api/v1/clients/{id}", this.client.value()))
			.andExpect(status().isNotFound());
		new Api(this.mvc, this.clinic.bearer(stranger)).perform(get("/api/v1/therapists/{id}/schedule", this.therapist.value())
			.param("from", this.clinic.today().toString())
			.param("to", this.clinic.today().plusDays(7).toString())).andExpect(status().isForbidden());
	}

	@Test
	void theAuditLogCannotBeChangedOrEmptied() {
		assertThatThrownBy(() -> this.jdbc.sql("UPDATE audit_event SET action = 'NOTHING'").update())
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("audit_event is append-only: UPDATE refused");
		assertThatThrownBy(() -> this.jdbc.sql("DELETE FROM audit_event").update()).rootCause()
			.hasMessageContaining("append-only: DELETE refused");
		assertThatThrownBy(() -> this.jdbc.sql("TRUNCATE audit_event CASCADE").update()).rootCause()
			.hasMessageContaining("append-only: TRUNCATE refused");
	}

	@Test
	void adminsBrowseTheirOwnClinicsLogWithFilters() throws Exception {
		UUID appointment = book();
		String body = this.asAdmin.perform(get("/api/v1/admin/audit").param("action", "APPOINTMENT_BOOKED"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> records = JsonPath.read(body, "$[*].recordId");
		List<String> actions = JsonPath.read(body, "$[*].action");
		assertThat(records).contains(appointment.toString());
		assertThat(actions).containsOnly("APPOINTMENT_BOOKED");

		TestClinic other = this.fixture.open();
		new Api(this.mvc, other.bearer(other.admin())).perform(get("/api/v1/admin/audit").param("action", "APPOINTMENT_BOOKED"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].recordId").value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(appointment.toString()))));
	}

	@Test
	void theAuditPageShowsTheEntriesToAdmins() throws Exception {
		book();
		new org.backcare.Pages(this.mvc, this.admin).perform(get("/admin/audit").param("action", "APPOINTMENT_BOOKED"))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("APPOINTMENT_BOOKED")));
	}

	private UUID book() throws Exception {
		String body = this.asAdmin.perform(post("/api/v1/appointments").contentType(MediaType.APPLICATION_JSON)
			.content(org.backcare.booking.BookingApiTestBodies.body(this.client, this.therapist, this.clinic.inDays(4, 10, 0))))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return UUID.fromString(JsonPath.read(body, "$.id"));
	}

	private List<String> actions(UUID record) {
		return this.jdbc.sql("SELECT action || ':' || outcome || ':' || actor_account_id FROM audit_event WHERE record_id = ? ORDER BY id")
			.param(record)
			.query(String.class)
			.list();
	}

}
