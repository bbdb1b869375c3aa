package io.marketintel.distribution.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.marketintel.distribution.RunningPlatform;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The execution view against the order-routing contract, before the real plugin lands: the distribution runs
 * with {@link FakeOrderRouting} (a third-party-style module built against the API alone) on its module path,
 * and the browser submits a dry-run TWAP and watches it progress live; an execution started by someone else
 * (a REST call) shows up live too. Skipped when the distribution ships a real order-routing plugin — then
 * {@link ConsoleBrowserTest} follows that one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExecutionViewContractTest {

    private RunningPlatform platform;
    private Browser browser;
    private String token;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        Browser.assumeInstalled();
        try (Stream<Path> jars = Files.list(RunningPlatform.lib())) {
            assumeFalse(jars.anyMatch(p -> p.getFileName().toString().contains("order-routing")),
                    "the distribution has its own order-routing plugin: ConsoleBrowserTest follows its executions");
        }
        Path fake = FakeOrderRouting.build(RunningPlatform.lib(), dir.resolve("fake"));
        platform = RunningPlatform.start(Map.of(
                "MI_CONFIG", RunningPlatform.root().resolve("config/market-intel.yaml").toString(),
                "MI_HTTP_PORT", "0",
                "MI_DATA_DIR", dir.resolve("data").toString()), List.of(fake)).awaitReady(Duration.ofSeconds(90));
        token = Files.readString(dir.resolve("data/api-token")).trim();
        HttpResponse<String> plugin = platform.get("/api/plugins/order-routing");
        assertThat(plugin.body()).as("the fake order-routing plugin loaded").contains("\"state\":\"ENABLED\"");
        browser = Browser.start(platform.base(), dir.resolve("chrome"));
        browser.open("#/plugins");
        browser.script("sessionStorage.setItem('mi-token', arguments[0])", token);
    }

    @AfterEach
    void screenshot(TestInfo info) {
        if (browser != null) {
            browser.shot("contract-" + info.getTestMethod().map(m -> m.getName()).orElse("test"));
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
            }
        }
    }

    @Test
    @Order(1)
    void aDryRunTwapSubmittedInTheConsoleProgressesLive() {
        WebElement card = ExecutionViewAssertions.submitDryRunTwapAndSeeItProgressLive(browser);
        new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.attributeToBe(card, "data-status", "COMPLETED"));
        assertThat(card.getAttribute("data-filled")).isEqualTo("0.05");
        assertThat(card.getText()).contains("0.05 / 0.05 (100.0 %)", "TWAP", "dry run");
        browser.fullPageShot("execution");
    }

    @Test
    @Order(2)
    void anExecutionStartedElsewhereAppearsLive() throws Exception {
        browser.open("#/execution");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("execution-form")));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(platform.base() + "/api/intelligence/order-routing/execute"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"symbol\":\"ETHUSDT\",\"side\":\"SELL\",\"quantity\":2,"
                        + "\"algorithm\":\"ICEBERG\",\"duration_seconds\":2}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        String id = r.body().replaceAll(".*\"execution_id\":\"([^\"]+)\".*", "$1");
        WebElement card = browser.wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#executions .execution[data-execution='" + id + "']")));
        browser.wait.until(ExpectedConditions.attributeToBe(card, "data-status", "COMPLETED"));
        assertThat(card.getAttribute("data-filled")).isEqualTo("2");
    }
}
