package org.backcare.waitlist;

import java.util.UUID;

import org.backcare.Browser;
import org.backcare.ClinicFixture;
import org.backcare.ClinicFixture.TestClinic;
import org.backcare.IntegrationTest;
import org.backcare.account.CurrentUser;
import org.backcare.booking.BookingRequest;
import org.backcare.booking.Bookings;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.backcare.Browser.awaitTitle;

/**
 * In a real Chromium: a client asks for weekday mornings on "My waitlist" by keyboard;
 * another client cancels; the offer shows on the page and, on a phone, its page books the
 * time with one key; the front desk sees who waits, in order.
 */
@IntegrationTest
@ExtendWith(Browser.Installed.class)
class WaitlistInBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	ClinicFixture fixture;

	@Autowired
	Bookings bookings;

	@Autowired
	OfferRounds rounds;

	@Autowired
	Waitlist waitlist;

	@Test
	void aClientWaits_isOfferedACancelledTime_andBooksItOnAPhone() throws Exception {
		TestClinic clinic = this.fixture.open();
		TherapistId therapist = clinic.therapist();
		ClientId client = clinic.client();
		CurrentUser me = clinic.signedIn(client);
		String base = "http://localhost:" + this.port;

		try (Browser browser = Browser.open(1280, 1300)) {
			WebDriver page = browser.driver();
			browser.signIn(base, me.email(), ClinicFixture.PASSWORD, "My appointments");
			page.findElement(By.linkText("My waitlist")).click();
			awaitTitle(page, "My waitlist");
			WebElement to = page.findElement(By.id("toTime"));
			to.click();
			to.sendKeys("1200");
			WebElement join = page.findElement(By.xpath("//button[normalize-space()='Put me on the waitlist']"));
			join.sendKeys(Keys.ENTER);
			Browser.awaitGone(page, join);
			awaitTitle(page, "My waitlist");
			assertThat(page.findElement(By.tagName("main")).getText()).contains("On the waitlist.", "Waiting.",
					"08:00–12:00");

			ClientId other = clinic.client();
			int days = 3;
			while (clinic.today().plusDays(days).getDayOfWeek().getValue() > 5) {
				days++;
			}
			String session = this.bookings
				.book(new BookingRequest(other, therapist, "TREATMENT_60", clinic.inDays(days, 10, 0).toInstant(),
						null), null, null)
				.appointment()
				.id()
				.value()
				.toString();
			this.bookings.cancel(clinic.signedIn(other),
					new org.backcare.booking.AppointmentId(UUID.fromString(session)), "cannot come");
			this.rounds.pass();
			page.navigate().refresh();
			assertThat(page.findElement(By.tagName("main")).getText()).contains("Offered to you now", "Open until");
			browser.screenshot("waitlist", 1300);
		}

		try (Browser phone = Browser.open(390, 900)) {
			WebDriver page = phone.driver();
			phone.signIn(base, me.email(), ClinicFixture.PASSWORD, "My appointments");
			page.get(base + "/me/waitlist");
			page.findElement(By.linkText("See the offer")).click();
			awaitTitle(page, "A time for you");
			phone.screenshot("waitlist-offer-phone");
			assertThat(((JavascriptExecutor) page).executeScript(
					"return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth).map(e => e.tagName + '.' + e.className + ' ' + e.getBoundingClientRect().right).join('; ');"))
				.isEqualTo("");
			page.findElement(By.xpath("//button[normalize-space()='Book this time']")).sendKeys(Keys.ENTER);
			awaitTitle(page, "My appointments");
			assertThat(page.findElement(By.tagName("main")).getText()).contains("Booked:", "10:00");
		}

		try (Browser desk = Browser.open(1280, 900)) {
			WebDriver page = desk.driver();
			ClientId waiting = clinic.client();
			this.waitlist.join(clinic.admin(),
					new Waitlist.Wish(waiting, "TREATMENT_60", null, null, clinic.today(), clinic.today().plusDays(20),
							java.util.List.of(new TimeWindow(
									java.util.EnumSet.range(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.FRIDAY),
									java.time.LocalTime.of(16, 0), java.time.LocalTime.of(20, 0)))));
			desk.signIn(base, clinic.admin().email(), ClinicFixture.PASSWORD, "Clinic calendar");
			page.get(base + "/admin/waitlist");
			awaitTitle(page, "Waitlist");
			assertThat(page.findElement(By.tagName("main")).getText()).contains("Put a client on the waitlist");
			desk.screenshot("waitlist-desk", 900);
		}
	}

}
