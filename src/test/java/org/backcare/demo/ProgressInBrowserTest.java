package org.backcare.demo;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
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
 * In a real Chromium, the demo's Maria after ten weeks of care: her progress as a chart
 * per measure with the threshold drawn, the verdict in words and the scores as a table
 * opened by keyboard, at 1280 and 390 px; the progress report she takes to her doctor,
 * read back and its first page pictured; Anna sees the same charts in Maria's chart; the
 * front desk sees the clinic's share of clients who improved.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "backcare.demo.enabled=true")
@ActiveProfiles("test")
@ExtendWith(Browser.Installed.class)
class ProgressInBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void mariaSeesHerProgressAsChartsAndTables_andTakesTheReportToHerDoctor() throws Exception {
		String base = "http://localhost:" + this.port;
		try (Browser browser = Browser.open(1280, 1400)) {
			WebDriver page = browser.driver();
			browser.signIn(base, DemoAccounts.CLIENT.email(), DemoAccounts.CLIENT.password(), "My appointments");
			page.findElement(By.linkText("My progress")).sendKeys(Keys.ENTER);
			awaitTitle(page, "My progress");
			String main = page.findElement(By.tagName("main")).getText();
			// Other browser tests share the demo (Maria may have filled in a new intake
			// since):
			// the baseline, her first intake, stays.
			assertThat(main).contains("Pain 7 → ", "Oswestry 48.89 → ", "an important improvement", "Ostelo et al.");
			List<WebElement> charts = page.findElements(By.cssSelector("img.chart"));
			assertThat(charts).hasSize(3);
			assertThat(charts.get(0).getDomAttribute("alt")).startsWith("Chart: Pain 7 → ");
			assertThat(charts).allSatisfy(chart -> assertThat(
					((Number) ((JavascriptExecutor) page).executeScript("return arguments[0].naturalWidth", chart))
						.intValue())
				.as("drawn")
				.isPositive());

			browser.screenshot("progress", 1500);
			WebElement table = page.findElement(By.xpath("//section[h2='Oswestry']//summary"));
			table.sendKeys(Keys.ENTER);
			WebElement rows = page.findElement(By.xpath("//section[h2='Oswestry']//table"));
			new WebDriverWait(page, Duration.ofSeconds(5)).until(driver -> rows.isDisplayed());
			assertThat(rows.findElements(By.cssSelector("tbody tr"))).hasSizeGreaterThanOrEqualTo(3);
			assertThat(rows.getText()).contains("intake, baseline", "follow-up");

			String session = page.manage()
				.getCookies()
				.stream()
				.map(cookie -> cookie.getName() + "=" + cookie.getValue())
				.collect(Collectors.joining("; "));
			HttpResponse<byte[]> pdf = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(base + "/me/progress/report.pdf"))
					.header("Cookie", session)
					.build(), HttpResponse.BodyHandlers.ofByteArray());
			assertThat(pdf.statusCode()).isEqualTo(200);
			assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
			try (PDDocument report = Loader.loadPDF(pdf.body())) {
				String text = new PDFTextStripper().getText(report).replaceAll("\\s+", " ");
				assertThat(text).contains("Maria Schmidt, born 14 March 1984", "Anna Keller (licence Berlin, Germany",
						"sessions attended", "Swedish massage", "Pain 7 → ", "Signed by Anna Keller");
				BufferedImage first = new PDFRenderer(report).renderImageWithDPI(0, 96);
				Path target = Path.of("target", "screenshots", "progress-report.png");
				Files.createDirectories(target.getParent());
				ImageIO.write(first, "png", target.toFile());
			}
		}

		try (Browser phone = Browser.open(390, 900)) {
			WebDriver page = phone.driver();
			phone.signIn(base, DemoAccounts.CLIENT.email(), DemoAccounts.CLIENT.password(), "My appointments");
			page.get(base + "/me/progress");
			awaitTitle(page, "My progress");
			phone.screenshot("progress-phone", 1600);
			// The tables scroll sideways inside their own region; nothing else may.
			assertThat(((JavascriptExecutor) page).executeScript(
					"return [...document.querySelectorAll('body *')].filter(e => !e.closest('.table-scroll') && e.getBoundingClientRect().right > window.innerWidth).map(e => e.tagName + '.' + e.className + ' ' + e.getBoundingClientRect().right).join('; ');"))
				.isEqualTo("");
		}

		UUID maria = this.jdbc.sql("SELECT id FROM client WHERE email = ?")
			.param(DemoAccounts.CLIENT.email())
			.query(UUID.class)
			.single();
		try (Browser browser = Browser.open(1280, 1400)) {
			WebDriver page = browser.driver();
			browser.signIn(base, DemoAccounts.THERAPIST.email(), DemoAccounts.THERAPIST.password(), "My day");
			page.get(base + "/clients/" + maria + "/chart");
			awaitTitle(page, "Chart");
			new WebDriverWait(page, Duration.ofSeconds(10))
				.until(driver -> !driver.findElements(By.cssSelector("#progress-charts img.chart")).isEmpty());
			assertThat(page.findElements(By.cssSelector("#progress-charts img.chart"))).hasSize(3);
		}

		try (Browser browser = Browser.open(1280, 1200)) {
			WebDriver page = browser.driver();
			browser.signIn(base, DemoAccounts.ADMIN.email(), DemoAccounts.ADMIN.password(), "Clinic calendar");
			page.findElement(By.linkText("Outcomes")).sendKeys(Keys.ENTER);
			awaitTitle(page, "Outcomes");
			assertThat(page.findElement(By.tagName("main")).getText()).contains("Anna Keller", "Improved", "% (");
			browser.screenshot("clinic-outcomes", 1300);
		}
	}

}
