package io.marketintel.plugin.volumeprofile.internal;

import static io.marketintel.plugin.volumeprofile.internal.Fixtures.done;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.marketintel.api.OperationRequest;
import io.marketintel.api.Params;
import io.marketintel.api.market.Kline;
import io.marketintel.testkit.fakes.FakeMarketData;
import io.marketintel.testkit.fakes.FakePluginContext;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The three operations on real USDⓈ-M XRPUSDT 5m klines (1999 bars, 2021-11-15 → 2021-11-21, from the shared data
 * folder), with XRPUSDT's tick of 0.0001. The clock stands two minutes into the last bar, so it is the forming one.
 * Checks the invariants a user relies on (volume conserved, edges on the tick grid, value area ≥ 70 % around the
 * POC, nodes beyond their thresholds, levels nearest first) and writes the answers to
 * {@code target/volume-profile-*-example.json} for the README.
 */
class RealKlinesTest {

    private static final BigDecimal TICK = new BigDecimal("0.0001");

    private List<Kline> klines;
    private FakePluginContext ctx;
    private VolumeProfilePlugin plugin;

    @BeforeEach
    void start() throws IOException {
        klines = TestJson.sharedXrp5m();
        FakeMarketData market = Fixtures.listing(new FakeMarketData(), Fixtures.symbol("XRPUSDT", "0.0001"))
                .klines("XRPUSDT", klines);
        plugin = new VolumeProfilePlugin();
        ctx = Fixtures.context(plugin.descriptor(), market);
        long now = klines.get(klines.size() - 1).openTime() + 120_000;
        ctx.clock().advance(Duration.ofMillis(now - ctx.clock().millis()));
        done(plugin.start(ctx));
    }

    private Object call(int op, Map<String, ?> params) {
        return done(plugin.operations().get(op).handler().handle(new OperationRequest("XRPUSDT", Params.of(params))));
    }

    private static void onGrid(double price, String what) {
        assertThat(BigDecimal.valueOf(price).remainder(TICK).signum()).as("%s %s on the 0.0001 grid", what, price).isZero();
    }

    private static void write(String name, Object value) throws IOException {
        Path out = Path.of("target", "volume-profile-" + name + "-example.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, TestJson.pretty(value));
    }

    @Test
    void analysis() throws IOException {
        ProfileResult r = (ProfileResult) call(0, Map.of());
        write("analysis", r);
        assertThat(r.candles()).isEqualTo(200);
        assertThat(r.currentPrice()).isEqualTo(klines.get(klines.size() - 1).close());
        // the 200 closed bars before the forming one, all their volume
        List<Kline> used = klines.subList(klines.size() - 201, klines.size() - 1);
        double volume = 0;
        double low = Double.MAX_VALUE;
        double high = 0;
        for (Kline k : used) {
            volume += k.volume();
            low = Math.min(low, k.low());
            high = Math.max(high, k.high());
        }
        assertThat(r.totalVolume()).isCloseTo(volume, within(volume * 1e-9));
        assertThat(r.dataTime()).isEqualTo(used.get(199).closeTime());
        assertThat(r.rangeLow()).isEqualTo(low);
        assertThat(r.rangeHigh()).isGreaterThanOrEqualTo(high).isLessThan(high + r.binSize());
        assertThat(r.binCount()).isLessThanOrEqualTo(50).isEqualTo(r.bins().size());
        onGrid(r.binSize(), "bin size");
        for (ProfileBin b : r.bins()) {
            onGrid(b.priceLow(), "bin edge");
        }
        onGrid(r.valueAreaLow().price(), "VAL");
        onGrid(r.valueAreaHigh().price(), "VAH");
        assertThat(r.poc().price()).isBetween(r.valueAreaLow().price(), r.valueAreaHigh().price());
        assertThat(r.valueAreaVolumePct()).isGreaterThanOrEqualTo(70.0).isLessThan(100.0);
        // the POC bin is the fullest
        double max = 0;
        for (ProfileBin b : r.bins()) {
            max = Math.max(max, b.volume());
        }
        assertThat(r.poc().volumePct()).isCloseTo(100 * max / r.totalVolume(), within(0.01));
        // nodes beyond their thresholds (% of volume vs % of the mean bin)
        double meanPct = 100.0 / r.binCount();
        assertThat(r.highVolumeNodes()).isNotEmpty().allSatisfy(n -> assertThat(n.volumePct()).isGreaterThan(1.5 * meanPct - 0.01));
        assertThat(r.lowVolumeNodes()).isNotEmpty().allSatisfy(n -> assertThat(n.volumePct()).isLessThan(0.5 * meanPct + 0.01));
        assertThat(r.highVolumeNodes()).anySatisfy(n -> assertThat(n.price()).isEqualTo(r.poc().price()));
        assertThat(r.positionRelativeToValueArea()).isEqualTo(ProfileReport.position(r.currentPrice(),
                r.valueAreaLow().price(), r.valueAreaHigh().price()));
    }

    @Test
    void levels() throws IOException {
        LevelsResult l = (LevelsResult) call(1, Map.of("num_levels", 5L));
        write("levels", l);
        assertThat(l.levelsAbove()).hasSizeLessThanOrEqualTo(5).allSatisfy(x -> assertThat(x.distancePct()).isPositive());
        assertThat(l.levelsBelow()).hasSizeLessThanOrEqualTo(5).allSatisfy(x -> assertThat(x.distancePct()).isNotPositive());
        assertThat(l.levelsAbove()).extracting(Level::price).isSorted();
        assertThat(l.levelsBelow()).extracting(x -> -x.price()).isSorted();
        assertThat(l.levelsAbove().size() + l.levelsBelow().size()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void compare() throws IOException {
        CompareResult c = (CompareResult) call(2, Map.of());
        write("compare", c);
        assertThat(c.current().candles()).isEqualTo(200);
        assertThat(c.historical().candles()).isEqualTo(1000);
        assertThat(c.historical().toTime() + 1).isEqualTo(c.current().fromTime());
        assertThat(c.pocMigration()).isCloseTo(c.current().pocPrice() - c.historical().pocPrice(), within(1e-9));
        ShiftDirection expected = ProfileReport.shift(c.current().valueAreaLow(), c.current().valueAreaHigh(),
                c.historical().valueAreaLow(), c.historical().valueAreaHigh());
        assertThat(c.shiftDirection()).isEqualTo(expected);
        assertThat(c.currentVaInsideHistoricalPct()).isBetween(0.0, 100.0);
        assertThat(c.historicalVaInsideCurrentPct()).isBetween(0.0, 100.0);
    }
}
