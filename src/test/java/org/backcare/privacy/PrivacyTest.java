package org.backcare.privacy;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import org.backcare.Api;
import org.backcare.ClinicFixture;
import org.backcare.ClinicFixture.TestClinic;
import org.backcare.IntegrationTest;
import org.backcare.account.CurrentUser;
import org.backcare.booking.BookingApiTestBodies;
import org.backcare.client.ClientId;
import org.backcare.therapist.TherapistId;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A client downloads everything held about them, and erasure really removes it. */
@IntegrationTest
class PrivacyTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ClinicFixture fixture;

	@Autowired
	JdbcClient jdbc;

	TestClinic clinic;

	ClientId client;

	TherapistId therapist;

	CurrentUser me;

	Api asMe;

	@BeforeEach
	void registerClient() throws Exception {
		this.clinic = this.fixture.open();
		this.therapist = this.clinic.therapist();
		this.client = this.clinic.client();
		this.me = this.clinic.signedIn(this.client);
		this.asMe = new Api(this.mvc, this.clinic.bearer(this.me));
	}

	@Test
	void theExportHoldsTheAccountTheClientTheirConsentsAndTheirAppointments() throws Exception {
		UUID appointment = book(this.clinic.inDays(4, 10, 0));
		this.asMe.perform(get("/api/v1/me/data"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", "attachment; filename=\"backcare-my-data.json\""))
			.andExpect(jsonPath("$.account.email").value(this.me.email()))
			.andExpect(jsonPath("$.client.dateOfBirth").value("1980-01-01"))
			.andExpect(jsonPath("$.appointments[0].id").value(appointment.toString()));
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM audit_event WHERE action = 'DATA_EXPORTED' AND subject_client_id = ?")
			.param(this.client.value())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void erasureRemovesPersonalDataKeepsStatisticsAndEndsTheAccount() throws Exception {
		Map<String, Object> before = this.jdbc.sql("SELECT name, email FROM client WHERE id = ?")
			.param(this.client.value())
			.query()
			.singleRow();
		UUID past = pastAppointment();
		// A failed sign-in leaves a throttle row under the address: erasure must remove
		// it too.
		this.mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\": \"" + this.me.email() + "\", \"password\": \"not the password\"}"));
		UUID future = book(this.clinic.inDays(4, 10, 0));

		this.asMe
			.perform(post("/api/v1/me/erasure").contentType(MediaType.APPLICATION_JSON).content("{\"confirm\": true}"))
			.andExpect(status().isNoContent());

		Map<String, Object> after = this.jdbc.sql("SELECT name, email, phone, date_of_birth FROM client WHERE id = ?")
			.param(this.client.value())
			.query()
			.singleRow();
		assertThat(after.get("name")).isEqualTo("Erased client");
		assertThat((String) after.get("email")).endsWith("@erased.invalid");
		assertThat(after.get("phone")).isEqualTo("");
		String everything = this.jdbc
			.sql("""
					SELECT string_agg(t::text, ' ') FROM (
					    SELECT c::text AS t FROM client c WHERE id = ?
					    UNION ALL SELECT a::text FROM account a WHERE id = ?
					    UNION ALL SELECT p::text FROM appointment p WHERE client_id = ?
					    UNION ALL SELECT e::text FROM audit_event e WHERE subject_client_id = ? OR actor_account_id = ?) rows""")
			.params(this.client.value(), this.me.id().value(), this.client.value(), this.client.value(),
					this.me.id().value())
			.query(String.class)
			.single();
		assertThat(everything).doesNotContain((String) before.get("name"), (String) before.get("email"),
				"Keep this private");

		assertThat(this.jdbc
			.sql("""
					SELECT count(*) FROM audit_origin o JOIN audit_event e ON e.id = o.event_id WHERE e.actor_account_id = ?""")
			.param(this.me.id().value())
			.query(Long.class)
			.single()).as("network addresses of the erased client's own actions").isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_event WHERE actor_account_id = ?")
			.param(this.me.id().value())
			.query(Long.class)
			.single()).as("their audit events, kept with the anonymous id").isPositive();
		assertThat(this.jdbc.sql(
				"SELECT count(*) FROM sign_in_throttle WHERE key = 'account:' || encode(sha256(convert_to(lower(?), 'UTF8')), 'hex')")
			.param(before.get("email"))
			.query(Long.class)
			.single()).isZero();
		assertThat(statusOf(past)).isEqualTo("BOOKED");
		assertThat(statusOf(future)).isEqualTo("CANCELLED");
		this.asMe.perform(get("/api/v1/me")).andExpect(status().isUnauthorized());
		assertThat(
				this.jdbc.sql("SELECT count(*) FROM audit_event WHERE subject_client_id = ? AND action = 'DATA_ERASED'")
					.param(this.client.value())
					.query(Long.class)
					.single())
			.isEqualTo(1);
	}

	@Test
	void erasureMustBeConfirmed() throws Exception {
		this.asMe
			.perform(post("/api/v1/me/erasure").contentType(MediaType.APPLICATION_JSON).content("{\"confirm\": false}"))
			.andExpect(status().isBadRequest());
		this.asMe.perform(get("/api/v1/me")).andExpect(status().isOk());
	}

	@Test
	void theFreedTimeCanBeBookedAgainAfterErasure() throws Exception {
		OffsetDateTime start = this.clinic.inDays(4, 12, 0);
		book(start);
		this.asMe
			.perform(post("/api/v1/me/erasure").contentType(MediaType.APPLICATION_JSON).content("{\"confirm\": true}"))
			.andExpect(status().isNoContent());
		new Api(this.mvc, this.clinic.bearer(this.clinic.admin()))
			.perform(post("/api/v1/appointments").contentType(MediaType.APPLICATION_JSON)
				.content(BookingApiTestBodies.body(this.clinic.client(), this.therapist, start)))
			.andExpect(status().isCreated());
	}

	private UUID book(OffsetDateTime start) throws Exception {
		String body = this.asMe
			.perform(post("/api/v1/appointments").contentType(MediaType.APPLICATION_JSON)
				.content(BookingApiTestBodies.body(this.client, this.therapist, start)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return UUID.fromString(JsonPath.read(body, "$.id"));
	}

	/**
	 * Last week's session, cancelled-then-noted free text included: written straight to
	 * the table.
	 */
	private UUID pastAppointment() {
		UUID id = UUID.randomUUID();
		OffsetDateTime start = OffsetDateTime.now().minusDays(7).withNano(0);
		this.jdbc
			.sql("""
					INSERT INTO appointment (clinic_id, id, therapist_id, client_id, service_code, starts_at, ends_at, blocked_until)
					VALUES (?, ?, ?, ?, 'TREATMENT_60', ?, ?, ?)""")
			.params(this.clinic.clinic().id().value(), id, this.therapist.value(), this.client.value(), start,
					start.plusMinutes(60), start.plusMinutes(75))
			.update();
		UUID cancelled = UUID.randomUUID();
		this.jdbc
			.sql("""
					INSERT INTO appointment (clinic_id, id, therapist_id, client_id, service_code, starts_at, ends_at, blocked_until,
					                         status, cancelled_at, cancellation_reason)
					VALUES (?, ?, ?, ?, 'TREATMENT_60', ?, ?, ?, 'CANCELLED', now(), 'Keep this private')""")
			.params(this.clinic.clinic().id().value(), cancelled, this.therapist.value(), this.client.value(),
					start.minusDays(7), start.minusDays(7).plusMinutes(60), start.minusDays(7).plusMinutes(75))
			.update();
		return id;
	}

	private String statusOf(UUID appointment) {
		return this.jdbc.sql("SELECT status FROM appointment WHERE id = ?")
			.param(appointment)
			.query(String.class)
			.single();
	}

}
