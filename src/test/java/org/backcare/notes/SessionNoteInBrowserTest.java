package org.backcare.notes;

import java.time.Duration;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backcare.Browser.awaitTitle;

/**
 * In a real Chromium: a therapist opens last week's session from their day, writes the
 * note by keyboard (what the client says, two areas with technique and pressure), saves,
 * signs and amends it; on a phone the signed note reads without sideways scrolling.
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
			new WebDriverWait(page, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(save));
			awaitTitle(page, "Session note");
			assertThat(page.findElement(By.tagName("main")).getText()).contains("Draft saved.");
			assertThat(page.findElement(By.cssSelector("path[data-region='LOWER_BACK_LEFT']"))
				.getDomAttribute("aria-label")).isEqualTo("Lower back, left, firm pressure, Swedish massage");
			browser.screenshot("session-note", 1400);

			WebElement sign = page.findElement(By.xpath("//button[normalize-space()='Sign the note']"));
			sign.sendKeys(Keys.ENTER);
			new WebDriverWait(page, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(sign));
			assertThat(page.findElement(By.tagName("main")).getText()).contains("Signed. The note is final",
					"Signed by", "licence Berlin LIC-", "Kept until");
			page.findElement(By.id("reason")).sendKeys("Misheard the pain score");
			page.findElement(By.id("text")).sendKeys("Pain now was 5, not 6.");
			WebElement add = page.findElement(By.xpath("//button[normalize-space()='Sign and add']"));
			add.sendKeys(Keys.ENTER);
			new WebDriverWait(page, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(add));
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
