package io.marketintel.plugin.tpladder.internal;

import static io.marketintel.plugin.tpladder.internal.Fixtures.bd;
import static io.marketintel.plugin.tpladder.internal.Fixtures.done;
import static io.marketintel.plugin.tpladder.internal.Fixtures.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.OperationRequest;
import io.marketintel.api.Params;
import io.marketintel.api.trading.ConditionalOrderRequest;
import io.marketintel.api.trading.ConditionalOrderType;
import io.marketintel.api.trading.Side;
import io.marketintel.api.trading.WorkingType;
import io.marketintel.testkit.fakes.FakeMarketData;
import io.marketintel.testkit.fakes.FakePluginContext;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The operations against a fake market (a steady rise: ATR 10, ADX 100, momentum +5 ATR: STRONG_TREND) and a fake
 * exchange that records what it is sent.
 */
class OperationTest {

    private final TpLadderPlugin plugin = new TpLadderPlugin();
    private final FakeMarketData market = Fixtures.market();
    private final FakeExchange exchange = new FakeExchange();
    private final FakePluginContext ctx = Fixtures.context(plugin.descriptor(), market, exchange);

    @BeforeEach
    void start() {
        // 100 closed hourly candles and the forming one; the clock is 1 ms after candle 99 closed
        market.klines(Fixtures.BTC, Fixtures.steadyRise(101, 42500));
        done(plugin.start(ctx));
    }

    /** The parameters of a call as the runtime binds them: given values plus declared defaults. */
    private static Params calc(Map<String, ?> given) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("leverage", 1L);
        values.put("num_levels", 3L);
        values.put("strategy", "ADAPTIVE");
        values.putAll(given);
        return Params.of(values);
    }

    private static Map<String, Object> position() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("symbol", "BTCUSDT");
        p.put("side", "LONG");
        p.put("entry_price", 43250.0);
        p.put("quantity", 1.0);
        return p;
    }

    private static Params place(Map<String, ?> given, boolean dryRun) {
        Map<String, Object> values = new LinkedHashMap<>(given);
        values.put("dry_run", dryRun);
        return Params.of(values);
    }

    private Ladder calculate(Map<String, ?> given) {
        return done(plugin.calculate(new OperationRequest(null, calc(given))));
    }

    private PlaceOrdersResult placeOrders(Map<String, ?> given, boolean dryRun) {
        return done(plugin.placeOrders(new OperationRequest(null, place(given, dryRun))));
    }

    private IntelException placeFails(Map<String, ?> given, boolean dryRun) {
        return (IntelException) failure(plugin.placeOrders(new OperationRequest(null, place(given, dryRun))));
    }

    @Test
    void calculateReadsTheRegimeFromClosedCandles() {
        Ladder l = calculate(position());
        assertThat(l.marketRegime()).isEqualTo(MarketRegime.STRONG_TREND);
        assertThat(l.atr()).isCloseTo(10, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(l.indicators().bars()).isEqualTo(100);
        // candle 99 is the newest closed one: 42500 + 5 x 100 = 43000
        assertThat(l.indicators().close()).isEqualTo(43000);
        assertThat(l.indicators().dataTime()).isEqualTo(Fixtures.T0 + 100 * Fixtures.H1 - 1);
        // 2 / 4 / 7 x 10 above 43250, 20 / 30 / 50 % of 1
        assertThat(l.tpLevels()).extracting(t -> t.price().toPlainString()).containsExactly("43270.0", "43290.0",
                "43320.0");
        assertThat(l.tpLevels()).extracting(t -> t.quantity().toPlainString()).containsExactly("0.200", "0.300",
                "0.500");
        assertThat(l.currentPrice()).isEqualTo(43250);
        assertThat(l.currentPriceType()).isEqualTo(WorkingType.MARK_PRICE);
        assertThat(l.source()).isEqualTo("fake");
        assertThat(l.regimeReasoning()).last().isEqualTo("Regime STRONG_TREND");
        assertThat(market.requests()).contains("klines BTCUSDT H1 101", "premiumIndex BTCUSDT");
    }

    @Test
    void theRegimeIsCachedForItsTtl() {
        calculate(position());
        calculate(position());
        assertThat(market.count("klines")).isEqualTo(1);
        ctx.clock().advance(Duration.ofSeconds(61));
        calculate(position());
        assertThat(market.count("klines")).isEqualTo(2);
    }

    @Test
    void theContractPriceIsTheLastTrade() {
        ctx.configure(Map.of("working_type", "CONTRACT_PRICE"));
        market.ticker24h(Fixtures.lastAt(Fixtures.BTC, 43280));
        Ladder l = calculate(position());
        assertThat(l.currentPriceType()).isEqualTo(WorkingType.CONTRACT_PRICE);
        assertThat(l.currentPrice()).isEqualTo(43280);
        assertThat(l.tpLevels()).extracting(TpLevel::reached).containsExactly(true, false, false);
    }

    @Test
    void tooFewCandlesAreAnUpstreamError() {
        market.klines(Fixtures.BTC, Fixtures.steadyRise(20, 42500));
        IntelException e = (IntelException) failure(plugin.calculate(new OperationRequest(null, calc(position()))));
        assertThat(e.code()).isEqualTo(ErrorCode.UPSTREAM_ERROR);
        assertThat(e.getMessage()).isEqualTo("the market returned 20 closed 1h klines for [BTCUSDT]; the regime needs at"
                + " least 28 (2 x adx_period, atr_period + 1, momentum_bars + 1)");
    }

    @Test
    void aDryRunAnswersTheOrdersAndWhatWouldBlockThem() {
        PlaceOrdersResult r = placeOrders(position(), true);
        assertThat(r.dryRun()).isTrue();
        assertThat(r.exchange()).isEqualTo("paper");
        assertThat(r.ladderId()).matches("tpl-[0-9a-f]{12}");
        assertThat(r.orders()).hasSize(3);
        ConditionalOrderRequest first = r.orders().get(0);
        assertThat(first.symbol()).isEqualTo("BTCUSDT");
        assertThat(first.side()).isEqualTo(Side.SELL);
        assertThat(first.type()).isEqualTo(ConditionalOrderType.TAKE_PROFIT_MARKET);
        assertThat(first.triggerPrice()).isEqualByComparingTo("43270");
        assertThat(first.quantity()).isEqualByComparingTo("0.2");
        assertThat(first.reduceOnly()).isTrue();
        assertThat(first.closePosition()).isFalse();
        assertThat(first.workingType()).isEqualTo(WorkingType.MARK_PRICE);
        assertThat(first.priceProtect()).isFalse();
        assertThat(r.orders()).extracting(ConditionalOrderRequest::clientAlgoId)
                .containsExactly(r.ladderId() + "-1", r.ladderId() + "-2", r.ladderId() + "-3");
        assertThat(r.placed()).isEmpty();
        assertThat(r.positionAmt()).isEqualByComparingTo("0");
        assertThat(r.blockers()).containsExactly("there is no LONG position in BTCUSDT on exchange [paper] to take"
                + " profit on: a reduce-only take-profit needs a position to reduce; open it first");
        assertThat(exchange.sent).as("a dry run sends nothing").isEmpty();
    }

    @Test
    void aDryRunEqualsTheLiveOrders() {
        exchange.position = bd("1.000");
        PlaceOrdersResult dry = placeOrders(position(), true);
        assertThat(dry.blockers()).isEmpty();
        PlaceOrdersResult live = placeOrders(position(), false);
        assertThat(live.dryRun()).isFalse();
        assertThat(exchange.sent).isEqualTo(dry.orders()).isEqualTo(live.orders());
        assertThat(live.placed()).extracting(o -> o.clientAlgoId())
                .containsExactlyElementsOf(dry.orders().stream().map(ConditionalOrderRequest::clientAlgoId).toList());
        assertThat(live.warnings()).isEmpty();
        assertThat(ctx.published()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("orders-placed");
            assertThat(e.data()).isEqualTo(live);
        });
    }

    @Test
    void theSameRequestAgainPlacesNothingNew() {
        exchange.position = bd("1.000");
        PlaceOrdersResult first = placeOrders(position(), false);
        // an hour later (a new candle, the cache expired) the ids are those of the same position and ladder
        market.klines(Fixtures.BTC, Fixtures.steadyRise(102, 42600));
        ctx.clock().advance(Duration.ofHours(1));
        PlaceOrdersResult again = placeOrders(position(), false);
        assertThat(again.ladderId()).isEqualTo(first.ladderId());
        assertThat(again.placed()).isEqualTo(first.placed());
        assertThat(exchange.held).hasSize(3);
    }

    @Test
    void aLivePlacementWithoutAPositionSendsNothing() {
        IntelException e = placeFails(position(), false);
        assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(e.getMessage()).startsWith("the take-profit ladder was not placed, nothing was sent: there is no LONG"
                + " position in BTCUSDT on exchange [paper]");
        assertThat(exchange.sent).isEmpty();

        exchange.position = bd("-1.000");
        assertThat(placeFails(position(), false).getMessage()).contains("the position in BTCUSDT on exchange [paper] is"
                + " SHORT (-1), not LONG");
        exchange.position = bd("0.500");
        assertThat(placeFails(position(), false).getMessage()).contains("the ladder's quantity 1 exceeds the LONG"
                + " position of 0.5");
        exchange.position = bd("2.000");
        assertThat(placeOrders(position(), false).placed()).as("a ladder for part of the position is fine").hasSize(3);
    }

    @Test
    void aLevelAlreadyReachedBlocksTheLivePlacement() {
        exchange.position = bd("1.000");
        market.premiumIndex(Fixtures.markedAt(Fixtures.BTC, 43275));
        PlaceOrdersResult dry = placeOrders(position(), true);
        assertThat(dry.blockers()).singleElement().asString().startsWith("TP1 (43270) is already reached (mark price"
                + " 43275)");
        IntelException e = placeFails(position(), false);
        assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(exchange.sent).isEmpty();
    }

    @Test
    void aRealExchangeWithLiveTradingOffIsForbidden() {
        exchange.paper = false;
        exchange.position = bd("1.000");
        IntelException e = placeFails(position(), false);
        assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(e.getMessage()).isEqualTo("live trading is off: exchange [binance] would send real orders; set"
                + " trading.live: true to allow it; nothing was sent");
        assertThat(placeOrders(position(), true).blockers()).containsExactly("live trading is off: exchange [binance]"
                + " would send real orders; set trading.live: true to allow it");
        ctx.liveTrading(true);
        assertThat(placeOrders(position(), false).placed()).hasSize(3);
    }

    @Test
    void aRefusalHalfWaySaysWhatWasPlacedAndARetryCompletesIt() {
        exchange.position = bd("1.000");
        String id = placeOrders(position(), true).ladderId();
        exchange.refuse = id + "-2";
        IntelException e = placeFails(position(), false);
        assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(e.getMessage()).isEqualTo("TP2 (" + id + "-2) was refused: conditional order would immediately"
                + " trigger; placed before it: [" + id + "-1]; the same request again places only what is missing"
                + " (client algo ids are idempotency keys)");
        assertThat(e.details()).containsEntry("failed", id + "-2").containsEntry("placed", List.of(id + "-1"));
        assertThat(exchange.sent).hasSize(2);
        exchange.refuse = null;
        PlaceOrdersResult retry = placeOrders(position(), false);
        assertThat(retry.placed()).hasSize(3);
        assertThat(exchange.held).hasSize(3);
    }

    @Test
    void anOrderTheExchangeAlreadyHeldWithOtherTermsIsWarned() {
        exchange.position = bd("1.000");
        PlaceOrdersResult first = placeOrders(position(), false);
        ctx.clock().advance(Duration.ofMinutes(2));
        market.klines(Fixtures.BTC, Fixtures.steadyRise(101, 42600));   // the same regime, a higher close; ATR unchanged
        ctx.configure(Map.of("aggressive_multiplier", 1.5));   // not part of an ADAPTIVE ladder: same prices
        assertThat(placeOrders(position(), false).warnings()).isEmpty();
        ctx.configure(Map.of("strong_trend_multipliers", List.of("3", "5", "8")));
        PlaceOrdersResult changed = placeOrders(position(), false);
        assertThat(changed.ladderId()).isEqualTo(first.ladderId());
        assertThat(changed.warnings()).hasSize(3);
        assertThat(changed.warnings().get(0)).isEqualTo("TP1: the exchange already held " + first.ladderId() + "-1 at"
                + " 43270 for 0.2, not 43280 for 0.2; it was kept (cancel it to place this level anew)");
    }

    @Test
    void aLadderFromCalculateIsPlacedAsItIsWithTheSameIds() throws Exception {
        exchange.position = bd("1.000");
        Ladder ladder = calculate(position());
        PlaceOrdersResult fromBody = placeOrders(position(), true);
        JsonObject object = TestJson.object(ladder);
        PlaceOrdersResult fromLadder = placeOrders(Map.of("ladder", object), true);
        assertThat(fromLadder.orders()).isEqualTo(fromBody.orders());
        assertThat(fromLadder.ladderId()).isEqualTo(fromBody.ladderId());
        assertThat(fromLadder.ladder().tpLevels()).extracting(TpLevel::reasoning)
                .containsExactly("TP1: +2.0x ATR (STRONG_TREND)", "TP2: +4.0x ATR (STRONG_TREND)",
                        "TP3: +7.0x ATR (STRONG_TREND)");

        // a ladder edited by hand is checked against the filters
        object.getJsonArray("tp_levels").getJsonObject(0).put("price", 43270.05);
        IntelException offTick = placeFails(Map.of("ladder", object), true);
        assertThat(offTick.code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
        assertThat(offTick.getMessage()).contains("[ladder.tp_levels[0].price] 43270.05 is not a positive multiple of"
                + " the tick size 0.1 (PRICE_FILTER)");
    }

    @Test
    void aLadderAndThePositionParametersDoNotMix() throws Exception {
        Map<String, Object> both = new LinkedHashMap<>(position());
        both.put("ladder", TestJson.object(calculate(position())));
        IntelException e = placeFails(both, true);
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
        assertThat(e.getMessage()).isEqualTo("parameter [ladder] replaces [symbol, side, entry_price, quantity]: give"
                + " either a ladder or the position, not both");
        IntelException missing = placeFails(Map.of("side", "LONG"), true);
        assertThat(missing.getMessage()).isEqualTo("parameter [symbol] is required (or give [ladder])");
        IntelException bad = placeFails(Map.of("ladder", new JsonObject().put("symbol", "BTCUSDT").put("side", "UP")),
                true);
        assertThat(bad.getMessage()).isEqualTo("parameter [ladder.side] must be one of [LONG, SHORT], was \"UP\"");
        IntelException unknown = placeFails(Map.of("ladder", new JsonObject().put("symbol", "NOPEUSDT").put("side",
                "LONG").put("entry_price", 1).put("quantity", 1).put("tp_levels", List.of(Map.of("price", 2,
                "quantity", 1)))), true);
        assertThat(unknown.code()).isEqualTo(ErrorCode.UNKNOWN_SYMBOL);
    }

    @Test
    void anUnknownPositionIsABlockerNotAFailureOfTheDryRun() {
        exchange.positionsFailure = new IntelException(ErrorCode.UPSTREAM_UNAVAILABLE, "the exchange is down");
        PlaceOrdersResult r = placeOrders(position(), true);
        assertThat(r.positionAmt()).isNull();
        assertThat(r.blockers()).containsExactly("the position of BTCUSDT is unknown: the exchange is down");
        assertThat(placeFails(position(), false).code()).isEqualTo(ErrorCode.CONFLICT);
    }

    @Test
    void badPositionValuesAre400s() {
        Map<String, Object> p = new LinkedHashMap<>(position());
        p.put("entry_price", 0.0);
        IntelException e = (IntelException) failure(plugin.calculate(new OperationRequest(null, calc(p))));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
        assertThat(e.getMessage()).isEqualTo("parameter [entry_price] must be positive, was 0");
        p.put("entry_price", 43250.0);
        p.put("quantity", 0.0015);
        IntelException step = (IntelException) failure(plugin.calculate(new OperationRequest(null, calc(p))));
        assertThat(step.details()).containsEntry("rule", "MARKET_LOT_SIZE").containsEntry("parameter", "quantity");
    }

    @Test
    void notStartedIsAServiceUnavailable() {
        done(plugin.stop());
        assertThat(((IntelException) failure(plugin.calculate(new OperationRequest(null, calc(position()))))).code())
                .isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
    }
}
