package org.backcare.demo;

import java.time.Duration;

import org.backcare.Browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backcare.Browser.awaitTitle;

/**
 * A demo client books a session in a real browser: from the therapist directory to the
 * confirmation, with the times reloaded by htmx when the service changes, on a
 * phone-sized screen and a desktop one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "backcare.demo.enabled=true")
@ActiveProfiles("test")
@ExtendWith(Browser.Installed.class)
class BookingInBrowserTest {

	@LocalServerPort
	int port;

	@Test
	void aClientBooksFromTheDirectoryToTheConfirmation() throws Exception {
		try (Browser browser = Browser.open(1280, 1800)) {
			WebDriver page = browser.driver();
			page.get("http://localhost:" + this.port + "/");
			assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Riverside Back Care");
			assertThat(page.findElements(By.cssSelector(".card"))).hasSize(6);
			browser.screenshot("home", 1500);

			page.findElement(By.partialLinkText("Book with Anna Keller")).click();
			// Booking needs an account: the login page lists the demo accounts in demo
			// mode.
			awaitTitle(page, "Sign in");
			assertThat(page.findElement(By.cssSelector(".demo-accounts")).getText())
				.contains(DemoAccounts.CLIENT.email());
			browser.screenshot("login", 900);
			page.findElement(By.id("username")).sendKeys(DemoAccounts.CLIENT.email());
			page.findElement(By.id("password")).sendKeys(DemoAccounts.CLIENT.password());
			page.findElement(By.cssSelector("form.stack button[type=submit]")).click();

			awaitTitle(page, "Book a session");
			// A client books for themselves: no client picker.
			assertThat(page.findElements(By.id("find"))).isEmpty();
			assertThat(page.findElements(By.cssSelector("input[type=hidden][name=client]"))).hasSize(1);

			// A first consultation: what a client books first, and all that a client
			// without a current intake may book where the clinic asks for one before
			// treatment (as the demo clinic does). Choosing it reloads the times when
			// others were offered; htmx may swap them in while they are read.
			Select service = new Select(page.findElement(By.id("service")));
			if (!service.getFirstSelectedOption().getAttribute("value").equals("FIRST_CONSULTATION")) {
				service.selectByValue("FIRST_CONSULTATION");
			}
			new WebDriverWait(page, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
				.until(driver -> thirtyMinutes(
						driver.findElement(By.cssSelector("#slots .slot-option span")).getText()));

			WebElement firstTime = page.findElement(By.cssSelector("#slots input[name=start]"));
			firstTime.sendKeys(Keys.SPACE);
			assertThat(firstTime.isSelected()).isTrue();
			browser.screenshot("book", 1120);
			page.findElement(By.cssSelector("button[type=submit].button")).click();

			awaitTitle(page, "Your appointment");
			assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("You are booked");
			assertThat(page.findElement(By.cssSelector(".details")).getText()).contains("Anna Keller",
					"First consultation");
			browser.screenshot("booked", 520);
		}
	}

	/** Whether a slot label such as "09:00–09:30" spans thirty minutes. */
	private static boolean thirtyMinutes(String label) {
		String[] ends = label.split("–");
		return ends.length == 2 && java.time.Duration
			.between(java.time.LocalTime.parse(ends[0].strip()), java.time.LocalTime.parse(ends[1].strip()))
			.toMinutes() == 30;
	}

	@Test
	void thePagesFitAPhoneScreenWithoutSidewaysScrolling() throws Exception {
		try (Browser browser = Browser.open(390, 1600)) {
			WebDriver page = browser.driver();
			browser.signIn("http://localhost:" + this.port, DemoAccounts.ADMIN.email(), DemoAccounts.ADMIN.password(),
					"Clinic calendar");
			page.get("http://localhost:" + this.port + "/book");
			awaitTitle(page, "Book a session");
			Object overflow = ((JavascriptExecutor) page)
				.executeScript("return document.documentElement.scrollWidth > window.innerWidth;");
			assertThat(overflow).isEqualTo(false);
			browser.screenshot("book-phone", 1500);
			page.get("http://localhost:" + this.port + "/");
			assertThat(((JavascriptExecutor) page)
				.executeScript("return document.documentElement.scrollWidth > window.innerWidth;")).isEqualTo(false);
		}
	}

}
