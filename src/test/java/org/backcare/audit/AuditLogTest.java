package org.backcare.audit;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.backcare.Api;
import org.backcare.ClinicFixture;
import org.backcare.ClinicFixture.TestClinic;
import org.backcare.IntegrationTest;
import org.backcare.Pages;
import org.backcare.account.CurrentUser;
import org.backcare.booking.BookingApiTestBodies;
import org.backcare.client.ClientId;
import org.backcare.client.Clients;
import org.backcare.therapist.TherapistId;

import com.jayway.jsonpath.JsonPath;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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

/**
 * Every read and write of health data, and every security event, leaves a row no one can
 * change.
 */
@IntegrationTest
class AuditLogTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ClinicFixture fixture;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clients clients;

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
		this.asAdmin
			.perform(post("/api/v1/appointments/{id}/cancel", appointment).contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"ill\"}"))
			.andExpect(status().isOk());
		assertThat(actions(appointment)).containsExactly("APPOINTMENT_BOOKED:OK:" + this.admin.id().value(),
				"APPOINTMENT_CANCELLED:OK:" + this.admin.id().value());
	}

	@Test
	void securityEventsAreRecordedWithoutTheAddressThatWasTyped() throws Exception {
		String unknown = "unknown-" + UUID.randomUUID() + "@example.org";
		this.mvc
			.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
				.content("{\"email\": \"" + unknown + "\", \"password\": \"wrong password\"}"))
			.andExpect(status().isUnauthorized());
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM audit_event WHERE action = 'SIGN_IN_FAILED' AND actor_account_id IS NULL")
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
		asTherapist
			.perform(get("/api/v1/therapists/{id}/schedule", this.therapist.value())
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
		new Api(this.mvc, this.clinic.bearer(stranger))
			.perform(get("/api/v1/therapists/{id}/schedule", this.therapist.value())
				.param("from", this.clinic.today().toString())
				.param("to", this.clinic.today().plusDays(7).toString()))
			.andExpect(status().isForbidden());
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
		new Api(this.mvc, other.bearer(other.admin()))
			.perform(get("/api/v1/admin/audit").param("action", "APPOINTMENT_BOOKED"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].recordId").value(Matchers.not(Matchers.hasItem(appointment.toString()))));
	}

	@Test
	void theAuditPageNamesPeopleAndOffersPickersInsteadOfIds() throws Exception {
		book();
		String clientName = this.clients.get(this.client).name();
		String page = new Pages(this.mvc, this.admin).perform(get("/admin/audit").param("action", "APPOINTMENT_BOOKED"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("appointment booked", "<td>" + clientName + "</td>", this.admin.email() + " (admin)")
			.contains("<option value=\"" + this.client.value() + "\">" + clientName + "</option>")
			.contains("<option value=\"APPOINTMENT_BOOKED\" selected=\"selected\">appointment booked</option>")
			.contains("href=\"/admin/audit\"")
			.doesNotContain(this.client.value().toString().substring(0, 8) + "</code>");
	}

	@Test
	void anErasedClientIsNamedAsSuchAndNotOffered() throws Exception {
		UUID appointment = book();
		new Api(this.mvc, this.clinic.bearer(this.clinic.signedIn(this.client)))
			.perform(post("/api/v1/me/erasure").contentType(MediaType.APPLICATION_JSON).content("{\"confirm\": true}"))
			.andExpect(status().isNoContent());
		String page = new Pages(this.mvc, this.admin)
			.perform(get("/admin/audit").param("subject", this.client.toString()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(actions(appointment)).isNotEmpty();
		assertThat(page).contains("<td>erased client</td>")
			.doesNotContain("<option value=\"" + this.client.value() + "\"");
	}

	@Test
	void credentialChangesAreAuditedWithTheAdminWhoMadeThem() throws Exception {
		String licence = "{\"jurisdiction\": \"Audit\", \"number\": \"A-1\"";
		this.asAdmin
			.perform(post("/api/v1/admin/therapists/{id}/licences", this.therapist.value())
				.contentType(MediaType.APPLICATION_JSON)
				.content(licence + ", \"validFrom\": \"" + this.clinic.today() + "\", \"validUntil\": \""
						+ this.clinic.today().plusYears(2) + "\"}"))
			.andExpect(status().isCreated());
		this.asAdmin
			.perform(post("/api/v1/admin/therapists/{id}/licences/verify", this.therapist.value())
				.contentType(MediaType.APPLICATION_JSON)
				.content(licence + "}"))
			.andExpect(status().isOk());
		this.asAdmin
			.perform(post("/api/v1/admin/therapists/{id}/licences/end", this.therapist.value())
				.contentType(MediaType.APPLICATION_JSON)
				.content(licence + ", \"validUntil\": \"" + this.clinic.today().plusYears(1) + "\"}"))
			.andExpect(status().isOk());
		this.asAdmin
			.perform(post("/api/v1/admin/therapists/{id}/certifications", this.therapist.value())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"technique\": \"MYOFASCIAL_RELEASE\"}"))
			.andExpect(status().isCreated());
		this.asAdmin
			.perform(post("/api/v1/admin/therapists/{id}/certifications/verify", this.therapist.value())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"technique\": \"MYOFASCIAL_RELEASE\"}"))
			.andExpect(status().isOk());
		assertThat(this.jdbc.sql("""
				SELECT action || ' by ' || actor_role || ': ' || detail FROM audit_event
				WHERE record_type = 'therapist' AND record_id = ? AND actor_account_id = ? ORDER BY id""")
			.params(this.therapist.value(), this.admin.id().value())
			.query(String.class)
			.list()).containsExactly("LICENCE_RECORDED by ADMIN: Audit A-1", "LICENCE_VERIFIED by ADMIN: Audit A-1",
					"LICENCE_ENDED by ADMIN: Audit A-1 until " + this.clinic.today().plusYears(1),
					"CERTIFICATION_RECORDED by ADMIN: MYOFASCIAL_RELEASE",
					"CERTIFICATION_VERIFIED by ADMIN: MYOFASCIAL_RELEASE");
	}

	@Test
	void aRefusalByRoleIsAuditedOnceAsAccessDenied() throws Exception {
		CurrentUser therapistUser = this.clinic.signedIn(this.therapist);
		new Api(this.mvc, this.clinic.bearer(therapistUser)).perform(get("/api/v1/admin/audit"))
			.andExpect(status().isForbidden());
		new Pages(this.mvc, therapistUser).perform(get("/admin")).andExpect(status().isForbidden());
		assertThat(this.jdbc.sql("""
				SELECT action || ' ' || outcome || ' ' || detail FROM audit_event
				WHERE actor_account_id = ? AND outcome = 'REFUSED' ORDER BY id""")
			.param(therapistUser.id().value())
			.query(String.class)
			.list())
			.containsExactly("ACCESS_DENIED REFUSED GET /api/v1/admin/audit", "ACCESS_DENIED REFUSED GET /admin");
	}

	@Test
	void aRefusalInsideTheChangesTransactionStaysOnRecordAndIsNotWrittenTwice() throws Exception {
		UUID appointment = book();
		CurrentUser stranger = this.fixture.open().admin();
		new Api(this.mvc, this.clinic.bearer(stranger))
			.perform(post("/api/v1/appointments/{id}/cancel", appointment).contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"not mine\"}"))
			.andExpect(status().isNotFound());
		assertThat(actions(appointment)).containsExactly("APPOINTMENT_BOOKED:OK:" + this.admin.id().value(),
				"APPOINTMENT_CANCELLED:REFUSED:" + stranger.id().value());
	}

	private UUID book() throws Exception {
		String body = this.asAdmin
			.perform(post("/api/v1/appointments").contentType(MediaType.APPLICATION_JSON)
				.content(BookingApiTestBodies.body(this.client, this.therapist, this.clinic.inDays(4, 10, 0))))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return UUID.fromString(JsonPath.read(body, "$.id"));
	}

	private List<String> actions(UUID record) {
		return this.jdbc.sql(
				"SELECT action || ':' || outcome || ':' || actor_account_id FROM audit_event WHERE record_id = ? ORDER BY id")
			.param(record)
			.query(String.class)
			.list();
	}

}
