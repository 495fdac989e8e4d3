package org.backcare.notes;

import java.util.UUID;

import org.backcare.Api;
import org.backcare.ClinicFixture;
import org.backcare.ClinicFixture.TestClinic;
import org.backcare.IntegrationTest;
import org.backcare.Pages;
import org.backcare.account.CurrentUser;
import org.backcare.assessment.Examples;
import org.backcare.booking.BookingApiTestBodies;
import org.backcare.client.ClientId;
import org.backcare.client.ClientPrivacy;
import org.backcare.therapist.Technique;
import org.backcare.therapist.TherapistId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A session's note: written as a draft by the session's therapist once it has begun,
 * signed (then final, even in the database, and its session locked), corrected only by
 * signed amendments under the original; read by the care team, by the client once shared;
 * due a day after a held session; kept through erasure as long as the clinic must.
 */
@IntegrationTest
class SessionNotesTest {

	static final String NOTE = """
			{"subjective": "Lower back stiff after long drives", "painNow": 6,
			 "objective": "Hypertonic left erector spinae", "assessment": "Responded well to sustained pressure",
			 "plan": "Same areas next week; walking daily", "minutes": 50,
			 "areas": [{"region": "LOWER_BACK_LEFT", "technique": "SWEDISH", "pressure": "FIRM"},
			           {"region": "UPPER_BACK", "pressure": "LIGHT"}]}""";

	@Autowired
	MockMvc mvc;

	@Autowired
	ClinicFixture fixture;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	ClientPrivacy privacy;

	TestClinic clinic;

	TherapistId anna;

	ClientId maria;

	UUID session;

	Api therapist;

	CurrentUser annaSignedIn;

	@BeforeEach
	void aSessionThatTookPlaceLastWeek() {
		this.clinic = this.fixture.open();
		this.anna = this.clinic.therapist(Technique.SWEDISH);
		this.maria = this.clinic.client();
		this.session = this.clinic.pastAppointment(this.anna, this.maria);
		this.annaSignedIn = this.clinic.signedIn(this.anna);
		this.therapist = as(this.clinic.bearer(this.annaSignedIn));
	}

	@Test
	void theTherapistWritesADraft_signsIt_andCorrectsItOnlyByAmendments() throws Exception {
		save(this.therapist, NOTE).andExpect(status().isOk())
			.andExpect(jsonPath("$.note.status").value("DRAFT"))
			.andExpect(jsonPath("$.note.areas", hasSize(2)))
			.andExpect(jsonPath("$.note.areas[0].region").value("UPPER_BACK"))
			.andExpect(jsonPath("$.warnings", hasSize(0)));
		save(this.therapist, NOTE.replace("walking daily", "swimming twice a week")).andExpect(status().isOk())
			.andExpect(jsonPath("$.note.plan").value("Same areas next week; swimming twice a week"));

		String noteId = this.json
			.readTree(sign(this.therapist).andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("SIGNED"))
				.andExpect(jsonPath("$.signature.signerLicence").value(startsWith("Berlin LIC-")))
				.andExpect(jsonPath("$.signature.clientName").value(startsWith("Client ")))
				.andExpect(jsonPath("$.signature.contentHash").value(matchesPattern("[0-9a-f]{64}")))
				.andExpect(jsonPath("$.intact").value(true))
				.andReturn()
				.getResponse()
				.getContentAsString())
			.get("id")
			.asString();
		assertThat(statusOf(this.session)).as("signing says the session took place").isEqualTo("COMPLETED");

		save(this.therapist, NOTE).andExpect(status().isConflict()).andExpect(jsonPath("$.rule").value("note-signed"));
		new Pages(this.mvc, this.annaSignedIn)
			.perform(post("/sessions/{id}/note", this.session).param("plan", "changed"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The note is signed and final")));
		sign(this.therapist).andExpect(status().isConflict());
		amend(this.therapist, noteId, "{\"reason\": \" \", \"text\": \"Pain was 5, not 6\"}")
			.andExpect(status().isBadRequest());
		amend(this.therapist, noteId, "{\"reason\": \"Misheard the pain score\", \"text\": \"Pain now was 5, not 6\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.painNow").value(6))
			.andExpect(jsonPath("$.amendments", hasSize(1)))
			.andExpect(jsonPath("$.amendments[0].reason").value("Misheard the pain score"))
			.andExpect(jsonPath("$.amendments[0].authorLicence").value(startsWith("Berlin LIC-")))
			.andExpect(jsonPath("$.intact").value(true));
		this.therapist.perform(get("/api/v1/notes/{id}", noteId))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.subjective").value("Lower back stiff after long drives"))
			.andExpect(jsonPath("$.amendments[0].text").value("Pain now was 5, not 6"))
			.andExpect(jsonPath("$.keptUntil").value(this.clinic.today().plusYears(10).toString()));
		assertThat(this.jdbc.sql("""
				SELECT string_agg(action, ',' ORDER BY id) FROM audit_event
				WHERE record_id = CAST(? AS uuid) AND outcome = 'OK'""").param(noteId).query(String.class).single())
			.contains("NOTE_AMENDED", "NOTE_READ");
	}

	@Test
	void aSignedNoteIsFinalEvenInTheDatabase_andLocksItsSession() throws Exception {
		save(this.therapist, NOTE).andExpect(status().isOk());
		sign(this.therapist).andExpect(status().isOk());
		for (String change : new String[] { "UPDATE session_note SET plan = 'changed' WHERE appointment_id = ?",
				"DELETE FROM session_note WHERE appointment_id = ?",
				"UPDATE session_note_area SET pressure = 'LIGHT' WHERE note_id = (SELECT id FROM session_note WHERE appointment_id = ?)",
				"DELETE FROM session_note_area WHERE note_id = (SELECT id FROM session_note WHERE appointment_id = ?)",
				"UPDATE appointment SET status = 'CANCELLED', cancelled_at = now(), cancellation_reason = 'x' WHERE id = ?",
				"UPDATE appointment SET status = 'NO_SHOW', no_show_at = now() WHERE id = ?",
				"UPDATE appointment SET starts_at = starts_at + interval '1 hour', ends_at = ends_at + interval '1 hour', blocked_until = blocked_until + interval '1 hour' WHERE id = ?",
				"DELETE FROM appointment WHERE id = ?" }) {
			assertThatThrownBy(() -> this.jdbc.sql(change).param(this.session).update()).as(change)
				.rootCause()
				.hasMessageContaining("signed");
		}
		for (String table : new String[] { "session_note", "session_note_area" }) {
			assertThatThrownBy(() -> this.jdbc.sql("TRUNCATE " + table + " CASCADE").update()).as("TRUNCATE " + table)
				.rootCause()
				.hasMessageContaining("cannot be truncated");
		}
		String noteId = noteOf(this.session);
		amend(this.therapist, noteId, "{\"reason\": \"why\", \"text\": \"what\"}").andExpect(status().isCreated());
		for (String change : new String[] { "UPDATE session_note_amendment SET body = 'changed' WHERE note_id = ?",
				"DELETE FROM session_note_amendment WHERE note_id = ?" }) {
			assertThatThrownBy(() -> this.jdbc.sql(change).param(UUID.fromString(noteId)).update()).as(change)
				.rootCause()
				.hasMessageContaining("append-only");
		}
		Api frontDesk = as(this.clinic.bearer(this.clinic.admin()));
		frontDesk.perform(post("/api/v1/appointments/{id}/no-show", this.session))
			.andExpect(status().is4xxClientError());
		frontDesk
			.perform(post("/api/v1/appointments/{id}/cancel", this.session).contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"x\"}"))
			.andExpect(status().is4xxClientError());
		assertThat(statusOf(this.session)).isEqualTo("COMPLETED");
	}

	@Test
	void theCareTeamReadsSignedNotes_aDraftOnlyItsWriter_theClientOnlyWhatIsShared() throws Exception {
		Api frontDesk = as(this.clinic.bearer(this.clinic.admin()));
		Api client = as(this.clinic.bearer(this.clinic.signedIn(this.maria)));
		TherapistId colleague = this.clinic.therapist(Technique.SWEDISH);
		Api metHer = as(this.clinic.bearer(this.clinic.signedIn(colleague)));
		this.clinic.pastAppointment(colleague, this.maria);
		Api stranger = as(this.clinic.bearer(this.clinic.signedIn(this.clinic.therapist(Technique.SWEDISH))));
		Api otherClient = as(this.clinic.bearer(this.clinic.signedIn(this.clinic.client())));
		TestClinic elsewhere = this.fixture.open();
		Api otherClinic = as(elsewhere.bearer(elsewhere.admin()));

		save(this.therapist, NOTE).andExpect(status().isOk());
		frontDesk.perform(get("/api/v1/appointments/{id}/note", this.session)).andExpect(status().isNotFound());
		metHer.perform(get("/api/v1/appointments/{id}/note", this.session)).andExpect(status().isNotFound());
		save(frontDesk, NOTE).andExpect(status().isForbidden());
		save(metHer, NOTE).andExpect(status().isForbidden());
		save(client, NOTE).andExpect(status().isNotFound());
		save(otherClinic, NOTE).andExpect(status().isNotFound());

		String noteId = this.json.readTree(sign(this.therapist).andReturn().getResponse().getContentAsString())
			.get("id")
			.asString();
		frontDesk.perform(get("/api/v1/notes/{id}", noteId)).andExpect(status().isOk());
		metHer.perform(get("/api/v1/notes/{id}", noteId)).andExpect(status().isOk());
		metHer.perform(get("/api/v1/clients/{id}/notes", this.maria.value()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)));
		for (Api outsider : new Api[] { client, stranger, otherClient, otherClinic }) {
			outsider.perform(get("/api/v1/notes/{id}", noteId)).andExpect(status().isNotFound());
		}
		client.perform(get("/api/v1/clients/{id}/notes", this.maria.value()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(0)));
		stranger.perform(get("/api/v1/clients/{id}/notes", this.maria.value())).andExpect(status().isNotFound());
		share(metHer, noteId, true).andExpect(status().isForbidden());
		share(this.therapist, noteId, true).andExpect(status().isOk()).andExpect(jsonPath("$.shared").value(true));
		client.perform(get("/api/v1/notes/{id}", noteId)).andExpect(status().isOk());
		client.perform(get("/api/v1/clients/{id}/notes", this.maria.value())).andExpect(jsonPath("$", hasSize(1)));
		share(this.therapist, noteId, false).andExpect(status().isOk());
		client.perform(get("/api/v1/notes/{id}", noteId)).andExpect(status().isNotFound());
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM audit_event
				WHERE record_id = CAST(? AS uuid) AND action = 'NOTE_READ' AND outcome = 'REFUSED'""")
			.param(noteId)
			.query(Long.class)
			.single()).as("every refused read is on record").isGreaterThanOrEqualTo(5);
	}

	@Test
	void whatIsWrittenStands_aTechniqueNotCertifiedOrRuledOutComesBackAsAWarning() throws Exception {
		as(this.clinic.bearer(this.clinic.admin()))
			.perform(post("/api/v1/clients/{id}/intakes", this.maria.value()).contentType(MediaType.APPLICATION_JSON)
				.content(this.json
					.writeValueAsString(Examples.officeWorker().yes("anticoagulantsOrBleedingDisorder").answers())))
			.andExpect(status().isCreated());
		save(this.therapist, """
				{"areas": [{"region": "NECK", "technique": "DEEP_TISSUE", "pressure": "FIRM"}]}""")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.note.areas[0].technique").value("DEEP_TISSUE"))
			.andExpect(jsonPath("$.warnings", hasSize(2)))
			.andExpect(jsonPath("$.warnings[0]").value(containsString("no verified certification")))
			.andExpect(jsonPath("$.warnings[1]").value(containsString("ruled out for this client")));
	}

	@Test
	void aNoteWaitsForTheSessionToBegin_andASessionNotHeldHasNone() throws Exception {
		String future = this.json.readTree(as(this.clinic.bearer(this.clinic.admin()))
			.perform(post("/api/v1/appointments").contentType(MediaType.APPLICATION_JSON)
				.content(BookingApiTestBodies.body(this.maria, this.anna, this.clinic.inDays(3, 10, 0))))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString()).get("id").asString();
		this.therapist
			.perform(
					put("/api/v1/appointments/{id}/note", future).contentType(MediaType.APPLICATION_JSON).content(NOTE))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.rule").value("session-not-begun"));
		this.jdbc.sql("UPDATE appointment SET status = 'NO_SHOW', no_show_at = now() WHERE id = ?")
			.param(this.session)
			.update();
		save(this.therapist, NOTE).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.rule").value("session-not-held"));
		sign(this.therapist).andExpect(status().isUnprocessableContent());
	}

	@Test
	void theNextNoteStartsFromTheLast_butNotWithWhatTheClientReportsToday() throws Exception {
		save(this.therapist, NOTE).andExpect(status().isOk());
		sign(this.therapist).andExpect(status().isOk());
		UUID next = this.clinic.pastAppointment(this.anna, this.maria);
		this.therapist.perform(post("/api/v1/appointments/{id}/note/from-last", next))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.rule").value("no-earlier-note"));
		// The later session is the earlier one in time here: pastAppointment goes back a
		// day each call.
		this.therapist
			.perform(put("/api/v1/appointments/{id}/note", next).contentType(MediaType.APPLICATION_JSON)
				.content("{\"subjective\": \"first visit\"}"))
			.andExpect(status().isOk());
		this.therapist.perform(post("/api/v1/appointments/{id}/note/signature", next)).andExpect(status().isOk());
		UUID third = UUID.randomUUID();
		this.jdbc
			.sql("""
					INSERT INTO appointment (clinic_id, id, therapist_id, client_id, service_code, starts_at, ends_at, blocked_until)
					SELECT clinic_id, ?, therapist_id, client_id, service_code, starts_at + interval '3 days',
					       ends_at + interval '3 days', blocked_until + interval '3 days'
					FROM appointment WHERE id = ?""")
			.params(third, this.session)
			.update();
		this.therapist.perform(post("/api/v1/appointments/{id}/note/from-last", third))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.note.subjective").value(""))
			.andExpect(jsonPath("$.note.painNow").doesNotExist())
			.andExpect(jsonPath("$.note.plan").value("Same areas next week; walking daily"))
			.andExpect(jsonPath("$.note.areas", hasSize(2)));
		this.therapist.perform(post("/api/v1/appointments/{id}/note/from-last", third))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.rule").value("draft-not-empty"));
	}

	@Test
	void aHeldSessionWithoutASignedNoteIsDueADayLater_untilItIsSigned() throws Exception {
		Api frontDesk = as(this.clinic.bearer(this.clinic.admin()));
		frontDesk.perform(post("/api/v1/appointments/{id}/complete", this.session)).andExpect(status().isOk());
		this.therapist.perform(get("/api/v1/notes/due"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].appointmentId").value(this.session.toString()));
		frontDesk.perform(get("/api/v1/notes/due")).andExpect(jsonPath("$", hasSize(1)));
		new Pages(this.mvc, this.clinic.admin()).perform(get("/admin"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("whose therapist has not signed a note yet")));
		as(this.clinic.bearer(this.clinic.signedIn(this.maria))).perform(get("/api/v1/notes/due"))
			.andExpect(status().isForbidden());
		save(this.therapist, NOTE).andExpect(status().isOk());
		this.therapist.perform(get("/api/v1/notes/due")).andExpect(jsonPath("$", hasSize(1)));
		sign(this.therapist).andExpect(status().isOk());
		this.therapist.perform(get("/api/v1/notes/due")).andExpect(jsonPath("$", hasSize(0)));
		frontDesk.perform(get("/api/v1/notes/due")).andExpect(jsonPath("$", hasSize(0)));
	}

	@Test
	void erasureKeepsSignedNotesAsLongAsTheClinicMust_andSaysSo_draftsGo() throws Exception {
		save(this.therapist, NOTE).andExpect(status().isOk());
		sign(this.therapist).andExpect(status().isOk());
		UUID other = this.clinic.pastAppointment(this.anna, this.maria);
		this.therapist
			.perform(put("/api/v1/appointments/{id}/note", other).contentType(MediaType.APPLICATION_JSON)
				.content("{\"subjective\": \"a draft\"}"))
			.andExpect(status().isOk());
		assertThat(this.privacy.export(this.maria)).containsKey("sessionNotes");
		assertThat(this.privacy.keptOnErasure(this.maria)).singleElement()
			.asString()
			.contains("1 session", "kept until " + this.clinic.today().plusYears(10), "10 years");
		new Pages(this.mvc, this.clinic.signedIn(this.maria)).perform(get("/me"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("are kept until " + this.clinic.today().plusYears(10))));
		this.privacy.erase(this.maria);
		assertThat(this.jdbc.sql("SELECT count(*) FROM session_note WHERE client_id = ?")
			.param(this.maria.value())
			.query(Long.class)
			.single()).as("the signed note stays, the draft goes").isEqualTo(1);
		this.therapist.perform(get("/api/v1/appointments/{id}/note", this.session))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.signature.clientName").value(startsWith("Client ")))
			.andExpect(jsonPath("$.intact").value(true));
	}

	@Test
	void eachClinicSetsItsRetention() throws Exception {
		Api frontDesk = as(this.clinic.bearer(this.clinic.admin()));
		frontDesk.perform(get("/api/v1/admin/note-retention")).andExpect(jsonPath("$.years").value(10));
		frontDesk
			.perform(put("/api/v1/admin/note-retention").contentType(MediaType.APPLICATION_JSON)
				.content("{\"years\": 7}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.years").value(7));
		frontDesk
			.perform(put("/api/v1/admin/note-retention").contentType(MediaType.APPLICATION_JSON)
				.content("{\"years\": 0}"))
			.andExpect(status().isBadRequest());
		this.therapist
			.perform(put("/api/v1/admin/note-retention").contentType(MediaType.APPLICATION_JSON)
				.content("{\"years\": 3}"))
			.andExpect(status().isForbidden());
		save(this.therapist, NOTE).andExpect(status().isOk());
		sign(this.therapist).andExpect(jsonPath("$.keptUntil").value(this.clinic.today().plusYears(7).toString()));
	}

	private static org.hamcrest.Matcher<String> startsWith(String prefix) {
		return org.hamcrest.Matchers.startsWith(prefix);
	}

	private Api as(String bearer) {
		return new Api(this.mvc, bearer);
	}

	private ResultActions save(Api api, String body) throws Exception {
		return api.perform(put("/api/v1/appointments/{id}/note", this.session).contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private ResultActions sign(Api api) throws Exception {
		return api.perform(post("/api/v1/appointments/{id}/note/signature", this.session));
	}

	private ResultActions amend(Api api, String note, String body) throws Exception {
		return api
			.perform(post("/api/v1/notes/{id}/amendments", note).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private ResultActions share(Api api, String note, boolean shared) throws Exception {
		return api.perform(put("/api/v1/notes/{id}/sharing", note).contentType(MediaType.APPLICATION_JSON)
			.content("{\"shared\": " + shared + "}"));
	}

	private String statusOf(UUID appointment) {
		return this.jdbc.sql("SELECT status FROM appointment WHERE id = ?")
			.param(appointment)
			.query(String.class)
			.single();
	}

	private String noteOf(UUID appointment) {
		return this.jdbc.sql("SELECT id::text FROM session_note WHERE appointment_id = ?")
			.param(appointment)
			.query(String.class)
			.single();
	}

}
