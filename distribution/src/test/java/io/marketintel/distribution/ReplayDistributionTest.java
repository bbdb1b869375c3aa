package io.marketintel.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution on {@code MI_MARKET=replay} over the shared real 1h klines (2021–2023): the analyzers that
 * klines feed answer on replayed time; those that need data the folder lacks answer 503 naming the file to add.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplayDistributionTest {

    private RunningPlatform platform;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        Path klines = Path.of(System.getProperty("marketintel.shared.data", "../shared/data/binance"), "klines-spot-1h");
        Assumptions.assumeTrue(Files.isDirectory(klines), () -> "shared klines are missing: " + klines);
        platform = RunningPlatform.start(Map.of(
                "MI_CONFIG", RunningPlatform.root().resolve("config/market-intel.yaml").toString(),
                "MI_HTTP_PORT", "0",
                "MI_DATA_DIR", dir.resolve("data").toString(),
                "MI_MARKET", "replay",
                "MI_REPLAY_DIR", klines.toAbsolutePath().toString(),
                "MI_REPLAY_START", "2023-06-01T00:00:00Z",
                "MI_REPLAY_SPEED", "1")).awaitReady(Duration.ofSeconds(90));
    }

    @AfterAll
    void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void kline_analyzersAnswerOnReplayedTimeAndTheOthersNameWhatIsMissing() throws Exception {
        String health = platform.get("/api/health").body();
        assertThat(health).contains("\"source\":\"replay\"", "\"gaps\"");
        for (String path : new String[] {
                "/api/intelligence/mtf/confluence/BTCUSDT",
                "/api/intelligence/volume-profile/analysis/ETHUSDT?interval=1h&lookback=200",
                "/api/intelligence/volume-profile/compare/BTCUSDT?interval=1h&lookback=100",
                "/api/intelligence/correlation/hedge/BTCUSDT?candidates=ETHUSDT,BNBUSDT,SOLUSDT,XRPUSDT&period=1h",
                "/api/intelligence/correlation/pairs-signal?pair1=BTCUSDT&pair2=ETHUSDT&period=1h"}) {
            HttpResponse<String> r = platform.get(path);
            assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
            // Replayed "now" is 2023-06-01: nothing after it may show up (no look-ahead).
            assertThat(r.body()).as(path).contains("\"data_time\":16855");
        }
        HttpResponse<String> matrix = platform.postJson("/api/intelligence/correlation/matrix",
                "{\"symbols\":[\"BTCUSDT\",\"ETHUSDT\",\"BNBUSDT\"],\"period\":\"1h\"}");
        assertThat(matrix.statusCode()).as(matrix.body()).isEqualTo(200);
        HttpResponse<String> funding = platform.get("/api/intelligence/funding/sentiment/BTCUSDT");
        assertThat(funding.statusCode()).isEqualTo(503);
        assertThat(funding.body()).contains("UPSTREAM_UNAVAILABLE", "fundingRate");
    }
}
