package io.marketintel.runtime.market.sim;

import static io.marketintel.runtime.market.sim.SimTesting.failure;
import static io.marketintel.runtime.market.sim.SimTesting.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.market.ExchangeInfo;
import io.marketintel.api.market.Interval;
import io.marketintel.api.market.LeverageBracket;
import io.marketintel.api.market.Period;
import io.marketintel.api.market.RateLimit;
import io.marketintel.api.market.RatioSeries;
import io.marketintel.api.market.SymbolInfo;
import io.marketintel.runtime.MutableClock;
import io.vertx.core.Future;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class MarketInfoTest {

    private final MutableClock clock = MutableClock.at("2024-06-15T10:20:30Z");
    private final SimulatedMarket market = SimTesting.market(clock);

    @Test
    void identifiesItselfAndTellsTime() {
        assertThat(market.source()).isEqualTo("sim");
        assertThat(ok(market.serverTime())).isEqualTo(clock.millis());
    }

    @Test
    void exchangeInfoHasBinanceFiltersAndLimits() {
        ExchangeInfo info = ok(market.exchangeInfo());
        assertThat(info.serverTime()).isEqualTo(clock.millis());
        assertThat(info.rateLimits()).containsExactly(
                new RateLimit("REQUEST_WEIGHT", "MINUTE", 1, 2400),
                new RateLimit("ORDERS", "MINUTE", 1, 1200),
                new RateLimit("ORDERS", "SECOND", 10, 300));
        assertThat(info.symbols()).extracting(SymbolInfo::symbol).containsExactly("BTCUSDT", "ETHUSDT", "BNBUSDT",
                "SOLUSDT", "XRPUSDT", "DOGEUSDT", "ADAUSDT", "LINKUSDT", "AVAXUSDT", "LTCUSDT");
        SymbolInfo btc = info.symbol("BTCUSDT").orElseThrow();
        assertThat(btc.tickSize()).isEqualByComparingTo("0.10");
        assertThat(btc.stepSize()).isEqualByComparingTo("0.001");
        assertThat(btc.minQty()).isEqualByComparingTo("0.001");
        assertThat(btc.minNotional()).isEqualByComparingTo("100");
        assertThat(btc.contractType()).isEqualTo("PERPETUAL");
        assertThat(btc.trading()).isTrue();
        assertThat(btc.marginAsset()).isEqualTo("USDT");
        SymbolInfo eth = info.symbol("ETHUSDT").orElseThrow();
        assertThat(eth.tickSize()).isEqualByComparingTo("0.01");
        assertThat(eth.stepSize()).isEqualByComparingTo("0.001");
        assertThat(eth.minNotional()).isEqualByComparingTo("20");
        assertThat(info.symbol("DOGEUSDT").orElseThrow().tickSize()).isEqualByComparingTo("0.00001");
        assertThat(info.symbol("SOLUSDT").orElseThrow().stepSize()).isEqualByComparingTo("1");
        assertThat(info.symbol("XRPUSDT").orElseThrow().stepSize()).isEqualByComparingTo("0.1");
        for (SymbolInfo s : info.symbols()) {
            assertThat(s.minQty()).isGreaterThanOrEqualTo(s.stepSize());
            assertThat(s.marketMaxQty()).isLessThanOrEqualTo(s.maxQty());
            assertThat(s.minPrice()).isLessThan(s.maxPrice());
            // the simulated price trades on the symbol's ticks
            double last = ok(market.klines(s.symbol(), Interval.M1, 1)).get(0).close();
            assertThat(BigDecimal.valueOf(last).remainder(s.tickSize()).signum()).as(s.symbol()).isZero();
        }
    }

    @Test
    void realisticPrices() {
        Map<String, double[]> around = Map.of("BTCUSDT", new double[] {25_000, 150_000}, "ETHUSDT",
                new double[] {1_200, 7_500}, "SOLUSDT", new double[] {50, 350}, "DOGEUSDT", new double[] {0.04, 0.3});
        around.forEach((s, band) -> assertThat(ok(market.ticker24h(s)).lastPrice()).as(s).isBetween(band[0], band[1]));
    }

    @Test
    void btcBracketsAreBinances() {
        List<LeverageBracket> b = ok(market.leverageBrackets("BTCUSDT"));
        assertThat(b).hasSize(12);
        assertThat(b.get(0)).isEqualTo(new LeverageBracket(1, 125, 50_000, 0, 0.004, 0));
        assertThat(b.get(1)).isEqualTo(new LeverageBracket(2, 100, 600_000, 50_000, 0.005, 50));
        assertThat(b.get(2)).isEqualTo(new LeverageBracket(3, 75, 3_000_000, 600_000, 0.0065, 950));
        assertThat(b.get(11)).isEqualTo(new LeverageBracket(12, 1, 1_800_000_000, 1_200_000_000, 0.5, 421_481_450));
        assertThat(ok(market.leverageBrackets("SOLUSDT")).get(0).initialLeverage()).isEqualTo(100);
        assertThat(ok(market.leverageBrackets("XRPUSDT")).get(1))
                .isEqualTo(new LeverageBracket(2, 50, 20_000, 10_000, 0.0065, 15));
    }

    @Test
    void bracketsOfEverySymbolAreContinuousAndCumulative() {
        for (String symbol : market.symbols()) {
            List<LeverageBracket> b = ok(market.leverageBrackets(symbol));
            assertThat(b.get(0).notionalFloor()).isZero();
            assertThat(b.get(0).cum()).isZero();
            for (int i = 1; i < b.size(); i++) {
                LeverageBracket prev = b.get(i - 1);
                LeverageBracket cur = b.get(i);
                assertThat(cur.bracket()).isEqualTo(i + 1);
                assertThat(cur.notionalFloor()).as(symbol).isEqualTo(prev.notionalCap());
                assertThat(cur.initialLeverage()).isLessThan(prev.initialLeverage());
                assertThat(cur.maintMarginRatio()).isGreaterThan(prev.maintMarginRatio());
                double expectedCum = prev.cum() + cur.notionalFloor() * (cur.maintMarginRatio() - prev.maintMarginRatio());
                assertThat(cur.cum()).as(symbol + " bracket " + cur.bracket()).isCloseTo(expectedCum, within(1e-6));
            }
        }
    }

    @Test
    void limitsOutsideBinancesRangesAreRefusedNamingTheRange() {
        assertLimit(market.klines("BTCUSDT", Interval.M1, 0), "[1, 1500]");
        assertLimit(market.klines("BTCUSDT", Interval.M1, 1501), "[1, 1500]");
        assertLimit(market.klines("BTCUSDT", Interval.M1, 0L, 1L, 1501), "[1, 1500]");
        assertLimit(market.fundingRateHistory("BTCUSDT", 1001), "[1, 1000]");
        assertLimit(market.fundingRateHistory("BTCUSDT", 0), "[1, 1000]");
        assertLimit(market.openInterestHistory("BTCUSDT", Period.H1, 501), "[1, 500]");
        assertLimit(market.longShortRatio("BTCUSDT", RatioSeries.GLOBAL_ACCOUNT, Period.H1, 0), "[1, 500]");
        assertLimit(market.takerBuySellRatio("BTCUSDT", Period.H1, 501), "[1, 500]");
        assertThat(ok(market.klines("BTCUSDT", Interval.M1, 1500))).hasSize(1500);
        // settled since genesis: 2024-01-01T08:00 … 2024-06-15T08:00, three a day for 166 days plus one
        assertThat(ok(market.fundingRateHistory("BTCUSDT", 1000))).hasSize(166 * 3 + 1);
        assertThat(ok(market.takerBuySellRatio("BTCUSDT", Period.M5, 500))).hasSize(500);
        IntelException missing = failure(market.klines("BTCUSDT", null, 10));
        assertThat(missing.getMessage()).contains("[interval]");
    }

    private static void assertLimit(Future<?> answer, String range) {
        IntelException e = failure(answer);
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
        assertThat(e.getMessage()).contains("[limit]").contains(range);
        assertThat(e.details()).containsEntry("parameter", "limit");
    }

    @Test
    void unknownSymbolsFailEverywhere() {
        List<Function<String, Future<?>>> calls = List.of(
                s -> market.klines(s, Interval.H1, 10),
                s -> market.klines(s, Interval.H1, 0, 1, 10),
                s -> market.orderBook(s, 5),
                s -> market.premiumIndex(s),
                s -> market.fundingRateHistory(s, 10),
                s -> market.openInterest(s),
                s -> market.openInterestHistory(s, Period.H1, 10),
                s -> market.longShortRatio(s, RatioSeries.TOP_ACCOUNT, Period.H1, 10),
                s -> market.takerBuySellRatio(s, Period.H1, 10),
                s -> market.ticker24h(s),
                s -> market.bookTicker(s),
                s -> market.leverageBrackets(s));
        for (Function<String, Future<?>> call : calls) {
            IntelException e = failure(call.apply("FOOUSDT"));
            assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_SYMBOL);
            assertThat(e.getMessage()).contains("FOOUSDT");
            assertThat(failure(call.apply(null)).code()).isEqualTo(ErrorCode.UNKNOWN_SYMBOL);
        }
    }
}
