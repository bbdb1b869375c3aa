package io.marketintel.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketintel.runtime.market.binance.FakeBinance;
import io.vertx.core.Vertx;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution on {@code MI_MARKET=binance} against the fake Binance (real response formats built from
 * the shared recordings, weight counting, signature checks): every analyzer operation answers, and once the
 * cache is warm a repeated GET costs the exchange no request weight at all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.MethodName.class)
class BinanceDistributionTest {

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
        platform = RunningPlatform.startOnFakeBinance(dir, port, FakeBinance.API_KEY, FakeBinance.API_SECRET, Map.of());
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
    void everyAnalyzerAnswersOnBinanceAndAWarmCacheCostsNoWeight() throws Exception {
        HttpResponse<String> health = platform.get("/api/health");
        assertThat(health.body()).contains("\"source\":\"binance\"", "\"weight_limit\"");
        assertThat(platform.stderr).noneMatch(l -> l.contains(FakeBinance.API_SECRET) || l.contains(FakeBinance.API_KEY));

        String[] gets = {
            "/api/intelligence/funding/sentiment/BTCUSDT",
            "/api/intelligence/funding/arbitrage?min_funding=0",
            "/api/intelligence/orderbook/analysis/BTCUSDT",
            "/api/intelligence/orderbook/levels/BTCUSDT",
            "/api/intelligence/liquidations/heatmap/BTCUSDT",
            "/api/intelligence/liquidations/levels/BTCUSDT",
            "/api/intelligence/volume-profile/analysis/BTCUSDT?interval=1h",
            "/api/intelligence/volume-profile/levels/BTCUSDT?interval=1h",
            "/api/intelligence/volume-profile/compare/BTCUSDT?interval=1h&lookback=100",
            "/api/intelligence/mtf/confluence/BTCUSDT",
            "/api/intelligence/correlation/hedge/BTCUSDT?candidates=ETHUSDT&period=1h",
            "/api/intelligence/correlation/pairs-signal?pair1=BTCUSDT&pair2=ETHUSDT&period=1h"};
        Map<String, Integer> coldWeight = new LinkedHashMap<>();
        for (String path : gets) {
            int before = fake.usedWeight();
            HttpResponse<String> r = platform.get(path);
            assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
            coldWeight.put(path, fake.usedWeight() - before);
        }
        for (String path : gets) {
            int before = fake.usedWeight();
            assertThat(platform.get(path).statusCode()).isEqualTo(200);
            assertThat(fake.usedWeight() - before).as("weight of a repeated GET " + path).isZero();
        }
        System.out.println("request weight of a first (cold) GET per operation: " + coldWeight);
        assertThat(fake.statusCount(429) + fake.statusCount(418)).isZero();
        assertThat(platform.get("/api/intelligence/funding/sentiment/NOPEUSDT").statusCode()).isEqualTo(404);
    }

    @Test
    void theSelectorAndCompleteAnalysisAnswerOnBinanceAfterTheColdWeightsAreMeasured() throws Exception {
        HttpResponse<String> complete = platform.get("/api/intelligence/complete-analysis/ETHUSDT");
        assertThat(complete.statusCode()).as(complete.body()).isEqualTo(200);
        // the fake serves the recorded 1h klines only: volume profile's default 5m fails alone, named in errors
        assertThat(complete.body()).contains("\"funding_sentiment\":{", "\"orderbook\":{", "\"liquidations\":{",
                "\"mtf_confluence\":{", "\"volume_profile\":null",
                "\"errors\":{\"volume_profile\":{\"code\":\"UPSTREAM_ERROR\"");
        HttpResponse<String> meta = platform.postJson("/api/intelligence/meta/analyze-and-recommend",
                "{\"symbol\":\"ETHUSDT\"}");
        assertThat(meta.statusCode()).as(meta.body()).isEqualTo(200);
        assertThat(meta.body()).contains("\"market_condition\"", "\"recommendation_id\"");
    }
}
