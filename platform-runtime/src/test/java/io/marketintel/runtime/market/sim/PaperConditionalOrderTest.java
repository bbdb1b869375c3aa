package io.marketintel.runtime.market.sim;

import static io.marketintel.runtime.market.sim.SimTesting.failure;
import static io.marketintel.runtime.market.sim.SimTesting.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.market.Interval;
import io.marketintel.api.market.Kline;
import io.marketintel.api.trading.ConditionalOrder;
import io.marketintel.api.trading.ConditionalOrderRequest;
import io.marketintel.api.trading.ConditionalOrderStatus;
import io.marketintel.api.trading.ConditionalOrderType;
import io.marketintel.api.trading.Order;
import io.marketintel.api.trading.OrderRequest;
import io.marketintel.api.trading.OrderStatus;
import io.marketintel.api.trading.OrderType;
import io.marketintel.api.trading.Position;
import io.marketintel.api.trading.Side;
import io.marketintel.api.trading.TimeInForce;
import io.marketintel.api.trading.WorkingType;
import io.marketintel.runtime.MutableClock;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Conditional (algo) orders on the paper exchange. Expectations come from the simulated market's public answers
 * read ahead of time through a second market instance (the market is a pure function of time): 1-minute klines
 * for where the last price goes, the forming candle and the premium index second by second for the exact trigger
 * second.
 */
class PaperConditionalOrderTest {

    private static final String BTC = "BTCUSDT";
    private static final String T0 = "2024-06-15T10:20:00Z";
    private static final BigDecimal TICK = new BigDecimal("0.1");

    private final MutableClock clock = MutableClock.at(T0);
    private final SimulatedMarket market = SimTesting.market(clock);
    private final PaperExchange exchange = new PaperExchange(market, clock, new BigDecimal("100000"));
    private final long t0 = clock.millis();

    private final MutableClock aheadClock = MutableClock.at("2024-07-01T00:00:00Z");
    private final SimulatedMarket ahead = SimTesting.market(aheadClock);

    private static BigDecimal bd(String v) {
        return new BigDecimal(v);
    }

    /** The closed 1m klines of the {@code minutes} minutes from {@code from}, as the market will print them. */
    private List<Kline> minutes(long from, int minutes) {
        aheadClock.set(Instant.ofEpochMilli(from + (minutes + 1) * 60_000L));
        return ok(ahead.klines(BTC, Interval.M1, from, from + (minutes - 1) * 60_000L, minutes));
    }

    /** The last trade price at {@code t}: the close of the minute forming then. */
    private double lastAt(long t) {
        aheadClock.set(Instant.ofEpochMilli(t));
        List<Kline> k = ok(ahead.klines(BTC, Interval.M1, 1));
        return k.get(k.size() - 1).close();
    }

    /** The mark price at {@code t}. */
    private double markAt(long t) {
        aheadClock.set(Instant.ofEpochMilli(t));
        return ok(ahead.premiumIndex(BTC)).markPrice();
    }

    private static BigDecimal onTick(double price, RoundingMode mode) {
        return BigDecimal.valueOf(price).divide(TICK, 0, mode).multiply(TICK);
    }

    private BigDecimal position() {
        List<Position> ps = ok(exchange.positions());
        return ps.isEmpty() ? BigDecimal.ZERO : ps.get(0).positionAmt();
    }

    private void open(Side side, String qty) {
        Order o = ok(exchange.placeOrder(OrderRequest.market(BTC, side, bd(qty), false, "open-" + side)));
        assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
    }

    /** Index of the first minute whose high reaches {@code level} (or whose low, when {@code up} is false). */
    private static int firstReaching(List<Kline> ks, double level, boolean up) {
        for (int i = 0; i < ks.size(); i++) {
            if (up ? ks.get(i).high() >= level : ks.get(i).low() <= level) {
                return i;
            }
        }
        throw new AssertionError("the price never reaches " + level);
    }

    @Test
    void aTakeProfitSellTriggersWhenTheLastPriceReachesItAndNotBefore() {
        open(Side.BUY, "0.050");
        List<Kline> next = minutes(t0, 120);
        double top = next.stream().mapToDouble(Kline::high).max().orElseThrow();
        BigDecimal trigger = onTick(top, RoundingMode.DOWN).subtract(TICK);   // reached, but only late
        int k = firstReaching(next, trigger.doubleValue(), true);
        assertThat(k).as("precondition: not reached in the first minute").isPositive();

        ConditionalOrder placed = ok(exchange.placeConditionalOrder(new ConditionalOrderRequest(BTC, Side.SELL,
                ConditionalOrderType.TAKE_PROFIT_MARKET, bd("0.020"), trigger, null, null, WorkingType.CONTRACT_PRICE,
                true, false, false, null, null, "tp-1")));
        assertThat(placed.status()).isEqualTo(ConditionalOrderStatus.NEW);
        assertThat(placed.type()).isEqualTo(ConditionalOrderType.TAKE_PROFIT_MARKET);
        assertThat(placed.triggerPrice()).isEqualByComparingTo(trigger);
        assertThat(placed.workingType()).isEqualTo(WorkingType.CONTRACT_PRICE);
        assertThat(placed.reduceOnly()).isTrue();
        assertThat(placed.actualOrderId()).isEmpty();
        assertThat(placed.createTime()).isEqualTo(t0);
        assertThat(ok(exchange.openConditionalOrders(BTC))).containsExactly(placed);

        // every trade up to the start of minute k printed below the trigger
        clock.set(Instant.ofEpochMilli(next.get(k).openTime()));
        assertThat(ok(exchange.conditionalOrder(BTC, "tp-1")).status()).isEqualTo(ConditionalOrderStatus.NEW);
        assertThat(position()).isEqualByComparingTo("0.05");

        clock.advance(Duration.ofMinutes(1));    // minute k trades at the trigger
        ConditionalOrder done = ok(exchange.conditionalOrder(BTC, "tp-1"));
        assertThat(done.status()).isEqualTo(ConditionalOrderStatus.FINISHED);
        assertThat(done.triggerTime()).isBetween(next.get(k).openTime() + 1000, next.get(k).openTime() + 60_000);
        assertThat(done.actualOrderId()).isNotEmpty();
        assertThat(ok(exchange.openConditionalOrders(BTC))).isEmpty();
        assertThat(position()).as("reduced by the take-profit's quantity").isEqualByComparingTo("0.03");

        Order fill = ok(exchange.order(BTC, "tp-1"));    // the triggered order carries the client algo id
        assertThat(Long.toString(fill.orderId())).isEqualTo(done.actualOrderId());
        assertThat(fill.type()).isEqualTo(OrderType.MARKET);
        assertThat(fill.side()).isEqualTo(Side.SELL);
        assertThat(fill.reduceOnly()).isTrue();
        assertThat(fill.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(fill.executedQty()).isEqualByComparingTo("0.02");
        assertThat(fill.updateTime()).isEqualTo(done.triggerTime());
        // a market sell into the bids of the trigger second: just under the trade that touched the trigger
        assertThat(fill.avgPrice().doubleValue()).isBetween(trigger.doubleValue() * 0.999, trigger.doubleValue() * 1.001);
    }

    @Test
    void aTakeProfitBuyOnAShortTriggersOnTheWayDown() {
        open(Side.SELL, "0.040");
        List<Kline> next = minutes(t0, 120);
        double bottom = next.stream().mapToDouble(Kline::low).min().orElseThrow();
        BigDecimal trigger = onTick(bottom, RoundingMode.UP).add(TICK);
        int k = firstReaching(next, trigger.doubleValue(), false);
        assertThat(k).isPositive();
        ok(exchange.placeConditionalOrder(new ConditionalOrderRequest(BTC, Side.BUY,
                ConditionalOrderType.TAKE_PROFIT_MARKET, bd("0.040"), trigger, null, null, WorkingType.CONTRACT_PRICE,
                true, false, false, null, null, "tp-short")));

        clock.set(Instant.ofEpochMilli(next.get(k).openTime()));
        assertThat(ok(exchange.conditionalOrder(BTC, "tp-short")).status()).isEqualTo(ConditionalOrderStatus.NEW);
        clock.advance(Duration.ofMinutes(1));
        assertThat(ok(exchange.conditionalOrder(BTC, "tp-short")).status()).isEqualTo(ConditionalOrderStatus.FINISHED);
        assertThat(ok(exchange.positions())).as("the whole short is covered").isEmpty();
    }

    @Test
    void aStopMarketSellTriggersWhenThePriceFallsToIt() {
        open(Side.BUY, "0.030");
        List<Kline> next = minutes(t0, 180);
        double bottom = next.stream().mapToDouble(Kline::low).min().orElseThrow();
        BigDecimal trigger = onTick(bottom, RoundingMode.UP).add(TICK);
        int k = firstReaching(next, trigger.doubleValue(), false);
        ok(exchange.placeConditionalOrder(new ConditionalOrderRequest(BTC, Side.SELL, ConditionalOrderType.STOP_MARKET,
                bd("0.030"), trigger, null, null, WorkingType.CONTRACT_PRICE, true, false, false, null, null, "sl-1")));
        clock.set(Instant.ofEpochMilli(next.get(k).openTime()));
        assertThat(ok(exchange.conditionalOrder(BTC, "sl-1")).status()).isEqualTo(ConditionalOrderStatus.NEW);
        clock.advance(Duration.ofMinutes(1));
        assertThat(ok(exchange.conditionalOrder(BTC, "sl-1")).status()).isEqualTo(ConditionalOrderStatus.FINISHED);
        assertThat(ok(exchange.positions())).isEmpty();
    }

    @Test
    void aMarkPriceTriggerWatchesTheMarkPriceSecondBySecond() {
        open(Side.BUY, "0.050");
        // a trigger the mark reaches within the next two hours, found second by second from the premium index
        List<Kline> next = minutes(t0, 120);
        double top = next.stream().mapToDouble(Kline::high).max().orElseThrow();
        int k = firstReaching(next, top, true);
        long from = next.get(k).openTime();
        double markTop = 0;
        for (long t = from + 1000; t <= from + 60_000; t += 1000) {
            markTop = Math.max(markTop, markAt(t));
        }
        BigDecimal trigger = onTick(markTop, RoundingMode.DOWN);
        long hit = -1;
        for (long t = t0 + 1000; hit < 0; t += 1000) {
            if (markAt(t) >= trigger.doubleValue()) {
                hit = t;
            }
        }
        assertThat(hit).isGreaterThan(t0 + 60_000);
        ok(exchange.placeConditionalOrder(ConditionalOrderRequest.takeProfitMarket(BTC, Side.SELL, bd("0.010"), trigger,
                true, "tp-mark")));

        clock.set(Instant.ofEpochMilli(hit - 1000));
        assertThat(ok(exchange.conditionalOrder(BTC, "tp-mark")).status()).isEqualTo(ConditionalOrderStatus.NEW);
        clock.set(Instant.ofEpochMilli(hit));
        ConditionalOrder done = ok(exchange.conditionalOrder(BTC, "tp-mark"));
        assertThat(done.status()).isEqualTo(ConditionalOrderStatus.FINISHED);
        assertThat(done.workingType()).isEqualTo(WorkingType.MARK_PRICE);
        assertThat(done.triggerTime()).isEqualTo(hit);
        assertThat(position()).isEqualByComparingTo("0.04");
    }

    @Test
    void reduceOnlyNeedsAPositionAndIsCappedAtWhatIsLeftWhenItTriggers() {
        BigDecimal above = onTick(lastAt(t0) * 1.05, RoundingMode.DOWN);
        IntelException none = failure(exchange.placeConditionalOrder(ConditionalOrderRequest.takeProfitMarket(BTC,
                Side.SELL, bd("0.010"), above, true, "no-pos")));
        assertThat(none.code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
        assertThat(none.getMessage()).contains("REDUCE_ONLY").contains("needs a long position");
        assertThat(none.details()).containsEntry("rule", "REDUCE_ONLY");
        open(Side.SELL, "0.010");
        assertThat(failure(exchange.placeConditionalOrder(ConditionalOrderRequest.takeProfitMarket(BTC, Side.SELL,
                bd("0.010"), above, true, "same-side"))).getMessage()).as("a SELL cannot reduce a short")
                .contains("REDUCE_ONLY");
        ok(exchange.placeOrder(OrderRequest.market(BTC, Side.BUY, bd("0.030"), false, "flip")));   // now long 0.020

        List<Kline> next = minutes(t0, 120);
        double top = next.stream().mapToDouble(Kline::high).max().orElseThrow();
        BigDecimal first = onTick(top, RoundingMode.DOWN).subtract(bd("30"));
        BigDecimal second = onTick(top, RoundingMode.DOWN);
        int k1 = firstReaching(next, first.doubleValue(), true);
        int k2 = firstReaching(next, second.doubleValue(), true);
        assertThat(k1).isLessThanOrEqualTo(k2);
        // two reduce-only take-profits of 0.015 on a long of 0.020: the second gets what is left
        ok(exchange.placeConditionalOrder(new ConditionalOrderRequest(BTC, Side.SELL,
                ConditionalOrderType.TAKE_PROFIT_MARKET, bd("0.015"), first, null, null, WorkingType.CONTRACT_PRICE,
                true, false, false, null, null, "a")));
        ok(exchange.placeConditionalOrder(new ConditionalOrderRequest(BTC, Side.SELL,
                ConditionalOrderType.TAKE_PROFIT_MARKET, bd("0.015"), second, null, null, WorkingType.CONTRACT_PRICE,
                true, false, false, null, null, "b")));
        clock.set(Instant.ofEpochMilli(next.get(k2).closeTime() + 1));
        assertThat(ok(exchange.order(BTC, "a")).executedQty()).isEqualByComparingTo("0.015");
        assertThat(ok(exchange.order(BTC, "b")).executedQty()).as("capped at the 0.005 left").isEqualByComparingTo("0.005");
        assertThat(ok(exchange.positions())).isEmpty();

        // a third one, placed while long, whose position is gone when it triggers: refused by the matching engine
        clock.set(Instant.ofEpochMilli(t0 + 121 * 60_000L));
        ok(exchange.placeOrder(OrderRequest.market(BTC, Side.BUY, bd("0.010"), false, "again")));
        List<Kline> later = minutes(clock.millis(), 120);
        double laterTop = later.stream().mapToDouble(Kline::high).max().orElseThrow();
        BigDecimal third = onTick(laterTop, RoundingMode.DOWN);
        int k3 = firstReaching(later, third.doubleValue(), true);
        ok(exchange.placeConditionalOrder(new ConditionalOrderRequest(BTC, Side.SELL,
                ConditionalOrderType.TAKE_PROFIT_MARKET, bd("0.010"), third, null, null, WorkingType.CONTRACT_PRICE,
                true, false, false, null, null, "c")));
        ok(exchange.placeOrder(OrderRequest.market(BTC, Side.SELL, bd("0.010"), true, "manual-close")));
        clock.set(Instant.ofEpochMilli(later.get(k3).closeTime() + 1));
        ConditionalOrder c = ok(exchange.conditionalOrder(BTC, "c"));
        assertThat(c.status()).isEqualTo(ConditionalOrderStatus.REJECTED);
        assertThat(c.actualOrderId()).isEmpty();
        assertThat(c.triggerTime()).isPositive();
        assertThat(ok(exchange.positions())).isEmpty();
    }

    @Test
    void aClosePositionStopClosesTheWholePositionWhateverItsSize() {
        open(Side.BUY, "0.030");
        List<Kline> next = minutes(t0, 180);
        double bottom = next.stream().mapToDouble(Kline::low).min().orElseThrow();
        BigDecimal trigger = onTick(bottom, RoundingMode.UP).add(TICK);
        int k = firstReaching(next, trigger.doubleValue(), false);
        ConditionalOrder placed = ok(exchange.placeConditionalOrder(new ConditionalOrderRequest(BTC, Side.SELL,
                ConditionalOrderType.STOP_MARKET, null, trigger, null, null, WorkingType.CONTRACT_PRICE, false, true,
                false, null, null, "close-all")));
        assertThat(placed.closePosition()).isTrue();
        assertThat(placed.quantity()).isNull();
        ok(exchange.placeOrder(OrderRequest.market(BTC, Side.BUY, bd("0.020"), false, "add")));   // long 0.050 now
        clock.set(Instant.ofEpochMilli(next.get(k).closeTime() + 1));
        assertThat(ok(exchange.conditionalOrder(BTC, "close-all")).status()).isEqualTo(ConditionalOrderStatus.FINISHED);
        assertThat(ok(exchange.order(BTC, "close-all")).executedQty()).isEqualByComparingTo("0.05");
        assertThat(ok(exchange.positions())).isEmpty();
    }

    @Test
    void aClosePositionOrderWithNothingToCloseExpires() {
        List<Kline> next = minutes(t0, 180);
        double bottom = next.stream().mapToDouble(Kline::low).min().orElseThrow();
        BigDecimal trigger = onTick(bottom, RoundingMode.UP).add(TICK);
        int k = firstReaching(next, trigger.doubleValue(), false);
        ok(exchange.placeConditionalOrder(ConditionalOrderRequest.closePositionStop(BTC, Side.SELL, trigger, "empty")));
        clock.set(Instant.ofEpochMilli(next.get(k).closeTime() + 1));
        assertThat(ok(exchange.conditionalOrder(BTC, "empty")).status()).isEqualTo(ConditionalOrderStatus.EXPIRED);
        assertThat(failure(exchange.order(BTC, "empty")).code()).as("no order was placed").isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void aClientAlgoIdPlacesOnce() {
        open(Side.BUY, "0.050");
        BigDecimal above = onTick(lastAt(t0) * 1.05, RoundingMode.DOWN);
        ConditionalOrder first = ok(exchange.placeConditionalOrder(ConditionalOrderRequest.takeProfitMarket(BTC,
                Side.SELL, bd("0.010"), above, true, "once")));
        clock.advance(Duration.ofSeconds(30));
        ConditionalOrder again = ok(exchange.placeConditionalOrder(ConditionalOrderRequest.takeProfitMarket(BTC,
                Side.SELL, bd("0.010"), above, true, "once")));
        ConditionalOrder different = ok(exchange.placeConditionalOrder(ConditionalOrderRequest.takeProfitMarket(BTC,
                Side.SELL, bd("0.040"), above.add(bd("100")), true, "once")));
        assertThat(again).isEqualTo(first);
        assertThat(different).isEqualTo(first);
        assertThat(ok(exchange.openConditionalOrders(BTC))).containsExactly(first);
        // the same id in another symbol is another order
        ok(exchange.placeOrder(OrderRequest.market("ETHUSDT", Side.BUY, bd("1.000"), false, "eth")));
        BigDecimal ethAbove = BigDecimal.valueOf(ok(market.premiumIndex("ETHUSDT")).markPrice() * 1.05)
                .setScale(2, RoundingMode.DOWN);
        ConditionalOrder eth = ok(exchange.placeConditionalOrder(ConditionalOrderRequest.takeProfitMarket("ETHUSDT",
                Side.SELL, bd("1.000"), ethAbove, true, "once")));
        assertThat(eth.algoId()).isNotEqualTo(first.algoId());
    }

    @Test
    void aTriggerOnTheWrongSideOfThePriceWouldImmediatelyTrigger() {
        open(Side.BUY, "0.050");
        double last = lastAt(t0);
        double mark = markAt(t0);
        BigDecimal belowLast = onTick(last, RoundingMode.DOWN).subtract(bd("50"));
        IntelException e = failure(exchange.placeConditionalOrder(new ConditionalOrderRequest(BTC, Side.SELL,
                ConditionalOrderType.TAKE_PROFIT_MARKET, bd("0.010"), belowLast, null, null, WorkingType.CONTRACT_PRICE,
                true, false, false, null, null, "wrong-side")));
        assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(e.getMessage()).contains("would immediately trigger").contains("-2021").contains("last price")
                .contains(belowLast.stripTrailingZeros().toPlainString());
        assertThat(e.details()).containsEntry("rule", "WOULD_IMMEDIATELY_TRIGGER").containsEntry("binance_code", -2021)
                .containsEntry("working_type", "CONTRACT_PRICE")
                .containsEntry("current_price", BigDecimal.valueOf(last).stripTrailingZeros().toPlainString());
        assertThat(failure(exchange.conditionalOrder(BTC, "wrong-side")).code()).as("nothing kept")
                .isEqualTo(ErrorCode.NOT_FOUND);

        // a stop-loss above the mark, a buy stop below it
        BigDecimal aboveMark = onTick(mark, RoundingMode.UP).add(bd("50"));
        assertThat(failure(exchange.placeConditionalOrder(ConditionalOrderRequest.stopMarket(BTC, Side.SELL, bd("0.010"),
                aboveMark, true, "sl"))).getMessage()).contains("mark price").contains("at or below");
        BigDecimal belowMark = onTick(mark, RoundingMode.DOWN).subtract(bd("50"));
        assertThat(failure(exchange.placeConditionalOrder(ConditionalOrderRequest.stopMarket(BTC, Side.BUY, bd("0.010"),
                belowMark, false, "buy-stop"))).code()).isEqualTo(ErrorCode.CONFLICT);
        // a trailing sell whose activation price is already below the price
        assertThat(failure(exchange.placeConditionalOrder(new ConditionalOrderRequest(BTC, Side.SELL,
                ConditionalOrderType.TRAILING_STOP_MARKET, bd("0.010"), null, null, null, WorkingType.CONTRACT_PRICE,
                true, false, false, belowLast, bd("1"), "trail"))).details()).containsEntry("parameter", "activationPrice");
        // the right sides are accepted
        assertThat(ok(exchange.placeConditionalOrder(ConditionalOrderRequest.stopMarket(BTC, Side.SELL, bd("0.010"),
                belowMark, true, "sl-ok"))).status()).isEqualTo(ConditionalOrderStatus.NEW);
    }

    @Test
    void aTriggerExactlyAtThePriceWouldImmediatelyTrigger() {
        open(Side.BUY, "0.050");
        BigDecimal atLast = BigDecimal.valueOf(lastAt(t0));
        assertThat(atLast.remainder(TICK).signum()).as("trade prices are on the tick").isZero();
        IntelException e = failure(exchange.placeConditionalOrder(new ConditionalOrderRequest(BTC, Side.SELL,
                ConditionalOrderType.TAKE_PROFIT_MARKET, bd("0.010"), atLast, null, null, WorkingType.CONTRACT_PRICE,
                true, false, false, null, null, "equal")));
        assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(ok(exchange.placeConditionalOrder(new ConditionalOrderRequest(BTC, Side.SELL,
                ConditionalOrderType.TAKE_PROFIT_MARKET, bd("0.010"), atLast.add(TICK), null, null,
                WorkingType.CONTRACT_PRICE, true, false, false, null, null, "one-tick-up"))).status())
                .isEqualTo(ConditionalOrderStatus.NEW);
    }

    @Test
    void refusalsNameTheRule() {
        open(Side.BUY, "0.050");
        BigDecimal above = onTick(lastAt(t0) * 1.05, RoundingMode.DOWN);
        assertRefused(ConditionalOrderRequest.takeProfitMarket(BTC, Side.SELL, bd("0.010"), above.add(bd("0.05")), true,
                "t"), "PRICE_FILTER", "triggerPrice");
        assertRefused(ConditionalOrderRequest.takeProfitMarket(BTC, Side.SELL, bd("0.0105"), above, true, "q"),
                "MARKET_LOT_SIZE", "stepSize");
        assertRefused(ConditionalOrderRequest.takeProfitMarket(BTC, Side.SELL, bd("121"), above, true, "m"),
                "MARKET_LOT_SIZE", "maxQty");
        assertRefused(new ConditionalOrderRequest(BTC, Side.SELL, ConditionalOrderType.TAKE_PROFIT, bd("0.0105"), above,
                above, null, null, true, false, false, null, null, "l"), "LOT_SIZE", "stepSize");
        assertRefused(new ConditionalOrderRequest(BTC, Side.SELL, ConditionalOrderType.TAKE_PROFIT, bd("0.010"), above,
                above.add(bd("0.01")), null, null, true, false, false, null, null, "p"), "PRICE_FILTER", "tickSize");
        // not reduce-only: MIN_NOTIONAL (100 USDT) at the trigger price applies
        assertRefused(ConditionalOrderRequest.stopMarket(BTC, Side.BUY, bd("0.001"), above, false, "n"), "MIN_NOTIONAL",
                "is below MIN_NOTIONAL 100");
        // reduce-only below the minimum notional is fine: it only closes
        assertThat(ok(exchange.placeConditionalOrder(ConditionalOrderRequest.takeProfitMarket(BTC, Side.SELL,
                bd("0.001"), above, true, "small"))).status()).isEqualTo(ConditionalOrderStatus.NEW);
        assertThat(failure(exchange.placeConditionalOrder(ConditionalOrderRequest.takeProfitMarket("FOOUSDT", Side.SELL,
                bd("1"), above, true, "u"))).code()).isEqualTo(ErrorCode.UNKNOWN_SYMBOL);
        assertThat(failure(exchange.placeConditionalOrder(null)).code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
    }

    private void assertRefused(ConditionalOrderRequest request, String rule, String words) {
        IntelException e = failure(exchange.placeConditionalOrder(request));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
        assertThat(e.getMessage()).contains(rule).contains(words);
        assertThat(e.details()).containsEntry("rule", rule);
        assertThat(failure(exchange.conditionalOrder(request.symbol(), request.clientAlgoId())).code())
                .as("refused orders are not kept").isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void aCanceledOrderNeverTriggers() {
        open(Side.BUY, "0.050");
        List<Kline> next = minutes(t0, 120);
        double top = next.stream().mapToDouble(Kline::high).max().orElseThrow();
        BigDecimal trigger = onTick(top, RoundingMode.DOWN).subtract(TICK);
        int k = firstReaching(next, trigger.doubleValue(), true);
        ok(exchange.placeConditionalOrder(new ConditionalOrderRequest(BTC, Side.SELL,
                ConditionalOrderType.TAKE_PROFIT_MARKET, bd("0.020"), trigger, null, null, WorkingType.CONTRACT_PRICE,
                true, false, false, null, null, "tp-x")));
        clock.advance(Duration.ofSeconds(10));
        ConditionalOrder canceled = ok(exchange.cancelConditionalOrder(BTC, "tp-x"));
        assertThat(canceled.status()).isEqualTo(ConditionalOrderStatus.CANCELED);
        assertThat(canceled.updateTime()).isEqualTo(t0 + 10_000);
        assertThat(ok(exchange.openConditionalOrders(BTC))).isEmpty();

        clock.set(Instant.ofEpochMilli(next.get(k).closeTime() + 1));
        assertThat(ok(exchange.conditionalOrder(BTC, "tp-x")).status()).isEqualTo(ConditionalOrderStatus.CANCELED);
        assertThat(position()).isEqualByComparingTo("0.05");
        IntelException twice = failure(exchange.cancelConditionalOrder(BTC, "tp-x"));
        assertThat(twice.code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(twice.getMessage()).contains("CANCELED");
        assertThat(failure(exchange.cancelConditionalOrder(BTC, "nope")).code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(failure(exchange.conditionalOrder("ETHUSDT", "tp-x")).code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(failure(exchange.openConditionalOrders("FOOUSDT")).code()).isEqualTo(ErrorCode.UNKNOWN_SYMBOL);
    }

    @Test
    void aTakeProfitLimitPlacesALimitOrderThatRestsUntilFilled() {
        open(Side.BUY, "0.050");
        List<Kline> next = minutes(t0, 120);
        double top = next.stream().mapToDouble(Kline::high).max().orElseThrow();
        BigDecimal trigger = onTick(top, RoundingMode.DOWN).subtract(bd("40"));
        int k = firstReaching(next, trigger.doubleValue(), true);
        BigDecimal limit = trigger.add(bd("500"));   // far above: it rests after the trigger
        ConditionalOrder placed = ok(exchange.placeConditionalOrder(new ConditionalOrderRequest(BTC, Side.SELL,
                ConditionalOrderType.TAKE_PROFIT, bd("0.020"), trigger, limit, null, WorkingType.CONTRACT_PRICE, true,
                false, false, null, null, "tp-limit")));
        assertThat(placed.timeInForce()).isEqualTo(TimeInForce.GTC);
        assertThat(placed.price()).isEqualByComparingTo(limit);
        clock.set(Instant.ofEpochMilli(next.get(k).closeTime() + 1));
        ConditionalOrder triggered = ok(exchange.conditionalOrder(BTC, "tp-limit"));
        assertThat(triggered.status()).isEqualTo(ConditionalOrderStatus.TRIGGERED);
        Order resting = ok(exchange.order(BTC, "tp-limit"));
        assertThat(resting.type()).isEqualTo(OrderType.LIMIT);
        assertThat(resting.price()).isEqualByComparingTo(limit);
        assertThat(resting.status()).isEqualTo(OrderStatus.NEW);
        assertThat(resting.reduceOnly()).isTrue();
        assertThat(ok(exchange.openOrders(BTC))).containsExactly(resting);
        assertThat(ok(exchange.openConditionalOrders(BTC))).as("no longer waiting for its trigger").isEmpty();
        IntelException cancel = failure(exchange.cancelConditionalOrder(BTC, "tp-limit"));
        assertThat(cancel.code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(cancel.getMessage()).contains("TRIGGERED");
        // once its order leaves the book the conditional order is FINISHED
        ok(exchange.cancelOrder(BTC, "tp-limit"));
        assertThat(ok(exchange.conditionalOrder(BTC, "tp-limit")).status()).isEqualTo(ConditionalOrderStatus.FINISHED);
    }

    @Test
    void aMarketableTakeProfitLimitFillsAtOnce() {
        open(Side.BUY, "0.050");
        List<Kline> next = minutes(t0, 120);
        double top = next.stream().mapToDouble(Kline::high).max().orElseThrow();
        BigDecimal trigger = onTick(top, RoundingMode.DOWN).subtract(bd("40"));
        int k = firstReaching(next, trigger.doubleValue(), true);
        BigDecimal limit = trigger.subtract(bd("300"));   // well inside the bids at the trigger second
        ok(exchange.placeConditionalOrder(new ConditionalOrderRequest(BTC, Side.SELL, ConditionalOrderType.TAKE_PROFIT,
                bd("0.020"), trigger, limit, TimeInForce.IOC, WorkingType.CONTRACT_PRICE, true, false, false, null,
                null, "tp-ioc")));
        clock.set(Instant.ofEpochMilli(next.get(k).closeTime() + 1));
        assertThat(ok(exchange.conditionalOrder(BTC, "tp-ioc")).status()).isEqualTo(ConditionalOrderStatus.FINISHED);
        Order fill = ok(exchange.order(BTC, "tp-ioc"));
        assertThat(fill.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(fill.avgPrice()).isGreaterThanOrEqualTo(limit);
        assertThat(position()).isEqualByComparingTo("0.03");
    }

    @Test
    void aTrailingStopSellTriggersWhenThePriceFallsTheCallbackRateBelowItsHigh() {
        open(Side.BUY, "0.050");
        BigDecimal rate = bd("0.1");
        double high = lastAt(t0);
        long hit = -1;
        for (long t = t0 + 1000; hit < 0 && t < t0 + 6 * 3_600_000L; t += 1000) {
            double p = lastAt(t);
            high = Math.max(high, p);
            if (p <= high * (1 - 0.001)) {
                hit = t;
            }
        }
        assertThat(hit).as("a 0.1%% pull-back within six hours").isGreaterThan(t0 + 1000);
        ok(exchange.placeConditionalOrder(new ConditionalOrderRequest(BTC, Side.SELL,
                ConditionalOrderType.TRAILING_STOP_MARKET, bd("0.050"), null, null, null, WorkingType.CONTRACT_PRICE,
                true, false, false, null, rate, "trail")));
        clock.set(Instant.ofEpochMilli(hit - 1000));
        assertThat(ok(exchange.conditionalOrder(BTC, "trail")).status()).isEqualTo(ConditionalOrderStatus.NEW);
        clock.set(Instant.ofEpochMilli(hit));
        ConditionalOrder done = ok(exchange.conditionalOrder(BTC, "trail"));
        assertThat(done.status()).isEqualTo(ConditionalOrderStatus.FINISHED);
        assertThat(done.triggerTime()).isEqualTo(hit);
        assertThat(ok(exchange.positions())).isEmpty();
    }

    @Test
    void aLiquidationExpiresTheReducingConditionalOrdersOfItsSymbol() {
        PaperExchange ex = new PaperExchange(market, clock, bd("1000"));
        ok(ex.setMarginType(BTC, io.marketintel.api.trading.MarginType.ISOLATED));
        ok(ex.setLeverage(BTC, 100));
        ok(ex.placeOrder(OrderRequest.market(BTC, Side.BUY, bd("0.100"), false, "lev")));
        double lp = ok(ex.positions()).get(0).liquidationPrice().doubleValue();
        BigDecimal far = onTick(lastAt(t0) * 1.2, RoundingMode.DOWN);
        ok(ex.placeConditionalOrder(ConditionalOrderRequest.takeProfitMarket(BTC, Side.SELL, bd("0.100"), far, true,
                "tp-far")));
        ok(ex.placeConditionalOrder(ConditionalOrderRequest.closePositionStop(BTC, Side.SELL,
                onTick(lp, RoundingMode.DOWN).subtract(bd("100")), "sl-beyond")));
        ok(ex.placeConditionalOrder(ConditionalOrderRequest.stopMarket(BTC, Side.BUY, bd("0.010"), far, false,
                "entry-stop")));
        long hit = -1;
        for (long from = t0; hit < 0; from += 1500 * 60_000L) {
            for (Kline k : minutes(from, 1500)) {
                if (k.openTime() > t0 && k.low() <= lp) {
                    hit = k.openTime();
                    break;
                }
            }
        }
        clock.set(Instant.ofEpochMilli(hit + 60_000L));
        assertThat(ok(ex.positions())).as("liquidated").isEmpty();
        assertThat(ok(ex.conditionalOrder(BTC, "tp-far")).status()).isEqualTo(ConditionalOrderStatus.EXPIRED);
        assertThat(ok(ex.conditionalOrder(BTC, "sl-beyond")).status()).isEqualTo(ConditionalOrderStatus.EXPIRED);
        assertThat(ok(ex.conditionalOrder(BTC, "entry-stop")).status()).as("not reducing: still waiting")
                .isEqualTo(ConditionalOrderStatus.NEW);
    }

    @Test
    void conditionalOrdersHoldNoMargin() {
        open(Side.BUY, "0.050");
        var before = ok(exchange.account());
        BigDecimal above = onTick(lastAt(t0) * 1.05, RoundingMode.DOWN);
        ok(exchange.placeConditionalOrder(ConditionalOrderRequest.stopMarket(BTC, Side.BUY, bd("1.000"), above, false,
                "entry-stop")));
        var after = ok(exchange.account());
        assertThat(after.totalInitialMargin()).isEqualByComparingTo(before.totalInitialMargin());
        assertThat(after.availableBalance()).isEqualByComparingTo(before.availableBalance());
    }
}
