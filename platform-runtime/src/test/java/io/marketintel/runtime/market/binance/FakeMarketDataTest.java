package io.marketintel.runtime.market.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.market.ExchangeInfo;
import io.marketintel.api.market.FundingRate;
import io.marketintel.api.market.Interval;
import io.marketintel.api.market.Kline;
import io.marketintel.api.market.LeverageBracket;
import io.marketintel.api.market.LongShortRatio;
import io.marketintel.api.market.OpenInterestPoint;
import io.marketintel.api.market.OrderBook;
import io.marketintel.api.market.Period;
import io.marketintel.api.market.PremiumIndex;
import io.marketintel.api.market.RateLimit;
import io.marketintel.api.market.RatioSeries;
import io.marketintel.api.market.SymbolInfo;
import io.marketintel.api.market.TakerVolumeRatio;
import io.marketintel.api.market.Ticker24h;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every public endpoint's real format, end to end through the connector against the fake's real data. */
@ExtendWith(VertxExtension.class)
class FakeMarketDataTest {

    private Harness h;

    @BeforeEach
    void start(Vertx vertx) {
        h = Harness.start(vertx, fake -> fake.requestWeightLimit(1234), s -> s);
    }

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void connectReadsTheRateLimitsFromExchangeInfo() {
        BinanceStatus s = h.market.status();
        assertThat(s.weightLimitAnnounced()).isEqualTo(1234);
        assertThat(s.weightLimit()).isEqualTo(1110); // 10 % below
        assertThat(s.orders10sLimit()).isEqualTo(270);
        assertThat(s.state()).isEqualTo("UP");
        assertThat(s.credentials()).isTrue();
        assertThat(s.serverUsedWeight()).isEqualTo(2); // time + exchangeInfo
        assertThat(h.md().source()).isEqualTo("binance");
    }

    @Test
    void exchangeInfoOfTheRealFile() {
        ExchangeInfo info = Await.value(h.md().exchangeInfo());
        assertThat(info.symbols()).extracting(SymbolInfo::symbol).containsExactly("BTCUSDT", "ETHUSDT",
                "BTCUSDT_220325");
        SymbolInfo btc = info.symbol("BTCUSDT").orElseThrow();
        assertThat(btc.tickSize().toPlainString()).isEqualTo("0.10");
        assertThat(btc.stepSize()).isEqualTo(new BigDecimal("0.001"));
        assertThat(btc.minNotional()).isEqualTo(new BigDecimal("10"));
        assertThat(btc.contractType()).isEqualTo("PERPETUAL");
        assertThat(info.rateLimits()).contains(new RateLimit("REQUEST_WEIGHT", "MINUTE", 1, 1234));
        assertThat(info.serverTime()).isEqualTo(Instant.parse(Harness.START).toEpochMilli());
    }

    @Test
    void depthSnapshotTruncatedToEachLimit() {
        for (int limit : List.of(5, 10, 20, 50, 100, 500, 1000)) {
            OrderBook book = Await.value(h.md().orderBook("BTCUSDT", limit));
            assertThat(book.bids()).hasSize(limit);
            assertThat(book.asks()).hasSize(limit);
            assertThat(book.lastUpdateId()).isEqualTo(5123107852948L);
            assertThat(book.bestBid()).isEqualTo(61800.20);
            assertThat(book.bestAsk()).isEqualTo(61800.30);
        }
        OrderBook eth = Await.value(h.md().orderBook("ethusdt", 5));
        assertThat(eth.symbol()).isEqualTo("ETHUSDT");
        assertThat(eth.bestBid()).isEqualTo(2681.62);
    }

    @Test
    void klinesFromTheRecordedFiles() {
        List<Kline> btc = Await.value(h.md().klines("BTCUSDT", Interval.H1, 3));
        assertThat(btc).hasSize(3);
        Kline last = btc.get(2);
        assertThat(last.openTime()).isEqualTo(Instant.parse("2023-12-30T19:00:00Z").toEpochMilli());
        assertThat(last.open()).isEqualTo(42411.11);
        assertThat(last.high()).isEqualTo(42455.46);
        assertThat(last.low()).isEqualTo(42339.24);
        assertThat(last.close()).isEqualTo(42361.12);
        assertThat(last.volume()).isEqualTo(740.97838);
        assertThat(last.closeTime()).isEqualTo(last.openTime() + 3_599_999);
        assertThat(btc.get(0).openTime()).isLessThan(btc.get(1).openTime());

        List<Kline> xrp = Await.value(h.md().klines("XRPUSDT", Interval.M5, 1636934400000L, 1636935000000L, 10));
        assertThat(xrp).hasSize(3);
        assertThat(xrp.get(0).open()).isEqualTo(1.1893);
        assertThat(xrp.get(0).close()).isEqualTo(1.1941);

        List<Kline> fourHours = Await.value(h.md().klines("BTCUSDT", Interval.H4, 2));
        List<Kline> hours = Await.value(h.md().klines("BTCUSDT", Interval.H1, fourHours.get(0).openTime(),
                fourHours.get(0).openTime() + 3 * 3_600_000L, 4));
        assertThat(fourHours.get(0).high()).isEqualTo(hours.stream().mapToDouble(Kline::high).max().orElseThrow());
        assertThat(fourHours.get(0).open()).isEqualTo(hours.get(0).open());
    }

    @Test
    void premiumIndexOneAndAll() {
        PremiumIndex btc = Await.value(h.md().premiumIndex("BTCUSDT"));
        assertThat(btc.markPrice()).isEqualTo(61800.25);
        assertThat(btc.lastFundingRate()).isEqualTo(0.0001);
        List<PremiumIndex> all = Await.value(h.md().premiumIndexAll());
        assertThat(all).extracting(PremiumIndex::symbol).contains("BTCUSDT", "XRPUSDT", "BTCUSDT_220325");
        PremiumIndex delivery = all.stream().filter(p -> p.symbol().equals("BTCUSDT_220325")).findFirst().orElseThrow();
        assertThat(delivery.lastFundingRate()).isNaN();
        assertThat(delivery.nextFundingTime()).isZero();
    }

    @Test
    void recordedXrpFunding() {
        List<FundingRate> f = Await.value(h.md().fundingRateHistory("XRPUSDT", 1000));
        assertThat(f).hasSize(91);
        assertThat(f.get(0)).isEqualTo(new FundingRate("XRPUSDT", 0.0001, 1637193600017L, 1.0959));
        assertThat(f.get(90).fundingTime()).isEqualTo(1639785600014L);
        assertThat(Await.value(h.md().fundingRateHistory("XRPUSDT", 5))).isEqualTo(f.subList(86, 91));
    }

    @Test
    void openInterestAndStatistics() {
        assertThat(Await.value(h.md().openInterest("BTCUSDT")).openInterest()).isPositive();
        List<OpenInterestPoint> oi = Await.value(h.md().openInterestHistory("BTCUSDT", Period.M5, 30));
        assertThat(oi).hasSize(30);
        assertThat(oi.get(29).timestamp() - oi.get(28).timestamp()).isEqualTo(300_000);
        for (RatioSeries series : RatioSeries.values()) {
            List<LongShortRatio> r = Await.value(h.md().longShortRatio("ETHUSDT", series, Period.H1, 24));
            assertThat(r).hasSize(24);
            LongShortRatio p = r.get(0);
            assertThat(p.longAccount() + p.shortAccount()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        }
        List<TakerVolumeRatio> t = Await.value(h.md().takerBuySellRatio("BTCUSDT", Period.M15, 10));
        assertThat(t).hasSize(10);
        assertThat(t.get(0).buySellRatio()).isPositive();
        assertThat(h.market.status().statisticsRequests()).isEqualTo(5);
    }

    @Test
    void tickers() {
        Ticker24h btc = Await.value(h.md().ticker24h("BTCUSDT"));
        assertThat(btc.lastPrice()).isEqualTo(61800.25);
        assertThat(Await.value(h.md().tickers24h())).hasSizeGreaterThanOrEqualTo(6);
        assertThat(Await.value(h.md().bookTicker("BTCUSDT")).bidPrice()).isEqualTo(61800.20);
    }

    @Test
    void leverageBracketsFromTheSignedEndpoint() {
        List<LeverageBracket> b = Await.value(h.md().leverageBrackets("BTCUSDT"));
        assertThat(b.get(0)).isEqualTo(new LeverageBracket(1, 125, 50000, 0, 0.004, 0));
        assertThat(b.get(1).cum()).isEqualTo(50);
    }

    @Test
    void unknownSymbolIsUnknownSymbol() {
        IntelException e = Await.failure(h.md().klines("NOPEUSDT", Interval.H1, 10));
        assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_SYMBOL);
        assertThat(e.details()).containsEntry("symbol", "NOPEUSDT");
        assertThat(h.fake.count("/fapi/v1/klines")).as("-1121 is not retried").isEqualTo(1);
    }

    @Test
    void badLimitsFailBeforeAnyRequest() {
        long before = h.fake.requests().size();
        IntelException depth = Await.failure(h.md().orderBook("BTCUSDT", 7));
        assertThat(depth.code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
        assertThat(depth.details()).containsEntry("parameter", "limit");
        assertThat(depth.getMessage()).contains("[5, 10, 20, 50, 100, 500, 1000]").contains("7");
        IntelException klines = Await.failure(h.md().klines("BTCUSDT", Interval.H1, 1501));
        assertThat(klines.getMessage()).contains("parameter [limit] must be within [1, 1500]");
        assertThat(Await.failure(h.md().openInterestHistory("BTCUSDT", Period.M5, 501)).details())
                .containsEntry("parameter", "limit");
        assertThat(Await.failure(h.md().fundingRateHistory("BTCUSDT", 0)).details())
                .containsEntry("parameter", "limit");
        assertThat(Await.failure(h.md().longShortRatio("BTCUSDT", null, Period.M5, 5)).details())
                .containsEntry("parameter", "series");
        assertThat(h.fake.requests()).hasSize((int) before);
    }

    @Test
    void leverageBracketsNeedCredentials(Vertx vertx) {
        BinanceMarket anonymous = Await.value(BinanceMarket.connect(vertx, Harness.settings(h.fake)
                .withCredentials("", ""), h.scheduler));
        try {
            long before = h.fake.count("/fapi/v1/leverageBracket");
            IntelException e = Await.failure(anonymous.marketData().leverageBrackets("BTCUSDT"));
            assertThat(e.code()).isEqualTo(ErrorCode.UPSTREAM_UNAVAILABLE);
            assertThat(e.getMessage()).contains("credentials are needed").contains("binance.api_key");
            assertThat(h.fake.count("/fapi/v1/leverageBracket")).isEqualTo(before);
            assertThat(anonymous.status().credentials()).isFalse();
            // market data without credentials works
            assertThat(Await.value(anonymous.marketData().premiumIndex("BTCUSDT")).symbol()).isEqualTo("BTCUSDT");
        } finally {
            Await.value(anonymous.close());
        }
    }
}
