package org.backcare.demo;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.backcare.Browser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backcare.Browser.awaitTitle;

/**
 * In a real Chromium on a phone-sized screen (390 px), the demo's Maria follows her home
 * plan: this week's adherence as bars, each item with its picture, one tap to log it
 * done, and the 15-minute timer for her heat pack, all by keyboard. Anna then sees
 * Maria's adherence by week as a chart, with the evening of severe pain flagged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "backcare.demo.enabled=true")
@ActiveProfiles("test")
@ExtendWith(Browser.Installed.class)
class HomeCareInBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void mariaLogsAnItemWithOneTapAndTimesHerHeatPack_onAPhone_andAnnaSeesHerAdherence() throws Exception {
		String base = "http://localhost:" + this.port;
		UUID maria = this.jdbc.sql("SELECT id FROM client WHERE email = ?")
			.param(DemoAccounts.CLIENT.email())
			.query(UUID.class)
			.single();
		try (Browser phone = Browser.open(390, 900)) {
			WebDriver page = phone.driver();
			phone.signIn(base, DemoAccounts.CLIENT.email(), DemoAccounts.CLIENT.password(), "My appointments");
			page.get(base + "/me/home");
			awaitTitle(page, "My home care");
			String main = page.findElement(By.tagName("main")).getText();
			assertThat(main).contains("This week", "Stand up and move", "Walk", "Heat pack", "Set up your desk");
			List<WebElement> pictures = page.findElements(By.cssSelector("img.home-picture"));
			assertThat(pictures).hasSize(4)
				.allSatisfy(picture -> assertThat(((Number) ((JavascriptExecutor) page)
					.executeScript("return arguments[0].naturalWidth", picture)).intValue()).as("drawn").isPositive());
			phone.screenshot("home-care-phone", 1800);

			// One tap (here the keyboard's) logs the walk as done today.
			WebElement done = page.findElement(By.xpath("//article[@id='item-walk']//button[@value='true']"));
			assertThat(done.getSize().getHeight()).as("a large target").isGreaterThanOrEqualTo(44);
			done.sendKeys(Keys.ENTER);
			new WebDriverWait(page, Duration.ofSeconds(10)).until(
					driver -> driver.findElements(By.xpath("//article[@id='item-walk']//p[contains(@class, 'logged')]"))
						.stream()
						.anyMatch(logged -> logged.getText().startsWith("Done today")));
			assertThat(page.findElement(By.cssSelector("p.notice")).getText()).startsWith("Logged: done");

			// The heat pack's timer counts down its 15 minutes, and stops.
			WebElement heat = page.findElement(By.id("item-heat"));
			WebElement start = heat.findElement(By.cssSelector("button[data-minutes]"));
			assertThat(start.getText()).isEqualTo("Start a 15-minute timer");
			start.sendKeys(Keys.ENTER);
			WebElement time = heat.findElement(By.cssSelector(".timer output"));
			new WebDriverWait(page, Duration.ofSeconds(5))
				.until(driver -> time.getText().equals("14:59 left") || time.getText().equals("14:58 left"));
			WebElement stop = heat.findElement(By.cssSelector("button[data-stop]"));
			assertThat(stop.isDisplayed()).isTrue();
			phone.screenshot("home-care-timer", 1800);
			stop.sendKeys(Keys.ENTER);
			assertThat(time.getText()).isEqualTo("Stopped");

			assertThat(overflowing(page)).as("nothing wider than the phone").isEqualTo("");
			page.get(base + "/me/home/reminders");
			awaitTitle(page, "My reminders");
			assertThat(overflowing(page)).as("the reminders page on a phone").isEqualTo("");
		}
		try (Browser phone = Browser.open(390, 900)) {
			WebDriver page = phone.driver();
			phone.signIn(base, DemoAccounts.THERAPIST.email(), DemoAccounts.THERAPIST.password(), "My day");
			page.get(base + "/clients/" + maria + "/home-plan");
			awaitTitle(page, "Home plan");
			assertThat(overflowing(page)).as("the therapist's home plan page on a phone").isEqualTo("");
		}
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM home_log WHERE client_id = ? AND item = 'walk' AND logged_by IN "
					+ "(SELECT id FROM account WHERE client_id = ?)")
			.params(maria, maria)
			.query(Integer.class)
			.single()).isGreaterThanOrEqualTo(1);

		try (Browser browser = Browser.open(1280, 1400)) {
			WebDriver page = browser.driver();
			browser.signIn(base, DemoAccounts.THERAPIST.email(), DemoAccounts.THERAPIST.password(), "My day");
			page.get(base + "/clients/" + maria + "/home-plan");
			awaitTitle(page, "Home plan");
			String main = page.findElement(By.tagName("main")).getText();
			assertThat(main).contains("Home care done:", "Severe pain during home care", "Heat pack, done, pain 7/10",
					"Change the plan (a new version)");
			WebElement chart = page.findElement(By.cssSelector("#home-adherence img.chart"));
			assertThat(((Number) ((JavascriptExecutor) page).executeScript("return arguments[0].naturalWidth", chart))
				.intValue()).isPositive();
			browser.screenshot("home-plan", 1500);
			page.get(base + "/clients/" + maria + "/chart");
			awaitTitle(page, "Chart");
			new WebDriverWait(page, Duration.ofSeconds(10))
				.until(driver -> !driver.findElements(By.cssSelector("#home-adherence img.chart")).isEmpty());
		}
	}

	/** What sticks out to the right of the window (tables scroll in their own region). */
	static Object overflowing(WebDriver page) {
		return ((JavascriptExecutor) page).executeScript(
				"return [...document.querySelectorAll('body *')].filter(e => !e.closest('.table-scroll') && e.getBoundingClientRect().right > window.innerWidth).map(e => e.tagName + '.' + e.className + ' ' + e.getBoundingClientRect().right).join('; ');");
	}

}
