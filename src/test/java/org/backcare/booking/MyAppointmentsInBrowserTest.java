package org.backcare.booking;

import java.time.Duration;

import org.backcare.Browser;
import org.backcare.ClinicFixture;
import org.backcare.ClinicFixture.TestClinic;
import org.backcare.IntegrationTest;
import org.backcare.account.CurrentUser;
import org.backcare.client.ClientId;
import org.backcare.clinic.Clinics;
import org.backcare.clinic.ServiceType;
import org.backcare.therapist.TherapistId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backcare.Browser.awaitTitle;

/**
 * In a real Chromium: a client with one session inside the clinic's cancellation window
 * and one outside it cancels the second from "My appointments"; the first offers no
 * cancel or move button and says to call the clinic.
 */
@IntegrationTest
@ExtendWith(Browser.Installed.class)
class MyAppointmentsInBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	ClinicFixture fixture;

	@Autowired
	Bookings bookings;

	@Autowired
	Clinics clinics;

	@Test
	void aClientCancelsOutsideTheWindow_insideItTheyAreToldToCall() throws Exception {
		TestClinic clinic = this.fixture.open();
		TherapistId therapist = clinic.therapist();
		ClientId client = clinic.client();
		CurrentUser me = clinic.signedIn(client);
		this.bookings.book(new BookingRequest(client, therapist, ServiceType.TREATMENT_60,
				clinic.inDays(2, 10, 0).toInstant(), null), null, null);
		this.bookings.book(new BookingRequest(client, therapist, ServiceType.TREATMENT_60,
				clinic.inDays(6, 10, 0).toInstant(), null), null, null);
		this.clinics.setPolicies(clinic.clinic().id(),
				this.clinics.policies(clinic.clinic().id()).withCancellationWindow(Duration.ofDays(4)));

		try (Browser browser = Browser.open(1280, 1000)) {
			WebDriver page = browser.driver();
			browser.signIn("http://localhost:" + this.port, me.email(), ClinicFixture.PASSWORD, "My appointments");
			var sessions = page.findElements(By.cssSelector("li.session"));
			assertThat(sessions).hasSize(2);
			assertThat(sessions.get(0).getText()).contains("Less than 4 days to go: please call the clinic")
				.doesNotContain("Cancel this session", "Move to another time");
			assertThat(sessions.get(1).getText()).contains("Cancel this session", "Move to another time");
			browser.screenshot("my-appointments-window", 900);

			var cancel = sessions.get(1).findElement(By.cssSelector("button[type=submit]"));
			cancel.click();
			// The page after the cancellation has the same title: wait for the old one to
			// go.
			Browser.awaitGone(page, cancel);
			awaitTitle(page, "My appointments");
			assertThat(page.findElement(By.tagName("main")).getText())
				.contains("The session is cancelled and its time is free again.", "Earlier", "cancelled");
			assertThat(page.findElements(By.cssSelector("li.session"))).hasSize(1);
			page.findElement(By.linkText("My details")).click();
			awaitTitle(page, "My details");
			assertThat(page.findElement(By.tagName("main")).getText()).contains("Download my data", "Erase my data");
			browser.screenshot("my-details", 1300);
		}
	}

}
