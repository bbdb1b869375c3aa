package io.marketintel.plugin.funding.internal;

import static io.marketintel.plugin.funding.internal.Fixtures.BTC;
import static io.marketintel.plugin.funding.internal.Fixtures.HOUR;
import static io.marketintel.plugin.funding.internal.Fixtures.NOW;
import static io.marketintel.plugin.funding.internal.Fixtures.T0;
import static io.marketintel.plugin.funding.internal.Fixtures.inputs;
import static io.marketintel.plugin.funding.internal.Fixtures.oi;
import static io.marketintel.plugin.funding.internal.Fixtures.premium;
import static io.marketintel.plugin.funding.internal.Fixtures.ratio;
import static io.marketintel.plugin.funding.internal.Fixtures.taker;
import static io.marketintel.plugin.funding.internal.Fixtures.takerFlat;
import static io.marketintel.plugin.funding.internal.Fixtures.uptrend;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.marketintel.api.Bias;
import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.market.OpenInterest;
import io.marketintel.api.market.Period;
import io.marketintel.api.market.RatioSeries;
import io.marketintel.testkit.fakes.FakeMarketData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The whole sentiment analysis over hand-made markets; expected values derived by hand in the comments. */
class SentimentAnalysisTest {

    private static final FundingSettings DEFAULTS = FundingSettings.defaults();

    private static SentimentResult analyze(FakeMarketData m) {
        return FundingAnalysis.analyze(inputs(m), DEFAULTS, "fake");
    }

    private static SentimentResult analyze(FakeMarketData m, FundingSettings s) {
        return FundingAnalysis.analyze(inputs(m), s, "fake");
    }

    /** A market with nothing but a funding rate: ratios equal (no divergence), OI flat, taker flat. */
    private static FakeMarketData quiet(double rawRate) {
        FakeMarketData m = uptrend();
        m.premiumIndex(premium(BTC, rawRate));
        m.openInterestHistory(BTC, oi(10_000, 10_000, 25, Period.H1));
        setRatios(m, 0.50, 0.50);
        return m;
    }

    private static void setRatios(FakeMarketData m, double retailLong, double smartLong) {
        m.longShortRatio(BTC, RatioSeries.GLOBAL_ACCOUNT, List.of(ratio(retailLong)));
        m.longShortRatio(BTC, RatioSeries.TOP_POSITION, List.of(ratio(smartLong)));
    }

    @Test
    void specExampleModerateFundingRisingOiAndSmartMoneyLongIsALongCall() {
        SentimentResult r = analyze(uptrend());

        assertThat(r.symbol()).isEqualTo(BTC);
        assertThat(r.fundingRate()).isEqualTo(0.085);               // 0.00085 * 100, decimal-exact
        assertThat(r.fundingRateRaw()).isEqualTo(0.00085);
        assertThat(r.fundingIntervalHours()).isEqualTo(8);
        assertThat(r.fundingIntervalAssumed()).isFalse();
        assertThat(r.annualizedRatePct()).isCloseTo(93.075, within(1e-9));   // 0.085 * 24/8 * 365
        assertThat(r.sentiment()).isEqualTo(Sentiment.BULLISH);      // 0.05 <= 0.085 <= 0.15
        assertThat(r.nextFundingTime()).isEqualTo(T0 + 80 * HOUR);
        assertThat(r.markPrice()).isEqualTo(61_800.5);

        assertThat(r.openInterest()).isEqualTo(10_850.0);
        assertThat(r.oiChangePct()).isCloseTo(8.2, within(1e-9));   // (10820 - 10000) / 10000 * 100
        assertThat(r.oiTrend()).isEqualTo(OiTrend.RISING);           // 8.2 > 2
        assertThat(r.oiWindow()).isEqualTo("24h");                   // 25 hourly snapshots
        assertThat(r.oiPeriod()).isEqualTo("1h");
        assertThat(r.openInterestValue()).isCloseTo(10_820 * 61_800.0, within(1e-6));
        assertThat(r.globalLongPct()).isEqualTo(52.0);
        assertThat(r.topTraderLongPct()).isEqualTo(68.0);
        assertThat(r.longShortDivergencePts()).isEqualTo(16.0);     // 68 - 52 > 10
        assertThat(r.takerBuySellRatio()).isEqualTo(1.0);
        assertThat(r.takerBuySellRatioAvg()).isEqualTo(1.0);

        // trend confirmation LONG 20 + divergence LONG 20: net +40 -> LONG, confidence 30 + 40 = 70
        assertThat(r.signals()).extracting(Signal::name, Signal::direction, Signal::weight).containsExactly(
                tuple("trend_confirmation", Bias.LONG, 20),
                tuple("smart_money_divergence", Bias.LONG, 20));
        assertThat(r.bias()).isEqualTo(Bias.LONG);
        assertThat(r.confidence()).isEqualTo(70);
        assertThat(r.reasoning()).containsExactly(
                "Bullish funding (0.0850%) + OI rising 8.2% over 24h - strong uptrend",
                "Smart money bullish (68% long vs retail 52%) - 16 pts divergence");

        assertThat(r.extremeThresholdPct()).isEqualTo(0.15);
        assertThat(r.bullishThresholdPct()).isEqualTo(0.05);
        assertThat(r.dataTime()).isEqualTo(NOW);                    // the premium index is the newest input
        assertThat(r.source()).isEqualTo("fake");
    }

    @Test
    void extremeBullishFundingFadesTheCrowdShort() {
        FakeMarketData m = uptrend();                                // OI rising does not matter at extremes
        m.premiumIndex(premium(BTC, 0.0020));                   // 0.2 % > 0.15
        setRatios(m, 0.55, 0.60);                                   // 5 pts: below the 10 pts threshold
        SentimentResult r = analyze(m);

        assertThat(r.sentiment()).isEqualTo(Sentiment.EXTREME_BULLISH);
        assertThat(r.signals()).extracting(Signal::name, Signal::direction, Signal::weight)
                .containsExactly(tuple("contrarian", Bias.SHORT, 40));
        assertThat(r.bias()).isEqualTo(Bias.SHORT);                  // opposite of the crowd
        assertThat(r.confidence()).isEqualTo(70);                    // 30 + 40
        assertThat(r.reasoning().get(0))
                .isEqualTo("Extreme bullish funding (0.2000% > 0.15%) - longs overcrowded, fade the crowd: SHORT");
    }

    @Test
    void extremeBearishFundingFadesTheCrowdLong() {
        SentimentResult r = analyze(quiet(-0.0025));                 // -0.25 % < -0.15
        assertThat(r.sentiment()).isEqualTo(Sentiment.EXTREME_BEARISH);
        assertThat(r.bias()).isEqualTo(Bias.LONG);
        assertThat(r.confidence()).isEqualTo(70);
        assertThat(r.reasoning().get(0))
                .isEqualTo("Extreme bearish funding (-0.2500% < -0.15%) - shorts overcrowded, fade the crowd: LONG");
    }

    @Test
    void bearishFundingWithRisingOiConfirmsADowntrend() {
        FakeMarketData m = quiet(-0.0008);                           // -0.08 %: BEARISH
        m.openInterestHistory(BTC, oi(10_000, 10_820, 25, Period.H1));              // +8.2 %
        SentimentResult r = analyze(m);
        assertThat(r.sentiment()).isEqualTo(Sentiment.BEARISH);
        assertThat(r.signals()).extracting(Signal::name, Signal::direction)
                .containsExactly(tuple("trend_confirmation", Bias.SHORT));
        assertThat(r.bias()).isEqualTo(Bias.SHORT);
        assertThat(r.confidence()).isEqualTo(50);                    // 30 + 20
        assertThat(r.reasoning().get(0))
                .isEqualTo("Bearish funding (-0.0800%) + OI rising 8.2% over 24h - strong downtrend");
    }

    @Test
    void moderateFundingWithoutRisingOiIsNotConfirmedAndSaysWhy() {
        FakeMarketData flat = quiet(0.00085);
        flat.openInterestHistory(BTC, oi(10_000, 10_100, 25, Period.H1));           // +1.0 %: FLAT
        SentimentResult r = analyze(flat);
        assertThat(r.signals()).isEmpty();
        assertThat(r.bias()).isEqualTo(Bias.NEUTRAL);
        assertThat(r.confidence()).isEqualTo(30);                    // nothing fired: the base
        assertThat(r.reasoning()).containsExactly(
                "Bullish funding (0.0850%) but OI flat (+1.0% over 24h) - trend not confirmed",
                "No signal fired - no directional edge");

        FakeMarketData falling = quiet(0.00085);
        falling.openInterestHistory(BTC, oi(10_000, 9_500, 25, Period.H1));         // -5.0 %: FALLING
        assertThat(analyze(falling).reasoning().get(0))
                .isEqualTo("Bullish funding (0.0850%) but OI falling 5.0% over 24h - trend not confirmed");
    }

    @Test
    void neutralFundingAloneIsNeutral() {
        SentimentResult r = analyze(quiet(0.0001));                  // 0.01 %
        assertThat(r.sentiment()).isEqualTo(Sentiment.NEUTRAL);
        assertThat(r.bias()).isEqualTo(Bias.NEUTRAL);
        assertThat(r.confidence()).isEqualTo(30);
        assertThat(r.reasoning()).containsExactly(
                "Neutral funding (0.0100%, between -0.05% and 0.05%) - no crowding",
                "No signal fired - no directional edge");
    }

    @Test
    void divergenceSignalIsOffExactlyAtTheThresholdAndOnJustAbove() {
        FakeMarketData at = quiet(0.0001);
        setRatios(at, 0.52, 0.62);                                    // 62 - 52 = 10 pts: not strictly above 10
        assertThat(analyze(at).signals()).isEmpty();
        assertThat(analyze(at).longShortDivergencePts()).isEqualTo(10.0);

        FakeMarketData above = quiet(0.0001);
        setRatios(above, 0.52, 0.6201);                               // 10.01 pts
        SentimentResult r = analyze(above);
        assertThat(r.signals()).extracting(Signal::name, Signal::direction, Signal::weight)
                .containsExactly(tuple("smart_money_divergence", Bias.LONG, 20));
        assertThat(r.bias()).isEqualTo(Bias.LONG);
        assertThat(r.confidence()).isEqualTo(50);                    // 30 + 20
        assertThat(r.reasoning().get(0)).isEqualTo("Smart money bullish (62.01% long vs retail 52%) - 10.01 pts divergence");
    }

    @Test
    void smartMoneyLessLongThanRetailIsBearish() {
        FakeMarketData m = quiet(0.0001);
        setRatios(m, 0.60, 0.45);                                     // 45 - 60 = -15 pts
        SentimentResult r = analyze(m);
        assertThat(r.longShortDivergencePts()).isEqualTo(-15.0);
        assertThat(r.bias()).isEqualTo(Bias.SHORT);
        assertThat(r.reasoning().get(0)).isEqualTo("Smart money bearish (45% long vs retail 60%) - 15 pts divergence");
    }

    @Test
    void divergenceThresholdIsConfigurable() {
        FakeMarketData m = quiet(0.0001);
        setRatios(m, 0.52, 0.58);                                     // 6 pts
        assertThat(analyze(m).signals()).isEmpty();                  // default 10 pts
        FundingSettings five = new FundingSettings(Duration.ofMinutes(5), 0.15, 0.05, Period.H1, 24, 2.0, 5.0, 0.05);
        assertThat(analyze(m, five).signals()).extracting(Signal::name).containsExactly("smart_money_divergence");
    }

    @Test
    void takerFlowBreaksATieButNeverOverturnsACall() {
        // Bullish funding + OI rising (LONG 20) against smart money bearish (SHORT 20): net 0.
        FakeMarketData tie = uptrend();
        setRatios(tie, 0.60, 0.45);
        SentimentResult cancelled = analyze(tie);
        assertThat(cancelled.bias()).isEqualTo(Bias.NEUTRAL);
        assertThat(cancelled.confidence()).isEqualTo(10);            // 30 - (20 + 20) / 2
        assertThat(cancelled.reasoning()).contains("Signals cancel out (20 pts LONG vs 20 pts SHORT) - no directional edge");

        tie.takerBuySellRatio(BTC, takerFlat(0.90, 24));                              // avg 0.90: 1 - 0.90 > 0.05 -> SHORT 10
        SentimentResult broken = analyze(tie);
        assertThat(broken.bias()).isEqualTo(Bias.SHORT);
        assertThat(broken.confidence()).isEqualTo(40);               // 30 + |20 - 20 - 10|
        assertThat(broken.reasoning()).contains("Taker flow bearish (buy/sell 0.9 average over 24h, latest 0.9)");

        // Smart money bearish (SHORT 20) alone with bullish taker flow (LONG 10): still SHORT.
        FakeMarketData call = quiet(0.0001);
        setRatios(call, 0.60, 0.45);
        call.takerBuySellRatio(BTC, takerFlat(1.10, 24));
        SentimentResult kept = analyze(call);
        assertThat(kept.bias()).isEqualTo(Bias.SHORT);
        assertThat(kept.confidence()).isEqualTo(40);                 // 30 + |-20 + 10|
    }

    @Test
    void takerSignalUsesTheWindowAverageAndReportsTheLatest() {
        FakeMarketData m = quiet(0.0001);
        m.takerBuySellRatio(BTC, taker(1.20, 1.10, 1.00, 0.98));                      // avg (1.2 + 1.1 + 1.0 + 0.98) / 4 = 1.07
        SentimentResult r = analyze(m);
        assertThat(r.takerBuySellRatioAvg()).isCloseTo(1.07, within(1e-9));
        assertThat(r.takerBuySellRatio()).isEqualTo(0.98);
        assertThat(r.signals()).extracting(Signal::name, Signal::direction).containsExactly(tuple("taker_flow", Bias.LONG));
        assertThat(r.reasoning().get(0)).isEqualTo("Taker flow bullish (buy/sell 1.07 average over 4h, latest 0.98)");

        m.takerBuySellRatio(BTC, takerFlat(1.05, 24));                                // exactly at 1 + 0.05: off
        assertThat(analyze(m).signals()).isEmpty();
    }

    @Test
    void everythingPointingOneWayCapsConfidenceAtHundred() {
        FakeMarketData m = quiet(-0.0025);                            // contrarian LONG 40
        setRatios(m, 0.40, 0.60);                                     // smart money +20 pts: LONG 20
        m.takerBuySellRatio(BTC, takerFlat(1.2, 24));                                 // LONG 10
        SentimentResult r = analyze(m);
        assertThat(r.bias()).isEqualTo(Bias.LONG);
        assertThat(r.confidence()).isEqualTo(100);                   // 30 + 40 + 20 + 10
    }

    @Test
    void confidenceStaysWithinZeroAndHundredAndTakerNeverFlipsAMainCall() {
        Bias[] sides = {Bias.LONG, Bias.SHORT};
        List<List<Signal>> sets = new ArrayList<>();
        // lead: none, contrarian (40) or trend (20) - never both; divergence and taker: none, LONG or SHORT
        for (int lead = 0; lead < 5; lead++) {
            for (int div = 0; div < 3; div++) {
                for (int tk = 0; tk < 3; tk++) {
                    List<Signal> s = new ArrayList<>();
                    if (lead > 0) {
                        s.add(new Signal(lead <= 2 ? "contrarian" : "trend_confirmation", sides[(lead - 1) % 2],
                                lead <= 2 ? 40 : 20, "x"));
                    }
                    if (div > 0) {
                        s.add(new Signal("smart_money_divergence", sides[div - 1], 20, "x"));
                    }
                    if (tk > 0) {
                        s.add(new Signal("taker_flow", sides[tk - 1], 10, "x"));
                    }
                    sets.add(s);
                }
            }
        }
        for (List<Signal> s : sets) {
            FundingAnalysis.Decision d = FundingAnalysis.decide(s);
            assertThat(d.confidence()).as("confidence of %s", s).isBetween(0, 100);
            List<Signal> main = s.stream().filter(x -> !x.name().equals("taker_flow")).toList();
            Bias mainBias = FundingAnalysis.decide(main).bias();
            if (mainBias != Bias.NEUTRAL) {
                assertThat(d.bias()).as("taker flow must not overturn %s", main).isEqualTo(mainBias);
            }
        }
        assertThat(sets).hasSize(45);
    }

    @Test
    void missingStatisticsDegradeToNotesNotFailures() {
        FakeMarketData m = new FakeMarketData();
        m.premiumIndex(premium(BTC, 0.0006));                     // 0.06 %: BULLISH
        SentimentResult r = analyze(m);
        assertThat(r.sentiment()).isEqualTo(Sentiment.BULLISH);
        assertThat(r.fundingIntervalHours()).isEqualTo(8);
        assertThat(r.fundingIntervalAssumed()).isTrue();
        assertThat(r.fundingIntervalNote()).startsWith("assumed 8h");
        assertThat(r.annualizedRatePct()).isCloseTo(65.7, within(1e-9));   // 0.06 * 1095
        assertThat(r.openInterest()).isNull();
        assertThat(r.oiChangePct()).isNull();
        assertThat(r.oiTrend()).isEqualTo(OiTrend.UNKNOWN);
        assertThat(r.oiWindow()).isNull();
        assertThat(r.globalLongPct()).isNull();
        assertThat(r.longShortDivergencePts()).isNull();
        assertThat(r.takerBuySellRatio()).isNull();
        assertThat(r.bias()).isEqualTo(Bias.NEUTRAL);
        assertThat(r.reasoning()).containsExactly(
                "Bullish funding (0.0600%) but no open interest history - trend not confirmed",
                "Long/short ratios unavailable - positioning divergence not evaluated",
                "No signal fired - no directional edge");
    }

    @Test
    void fourHourSymbolIsAnnualisedWithFourHours() {
        FakeMarketData m = quiet(0.0001);
        m.fundingRateHistory(BTC, Fixtures.fundings(10, 4 * HOUR, 5, 0, 12));
        SentimentResult r = analyze(m);
        assertThat(r.fundingIntervalHours()).isEqualTo(4);
        assertThat(r.annualizedRatePct()).isCloseTo(21.9, within(1e-9));   // 0.01 * 24/4 * 365
    }

    @Test
    void dataTimeIsTheNewestInput() {
        FakeMarketData m = uptrend();
        m.openInterest(new OpenInterest(BTC, 10_850.0, NOW + 5_000));
        assertThat(analyze(m).dataTime()).isEqualTo(NOW + 5_000);
    }

    @Test
    void symbolWithoutFundingRateIsRejected() {
        FakeMarketData m = uptrend();
        m.premiumIndex(premium(BTC, Double.NaN));                 // e.g. a delivery contract
        assertThatThrownBy(() -> analyze(m)).isInstanceOfSatisfying(IntelException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
            assertThat(e.getMessage()).contains("BTCUSDT").contains("funding");
        });
    }
}
