package cn.ola.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium pointed at the running system (see {@link Chromium}). Every wait is an
 * explicit wait for something the user would see; Camunda's Angular apps load slowly on small
 * machines, hence the generous {@link #PATIENCE}.
 */
public final class Browser {

    public static final Duration PATIENCE = Duration.ofSeconds(30);
    /** Screenshots for people to look at (the README's come from here). */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final String baseUrl;

    Browser(ChromeDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a path of the system, e.g. {@code /camunda/app/tasklist/default/}. */
    public Browser open(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    /** Signs in at the portal's login form, as a person would, and waits until the portal lets them in. */
    public Browser signIn(String user, String password) {
        open("/login");
        WebElement name = waitFor(By.name("username"));
        name.clear();
        name.sendKeys(user);
        driver.findElement(By.name("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waitUntil(d -> !d.getCurrentUrl().contains("/login"), "the portal to let " + user + " in");
        return this;
    }

    /** Forgets the session, as a fresh browser would. */
    public Browser signOut() {
        driver.manage().deleteAllCookies();
        return this;
    }

    /** Waits until the element is on the page and visible, and returns it. */
    public WebElement waitFor(By locator) {
        return wait("to see " + locator).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Waits until the condition holds; {@code what} tells a failing test's reader what never happened. */
    public <T> T waitUntil(Function<WebDriver, T> condition, String what) {
        return wait(what).until(condition);
    }

    /** Whether the element's text becomes the given text within {@link #PATIENCE}. */
    public boolean becomes(By locator, String text) {
        try {
            wait("the text of " + locator + " to become " + text).until(ExpectedConditions.textToBe(locator, text));
            return true;
        } catch (TimeoutException e) {
            return false;
        }
    }

    /** A text as an XPath string literal; XPath 1.0 has no escapes, so texts with both quote kinds need concat(). */
    public static String literal(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        if (!text.contains("\"")) {
            return "\"" + text + "\"";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }

    /**
     * Clicks like a user who first scrolls the element to the middle of its pane: Camunda's fixed
     * footer and notifications cover the pane's lower edge, where Selenium would otherwise scroll it.
     * Retries while Angular re-renders the element or an overlay fades.
     */
    public void click(By locator) {
        wait("to click " + locator)
                .ignoring(StaleElementReferenceException.class)
                .ignoring(ElementClickInterceptedException.class)
                .until(d -> {
                    WebElement element = ExpectedConditions.elementToBeClickable(locator).apply(d);
                    if (element == null) {
                        return false;
                    }
                    driver.executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});", element);
                    element.click();
                    return true;
                });
    }

    /**
     * Saves what the browser shows as {@code target/screenshots/<name>.png}, at the given window size
     * (a taller window shows a whole form), then restores the usual size.
     */
    public Path screenshot(String name, int width, int height) {
        Dimension usual = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(width, height));
        try {
            return screenshot(name);
        } finally {
            driver.manage().window().setSize(usual);
        }
    }

    public Path screenshot(String name) {
        // Park the pointer in a corner, so that no hover effect shows where the last click was.
        new Actions(driver).moveToLocation(0, 0).perform();
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A failed test's last page, as a screenshot and as HTML, so the failure can be understood afterwards. */
    void keepEvidence(Path folder, String name) {
        try {
            Files.createDirectories(folder);
            Files.write(folder.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            Files.writeString(folder.resolve(name + ".html"),
                    "<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource(), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            // The browser may be the reason the test failed; the test's own error matters more than the evidence.
            System.err.println("Could not keep the browser's last page for " + name + ": " + e);
        }
    }

    void quit() {
        driver.quit();
    }

    private WebDriverWait wait(String what) {
        WebDriverWait wait = new WebDriverWait(driver, PATIENCE);
        wait.withMessage("waiting " + PATIENCE.toSeconds() + " s for " + what);
        return wait;
    }
}
