package org.backcare.notes;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.backcare.Browser;
import org.backcare.ClinicFixture;
import org.backcare.ClinicFixture.TestClinic;
import org.backcare.IntegrationTest;
import org.backcare.client.ClientId;
import org.backcare.therapist.TherapistId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backcare.Browser.awaitTitle;

/**
 * In a real Chromium: a therapist opens last week's session from their day, writes the
 * note by keyboard (what the client says, two areas with technique and pressure), saves,
 * signs and amends it; on a phone the signed note reads without sideways scrolling. The
 * whole loop: a note signed, the client's feedback from their phone, the next session's
 * proposal on the therapist's day, accepted with a reason.
 */
@IntegrationTest
@ExtendWith(Browser.Installed.class)
class SessionNoteInBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	ClinicFixture fixture;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.backcare.booking.Bookings bookings;

	@Test
	void aTherapistWritesSignsAndAmendsANote_andReadsItOnAPhone() throws Exception {
		TestClinic clinic = this.fixture.open();
		TherapistId therapist = clinic.therapist();
		ClientId client = clinic.client();
		UUID session = clinic.pastAppointment(therapist, client);
		LocalDate day = this.jdbc.sql("SELECT starts_at FROM appointment WHERE id = ?")
			.param(session)
			.query(java.time.OffsetDateTime.class)
			.single()
			.atZoneSameInstant(ZoneId.of("Europe/Berlin"))
			.toLocalDate();
		String email = clinic.signedIn(therapist).email();
		String base = "http://localhost:" + this.port;

		try (Browser browser = Browser.open(1280, 1400)) {
			WebDriver page = browser.driver();
			browser.signIn(base, email, ClinicFixture.PASSWORD, "My day");
			page.get(base + "/day?date=" + day);
			page.findElement(By.linkText("Write the note")).sendKeys(Keys.ENTER);
			awaitTitle(page, "Session note");
			page.findElement(By.id("subjective")).sendKeys("Lower back stiff after a long drive; slept badly.");
			page.findElement(By.id("painNow")).sendKeys("6");
			page.findElement(By.id("objective")).sendKeys("Hypertonic left erector spinae, tender at L4.");
			page.findElement(By.id("treated-LOWER_BACK_LEFT")).sendKeys(Keys.SPACE);
			page.findElement(By.name("technique_LOWER_BACK_LEFT")).sendKeys("Swedish");
			page.findElement(By.name("pressure_LOWER_BACK_LEFT")).sendKeys("Firm");
			page.findElement(By.id("treated-UPPER_BACK")).sendKeys(Keys.SPACE);
			page.findElement(By.name("pressure_UPPER_BACK")).sendKeys("Light");
			page.findElement(By.id("minutes")).sendKeys("50");
			page.findElement(By.id("assessment")).sendKeys("Eased with sustained pressure; range of motion better.");
			page.findElement(By.id("plan")).sendKeys("Same areas next week; a 20-minute walk daily.");
			WebElement save = page.findElement(By.xpath("//button[normalize-space()='Save draft']"));
			save.sendKeys(Keys.ENTER);
			Browser.awaitGone(page, save);
			awaitTitle(page, "Session note");
			assertThat(page.findElement(By.tagName("main")).getText()).contains("Draft saved.");
			assertThat(page.findElement(By.cssSelector("path[data-region='LOWER_BACK_LEFT']"))
				.getDomAttribute("aria-label")).isEqualTo("Lower back, left, firm pressure, Swedish massage");
			browser.screenshot("session-note", 1400);

			WebElement sign = page.findElement(By.xpath("//button[normalize-space()='Sign the note']"));
			sign.sendKeys(Keys.ENTER);
			Browser.awaitGone(page, sign);
			assertThat(page.findElement(By.tagName("main")).getText()).contains("Signed. The note is final",
					"Signed by", "licence Berlin LIC-", "Kept until");
			page.findElement(By.id("reason")).sendKeys("Misheard the pain score");
			page.findElement(By.id("text")).sendKeys("Pain now was 5, not 6.");
			WebElement add = page.findElement(By.xpath("//button[normalize-space()='Sign and add']"));
			add.sendKeys(Keys.ENTER);
			Browser.awaitGone(page, add);
			assertThat(page.findElement(By.tagName("main")).getText()).contains("Amendment signed", "Pain now: 6 of 10",
					"Pain now was 5, not 6.", "Why: Misheard the pain score");
		}

		try (Browser phone = Browser.open(390, 900)) {
			WebDriver page = phone.driver();
			phone.signIn(base, email, ClinicFixture.PASSWORD, "My day");
			page.get(base + "/sessions/" + session + "/note");
			awaitTitle(page, "Session note");
			phone.screenshot("session-note-phone");
			assertThat(((JavascriptExecutor) page).executeScript(
					"return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth).map(e => e.tagName + '.' + e.className + ' ' + e.getBoundingClientRect().right).join('; ');"))
				.isEqualTo("");
		}
	}

	@Test
	void noteSignedFeedbackGiven_theNextSessionShowsTheProposal_andTheTherapistAcceptsIt() throws Exception {
		TestClinic clinic = this.fixture.open();
		TherapistId therapist = clinic.therapist();
		ClientId client = clinic.client();
		UUID held = clinic.sessionEndedHoursAgo(therapist, client, 3);
		java.time.OffsetDateTime nextStart = clinic.inDays(2, 10, 0);
		this.bookings.book(
				new org.backcare.booking.BookingRequest(client, therapist, "TREATMENT_60", nextStart.toInstant(), null),
				null, null);
		String therapistEmail = clinic.signedIn(therapist).email();
		String clientEmail = clinic.signedIn(client).email();
		String base = "http://localhost:" + this.port;

		try (Browser browser = Browser.open(1280, 1200)) {
			WebDriver page = browser.driver();
			browser.signIn(base, therapistEmail, ClinicFixture.PASSWORD, "My day");
			page.get(base + "/sessions/" + held + "/note");
			awaitTitle(page, "Session note");
			page.findElement(By.id("subjective")).sendKeys("Stiff lower back after a week of desk work.");
			page.findElement(By.id("treated-LOWER_BACK_LEFT")).sendKeys(Keys.SPACE);
			page.findElement(By.name("technique_LOWER_BACK_LEFT")).sendKeys("Swedish");
			page.findElement(By.name("pressure_LOWER_BACK_LEFT")).sendKeys("Firm");
			page.findElement(By.id("plan")).sendKeys("Lower back again next time.");
			submit(page, "Save draft");
			submit(page, "Sign the note");
			assertThat(page.findElement(By.tagName("main")).getText()).contains("Signed. The note is final");
		}

		try (Browser phone = Browser.open(390, 1100)) {
			WebDriver page = phone.driver();
			phone.signIn(base, clientEmail, ClinicFixture.PASSWORD, "My appointments");
			page.findElement(By.linkText("How was it?")).sendKeys(Keys.ENTER);
			awaitTitle(page, "How was your session?");
			page.findElement(By.xpath("//fieldset[legend[contains(., 'lower back, left')]]//input[@value='TOO_FIRM']"))
				.sendKeys(Keys.SPACE);
			page.findElement(By.id("helped")).sendKeys("The warm-up helped.");
			((JavascriptExecutor) page).executeScript("window.scrollTo(0, 0)");
			phone.screenshot("feedback-phone");
			assertThat(((JavascriptExecutor) page).executeScript(
					"return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth).map(e => e.tagName + '.' + e.className + ' ' + e.getBoundingClientRect().right).join('; ');"))
				.isEqualTo("");
			submit(page, "Send");
			assertThat(page.findElement(By.tagName("main")).getText()).contains("Thank you");
		}

		try (Browser browser = Browser.open(1280, 1200)) {
			WebDriver page = browser.driver();
			browser.signIn(base, therapistEmail, ClinicFixture.PASSWORD, "My day");
			page.get(base + "/day?date=" + nextStart.toLocalDate());
			awaitTitle(page, "My day");
			String day = page.findElement(By.tagName("main")).getText();
			assertThat(day).contains("Plan for this session", "Last note: Lower back again next time.",
					"Lower back, left: Medium, Swedish massage — medium: the client found it too firm",
					"the client said: too firm on the lower back, left");
			browser.screenshot("next-session-plan", 1200);
			WebElement reason = page.findElement(By.name("reason"));
			reason.sendKeys("Agreed: lighter on the left");
			WebElement accept = page.findElement(By.xpath("//button[normalize-space()='Accept']"));
			accept.sendKeys(Keys.ENTER);
			Browser.awaitGone(page, accept);
			assertThat(page.findElement(By.tagName("main")).getText()).contains("Plan accepted.",
					"Accepted: Agreed: lighter on the left");
		}
	}

	private static void submit(WebDriver page, String button) {
		WebElement element = page.findElement(By.xpath("//button[normalize-space()='" + button + "']"));
		element.sendKeys(Keys.ENTER);
		Browser.awaitGone(page, element);
	}

	@Test
	void theNoteFormFitsAPhone() throws Exception {
		TestClinic clinic = this.fixture.open();
		TherapistId therapist = clinic.therapist();
		UUID session = clinic.pastAppointment(therapist, clinic.client());
		String email = clinic.signedIn(therapist).email();
		String base = "http://localhost:" + this.port;
		try (Browser phone = Browser.open(390, 900)) {
			WebDriver page = phone.driver();
			phone.signIn(base, email, ClinicFixture.PASSWORD, "My day");
			page.get(base + "/sessions/" + session + "/note");
			awaitTitle(page, "Session note");
			assertThat(((JavascriptExecutor) page).executeScript(
					"return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth).map(e => e.tagName + '.' + e.className + ' ' + e.getBoundingClientRect().right).join('; ');"))
				.isEqualTo("");
			assertThat(((JavascriptExecutor) page).executeScript(
					"return [...document.querySelectorAll('.areas input, .areas select')].filter(e => e.getBoundingClientRect().height < 24).length;"))
				.as("every control of the areas at least 24 px")
				.isEqualTo(0L);
		}
	}

}
