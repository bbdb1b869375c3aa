package io.marketintel.distribution.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketintel.distribution.RunningPlatform;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console in a real browser (Debian's headless Chromium through chromedriver) against the real
 * distribution on the simulated market: the plugin list matches {@code GET /api/plugins}, a plugin is
 * disabled and re-enabled with the token typed into the console's dialog, the BTCUSDT dashboard draws every
 * chart with data, the correlation heatmap answers a click with the pair's signal, live events arrive without
 * a reload, the execution view follows a dry-run TWAP live, the risk and meta views answer,
 * a bad input shows the API's message, and a plugin jar dropped into the plugin folder shows up in the open
 * plugin list (and goes when deleted) without a reload. Screenshots go to {@code target/screenshots/}; with
 * {@code -Dconsole.docs.screenshot=true} the dashboard's is also copied to {@code docs/console-dashboard.png}.
 *
 * <p>Skipped, saying why, only when chromium or chromedriver is missing ({@code .ci/run} installs both).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> DASHBOARD_CHARTS = List.of("chart-candles", "chart-depth", "chart-liquidations",
            "chart-profile");

    private RunningPlatform platform;
    private Browser browser;
    private WebDriver driver;
    private WebDriverWait wait;
    private String token;
    private long startedAt;
    private Path pluginsDir;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        Browser.assumeInstalled();
        startedAt = System.nanoTime();
        pluginsDir = Files.createDirectory(dir.resolve("plugins-ext"));
        platform = RunningPlatform.start(Map.of(
                "MI_CONFIG", RunningPlatform.root().resolve("config/market-intel.yaml").toString(),
                "MI_HTTP_PORT", "0",
                "MI_DATA_DIR", dir.resolve("data").toString(),
                "MI_PLUGINS_DIR", pluginsDir.toString(),
                "MI_CONFIG_WATCH_INTERVAL_MS", "250")).awaitReady(Duration.ofSeconds(90));
        token = Files.readString(dir.resolve("data/api-token")).trim();
        browser = Browser.start(platform.base(), dir.resolve("chrome"));
        driver = browser.driver;
        wait = browser.wait;
    }

    @AfterEach
    void screenshot(TestInfo info) {
        if (browser != null) {
            browser.shot(info.getTestMethod().map(m -> m.getName()).orElse("test"));
        }
    }

    @AfterAll
    void stop() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (platform != null) {
                platform.close();
                System.out.printf("ConsoleBrowserTest: %.1f s from platform start to browser closed%n",
                        (System.nanoTime() - startedAt) / 1e9);
            }
        }
    }

    // ---- the plugins page ----

    @Test
    @Order(1)
    void pluginListShowsEveryPluginTheApiLists() throws Exception {
        open("#/plugins");
        JsonNode plugins = api("/api/plugins");
        wait.until(d -> d.findElements(By.cssSelector("#plugins tbody tr")).size() == plugins.size());
        for (JsonNode p : plugins) {
            WebElement row = row(p.get("id").asText());
            assertThat(row.getAttribute("data-state")).as("state of " + p.get("id")).isEqualTo(p.get("state").asText());
            assertThat(row.getText()).contains(p.get("name").asText(), p.get("kind").asText(), p.get("version").asText());
            if (!p.get("reason").isNull()) {
                assertThat(row.getText()).as("a rejected or failed plugin shows why").contains(p.get("reason").asText());
            }
        }
        wait.until(ExpectedConditions.attributeToBe(By.id("live-status"), "data-state", "open"));
        assertThat(driver.findElement(By.id("health")).getText()).contains("UP", "market sim");
    }

    @Test
    @Order(2)
    void pluginIsDisabledAndReEnabledWithTheTokenAskedOnce() throws Exception {
        open("#/plugins");
        wait.until(d -> !d.findElements(By.cssSelector("tr[data-plugin=funding]")).isEmpty());
        try {
            toggle("funding").click();
            WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token-dialog")));
            dialog.findElement(By.id("token-input")).sendKeys(token);
            dialog.findElement(By.id("token-ok")).click();
            wait.until(d -> "DISABLED".equals(row("funding").getAttribute("data-state")));
            assertThat(api("/api/plugins/funding").get("state").asText()).isEqualTo("DISABLED");
            assertThat(script("return sessionStorage.getItem('mi-token')")).isEqualTo(token);

            toggle("funding").click();
            wait.until(d -> "ENABLED".equals(row("funding").getAttribute("data-state")));
            assertThat(driver.findElement(By.id("token-dialog")).isDisplayed()).as("asked once per tab").isFalse();
            assertThat(api("/api/plugins/funding").get("state").asText()).isEqualTo("ENABLED");
        } finally {
            // Whatever happened above, the next tests see every plugin enabled.
            platform.post("/api/plugins/funding/enable", token);
        }
    }

    @Test
    @Order(3)
    void aWrongTokenIsReportedInWordsAndForgotten() {
        open("#/plugins");
        script("sessionStorage.setItem('mi-token', 'not-the-token')");
        wait.until(d -> !d.findElements(By.cssSelector("tr[data-plugin=orderbook]")).isEmpty());
        toggle("orderbook").click();
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#view .error")));
        assertThat(error.getText()).containsIgnoringCase("token").contains("you will be asked again");
        wait.until(d -> "ENABLED".equals(row("orderbook").getAttribute("data-state")));
        assertThat(script("return sessionStorage.getItem('mi-token')")).isNull();
    }

    // ---- the dashboard ----

    @Test
    @Order(4)
    void dashboardDrawsEveryChartWithDataForBtcusdt() throws Exception {
        open("#/dashboard/BTCUSDT");
        for (String id : DASHBOARD_CHARTS) {
            wait.until(d -> !"loading".equals(d.findElement(By.id(id)).getAttribute("data-state")));
            assertThat(driver.findElement(By.id(id)).getAttribute("data-state")).as(id + ": " + chartMessage(id))
                    .isEqualTo("ready");
            List<Long> sizes = seriesSizes(id);
            assertThat(sizes).as("series sizes of " + id).isNotEmpty();
            assertThat(sizes.get(0)).as("first series of " + id + " has data").isPositive();
            assertThat(canvasInk(id)).as(id + " painted something").isGreaterThan(500);
        }
        assertThat(seriesSizes("chart-depth")).as("bids, asks and the whale walls the analysis found")
                .allSatisfy(n -> assertThat(n).isPositive());
        JsonNode walls = api("/api/intelligence/orderbook/analysis/BTCUSDT").get("whale_bids");
        assertThat(walls.size()).isPositive();

        wait.until(d -> d.findElements(By.cssSelector("#cards .card[data-state=ok]")).size() == 5);
        for (WebElement card : driver.findElements(By.cssSelector("#cards .card"))) {
            assertThat(card.findElement(By.cssSelector("[data-bias]")).getText()).matches("LONG|SHORT|NEUTRAL");
            assertThat(card.getText()).contains("confidence");
            assertThat(card.findElements(By.cssSelector("ul.reasoning li"))).isNotEmpty();
        }
        assertThat(driver.findElements(By.cssSelector("#mtf-table tbody tr"))).hasSize(6);

        Path shot = browser.fullPageShot("dashboard");
        if (Boolean.getBoolean("console.docs.screenshot")) {
            Path docs = RunningPlatform.root().resolve("docs");
            Files.createDirectories(docs);
            Files.copy(shot, docs.resolve("console-dashboard.png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    @Order(5)
    void liveEventsArriveWithoutReload() throws Exception {
        open("#/plugins");
        wait.until(ExpectedConditions.attributeToBe(By.id("live-status"), "data-state", "open"));
        // A lookback nobody asked for yet: computed fresh, so the plugin publishes it on intel.events.correlation.
        HttpResponse<String> r = platform.postJson("/api/intelligence/correlation/matrix",
                "{\"symbols\":[\"BTCUSDT\",\"ETHUSDT\",\"SOLUSDT\"],\"period\":\"1h\",\"lookback\":77}");
        assertThat(r.statusCode()).isEqualTo(200);
        wait.until(d -> d.findElements(By.cssSelector("#events tr.event")).stream()
                .anyMatch(tr -> tr.getText().contains("correlation") && tr.getText().contains("matrix")
                        && tr.getText().contains("BTCUSDT, ETHUSDT, SOLUSDT")));
        wait.until(d -> row("correlation").findElement(By.cssSelector("td.last-event")).getText().contains("matrix"));
    }

    // ---- correlation ----

    @Test
    @Order(6)
    void correlationHeatmapAnswersAClickWithThePairsSignal() {
        open("#/correlation");
        wait.until(ExpectedConditions.attributeToBe(By.id("chart-correlation"), "data-state", "ready"));
        assertThat(seriesSizes("chart-correlation").get(0)).as("5 × 5 cells").isEqualTo(25L);
        // The pixel of cell (x = ETHUSDT, y = BTCUSDT), relative to the chart's centre, clicked like a person would.
        @SuppressWarnings("unchecked")
        List<Number> px = (List<Number>) script("const c = echarts.getInstanceByDom(document.getElementById('chart-correlation'));"
                + "const p = c.convertToPixel({seriesIndex: 0}, [1, 0]);"
                + "return [p[0] - c.getWidth() / 2, p[1] - c.getHeight() / 2];");
        WebElement chart = driver.findElement(By.id("chart-correlation"));
        new Actions(driver).moveToElement(chart, px.get(0).intValue(), px.get(1).intValue()).click().perform();
        WebElement signal = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pairs-signal")));
        assertThat(signal.getAttribute("data-pair")).isEqualTo("BTCUSDT/ETHUSDT");
        assertThat(signal.getText()).contains("z-score", "correlation");
        assertThat(signal.getAttribute("data-signal")).matches("NONE|MEAN_REVERSION");
    }

    // ---- execution, risk, meta ----

    @Test
    @Order(7)
    void executionViewFollowsADryRunTwapLive() {
        // executing is token-protected; the token dialog itself is tested above
        script("sessionStorage.setItem('mi-token', arguments[0])", token);
        ExecutionViewAssertions.submitDryRunTwapAndSeeItProgressLive(browser);
    }

    @Test
    @Order(8)
    void riskAndMetaViewsShowTheirAnswers() {
        open("#/risk");
        wait.until(ExpectedConditions.attributeToBe(By.id("chart-heat"), "data-state", "ready"));
        assertThat(driver.findElement(By.id("positions")).getText()).isNotBlank();
        open("#/meta");
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#view form")));
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement recommendation = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("recommendation")));
        assertThat(recommendation.getText()).contains("Recommendation for BTCUSDT", "overall confidence", "Key factors");
    }

    // ---- any operation, and errors in words ----

    @Test
    @Order(9)
    void badInputShowsTheApiMessageNamingTheParameter() {
        open("#/operations/volume-profile%7Canalysis");
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("run")));
        wait.until(d -> !d.findElements(By.cssSelector("#fields [data-param=lookback]")).isEmpty());
        setField(form, "lookback", "5");
        form.findElement(By.id("run-op")).click();
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#view .error")));
        assertThat(error.getText()).contains("parameter [lookback] must be within [10, 1500]");

        setField(form, "lookback", "50");
        form.findElement(By.id("run-op")).click();
        wait.until(d -> d.findElement(By.id("result")).getText().contains("\"poc\""));
        assertThat(driver.findElement(By.cssSelector("#view .error")).isDisplayed()).isFalse();
    }

    @Test
    @Order(10)
    void aDroppedInPluginAppearsInTheOpenPluginListAndGoesWhenItsJarIsDeleted() throws Exception {
        Path jar = Path.of(System.getProperty("marketintel.example.plugin",
                "target/drop-in/rsi-extremes-plugin-1.0.0.jar"));
        assertThat(jar).as("the example plugin, built by examples/rsi-extremes-plugin").isRegularFile();
        open("#/plugins");
        wait.until(d -> !d.findElements(By.cssSelector("#plugins tr[data-plugin=funding]")).isEmpty());
        script("window.sameDocument = true");
        Path dropped = Files.copy(jar, pluginsDir.resolve(jar.getFileName()));
        WebElement added = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#plugins tr[data-plugin='rsi-extremes']")));
        assertThat(added.getAttribute("data-state")).isEqualTo("ENABLED");
        assertThat(driver.findElement(By.id("events")).getText()).contains("rsi-extremes installed");
        Files.delete(dropped);
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#plugins tr[data-plugin='rsi-extremes']"), 0));
        assertThat(script("return window.sameDocument === true")).as("no page reload").isEqualTo(true);
    }

    @Test
    @Order(11)
    void noScriptErrorsInTheBrowserConsole() {
        List<String> severe = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            // Answers with an error status are logged by the browser itself; the tests above caused them on purpose.
            if (e.getLevel().intValue() >= Level.SEVERE.intValue() && !e.getMessage().contains("Failed to load resource")) {
                severe.add(e.getMessage());
            }
        }
        assertThat(severe).isEmpty();
    }

    // ---- helpers ----

    private void open(String hash) {
        browser.open(hash);
    }

    private WebElement row(String pluginId) {
        return driver.findElement(By.cssSelector("#plugins tr[data-plugin='" + pluginId + "']"));
    }

    private WebElement toggle(String pluginId) {
        return wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[data-toggle='" + pluginId + "']")));
    }

    private static void setField(WebElement form, String param, String value) {
        Browser.setField(form, param, value);
    }

    private Object script(String js, Object... args) {
        return browser.script(js, args);
    }

    private String chartMessage(String id) {
        return String.valueOf(script("return document.getElementById(arguments[0]).parentElement.innerText", id));
    }

    private List<Long> seriesSizes(String id) {
        return browser.seriesSizes(driver.findElement(By.id(id)));
    }

    private List<Long> seriesSizes(WebElement element) {
        return browser.seriesSizes(element);
    }

    private long canvasInk(String id) {
        return browser.canvasInk(driver.findElement(By.id(id)));
    }

    private JsonNode api(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = platform.get(path);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).get("data");
    }
}
