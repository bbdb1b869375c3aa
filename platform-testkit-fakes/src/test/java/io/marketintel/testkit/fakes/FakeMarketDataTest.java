package io.marketintel.testkit.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.market.Interval;
import io.marketintel.api.market.Kline;
import io.marketintel.api.market.OpenInterestPoint;
import io.marketintel.api.market.OrderBook;
import io.marketintel.api.market.Period;
import io.marketintel.api.market.PriceLevel;
import io.marketintel.api.market.RatioSeries;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FakeMarketDataTest {

    private static final long H = 3_600_000L;

    /** Hourly candles opening at 0, H, 2H, … with close = index. */
    private static List<Kline> hours(int n) {
        List<Kline> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Kline(i * H, i, i, i, i, 1, (i + 1) * H - 1, i, 1, 0.5, 0.5 * i));
        }
        return out;
    }

    private static Throwable cause(Future<?> f) {
        assertThat(f.failed()).as("failed").isTrue();
        return f.cause();
    }

    @Test
    void unscriptedSymbolDataFailsWithUnknownSymbolLikeThePlatformSources() {
        FakeMarketData market = new FakeMarketData().klines("BTCUSDT", hours(3));

        Throwable noKlines = cause(market.klines("ETHUSDT", Interval.H1, 10));
        Throwable noBook = cause(market.orderBook("BTCUSDT", 100));
        Throwable noRatio = cause(market.longShortRatio("BTCUSDT", RatioSeries.GLOBAL_ACCOUNT, Period.H1, 5));

        for (Throwable t : List.of(noKlines, noBook, noRatio)) {
            assertThat(t).isInstanceOf(IntelException.class);
            assertThat(((IntelException) t).code()).isEqualTo(ErrorCode.UNKNOWN_SYMBOL);
        }
        assertThat(noKlines).hasMessageStartingWith("symbol [ETHUSDT] is not listed by the market");
        assertThat(((IntelException) noBook).details()).isEqualTo(Map.of("symbol", "BTCUSDT"));
        assertThat(noBook).hasMessageContaining("order book");
    }

    @Test
    void unscriptedExchangeInfoAndServerTimeAreUpstreamUnavailable() {
        FakeMarketData market = new FakeMarketData();

        assertThat(((IntelException) cause(market.exchangeInfo())).code()).isEqualTo(ErrorCode.UPSTREAM_UNAVAILABLE);
        assertThat(((IntelException) cause(market.serverTime())).code()).isEqualTo(ErrorCode.UPSTREAM_UNAVAILABLE);
        assertThat(market.serverTime(42).serverTime().result()).isEqualTo(42L);
    }

    @Test
    void klinesAnswerTheNewestLimitOrTheRangeFromItsStartLikeBinance() {
        FakeMarketData market = new FakeMarketData().klines("BTCUSDT", hours(10));

        assertThat(market.klines("BTCUSDT", Interval.H1, 3).result()).extracting(Kline::close)
                .containsExactly(7.0, 8.0, 9.0);
        assertThat(market.klines("BTCUSDT", Interval.H1, 2 * H, 8 * H, 4).result()).extracting(Kline::close)
                .containsExactly(2.0, 3.0, 4.0, 5.0);
        assertThat(market.klines("BTCUSDT", Interval.H1, 8 * H, 20 * H, 100).result()).extracting(Kline::close)
                .containsExactly(8.0, 9.0);
    }

    @Test
    void aCarelessSourceAnswersTheNewestKlinesWhateverTheRange() {
        FakeMarketData market = new FakeMarketData().klines("BTCUSDT", hours(10)).ignoreRanges(true);

        assertThat(market.klines("BTCUSDT", Interval.H1, 2 * H, 4 * H, 3).result()).extracting(Kline::close)
                .containsExactly(7.0, 8.0, 9.0);
    }

    @Test
    void klinesOfOneIntervalWinOverThoseOfEveryInterval() {
        FakeMarketData market = new FakeMarketData().klines("BTCUSDT", hours(10))
                .klines("BTCUSDT", Interval.D1, hours(2));

        assertThat(market.klines("BTCUSDT", Interval.D1, 100).result()).hasSize(2);
        assertThat(market.klines("BTCUSDT", Interval.H4, 100).result()).hasSize(10);
    }

    @Test
    void aKlineLimitBeyondBinancesIsRefusedNamingTheParameter() {
        FakeMarketData market = new FakeMarketData().klines("BTCUSDT", hours(10));

        IntelException e = (IntelException) cause(market.klines("BTCUSDT", Interval.H1, 1501));

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
        assertThat(e).hasMessage("parameter [limit] must be within [1, 1500], was 1501");
        assertThat(cause(market.klines("BTCUSDT", Interval.H1, 0, H, 0))).isInstanceOf(IntelException.class);
    }

    @Test
    void anOrderBookIsCutToTheRequestedDepth() {
        List<PriceLevel> bids = List.of(new PriceLevel(99, 1), new PriceLevel(98, 2), new PriceLevel(97, 3));
        List<PriceLevel> asks = List.of(new PriceLevel(101, 1), new PriceLevel(102, 2));
        FakeMarketData market = new FakeMarketData().orderBook(new OrderBook("BTCUSDT", 7, 1, 1, bids, asks));

        OrderBook book = market.orderBook("BTCUSDT", 2).result();

        assertThat(book.bids()).extracting(PriceLevel::price).containsExactly(99.0, 98.0);
        assertThat(book.asks()).extracting(PriceLevel::price).containsExactly(101.0, 102.0);
        assertThat(book.lastUpdateId()).isEqualTo(7);
    }

    @Test
    void everyRequestIsRecordedAndCountedByPrefix() {
        FakeMarketData market = new FakeMarketData().klines("BTCUSDT", hours(3)).klines("ETHUSDT", hours(3))
                .openInterestHistory("BTCUSDT", List.of(new OpenInterestPoint("BTCUSDT", 1, 2, 3)));

        market.klines("BTCUSDT", Interval.H1, 2);
        market.klines("ETHUSDT", Interval.M15, 0, H, 5);
        market.openInterestHistory("BTCUSDT", Period.H1, 25);
        market.premiumIndexAll();

        assertThat(market.requests()).containsExactly("klines BTCUSDT H1 2", "klines ETHUSDT M15 0 3600000 5",
                "openInterestHistory BTCUSDT H1 25", "premiumIndexAll");
        assertThat(market.count("klines")).isEqualTo(2);
        assertThat(market.count("klines ETHUSDT")).isEqualTo(1);
        assertThat(market.count("premiumIndex")).isZero();
    }

    @Test
    void scriptedFailuresHitTheRequestsWithTheirPrefixUntilCleared() {
        FakeMarketData market = new FakeMarketData().klines("BTCUSDT", hours(3)).klines("ETHUSDT", hours(3));
        IllegalStateException boom = new IllegalStateException("boom");

        market.fail("klines ETHUSDT", boom);

        assertThat(cause(market.klines("ETHUSDT", Interval.H1, 2))).isSameAs(boom);
        assertThat(market.klines("BTCUSDT", Interval.H1, 2).succeeded()).isTrue();
        market.clearFailures();
        assertThat(market.klines("ETHUSDT", Interval.H1, 2).succeeded()).isTrue();
    }

    @Test
    void heldAnswersStayPendingUntilReleasedInOrder() {
        FakeMarketData market = new FakeMarketData().klines("BTCUSDT", hours(3)).hold(true);

        Future<List<Kline>> first = market.klines("BTCUSDT", Interval.H1, 1);
        Future<List<Kline>> second = market.klines("ETHUSDT", Interval.H1, 1);

        assertThat(first.isComplete()).isFalse();
        assertThat(market.held()).isEqualTo(2);
        market.releaseNext();
        assertThat(first.result()).hasSize(1);
        assertThat(second.isComplete()).isFalse();
        market.releaseNext();
        assertThat(cause(second)).isInstanceOf(IntelException.class);
        assertThat(market.held()).isZero();
        assertThat(market.maxHeld()).isEqualTo(2);
    }
}
