package org.backcare.intake;

import java.util.UUID;

import org.backcare.ClinicFixture;
import org.backcare.ClinicFixture.TestClinic;
import org.backcare.IntegrationTest;
import org.backcare.Pages;
import org.backcare.assessment.CareRules;
import org.backcare.assessment.Examples;
import org.backcare.assessment.Oswestry;
import org.backcare.assessment.PainRegion;
import org.backcare.assessment.Questions;
import org.backcare.assessment.StartBack;
import org.backcare.client.ClientId;
import org.backcare.therapist.Technique;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The questionnaire, the result the client sees, and the staff's view with the clearance
 * form.
 */
@IntegrationTest
class IntakePagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ClinicFixture fixture;

	@Autowired
	JdbcClient jdbc;

	TestClinic clinic;

	ClientId client;

	Pages asClient;

	@BeforeEach
	void openClinic() {
		this.clinic = this.fixture.open();
		this.clinic.therapist(Technique.SWEDISH);
		this.client = this.clinic.client();
		this.asClient = new Pages(this.mvc, this.clinic.signedIn(this.client));
	}

	/** A complete form as the browser sends it: the office worker of {@link Examples}. */
	static MultiValueMap<String, String> completeForm() {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("pain[LOWER_BACK_LEFT]", "6");
		form.add("pain[LOWER_BACK_RIGHT]", "4");
		form.add("pain[NECK]", "0");
		form.add("painNow", "5");
		form.add("painAverage", "4");
		form.add("painWorst", "7");
		form.add("duration", "ACUTE");
		form.add("causes", "PROLONGED_SITTING");
		form.add("causes", "STRESS");
		Questions.RED_FLAGS.keySet().forEach(question -> form.add(question, "false"));
		Questions.CONTRAINDICATIONS.keySet().forEach(question -> form.add(question, "false"));
		for (int item = 1; item <= 8; item++) {
			form.add("startBack" + item, item == 3 ? "true" : "false");
		}
		form.add("startBack9", "MODERATELY");
		for (int section = 1; section <= 10; section++) {
			if (section != 8) {
				form.add("odi" + section, "1");
			}
		}
		form.add("wantToDoAgain", "Play with my kids <script>alert('x')</script>");
		form.add("pressure", "MEDIUM");
		form.add("therapistGender", "NO_PREFERENCE");
		form.add("language", "de");
		return form;
	}

	@Test
	void theQuestionnaireHasThePainMapEveryRegionAndEveryQuestion() throws Exception {
		String page = this.asClient.perform(get("/intake"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Body seen from behind", "Body seen from the front",
				"data-region=\"SACRUM_BUTTOCKS\"", "role=\"button\"", StartBack.ITEMS.get(5),
				Oswestry.SECTIONS.get(9).statements().get(5), Questions.RED_FLAGS.get("saddleNumbness"),
				"/js/painmap.js");
		for (PainRegion region : PainRegion.values()) {
			assertThat(page).contains("name=\"pain[" + region.name() + "]\"");
		}
	}

	@Test
	void aCompleteFormLeadsToTheResult_withTheRecommendationAndAFirstConsultationToBook() throws Exception {
		String location = this.asClient.perform(post("/intake").params(completeForm()))
			.andExpect(redirectedUrlPattern("/intake/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		this.asClient.perform(get(location))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Care we suggest"), containsString("Swedish massage"),
					containsString("Trigger point therapy"), containsString("Book a first consultation"),
					containsString("service=FIRST_CONSULTATION"), containsString("weekly × 4, then as needed"),
					containsString("Lower back, left 6/10"), containsString("level-6"),
					containsString("Play with my kids &lt;script&gt;"), not(containsString("<script>alert")))));
		this.asClient.perform(get("/book"))
			.andExpect(
					content().string(allOf(containsString("Recommended for you"), containsString("Swedish massage"))));
	}

	@Test
	void anIncompleteFormComesBackWithEachMissingAnswerNamed_andNothingIsStored() throws Exception {
		MultiValueMap<String, String> form = completeForm();
		form.remove("saddleNumbness");
		form.remove("painNow");
		form.set("odi1", "");
		form.set("odi2", "");
		form.set("weightKg", "heavy");
		form.set("pain[LOWER_BACK_LEFT]", "0");
		form.set("pain[LOWER_BACK_RIGHT]", "0");
		this.asClient.perform(post("/intake").params(form))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Please check these answers"),
					containsString(Questions.RED_FLAGS.get("saddleNumbness") + ": please answer"),
					containsString("Pain now: please answer"), containsString("Everyday life: answer at least 8"),
					containsString("Weight: please enter a number"),
					containsString("Pain map: mark at least one region"),
					// What was answered is kept.
					containsString("Play with my kids"))));
		assertThat(this.jdbc.sql("SELECT count(*) FROM intake WHERE client_id = ?")
			.param(this.client.value())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void theErrorSummaryListsTheProblemsInQuestionOrder_eachLinkedToItsQuestion() throws Exception {
		MultiValueMap<String, String> form = completeForm();
		form.remove("language");
		form.set("pain[LOWER_BACK_LEFT]", "0");
		form.set("pain[LOWER_BACK_RIGHT]", "0");
		form.remove("painNow");
		form.remove("saddleNumbness");
		form.remove("startBack4");
		form.set("weightKg", "heavy");
		form.remove("wantToDoAgain");
		String page = this.asClient.perform(post("/intake").params(form))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String summary = page.substring(page.indexOf("class=\"error-summary\""), page.indexOf("</ul>"));
		assertThat(summary).containsSubsequence("href=\"#pain-NECK\"", "href=\"#painNow\"", "href=\"#saddleNumbness\"",
				"href=\"#weightKg\"", "href=\"#startBack4\"", "href=\"#wantToDoAgain\"");
		// Each link leads to the question's first answer, and the problem is repeated
		// next to it.
		assertThat(page).contains("id=\"painNow\"", "id=\"saddleNumbness\"", "id=\"startBack4\"", "id=\"pain-NECK\"")
			.contains("<p class=\"field-error\">Pain now: please answer.</p>");
	}

	@Test
	void theClientReadsTheirResultInPlainWords_theStaffSeeScoresAndRules() throws Exception {
		String location = this.asClient.perform(post("/intake").params(completeForm()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		String forClient = this.asClient.perform(get(location)).andReturn().getResponse().getContentAsString();
		assertThat(forClient)
			.contains("Your back pain " + Oswestry.Band.MINIMAL.forClient(), StartBack.Risk.LOW.forClient())
			.doesNotContain(CareRules.VERSION, "of 9", "Oswestry", "20.00%");
		String forStaff = new Pages(this.mvc, this.clinic.admin()).perform(get(location))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(forStaff).contains(CareRules.VERSION, "total 1 of 9", "Everyday life (Oswestry)", "20.00%");
	}

	@Test
	void aGermanBrowserGetsTheSameCorrectFieldErrors() throws Exception {
		MultiValueMap<String, String> form = completeForm();
		form.remove("painNow");
		form.set("painWorst", "11");
		form.remove("saddleNumbness");
		form.set("wantToDoAgain", "");
		String page = this.asClient.perform(post("/intake").params(form).header("Accept-Language", "de-DE,de;q=0.9"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page)
			.contains("Pain now: please answer.", Questions.RED_FLAGS.get("saddleNumbness") + ": please answer.",
					"What you want to be able to do again: please answer.",
					"Worst pain over the last week: must be at most 10.")
			.doesNotContain("darf nicht", "muss ", "kleiner oder gleich");
	}

	@Test
	void aDoubleSubmittedFormStoresOneIntake() throws Exception {
		MultiValueMap<String, String> form = completeForm();
		form.add("requestKey", UUID.randomUUID().toString());
		String first = this.asClient.perform(post("/intake").params(form)).andReturn().getResponse().getRedirectedUrl();
		String second = this.asClient.perform(post("/intake").params(form))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(second).isEqualTo(first).startsWith("/intake/");
		assertThat(this.jdbc.sql("SELECT count(*) FROM intake WHERE client_id = ?")
			.param(this.client.value())
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void aReferralIsExplainedKindly_theBookingPageOffersNoTimes_andTheFrontDeskCanRecordTheAllClear() throws Exception {
		MultiValueMap<String, String> form = completeForm();
		form.set("bladderOrBowelDysfunction", "true");
		String location = this.asClient.perform(post("/intake").params(form))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		this.asClient.perform(get(location))
			.andExpect(content().string(allOf(containsString("Please get emergency care now"),
					containsString("emergency department today"), containsString("Online booking is paused"),
					not(containsString("Book a first consultation")))));
		this.asClient.perform(get("/book"))
			.andExpect(content()
				.string(allOf(containsString("Please get emergency care now"), not(containsString("name=\"start\"")))));

		Pages asAdmin = new Pages(this.mvc, this.clinic.admin());
		asAdmin.perform(get(location))
			.andExpect(content().string(allOf(containsString("Record a doctor's all-clear"),
					containsString("New bladder or bowel dysfunction: possible cauda equina syndrome"),
					containsString("NICE NG59"))));
		asAdmin
			.perform(post(location + "/clearance").param("clearedBy", "Dr. Jansen")
				.param("clearedOn", this.clinic.today().toString())
				.param("note", "Seen in A&E, MRI clear"))
			.andExpect(redirectedUrlPattern("/intake/*"));
		this.asClient.perform(get(location))
			.andExpect(content().string(allOf(containsString("Dr. Jansen"), containsString("You can book again"),
					containsString("Book a first consultation"))));
	}

	@Test
	void theTherapistSeesTheCautionAndCanChangeTheRecommendationWithAReason() throws Exception {
		MultiValueMap<String, String> form = completeForm();
		form.set("anticoagulantsOrBleedingDisorder", "true");
		String location = this.asClient.perform(post("/intake").params(form))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		Pages asAdmin = new Pages(this.mvc, this.clinic.admin());
		asAdmin.perform(get("/clients/" + this.client + "/assessment")).andExpect(redirectedUrlPattern("/intake/*"));
		asAdmin.perform(get(location))
			.andExpect(content().string(allOf(containsString("Caution before the session"),
					containsString("Anticoagulants or bleeding disorder"), containsString("(ruled out)"))));
		// The form is bound to the API's own OverrideRequest: the same constraints,
		// worded for a person.
		asAdmin
			.perform(post(location + "/override").param("initialSessions", "99")
				.param("everyDays", "7")
				.param("note", "more")
				.header("Accept-Language", "de"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Techniques: please choose at least one."),
					containsString("Sessions: must be at most 52."))));
		asAdmin
			.perform(post(location + "/override").param("techniques", "DEEP_TISSUE")
				.param("initialSessions", "4")
				.param("everyDays", "7")
				.param("note", "wants firm"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Deep tissue massage is ruled out")));
		asAdmin
			.perform(post(location + "/override").param("techniques", "SWEDISH")
				.param("initialSessions", "3")
				.param("everyDays", "14")
				.param("note", "Prefers fortnightly"))
			.andExpect(redirectedUrlPattern("/intake/*"));
		this.asClient.perform(get(location))
			.andExpect(content().string(allOf(containsString("Your therapist has adjusted this plan"),
					containsString("every 14 days × 3"))));
	}

}
