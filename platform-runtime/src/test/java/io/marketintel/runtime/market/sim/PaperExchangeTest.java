package io.marketintel.runtime.market.sim;

import static io.marketintel.runtime.market.sim.SimTesting.failure;
import static io.marketintel.runtime.market.sim.SimTesting.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.market.Interval;
import io.marketintel.api.market.Kline;
import io.marketintel.api.market.OrderBook;
import io.marketintel.api.market.PriceLevel;
import io.marketintel.api.trading.Account;
import io.marketintel.api.trading.MarginType;
import io.marketintel.api.trading.Order;
import io.marketintel.api.trading.OrderRequest;
import io.marketintel.api.trading.OrderStatus;
import io.marketintel.api.trading.OrderType;
import io.marketintel.api.trading.Position;
import io.marketintel.api.trading.Side;
import io.marketintel.api.trading.TimeInForce;
import io.marketintel.runtime.MutableClock;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaperExchangeTest {

    private static final String T0 = "2024-06-15T10:20:00Z";
    private static final BigDecimal TAKER = new BigDecimal("0.0005");
    private static final BigDecimal MAKER = new BigDecimal("0.0002");

    private final MutableClock clock = MutableClock.at(T0);
    private final SimulatedMarket market = SimTesting.market(clock);
    private final PaperExchange exchange = new PaperExchange(market, clock, new BigDecimal("100000"));

    private static BigDecimal bd(String v) {
        return new BigDecimal(v);
    }

    /** {quantity, quote} a taker of {@code qty} gets by walking {@code levels}, computed by hand. */
    private static BigDecimal[] walk(List<PriceLevel> levels, BigDecimal qty) {
        BigDecimal left = qty;
        BigDecimal quote = BigDecimal.ZERO;
        int used = 0;
        for (PriceLevel level : levels) {
            if (left.signum() == 0) {
                break;
            }
            BigDecimal take = left.min(new BigDecimal(Double.toString(level.quantity())));
            quote = quote.add(take.multiply(new BigDecimal(Double.toString(level.price()))));
            left = left.subtract(take);
            used++;
        }
        return new BigDecimal[] {qty.subtract(left), quote, BigDecimal.valueOf(used)};
    }

    @Test
    void identifiesItself() {
        assertThat(exchange.name()).isEqualTo("paper");
        assertThat(exchange.paper()).isTrue();
        Account a = ok(exchange.account());
        assertThat(a.totalWalletBalance()).isEqualByComparingTo("100000");
        assertThat(a.availableBalance()).isEqualByComparingTo("100000");
        assertThat(ok(exchange.positions())).isEmpty();
    }

    @Test
    void aMarketBuyFillsAtTheBookVwap() {
        OrderBook book = ok(market.orderBook("BTCUSDT", 1000));
        BigDecimal qty = bd("3.000");
        BigDecimal[] expected = walk(book.asks(), qty);
        assertThat(expected[2].intValue()).as("levels consumed").isGreaterThan(1);
        BigDecimal vwap = expected[1].divide(qty, 8, RoundingMode.HALF_UP);

        Order o = ok(exchange.placeOrder(OrderRequest.market("BTCUSDT", Side.BUY, qty, false, "buy-1")));
        assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(o.type()).isEqualTo(OrderType.MARKET);
        assertThat(o.executedQty()).isEqualByComparingTo(qty);
        assertThat(o.cumQuote()).isEqualByComparingTo(expected[1]);
        assertThat(o.avgPrice()).isEqualByComparingTo(vwap);
        assertThat(o.avgPrice().doubleValue()).isGreaterThan(book.bestAsk());

        Position p = ok(exchange.positions()).get(0);
        assertThat(p.positionAmt()).isEqualByComparingTo(qty);
        assertThat(p.entryPrice()).isEqualByComparingTo(vwap);
        assertThat(p.leverage()).isEqualTo(20);
        assertThat(p.marginType()).isEqualTo(MarginType.CROSS);
        Account a = ok(exchange.account());
        assertThat(a.totalWalletBalance()).isEqualByComparingTo(
                bd("100000").subtract(expected[1].multiply(TAKER)).setScale(8, RoundingMode.HALF_UP));
    }

    @Test
    void aSellWalksTheBids() {
        OrderBook book = ok(market.orderBook("ETHUSDT", 1000));
        BigDecimal[] expected = walk(book.bids(), bd("40.000"));
        Order o = ok(exchange.placeOrder(OrderRequest.market("ETHUSDT", Side.SELL, bd("40.000"), false, "s-1")));
        assertThat(o.cumQuote()).isEqualByComparingTo(expected[1]);
        assertThat(ok(exchange.positions()).get(0).positionAmt()).isEqualByComparingTo("-40");
    }

    @Test
    void aLimitOrderRestsUntilThePriceTradesThroughIt() {
        // look ahead with a second market (the market is a pure function of time) for the lowest trade
        // of the next 30 minutes, and bid one tick above it
        SimulatedMarket ahead = SimTesting.market(MutableClock.at("2024-06-15T10:50:00Z"));
        long t0 = Instant.parse(T0).toEpochMilli();
        List<Kline> next = ok(ahead.klines("BTCUSDT", Interval.M1, t0, t0 + 29 * 60_000L, 30));
        double low = Double.MAX_VALUE;
        for (Kline k : next) {
            low = Math.min(low, k.low());
        }
        BigDecimal price = BigDecimal.valueOf(low).add(bd("0.1"));
        int first = 0;
        while (next.get(first).low() >= price.doubleValue()) {
            first++;
        }
        OrderBook book = ok(market.orderBook("BTCUSDT", 5));
        assertThat(price.doubleValue()).as("precondition: not marketable now").isLessThan(book.bestAsk());

        Order placed = ok(exchange.placeOrder(OrderRequest.limit("BTCUSDT", Side.BUY, bd("0.100"), price, false, "bid")));
        assertThat(placed.status()).isEqualTo(OrderStatus.NEW);
        assertThat(placed.executedQty()).isEqualByComparingTo("0");
        assertThat(ok(exchange.openOrders("BTCUSDT"))).containsExactly(placed);

        clock.set(Instant.ofEpochMilli(t0 + first * 60_000L)); // every trade so far printed at or above the bid
        assertThat(ok(exchange.order("BTCUSDT", "bid")).status()).isEqualTo(OrderStatus.NEW);

        clock.advance(Duration.ofMinutes(1)); // this minute traded below it
        Order filled = ok(exchange.order("BTCUSDT", "bid"));
        assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(filled.avgPrice()).isEqualByComparingTo(price);
        assertThat(filled.executedQty()).isEqualByComparingTo("0.1");
        assertThat(ok(exchange.openOrders("BTCUSDT"))).isEmpty();
        Position p = ok(exchange.positions()).get(0);
        assertThat(p.entryPrice()).isEqualByComparingTo(price);
        BigDecimal makerFee = price.multiply(bd("0.1")).multiply(MAKER);
        assertThat(ok(exchange.account()).totalWalletBalance())
                .isEqualByComparingTo(bd("100000").subtract(makerFee).setScale(8, RoundingMode.HALF_UP));
    }

    @Test
    void aMarketableLimitTakesWhatItCanAndRestsTheRest() {
        OrderBook book = ok(market.orderBook("BTCUSDT", 1000));
        BigDecimal limit = BigDecimal.valueOf(book.asks().get(2).price());
        BigDecimal available = BigDecimal.ZERO;
        for (int i = 0; i < 3; i++) {
            available = available.add(BigDecimal.valueOf(book.asks().get(i).quantity()));
        }
        BigDecimal qty = available.add(bd("1.000"));
        Order o = ok(exchange.placeOrder(OrderRequest.limit("BTCUSDT", Side.BUY, qty, limit, false, "sweep")));
        assertThat(o.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(o.executedQty()).isEqualByComparingTo(available);
        assertThat(ok(exchange.openOrders("BTCUSDT"))).hasSize(1);

        Order ioc = ok(exchange.placeOrder(new OrderRequest("BTCUSDT", Side.SELL, OrderType.LIMIT, bd("0.5"),
                BigDecimal.valueOf(book.bids().get(0).price() - 1000), TimeInForce.IOC, false, "ioc")));
        assertThat(ioc.status()).isIn(OrderStatus.FILLED, OrderStatus.EXPIRED);
        Order postOnly = ok(exchange.placeOrder(new OrderRequest("BTCUSDT", Side.BUY, OrderType.LIMIT, bd("0.01"),
                BigDecimal.valueOf(book.asks().get(0).price()), TimeInForce.GTX, false, "gtx")));
        assertThat(postOnly.status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(postOnly.executedQty()).isEqualByComparingTo("0");
    }

    @Test
    void refusalsNameTheRule() {
        assertRefused(OrderRequest.market("BTCUSDT", Side.BUY, bd("0.0015"), false, "a"), "MARKET_LOT_SIZE", "stepSize");
        assertRefused(OrderRequest.limit("BTCUSDT", Side.BUY, bd("0.0015"), bd("60000"), false, "b"), "LOT_SIZE", "stepSize");
        assertRefused(OrderRequest.market("BTCUSDT", Side.BUY, bd("121"), false, "c"), "MARKET_LOT_SIZE", "maxQty");
        assertRefused(OrderRequest.limit("BTCUSDT", Side.BUY, bd("0.010"), bd("60000.05"), false, "d"), "PRICE_FILTER", "tickSize");
        assertRefused(OrderRequest.limit("BTCUSDT", Side.BUY, bd("1"), bd("500.0"), false, "e"), "PRICE_FILTER", "minPrice");
        assertRefused(OrderRequest.market("BTCUSDT", Side.BUY, bd("0.001"), false, "f"), "MIN_NOTIONAL", "100");
        assertRefused(OrderRequest.limit("ETHUSDT", Side.SELL, bd("0.005"), bd("3000.00"), false, "g"), "MIN_NOTIONAL", "20");
        assertRefused(OrderRequest.market("BTCUSDT", Side.SELL, bd("0.010"), true, "h"), "REDUCE_ONLY", "increase");

        ok(exchange.placeOrder(OrderRequest.market("BTCUSDT", Side.BUY, bd("0.010"), false, "long")));
        assertRefused(OrderRequest.market("BTCUSDT", Side.BUY, bd("0.005"), true, "i"), "REDUCE_ONLY", "increase");
        assertRefused(OrderRequest.market("BTCUSDT", Side.SELL, bd("0.020"), true, "j"), "REDUCE_ONLY", "flip");
        // a reduce-only order below the minimum notional is fine (it only closes)
        Order close = ok(exchange.placeOrder(OrderRequest.market("BTCUSDT", Side.SELL, bd("0.001"), true, "k")));
        assertThat(close.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(failure(exchange.order("BTCUSDT", "a")).code()).as("refused orders are not kept").isEqualTo(ErrorCode.NOT_FOUND);
    }

    private void assertRefused(OrderRequest request, String rule, String words) {
        IntelException e = failure(exchange.placeOrder(request));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
        assertThat(e.getMessage()).contains(rule).contains(words);
        assertThat(e.details()).containsEntry("rule", rule);
    }

    @Test
    void aClientOrderIdPlacesOnce() {
        Order first = ok(exchange.placeOrder(OrderRequest.market("BTCUSDT", Side.BUY, bd("0.010"), false, "same")));
        clock.advance(Duration.ofSeconds(5));
        Order again = ok(exchange.placeOrder(OrderRequest.market("BTCUSDT", Side.BUY, bd("0.010"), false, "same")));
        Order different = ok(exchange.placeOrder(OrderRequest.market("BTCUSDT", Side.BUY, bd("0.500"), false, "same")));
        assertThat(again).isEqualTo(first);
        assertThat(different).isEqualTo(first);
        assertThat(ok(exchange.positions()).get(0).positionAmt()).isEqualByComparingTo("0.01");
        assertThat(ok(exchange.order("BTCUSDT", "same"))).isEqualTo(first);
    }

    @Test
    void openingAndClosingRealisesPnlAndPaysFees() {
        PaperExchange ex = new PaperExchange(market, clock, bd("10000"));
        BigDecimal qty = bd("0.200");
        BigDecimal[] entry = walk(ok(market.orderBook("BTCUSDT", 1000)).asks(), qty);
        ok(ex.placeOrder(OrderRequest.market("BTCUSDT", Side.BUY, qty, false, "open")));
        clock.advance(Duration.ofMinutes(10));
        BigDecimal[] exit = walk(ok(market.orderBook("BTCUSDT", 1000)).bids(), qty);
        Order close = ok(ex.placeOrder(OrderRequest.market("BTCUSDT", Side.SELL, qty, true, "close")));
        assertThat(close.cumQuote()).isEqualByComparingTo(exit[1]);

        BigDecimal realised = exit[1].subtract(entry[1]);
        BigDecimal fees = entry[1].add(exit[1]).multiply(TAKER);
        Account a = ok(ex.account());
        assertThat(a.totalWalletBalance()).isEqualByComparingTo(
                bd("10000").add(realised).subtract(fees).setScale(8, RoundingMode.HALF_UP));
        assertThat(a.totalUnrealizedProfit()).isEqualByComparingTo("0");
        assertThat(a.totalInitialMargin()).isEqualByComparingTo("0");
        assertThat(ok(ex.positions())).isEmpty();
    }

    @Test
    void aShortGainsWhenThePriceFalls() {
        PaperExchange ex = new PaperExchange(market, clock, bd("10000"));
        BigDecimal[] entry = walk(ok(market.orderBook("ETHUSDT", 1000)).bids(), bd("2.000"));
        ok(ex.placeOrder(OrderRequest.market("ETHUSDT", Side.SELL, bd("2.000"), false, "short")));
        clock.advance(Duration.ofHours(3));
        BigDecimal[] half = walk(ok(market.orderBook("ETHUSDT", 1000)).asks(), bd("1.000"));
        ok(ex.placeOrder(OrderRequest.market("ETHUSDT", Side.BUY, bd("1.000"), true, "cover-half")));
        // half the entry cost is released: realised = entry/2 − cover quote
        BigDecimal realised = entry[1].divide(bd("2")).subtract(half[1]);
        BigDecimal fees = entry[1].add(half[1]).multiply(TAKER);
        assertThat(ok(ex.account()).totalWalletBalance()).isEqualByComparingTo(
                bd("10000").add(realised).subtract(fees).setScale(8, RoundingMode.HALF_UP));
        Position p = ok(ex.positions()).get(0);
        assertThat(p.positionAmt()).isEqualByComparingTo("-1");
        assertThat(p.entryPrice()).isEqualByComparingTo(entry[1].divide(bd("2"), 8, RoundingMode.HALF_UP));
    }

    @Test
    void accountFiguresFollowTheMarkPrice() {
        ok(exchange.placeOrder(OrderRequest.market("BTCUSDT", Side.BUY, bd("1.000"), false, "x")));
        Order o = ok(exchange.order("BTCUSDT", "x"));
        clock.advance(Duration.ofMinutes(5));
        BigDecimal mark = BigDecimal.valueOf(ok(market.premiumIndex("BTCUSDT")).markPrice());
        BigDecimal wallet = bd("100000").subtract(o.cumQuote().multiply(TAKER));
        BigDecimal unrealised = mark.subtract(o.cumQuote());
        BigDecimal initial = mark.divide(bd("20"), MathContext.DECIMAL128);
        Account a = ok(exchange.account());
        assertThat(a.totalUnrealizedProfit().doubleValue()).isCloseTo(unrealised.doubleValue(), within(1e-6));
        assertThat(a.totalMarginBalance().doubleValue()).isCloseTo(wallet.add(unrealised).doubleValue(), within(1e-6));
        assertThat(a.totalInitialMargin().doubleValue()).isCloseTo(initial.doubleValue(), within(1e-6));
        // bracket 2 of BTC for a notional of about 60000: notional × 0.005 − 50
        assertThat(a.totalMaintMargin().doubleValue()).isCloseTo(mark.doubleValue() * 0.005 - 50, within(1e-6));
        assertThat(a.availableBalance().doubleValue())
                .isCloseTo(wallet.add(unrealised).subtract(initial).doubleValue(), within(1e-6));
        Position p = ok(exchange.positions()).get(0);
        assertThat(p.markPrice()).isEqualByComparingTo(mark);
        assertThat(p.notional()).isEqualByComparingTo(mark.setScale(8, RoundingMode.HALF_UP));
        // cross: LP = (WB + cum − Q·EP) / (Q·MMR − Q) in bracket 2 (the notional at LP stays above 50000)
        double lp = (wallet.doubleValue() + 50 - o.cumQuote().doubleValue()) / (0.005 - 1);
        assertThat(p.liquidationPrice().doubleValue()).isEqualTo(lp > 0 ? lp : 0, within(1e-6));
    }

    @Test
    void insufficientMarginIsAConflict() {
        PaperExchange poor = new PaperExchange(market, clock, bd("100"));
        IntelException e = failure(poor.placeOrder(OrderRequest.market("BTCUSDT", Side.BUY, bd("1.000"), false, "big")));
        assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(e.getMessage()).startsWith("margin is insufficient");
        assertThat(ok(poor.positions())).isEmpty();
        // at higher leverage the same order fits
        PaperExchange rich = new PaperExchange(market, clock, bd("3500"));
        assertThat(failure(rich.placeOrder(OrderRequest.market("BTCUSDT", Side.BUY, bd("1.000"), false, "b1"))).code())
                .isEqualTo(ErrorCode.CONFLICT);
        assertThat(ok(rich.setLeverage("BTCUSDT", 50))).isEqualTo(50);
        assertThat(ok(rich.placeOrder(OrderRequest.market("BTCUSDT", Side.BUY, bd("1.000"), false, "b2"))).status())
                .isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void leverageIsBoundedByTheBrackets() {
        assertThat(ok(exchange.setLeverage("BTCUSDT", 125))).isEqualTo(125);
        IntelException tooHigh = failure(exchange.setLeverage("BTCUSDT", 126));
        assertThat(tooHigh.code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
        assertThat(tooHigh.getMessage()).contains("[leverage]").contains("[1, 125]");
        assertThat(failure(exchange.setLeverage("DOGEUSDT", 76)).getMessage()).contains("[1, 75]");
        assertThat(failure(exchange.setLeverage("BTCUSDT", 0)).code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
        assertThat(failure(exchange.setLeverage("FOOUSDT", 5)).code()).isEqualTo(ErrorCode.UNKNOWN_SYMBOL);
        // a position of about 120000 notional is in bracket 2 (at most 100x)
        ok(exchange.setLeverage("BTCUSDT", 20));
        ok(exchange.placeOrder(OrderRequest.market("BTCUSDT", Side.BUY, bd("2.000"), false, "pos")));
        assertThat(failure(exchange.setLeverage("BTCUSDT", 125)).getMessage()).contains("at most 100");
    }

    @Test
    void cancellingAndLookingUp() {
        BigDecimal far = BigDecimal.valueOf(ok(market.orderBook("BTCUSDT", 5)).bestBid()).subtract(bd("3000"));
        ok(exchange.placeOrder(OrderRequest.limit("BTCUSDT", Side.BUY, bd("0.010"), far, false, "far")));
        Order canceled = ok(exchange.cancelOrder("BTCUSDT", "far"));
        assertThat(canceled.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(ok(exchange.openOrders("BTCUSDT"))).isEmpty();
        assertThat(failure(exchange.cancelOrder("BTCUSDT", "far")).code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(failure(exchange.cancelOrder("BTCUSDT", "nope")).code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(failure(exchange.order("ETHUSDT", "far")).code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(failure(exchange.placeOrder(OrderRequest.market("FOOUSDT", Side.BUY, bd("1"), false, "z"))).code())
                .isEqualTo(ErrorCode.UNKNOWN_SYMBOL);
    }

    @Test
    void anIsolatedPositionIsLiquidatedWhenThePriceCrossesItsLiquidationPrice() {
        PaperExchange ex = new PaperExchange(market, clock, bd("1000"));
        ok(ex.setMarginType("BTCUSDT", MarginType.ISOLATED));
        ok(ex.setLeverage("BTCUSDT", 100));
        Order open = ok(ex.placeOrder(OrderRequest.market("BTCUSDT", Side.BUY, bd("0.100"), false, "lev")));
        Position p = ok(ex.positions()).get(0);
        assertThat(p.marginType()).isEqualTo(MarginType.ISOLATED);
        // isolated wallet = notional / 100, bracket 1 (notional about 6000): MMR 0.004, cum 0
        double q = 0.1;
        double notional = open.cumQuote().doubleValue();
        double wallet = notional / 100;
        double lp = (wallet + 0 - notional) / (q * 0.004 - q);
        assertThat(p.liquidationPrice().doubleValue()).isCloseTo(lp, within(1e-6));
        assertThat(p.isolatedMargin().doubleValue()).isCloseTo(wallet + p.unrealizedProfit().doubleValue(), within(1e-6));

        // find the first minute whose low reaches the liquidation price
        long t0 = clock.millis();
        SimulatedMarket ahead = SimTesting.market(MutableClock.at("2024-06-25T00:00:00Z"));
        long hit = -1;
        for (long from = t0; hit < 0; from += 1500 * 60_000L) {
            for (Kline k : ok(ahead.klines("BTCUSDT", Interval.M1, from, from + 1499 * 60_000L, 1500))) {
                if (k.openTime() > t0 && k.low() <= lp) {
                    hit = k.openTime();
                    break;
                }
            }
        }
        clock.set(Instant.ofEpochMilli(hit));
        assertThat(ok(ex.positions())).hasSize(1);
        clock.set(Instant.ofEpochMilli(hit + 60_000L));
        assertThat(ok(ex.positions())).isEmpty();
        Order liquidation = ok(ex.order("BTCUSDT", "autoclose-2"));
        assertThat(liquidation.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(liquidation.side()).isEqualTo(Side.SELL);
        assertThat(liquidation.avgPrice().doubleValue()).isCloseTo(lp, within(0.05));
        // lost about the isolated margin (plus fees), nothing more
        double left = ok(ex.account()).totalWalletBalance().doubleValue();
        double expected = 1000 - notional * 0.0005 - (notional - q * liquidation.avgPrice().doubleValue())
                - q * liquidation.avgPrice().doubleValue() * 0.0005;
        assertThat(left).isCloseTo(expected, within(1e-6));
        assertThat(1000 - left).isBetween(wallet * 0.5, wallet + notional * 0.002);
    }

    @Test
    void marginTypeCannotChangeUnderAPosition() {
        ok(exchange.placeOrder(OrderRequest.market("BTCUSDT", Side.BUY, bd("0.010"), false, "p")));
        assertThat(failure(exchange.setMarginType("BTCUSDT", MarginType.ISOLATED)).code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(ok(exchange.setMarginType("ETHUSDT", MarginType.ISOLATED))).isEqualTo(MarginType.ISOLATED);
    }
}
