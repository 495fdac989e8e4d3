package org.backcare.demo;

import org.backcare.Browser;
import org.backcare.assessment.Oswestry;
import org.backcare.assessment.StartBack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backcare.Browser.awaitTitle;

/**
 * A demo client fills in the intake in a real browser, marking where it hurts on the body
 * map, and reads their result; the front desk then opens the same assessment.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "backcare.demo.enabled=true")
@ActiveProfiles("test")
@ExtendWith(Browser.Installed.class)
class IntakeInBrowserTest {

	@LocalServerPort
	int port;

	@Test
	void aClientMarksThePainMapAnswersTheQuestionsAndSeesTheirResult() throws Exception {
		String resultUrl;
		try (Browser browser = Browser.open(1280, 1800)) {
			WebDriver page = browser.driver();
			browser.signIn("http://localhost:" + this.port, DemoAccounts.CLIENT.email(), DemoAccounts.CLIENT.password(),
					"My appointments");
			browser.screenshot("my-appointments", 900);
			page.findElement(By.linkText("My back")).click();
			awaitTitle(page, "Before your first visit");

			// The map: a click on a region sets its intensity to 5 and focuses the
			// control to adjust it.
			WebElement lowerBack = page.findElement(By.cssSelector(".painmap .region[data-region=LOWER_BACK_LEFT]"));
			lowerBack.click();
			Select level = new Select(page.findElement(By.id("pain-LOWER_BACK_LEFT")));
			assertThat(level.getFirstSelectedOption().getText()).isEqualTo("5");
			assertThat(page.switchTo().activeElement().getAttribute("id")).isEqualTo("pain-LOWER_BACK_LEFT");
			level.selectByValue("7");
			assertThat(lowerBack.getAttribute("class")).isEqualTo("region level-7");
			page.findElement(By.cssSelector(".painmap .region[data-region=SACRUM_BUTTOCKS]")).click();
			// The neck is on both diagrams: marking it on the front colours it on the
			// back too.
			page.findElements(By.cssSelector(".painmap .region[data-region=NECK]")).get(1).click();
			assertThat(page.findElements(By.cssSelector(".painmap .region[data-region=NECK]")))
				.allSatisfy(neck -> assertThat(neck.getAttribute("class")).isEqualTo("region level-5"));
			browser.screenshot("intake-pain-map", 1100);

			click(page, "input[name=painNow][value='5']");
			click(page, "input[name=painAverage][value='4']");
			click(page, "input[name=painWorst][value='8']");
			click(page, "input[name=duration][value=CHRONIC]");
			click(page, "input[name=causes][value=PROLONGED_SITTING]");
			for (WebElement no : page.findElements(By.cssSelector("fieldset.yesno input[value=false]"))) {
				click(page, no);
			}
			click(page, "input[name=startBack9][value=SLIGHTLY]");
			for (int section = 1; section <= 10; section++) {
				click(page, "input[name=odi" + section + "][value='1']");
			}
			page.findElement(By.id("wantToDoAgain")).sendKeys("Cycle to work again");
			page.findElement(By.cssSelector("form.intake button[type=submit]")).click();

			awaitTitle(page, "Your assessment");
			assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Your result");
			assertThat(page.findElement(By.cssSelector(".recommendation")).getText()).contains("Care we suggest",
					"Swedish massage", "Deep tissue massage", "weekly × 8, then every 4 weeks", "NICE NG59",
					"Book a first consultation");
			assertThat(page.findElement(By.cssSelector(".painmap .region[data-region=LOWER_BACK_LEFT]"))
				.getAttribute("class")).isEqualTo("region level-7");
			// The client reads plain words; the scores themselves are for the clinic's
			// staff.
			assertThat(page.findElement(By.cssSelector(".scores")).getText())
				.contains("Your back pain " + Oswestry.Band.MINIMAL.forClient(), StartBack.Risk.LOW.forClient())
				.doesNotContain("20.00%", "Minimal disability");
			browser.screenshot("intake-result", 2000);
			resultUrl = page.getCurrentUrl();

			page.findElement(By.linkText("See the therapists who fit")).click();
			awaitTitle(page, "Therapists for you");
			var cards = page.findElements(By.cssSelector(".matches > li"));
			assertThat(cards).hasSizeGreaterThanOrEqualTo(3);
			assertThat(cards.get(0).getText()).contains("recommended for you", "years treating back pain",
					"Book a first consultation");
			assertThat(page.findElement(By.tagName("details")).getText()).contains("Not listed, and why");
			browser.screenshot("matches", 1600);

			page.findElement(By.linkText("Anna Keller")).click();
			awaitTitle(page, "Anna Keller");
			assertThat(page.findElement(By.id("reviews")).getText()).contains("Verified client",
					"Explained what was going on in my lower back", "Thank you, Sofia");
			browser.screenshot("profile", 1500);
			page.findElement(By.linkText("Book a first consultation")).click();
			awaitTitle(page, "Book a session");
			assertThat(new Select(page.findElement(By.id("service"))).getFirstSelectedOption().getText())
				.isEqualTo("First consultation");
			assertThat(new Select(page.findElement(By.id("therapist"))).getFirstSelectedOption().getText())
				.isEqualTo("Anna Keller");
			assertThat(page.findElement(By.cssSelector(".guidance")).getText()).contains("Recommended for you",
					"Swedish massage");
		}
		try (Browser browser = Browser.open(1280, 1800)) {
			WebDriver page = browser.driver();
			browser.signIn("http://localhost:" + this.port, DemoAccounts.ADMIN.email(), DemoAccounts.ADMIN.password(),
					"Clinic calendar");
			page.findElement(By.linkText("Clients")).click();
			awaitTitle(page, "Clients");
			// The demo's referral waiting for an all-clear comes first, then the caution.
			var rows = page.findElements(By.cssSelector("tbody tr"));
			assertThat(rows.get(0).getText()).contains("Tom Becker", "Referral: all-clear needed");
			assertThat(rows.get(1).getText()).contains("Sofia Rossi", "Caution");
			browser.screenshot("assessments", 700);
			page.findElement(By.linkText("Front desk")).click();
			awaitTitle(page, "Front desk");
			assertThat(page.findElement(By.id("main")).getText()).contains("Ben Okafor", "not verified yet",
					"Dr. Lena Weber, Kreuzberg: 2", "Clients by how they found the clinic");
			browser.screenshot("front-desk", 1000);
			page.get(resultUrl);
			awaitTitle(page, "Your assessment");
			assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Assessment: Maria Schmidt");
			assertThat(page.findElement(By.cssSelector(".staff")).getText()).contains("Change the recommendation");
			browser.screenshot("assessment-staff", 2600);
		}
	}

	@Test
	void theQuestionnaireFitsAPhoneScreen() throws Exception {
		try (Browser browser = Browser.open(390, 1600)) {
			WebDriver page = browser.driver();
			browser.signIn("http://localhost:" + this.port, DemoAccounts.CLIENT.email(), DemoAccounts.CLIENT.password(),
					"My appointments");
			page.get("http://localhost:" + this.port + "/intake");
			awaitTitle(page, "Before your first visit");
			assertThat(((JavascriptExecutor) page)
				.executeScript("return document.documentElement.scrollWidth > window.innerWidth;")).isEqualTo(false);
			// Every region of the pain map is a target of at least 24 by 24 CSS pixels
			// (WCAG 2.2, 2.5.8).
			Object narrowest = ((JavascriptExecutor) page).executeScript("""
					return Math.min(...[...document.querySelectorAll('.painmap .region')]
					    .map(r => r.getBoundingClientRect()).map(b => Math.min(b.width, b.height)));""");
			assertThat(((Number) narrowest).doubleValue()).as("narrowest pain-map region, CSS px")
				.isGreaterThanOrEqualTo(24);
			// The header wraps between links, never inside "Sign out".
			WebElement signOut = page.findElement(By.cssSelector("nav button.link"));
			assertThat(signOut.getSize().getHeight()).as("height of the sign-out button").isLessThan(40);
			browser.screenshot("intake-phone", 1400);
		}
	}

	/**
	 * Clicks through JavaScript, so that elements below the fold need no scrolling first.
	 */
	private static void click(WebDriver page, String css) {
		click(page, page.findElement(By.cssSelector(css)));
	}

	private static void click(WebDriver page, WebElement element) {
		((JavascriptExecutor) page).executeScript("arguments[0].click();", element);
	}

}
