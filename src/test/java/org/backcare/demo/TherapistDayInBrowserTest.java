package org.backcare.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;

import org.backcare.Browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backcare.Browser.awaitTitle;

/**
 * In a real Chromium: the demo therapist signs in and lands on their day; the week with
 * the demo session shows the client's caution before it, on a desktop and on a phone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "backcare.demo.enabled=true")
@ActiveProfiles("test")
@ExtendWith(Browser.Installed.class)
class TherapistDayInBrowserTest {

	@LocalServerPort
	int port;

	@Test
	void aTherapistLandsOnTheirDayAndSeesTheCautionBeforeASession() throws Exception {
		try (Browser browser = Browser.open(1280, 1000)) {
			WebDriver page = browser.driver();
			String base = "http://localhost:" + this.port;
			browser.signIn(base, DemoAccounts.THERAPIST.email(), DemoAccounts.THERAPIST.password(), "My day");
			page.get(base + "/day?view=week&date=" + demoSessionDay());
			awaitTitle(page, "My day");
			String week = page.findElement(By.tagName("main")).getText();
			assertThat(week).contains("My week", "Sofia Rossi", "14:00–15:00", "Swedish massage")
				.containsIgnoringCase("bleeding disorder");
			assertThat(page.findElements(By.cssSelector(".session.needs-care"))).isNotEmpty();
			browser.screenshot("therapist-day", 1300);
		}
		try (Browser phone = Browser.open(390, 1400)) {
			WebDriver page = phone.driver();
			String base = "http://localhost:" + this.port;
			phone.signIn(base, DemoAccounts.THERAPIST.email(), DemoAccounts.THERAPIST.password(), "My day");
			page.get(base + "/day?date=" + demoSessionDay());
			assertThat(((JavascriptExecutor) page)
				.executeScript("return document.documentElement.scrollWidth > window.innerWidth;")).isEqualTo(false);
			phone.screenshot("therapist-day-phone", 1200);
		}
	}

	/**
	 * The demo clinic books Sofia with Anna four days ahead, moved on to a weekday (see
	 * DemoClinic).
	 */
	static LocalDate demoSessionDay() {
		LocalDate day = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(4);
		while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
			day = day.plusDays(1);
		}
		return day;
	}

}
