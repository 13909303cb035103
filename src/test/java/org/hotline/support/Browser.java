package org.hotline.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven by chromedriver, with what the console's tests do in it: open a page, sign in as a
 * demo user, read text, fill a form, take a screenshot for the README. Desktop 1366x900 unless told otherwise;
 * {@link #phone()} is 390x844, a common phone.
 */
public final class Browser {

    public static final String DEMO_PASSWORD = "demo123";
    /** Where the screenshots the README shows are written. */
    public static final Path SCREENSHOTS = Path.of("docs", "screenshots");

    private final ChromeDriver driver;
    private final Path profile;
    private String baseUrl;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static Browser start(Path chromium, Path chromedriver) {
        try {
            Path profile = Files.createTempDirectory("hotline-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--lang=zh-CN", "--hide-scrollbars",
                    "--force-device-scale-factor=1", "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(chromedriver.toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return new Browser(driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void baseUrl(String url) {
        this.baseUrl = url;
    }

    /** A fresh start for each test: desktop size, signed out, no cookies. */
    public void reset() {
        desktop();
        driver.manage().deleteAllCookies();
    }

    void quit() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    public String url(String path) {
        return baseUrl + path;
    }

    public Browser desktop() {
        driver.manage().window().setSize(new Dimension(1366, 900));
        return this;
    }

    public Browser phone() {
        driver.manage().window().setSize(new Dimension(390, 844));
        return this;
    }

    public Browser open(String path) {
        driver.get(url(path));
        return this;
    }

    /** Signs in through the login form and waits for the landing page. */
    public Browser signIn(String username) {
        open("/login");
        type(By.id("username"), username);
        type(By.id("password"), DEMO_PASSWORD);
        clickAndWait("form[action='/login'] button[type=submit]");
        if (path().startsWith("/login")) {
            throw new IllegalStateException("could not sign in as " + username + ": " + mainText());
        }
        return this;
    }

    public Browser signOut() {
        clickAndWait("form.logout button");
        return this;
    }

    /** Clicks what submits a form or follows a link, and waits until the next page has replaced this one. */
    public Browser clickAndWait(String css) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(By.cssSelector(css)).click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(replaced(page));
        return this;
    }

    /**
     * Whether the page an element belonged to has been replaced. Chromium reports that in two ways: a stale element,
     * or, when asked in the middle of the navigation, an inspector error that the node no longer belongs to the
     * document (ExpectedConditions.stalenessOf knows only the first, so a full run failed now and then).
     */
    public static ExpectedCondition<Boolean> replaced(WebElement element) {
        return d -> isGone(element);
    }

    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException | NoSuchElementException stale) {
            return true;
        } catch (WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    public void type(By field, String text) {
        WebElement element = driver.findElement(field);
        element.clear();
        element.sendKeys(text);
    }

    public String path() {
        return driver.getCurrentUrl().substring(baseUrl.length());
    }

    public String title() {
        return driver.getTitle();
    }

    /** The visible text of the page's main content. */
    public String mainText() {
        return driver.findElement(By.id("main")).getText();
    }

    public String pageSource() {
        return driver.getPageSource();
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public WebElement one(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Whether the page is wider than the window: a phone would have to scroll sideways. */
    public boolean scrollsSideways() {
        Object wider = script("return document.documentElement.scrollWidth > window.innerWidth + 1"
                + " || document.body.scrollWidth > window.innerWidth + 1;");
        return Boolean.TRUE.equals(wider);
    }

    /** Saves the whole page (all of its height) to docs/screenshots/{name}.png. */
    public Path screenshot(String name) {
        Dimension before = driver.manage().window().getSize();
        try {
            Number height = (Number) script("return Math.max(document.body.scrollHeight,"
                    + " document.documentElement.scrollHeight);");
            int full = Math.min(6000, Math.max(before.getHeight(), height.intValue() + 140));
            driver.manage().window().setSize(new Dimension(before.getWidth(), full));
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temp directory left behind is not worth failing a test run for
        }
    }
}
