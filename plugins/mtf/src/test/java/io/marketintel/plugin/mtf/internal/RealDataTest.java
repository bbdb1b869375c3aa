package io.marketintel.plugin.mtf.internal;

import static io.marketintel.plugin.mtf.internal.Fixtures.BTC;
import static io.marketintel.plugin.mtf.internal.Fixtures.done;
import static org.assertj.core.api.Assertions.assertThat;

import io.marketintel.api.Bias;
import io.marketintel.api.OperationRequest;
import io.marketintel.api.Params;
import io.marketintel.testkit.fakes.FakePluginContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operation on real BTCUSDT hourly klines ({@link HourlyReplay}; 4h and 1d aggregated from them) at moments whose
 * direction nobody disputes, with {@code timeframes: 1h, 4h, 1d}. Skipped, with the reason, without the shared data.
 */
class RealDataTest {

    private static HourlyReplay market;

    @BeforeAll
    static void load() throws Exception {
        market = HourlyReplay.load(BTC);
    }

    private static ConfluenceResult at(String instant) {
        MtfPlugin plugin = new MtfPlugin();
        FakePluginContext ctx = Fixtures.context(plugin.descriptor(), market);
        ctx.configure(Map.of("timeframes", List.of("1h", "4h", "1d")));
        ctx.clock().advance(Duration.ofMillis(Instant.parse(instant).toEpochMilli() - ctx.clock().millis()));
        done(plugin.start(ctx));
        return (ConfluenceResult) done(plugin.operations().get(0).handler()
                .handle(new OperationRequest(BTC, Params.empty())));
    }

    @Test
    void octoberTwentyTwentyThreeRallyIsBullishOnEveryTimeframe() throws Exception {
        // BTC rose from ≈ 27 000 (mid-October) to ≈ 34 500 on 2023-10-24
        ConfluenceResult r = at("2023-10-24T12:30:00Z");
        Files.writeString(Path.of("target", "mtf-confluence-btc-2023-10-24.json"), JacksonSupport.pretty(r),
                StandardCharsets.UTF_8);
        assertThat(r.timeframeSignals()).extracting(TimeframeSignal::direction).containsOnly(Direction.BULLISH);
        assertThat(r.overallDirection()).isEqualTo(Direction.BULLISH);
        assertThat(r.bias()).isEqualTo(Bias.LONG);
        assertThat(r.entryRecommendation()).isEqualTo(EntryRecommendation.ENTER);
        // closed candles only: the 1h close is the 11:00 candle's (12:00 is forming), the 1d close the 23rd's
        assertThat(r.timeframeSignals().get(0).close()).isEqualTo(34542.91);
        assertThat(r.timeframeSignals().get(2).close()).isEqualTo(33069.99);
        assertThat(r.dataTime()).isEqualTo(Instant.parse("2023-10-24T12:00:00Z").toEpochMilli() - 1);
        // weights 25 / 25 / 20 of 70
        assertThat(r.timeframeSignals()).extracting(TimeframeSignal::weight).containsExactly(0.3571, 0.3571, 0.2857);
        assertThat(r.source()).isEqualTo("replay");
    }

    @Test
    void juneTwentyTwentyTwoCrashIsBearish() {
        // 2022-06-13/14: BTC fell from ≈ 30 000 to ≈ 21 000 in a few days
        ConfluenceResult r = at("2022-06-14T02:30:00Z");
        assertThat(r.timeframeSignals()).extracting(TimeframeSignal::direction).containsOnly(Direction.BEARISH);
        assertThat(r.bias()).isEqualTo(Bias.SHORT);
        TimeframeSignal d1 = r.timeframeSignals().get(2);
        assertThat(d1.close()).isEqualTo(22487.41);                     // the close of 2022-06-13; the 14th is forming
        assertThat(d1.bars()).isEqualTo(436);                           // the file starts on 2021-04-04
    }

    @Test
    void ftxCollapseIsBearish() {
        ConfluenceResult r = at("2022-11-09T22:30:00Z");
        assertThat(r.overallDirection()).isEqualTo(Direction.BEARISH);
        assertThat(r.timeframeSignals()).extracting(TimeframeSignal::direction).containsOnly(Direction.BEARISH);
    }

    @Test
    void aYoungDailyHistoryLeavesTheLongEmaOutAndSaysSo() {
        // 2021-10-20: the file holds 199 closed daily candles (from 2021-04-04): enough to analyse (>= 100), not for
        // EMA 200
        TimeframeSignal d1 = at("2021-10-20T12:00:00Z").timeframeSignals().get(2);
        assertThat(d1.bars()).isEqualTo(199);
        assertThat(d1.sufficientData()).isTrue();
        assertThat(d1.emaLong()).isNull();
        assertThat(d1.votes()).extracting(Vote::name).doesNotContain("close_vs_ema_long");
        assertThat(d1.note()).isEqualTo("EMA 200 left out: it needs 200 closed candles, 199 available");
    }
}
