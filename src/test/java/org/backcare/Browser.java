package org.backcare;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium from Debian's {@code chromium} and {@code chromium-driver}
 * packages. Both paths are given explicitly so Selenium never tries to download a browser
 * or a driver. Screenshots go to {@code target/screenshots}; the ones in docs/screenshots
 * are copied from there.
 */
public final class Browser implements AutoCloseable {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private final WebDriver driver;

	private Browser(int width, int height) {
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
			.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--hide-scrollbars", "--disable-dev-shm-usage");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		this.driver.manage().window().setSize(new Dimension(width, height));
		this.driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
	}

	public static Browser open(int width, int height) {
		return new Browser(width, height);
	}

	/** Waits until the page's title is {@code title} as BackCare's layout writes it. */
	public static void awaitTitle(WebDriver page, String title) {
		new WebDriverWait(page, Duration.ofSeconds(10)).until(ExpectedConditions.titleIs(title + " · BackCare"));
	}

	/** Signs in through the login form and waits for the directory it leads to. */
	public void signIn(String baseUrl, String email, String password) {
		signIn(baseUrl, email, password, "Therapists");
	}

	/**
	 * Waits for the page the element was on to be replaced (a form sent, a link
	 * followed). Chromium answers a node of a page being replaced as stale or as "not in
	 * the document": both mean it has gone.
	 */
	public static void awaitGone(WebDriver page, WebElement element) {
		new WebDriverWait(page, Duration.ofSeconds(10)).until(driver -> {
			try {
				element.isEnabled();
				return false;
			}
			catch (WebDriverException replaced) {
				return true;
			}
		});
	}

	/** Signs in and waits for the page the role lands on, by its title. */
	public void signIn(String baseUrl, String email, String password, String landing) {
		this.driver.get(baseUrl + "/login");
		this.driver.findElement(By.id("username")).sendKeys(email);
		this.driver.findElement(By.id("password")).sendKeys(password);
		this.driver.findElement(By.cssSelector("form.stack button[type=submit]")).click();
		awaitTitle(this.driver, landing);
	}

	public WebDriver driver() {
		return this.driver;
	}

	/**
	 * A screenshot of the top {@code height} pixels of the page, at the window's width.
	 */
	public void screenshot(String name, int height) throws IOException {
		Dimension size = this.driver.manage().window().getSize();
		this.driver.manage().window().setSize(new Dimension(size.getWidth(), height));
		screenshot(name);
		this.driver.manage().window().setSize(size);
	}

	public void screenshot(String name) throws IOException {
		File shot = ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.FILE);
		Path target = Path.of("target", "screenshots", name + ".png");
		Files.createDirectories(target.getParent());
		Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
	}

	@Override
	public void close() {
		this.driver.quit();
	}

	/**
	 * Runs browser tests where Chromium is installed. In CI (which installs it) a missing
	 * browser is a failure, not a skip.
	 */
	public static class Installed implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
				return ConditionEvaluationResult.enabled("Chromium and chromedriver are installed");
			}
			if (System.getenv("CI") != null) {
				return ConditionEvaluationResult.enabled("CI must run browser tests; they will fail without Chromium");
			}
			return ConditionEvaluationResult
				.disabled("Install Debian's chromium and chromium-driver to run browser tests");
		}

	}

}
