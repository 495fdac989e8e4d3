package org.backcare.demo;

import java.time.Duration;

import org.backcare.Browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backcare.Browser.awaitTitle;

/**
 * In a real Chromium: the demo front desk signs in and lands on the clinic calendar, sees
 * the demo day (Jonas and Sofia with Anna, Clara away), gives Jonas's session to a
 * colleague free that morning, by keyboard, and finds clients by name; the calendar fits
 * a phone by scrolling inside its own region; and reads the mail the demo sent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "backcare.demo.enabled=true")
@ActiveProfiles("test")
@ExtendWith(Browser.Installed.class)
class ClinicCalendarInBrowserTest {

	@LocalServerPort
	int port;

	/**
	 * A browser of the given size with the demo front desk signed in, on the clinic
	 * calendar.
	 */
	private Browser frontDesk(int width, int height) {
		Browser browser = Browser.open(width, height);
		browser.signIn(base(), DemoAccounts.ADMIN.email(), DemoAccounts.ADMIN.password(), "Clinic calendar");
		return browser;
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

	@Test
	void theFrontDeskLandsOnTheCalendarAndGivesASessionToAnotherTherapist() throws Exception {
		try (Browser browser = frontDesk(1400, 1000)) {
			WebDriver page = browser.driver();
			String base = base();
			page.get(base + "/calendar?date=" + TherapistDayInBrowserTest.demoSessionDay());
			awaitTitle(page, "Clinic calendar");
			String day = page.findElement(By.tagName("main")).getText();
			assertThat(day).contains("Anna Keller", "Ben Okafor", "Clara Jensen", "Sofia Rossi", "Jonas Weber",
					"Time off 13:00–17:00");
			assertThat(page.findElements(By.cssSelector("td.cal-session"))).hasSizeGreaterThanOrEqualTo(2);
			assertThat(page.findElements(By.cssSelector("td.cal-buffer"))).isNotEmpty();
			browser.screenshot("clinic-calendar", 1100);

			// Jonas's 10:00 session with Anna goes to the first colleague with free time
			// that
			// day (the demo's hours differ by weekday), chosen by keyboard.
			WebElement move = page.findElement(By.cssSelector("a.cal-move[aria-label*='Jonas Weber']"));
			move.sendKeys(Keys.ENTER);
			awaitTitle(page, "Move a session");
			String colleague = null;
			for (String name : new String[] { "Elif Yılmaz", "Farah Haddad", "Ben Okafor", "Clara Jensen" }) {
				new Select(page.findElement(By.id("therapist"))).selectByVisibleText(name);
				page.findElement(By.cssSelector("#choose-day button[type=submit]")).click();
				new WebDriverWait(page, Duration.ofSeconds(10)).until(ExpectedConditions
					.textToBePresentInElementLocated(By.cssSelector(".slot-picker legend"), name));
				if (!page.findElements(By.cssSelector(".slot-picker input[name=start]")).isEmpty()) {
					colleague = name;
					break;
				}
			}
			assertThat(colleague).as("a colleague with free time on the demo day").isNotNull();
			page.findElement(By.cssSelector(".slot-picker input[name=start]")).sendKeys(Keys.SPACE);
			browser.screenshot("move-session", 900);
			page.findElement(By.cssSelector("#move-form button[type=submit]")).click();

			awaitTitle(page, "Clinic calendar");
			page.findElement(By.partialLinkText("Jonas Weber")).click();
			awaitTitle(page, "Your appointment");
			assertThat(page.findElement(By.tagName("main")).getText()).contains(colleague);
		}
	}

	@Test
	void theFrontDeskBooksASeriesWhoseFirstSessionConflicts_leavingThatOneOut() throws Exception {
		try (Browser browser = frontDesk(1280, 1600)) {
			WebDriver page = browser.driver();
			String base = base();
			page.get(base + "/book/series");
			awaitTitle(page, "Regular sessions");
			page.findElement(By.id("find")).sendKeys("sofia");
			new WebDriverWait(page, Duration.ofSeconds(10))
				.until(ExpectedConditions.textToBePresentInElementLocated(By.id("clients"), "Sofia Rossi"));
			page.findElement(By.cssSelector("#clients input[name=client]")).sendKeys(Keys.SPACE);
			new Select(page.findElement(By.id("therapist"))).selectByVisibleText("Anna Keller");
			// Weekly at 14:00 from the demo day, when Sofia already has her session with
			// Anna: the first of three conflicts.
			JavascriptExecutor js = (JavascriptExecutor) page;
			js.executeScript(
					"document.getElementById('date').value = arguments[0];"
							+ "document.getElementById('time').value = '14:00';"
							+ "document.getElementById('count').value = '3';",
					TherapistDayInBrowserTest.demoSessionDay().toString());
			page.findElement(By.cssSelector("button[name=check]")).click();
			awaitTitle(page, "Regular sessions");
			assertThat(page.findElement(By.id("plan-heading")).getText()).isEqualTo("1 of 3 sessions need a choice");
			assertThat(page.findElement(By.cssSelector(".series-plan")).getText()).contains("Not free",
					"already booked", "Leave this one out");
			browser.screenshot("series-conflict", 1500);
			page.findElement(By.cssSelector(".series-plan input[value=skip]")).sendKeys(Keys.SPACE);
			page.findElement(By.cssSelector("#series-book button[type=submit]")).click();
			awaitTitle(page, "Clinic calendar");
			page.get(base + "/calendar?view=week&date=" + TherapistDayInBrowserTest.demoSessionDay().plusWeeks(1));
			assertThat(page.findElement(By.tagName("main")).getText()).contains("14:00 Sofia Rossi");
		}
	}

	@Test
	void theFrontDeskSetsTheClinicAndATherapistsWeekUpOnPages() throws Exception {
		try (Browser browser = frontDesk(1280, 1200)) {
			WebDriver page = browser.driver();
			String base = base();
			page.findElement(By.linkText("Front desk")).click();
			awaitTitle(page, "Front desk");
			page.findElement(By.linkText("Clinic settings and policies")).click();
			awaitTitle(page, "Clinic settings");
			assertThat(page.findElement(By.id("timeZone")).getAttribute("value")).isEqualTo("Europe/Berlin");
			browser.screenshot("clinic-settings", 1000);
			page.get(base + "/admin");
			page.findElement(By.linkText("Hours and time off of Clara Jensen")).click();
			awaitTitle(page, "Hours and time off");
			assertThat(page.findElement(By.tagName("main")).getText()).contains("Training course");
			browser.screenshot("therapist-schedule", 1400);
		}
	}

	@Test
	void theFrontDeskReadsTheMailTheDemoSent_withItsInvite_alsoOnAPhone() throws Exception {
		try (Browser browser = frontDesk(1280, 1100)) {
			WebDriver page = browser.driver();
			page.findElement(By.linkText("Mail")).click();
			awaitTitle(page, "Mail");
			// The demo's bookings were mailed at start-up; delivery takes a few seconds.
			new WebDriverWait(page, Duration.ofSeconds(30)).until(driver -> {
				driver.navigate().refresh();
				return !driver.findElements(By.cssSelector(".mail-sent")).isEmpty();
			});
			WebElement first = page
				.findElement(By.xpath("//ul[contains(@class,'mailbox')]//summary[contains(., 'Booked:')]"));
			first.sendKeys(Keys.ENTER);
			String opened = page.findElement(By.cssSelector(".mailbox details[open]")).getText();
			assertThat(opened).contains("your session is booked", "The calendar invite (.ics)");
			browser.screenshot("mailbox", 1000);
		}
		try (Browser phone = frontDesk(390, 1200)) {
			WebDriver page = phone.driver();
			page.get(base() + "/admin/mailbox");
			awaitTitle(page, "Mail");
			assertThat(((JavascriptExecutor) page)
				.executeScript("return document.documentElement.scrollWidth > window.innerWidth;")).isEqualTo(false);
		}
	}

	@Test
	void theFrontDeskFindsAClientByNameWhenBooking() throws Exception {
		try (Browser browser = frontDesk(1280, 1400)) {
			WebDriver page = browser.driver();
			String base = base();
			page.get(base + "/book");
			awaitTitle(page, "Book a session");
			page.findElement(By.id("find")).sendKeys("sofia");
			new WebDriverWait(page, Duration.ofSeconds(10))
				.until(ExpectedConditions.textToBePresentInElementLocated(By.id("clients"), "Sofia Rossi"));
			assertThat(page.findElement(By.id("clients")).getText()).contains("sofia.rossi@example.org")
				.doesNotContain("Maria Schmidt");
		}
	}

	@Test
	void onAPhoneTheCalendarScrollsInsideItsRegionNotThePage() throws Exception {
		try (Browser phone = frontDesk(390, 1400)) {
			WebDriver page = phone.driver();
			String base = base();
			page.get(base + "/calendar?date=" + TherapistDayInBrowserTest.demoSessionDay());
			phone.screenshot("clinic-calendar-phone", 1200);
			assertThat(((JavascriptExecutor) page).executeScript(
					"""
							return [...document.querySelectorAll('body *')]
								.filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.calendar-scroll'))
								.map(e => e.tagName + '.' + e.className).join(' ');"""))
				.isEqualTo("");
			assertThat(((JavascriptExecutor) page)
				.executeScript("return document.documentElement.scrollWidth > window.innerWidth;")).isEqualTo(false);
		}
	}

}
