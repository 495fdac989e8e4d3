package org.backcare.matching;

import java.time.LocalDate;
import java.util.List;

import org.backcare.Api;
import org.backcare.ClinicFixture;
import org.backcare.ClinicFixture.TestClinic;
import org.backcare.IntegrationTest;
import org.backcare.Pages;
import org.backcare.account.CurrentUser;
import org.backcare.assessment.Examples;
import org.backcare.assessment.PainDuration;
import org.backcare.client.ClientId;
import org.backcare.therapist.Gender;
import org.backcare.therapist.Licence;
import org.backcare.therapist.Technique;
import org.backcare.therapist.TherapistId;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * From intake to a ranked, explained list: hard filters (licence, technique,
 * contraindications), the order, who may ask, and a first consultation after which the
 * client can switch therapist and keep their history.
 */
@IntegrationTest
class MatchingTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ClinicFixture fixture;

	@Autowired
	JsonMapper json;

	TestClinic clinic;

	ClientId client;

	CurrentUser me;

	Api asClient;

	TherapistId clara;

	TherapistId anna;

	@BeforeEach
	void openClinic() {
		this.clinic = this.fixture.open();
		this.clara = this.clinic.therapist("Clara Jensen", Gender.WOMAN, List.of("da", "de"), 15, Technique.SWEDISH,
				Technique.MYOFASCIAL_RELEASE);
		this.anna = this.clinic.therapist("Anna Keller", Gender.WOMAN, List.of("de"), 12, Technique.SWEDISH,
				Technique.DEEP_TISSUE);
		this.clinic.therapist("Ben Okafor", Gender.MAN, List.of("en"), 8, Technique.DEEP_TISSUE,
				Technique.TRIGGER_POINT);
		LocalDate today = this.clinic.today();
		this.clinic.therapist(new Licence("Berlin", "LAPSED", today.minusYears(2), today.minusDays(1)),
				Technique.SWEDISH, Technique.MYOFASCIAL_RELEASE);
		this.client = this.clinic.client();
		this.me = this.clinic.signedIn(this.client);
		this.asClient = new Api(this.mvc, this.clinic.bearer(this.me));
	}

	@Test
	void chronicPainOnBloodThinners_ranksByCoverage_andExplainsWhoIsLeftOutAndWhy() throws Exception {
		intake(Examples.officeWorker().duration(PainDuration.CHRONIC).yes("anticoagulantsOrBleedingDisorder"));
		this.asClient.perform(get("/api/v1/clients/" + this.client + "/matches"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.basedOnIntake").value(true))
			.andExpect(jsonPath("$.recommended[0]").value("SWEDISH"))
			.andExpect(jsonPath("$.recommended[1]").value("MYOFASCIAL_RELEASE"))
			.andExpect(jsonPath("$.matches.length()").value(2))
			.andExpect(jsonPath("$.matches[0].name").value("Clara Jensen"))
			.andExpect(jsonPath("$.matches[0].reasons[0].words")
				.value("certified in Swedish massage, Myofascial release, recommended for you"))
			.andExpect(jsonPath("$.matches[0].reasons[?(@.part == 'language')].words").value("speaks German"))
			.andExpect(jsonPath("$.matches[0].firstConsultation").isNotEmpty())
			.andExpect(jsonPath("$.matches[1].name").value("Anna Keller"))
			.andExpect(jsonPath("$.matches[1].reasons[0].words")
				.value("certified in Swedish massage, recommended for you (not in Myofascial release)"))
			// Ben's techniques are exactly those the blood thinners rule out.
			.andExpect(jsonPath("$.excluded[?(@.name == 'Ben Okafor')].because")
				.value("not certified in any technique recommended for you (Swedish massage, Myofascial release)"))
			.andExpect(jsonPath("$.excluded[?(@.because == 'no licence valid today')]").isNotEmpty());
	}

	@Test
	void aReferralMeansNoMatchesUntilADoctorHasSeenTheClient() throws Exception {
		intake(Examples.officeWorker().yes("unexplainedWeightLoss"));
		this.asClient.perform(get("/api/v1/clients/" + this.client + "/matches"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.rule").value("medical-referral"));
		new Pages(this.mvc, this.me).perform(get("/match"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Please see a doctor first")));
	}

	@Test
	void onlyTheClientAndTheFrontDeskSeeAClientsMatches() throws Exception {
		intake(Examples.officeWorker());
		new Api(this.mvc, this.clinic.bearer(this.clinic.signedIn(this.clinic.client())))
			.perform(get("/api/v1/clients/" + this.client + "/matches"))
			.andExpect(status().isNotFound());
		// A therapist of the clinic may know the client exists, and is told why not (not
		// "no such client").
		new Api(this.mvc, this.clinic.bearer(this.clinic.signedIn(this.clara)))
			.perform(get("/api/v1/clients/" + this.client + "/matches"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value("Therapist matches are for the client and the front desk."));
		new Api(this.mvc, this.clinic.bearer(this.clinic.admin()))
			.perform(get("/api/v1/clients/" + this.client + "/matches"))
			.andExpect(status().isOk());
	}

	@Test
	void theMatchPageOffersAFirstConsultation_andAfterSwitchingTherapistTheHistoryStays() throws Exception {
		String intake = intake(Examples.officeWorker());
		new Pages(this.mvc, this.me).perform(get("/match"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Clara Jensen"), containsString("Best match for you"),
					containsString("/book?therapist=" + this.clara + "&amp;service=FIRST_CONSULTATION"),
					containsString("years treating back pain"),
					// Clients read reasons in words; the points behind the ranking are
					// for the front desk.
					not(containsString("points")), not(containsString("+10.0")))));

		book(this.clara, 3);
		// The client switches: a first consultation with Anna. The intake goes with the
		// client.
		book(this.anna, 4);
		new Api(this.mvc, this.clinic.bearer(this.clinic.signedIn(this.anna))).perform(get("/api/v1/intakes/" + intake))
			.andExpect(status().isOk());
		this.asClient.perform(get("/api/v1/clients/" + this.client + "/matches"))
			.andExpect(jsonPath("$.matches[?(@.name == 'Anna Keller')].reasons[?(@.part == 'continuity')].words")
				.value("you have seen Anna before"));
	}

	@Test
	void withoutAnIntakeEveryLicensedTherapistIsListed() throws Exception {
		this.asClient.perform(get("/api/v1/clients/" + this.client + "/matches"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.basedOnIntake").value(false))
			.andExpect(jsonPath("$.matches.length()").value(3))
			.andExpect(jsonPath("$.excluded.length()").value(1));
	}

	private String intake(Examples answers) throws Exception {
		String created = this.asClient
			.perform(post("/api/v1/clients/" + this.client + "/intakes").contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(answers.answers())))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(created, "$.id");
	}

	private void book(TherapistId therapist, int days) throws Exception {
		this.asClient.perform(post("/api/v1/appointments").contentType(MediaType.APPLICATION_JSON)
			.content(
					"{\"clientId\": \"%s\", \"therapistId\": \"%s\", \"service\": \"FIRST_CONSULTATION\", \"start\": \"%s\"}"
						.formatted(this.client, therapist, this.clinic.inDays(days, 10, 0))))
			.andExpect(status().isCreated());
	}

}
