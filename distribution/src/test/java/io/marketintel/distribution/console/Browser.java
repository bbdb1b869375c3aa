package io.marketintel.distribution.console;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through {@code /usr/bin/chromedriver} (no driver or browser download), with
 * the flags that work on this project's machines, a fresh profile, and helpers the console tests share.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("marketintel.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("marketintel.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** Selenium warns that it has no CDP bindings for this Chromium; the tests use WebDriver only. Kept referenced. */
    private static final Logger CDP_LOG = quiet("org.openqa.selenium.devtools");

    final ChromeDriver driver;
    final WebDriverWait wait;
    private final String base;

    private Browser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        // Views re-render rows and cards as answers and live events arrive.
        wait.ignoring(StaleElementReferenceException.class);
    }

    /** Skips the calling test class, saying why, when chromium or chromedriver is not installed. */
    static void assumeInstalled() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "the browser tests need Debian's chromium and chromedriver (" + CHROMIUM + ", " + CHROMEDRIVER
                        + "): apt-get install chromium chromium-driver — .ci/run installs them");
    }

    /** A browser on the console at {@code base}, with a fresh profile in {@code profile}. */
    static Browser start(String base, Path profile) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1900", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options), base);
    }

    /** Opens the console at {@code hash} and waits for the view to render. */
    void open(String hash) {
        driver.get(base + "/" + hash);
        wait.until(d -> !d.findElements(By.cssSelector("#view > *")).isEmpty());
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Data points per series of the ECharts instance drawn in {@code element}. */
    @SuppressWarnings("unchecked")
    List<Long> seriesSizes(WebElement element) {
        return (List<Long>) script("const c = echarts.getInstanceByDom(arguments[0]);"
                + "return c ? c.getOption().series.map(s => (s.data || []).length) : [];", element);
    }

    /** Non-transparent pixels (sampled) on the canvas inside {@code element}: a blank canvas has none. */
    long canvasInk(WebElement element) {
        Object n = script("const cv = arguments[0].querySelector('canvas');"
                + "if (!cv) return 0; const g = cv.getContext('2d').getImageData(0, 0, cv.width, cv.height).data;"
                + "let ink = 0; for (let i = 3; i < g.length; i += 4 * 7) if (g[i] > 0) ink++; return ink;", element);
        return ((Number) n).longValue();
    }

    /** Sets a form field found by its {@code data-param}. */
    static void setField(WebElement form, String param, String value) {
        WebElement input = form.findElement(By.cssSelector("[data-param=" + param + "]"));
        input.clear();
        input.sendKeys(value);
    }

    /** Saves what the window shows to {@code target/screenshots/<name>.png}. */
    Path shot(String name) {
        try {
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException | RuntimeException e) {
            throw new AssertionError("screenshot " + name + " failed: " + e.getMessage(), e);
        }
    }

    /** Saves the whole page, not just the window (the window grows to the page's height for the shot). */
    Path fullPageShot(String name) {
        var size = driver.manage().window().getSize();
        long height = ((Number) script("return document.documentElement.scrollHeight")).longValue();
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(size.getWidth(), (int) Math.min(height + 140, 6000)));
        try {
            ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES); // let the charts resize first
            script("window.dispatchEvent(new Event('resize'))");
            sleep(400);
            return shot(name);
        } finally {
            driver.manage().window().setSize(size);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
