package io.marketintel.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketintel.runtime.market.binance.FakeBinance;
import io.vertx.core.Vertx;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The executors on {@code MI_MARKET=binance} with {@code trading.live: true} against the fake Binance, which checks
 * every signature and timestamp and keeps positions: an order-routing execution sends signed orders that are
 * accepted and open a position, the take-profit ladder places reduce-only conditional orders for it through
 * {@code /fapi/v1/algoOrder}, and the risk plugin reads the position back from {@code positionRisk}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BinanceTradingDistributionTest {

    private static final String TOKEN = "binance-trading-test-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Vertx vertx;
    private FakeBinance fake;
    private RunningPlatform platform;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(FakeBinance.dataMissing().isEmpty(),
                () -> "the fake Binance needs the shared data: " + FakeBinance.dataMissing().orElse(""));
        vertx = Vertx.vertx();
        fake = new FakeBinance().shiftKlinesToNow();
        int port = fake.start(vertx).await(30, TimeUnit.SECONDS);
        platform = RunningPlatform.startOnFakeBinance(dir, port, FakeBinance.API_KEY, FakeBinance.API_SECRET,
                Map.of("MI_TRADING_LIVE", "true", "MI_API_TOKEN", TOKEN));
    }

    @AfterAll
    void stop() throws Exception {
        if (platform != null) {
            platform.close();
        }
        if (vertx != null) {
            fake.close().await(10, TimeUnit.SECONDS);
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void signedOrdersAreAcceptedAndTheLadderAndRiskSeeThePosition() throws Exception {
        HttpResponse<String> accepted = platform.postJson("/api/intelligence/order-routing/execute",
                "{\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":0.03,\"algorithm\":\"MARKET\",\"dry_run\":false}",
                TOKEN);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String id = data(accepted).get("execution_id").asText();

        JsonNode report = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            report = data(platform.get("/api/intelligence/order-routing/executions/" + id));
            if (!"RUNNING".equals(report.get("status").asText())) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(report.get("status").asText()).as(report.toString()).isEqualTo("COMPLETED");
        assertThat(report.get("total_filled").decimalValue()).isEqualByComparingTo("0.03");
        assertThat(fake.requests()).filteredOn(r -> r.method().equals("POST") && r.path().equals("/fapi/v1/order"))
                .as("signed MARKET orders reached the exchange and were accepted")
                .isNotEmpty().allMatch(r -> r.status() == 200);
        assertThat(fake.orderCount()).isPositive();

        double entry = report.get("avg_execution_price").asDouble();
        HttpResponse<String> ladder = platform.postJson("/api/intelligence/tp-ladder/place-orders?dry_run=false",
                "{\"symbol\":\"BTCUSDT\",\"side\":\"LONG\",\"entry_price\":" + entry
                        + ",\"quantity\":0.03,\"leverage\":3,\"num_levels\":3}", TOKEN);
        assertThat(ladder.statusCode()).as(ladder.body()).isEqualTo(200);
        JsonNode placed = data(ladder).get("placed");
        assertThat(placed).isNotEmpty();
        assertThat(fake.algoOrderCount()).as("take-profits held by the exchange").isEqualTo(placed.size());
        assertThat(fake.requests()).filteredOn(r -> r.method().equals("POST") && r.path().equals("/fapi/v1/algoOrder"))
                .hasSize(placed.size()).allMatch(r -> r.status() == 200);

        JsonNode heat = data(platform.get("/api/intelligence/risk/portfolio-heat"));
        assertThat(heat.toString()).contains("\"symbol\":\"BTCUSDT\"");

        assertThat(fake.statusCount(429) + fake.statusCount(418)).isZero();
        assertThat(platform.stderr).noneMatch(l -> l.contains(FakeBinance.API_SECRET) || l.contains(FakeBinance.API_KEY));
        assertThat(platform.stdout).noneMatch(l -> l.contains(FakeBinance.API_SECRET) || l.contains(FakeBinance.API_KEY));
    }

    private static JsonNode data(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isLessThan(300);
        return JSON.readTree(r.body()).get("data");
    }
}
