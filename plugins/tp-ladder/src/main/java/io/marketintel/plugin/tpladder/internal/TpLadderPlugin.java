package io.marketintel.plugin.tpladder.internal;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.Executor;
import io.marketintel.api.IntelException;
import io.marketintel.api.Operation;
import io.marketintel.api.OperationRequest;
import io.marketintel.api.ParamSpec;
import io.marketintel.api.Params;
import io.marketintel.api.PlatformApi;
import io.marketintel.api.Plugin;
import io.marketintel.api.PluginContext;
import io.marketintel.api.PluginDescriptor;
import io.marketintel.api.PluginKind;
import io.marketintel.api.market.Kline;
import io.marketintel.api.market.MarketData;
import io.marketintel.api.market.SymbolInfo;
import io.marketintel.api.trading.ConditionalOrder;
import io.marketintel.api.trading.ConditionalOrderRequest;
import io.marketintel.api.trading.ConditionalOrderStatus;
import io.marketintel.api.trading.Exchange;
import io.marketintel.api.trading.Position;
import io.marketintel.api.trading.WorkingType;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Adaptive Take Profit Ladder plugin ({@code tp-ladder}), an executor.
 *
 * <ul>
 *   <li>{@code POST /api/intelligence/tp-ladder/calculate} (not mutating): exchange info (filters), the regime of the
 *       symbol ({@link RegimeAnalysis} on the newest closed klines, cached for {@code cache_ttl_seconds}) and the
 *       watched price now, assembled by {@link LadderBuilder} into a {@link Ladder}.</li>
 *   <li>{@code POST …/place-orders?dry_run=true} (mutating: token required): the same ladder, or one given whole as
 *       {@code ladder}, turned by {@link OrderPlan} into reduce-only TAKE_PROFIT_MARKET conditional orders with
 *       deterministic client algo ids. A dry run (the default) answers exactly those orders and what would block a
 *       live placement; a live one checks the blockers (live trading off on a real exchange, no position to reduce,
 *       a ladder larger than the position, a level already reached), then sends the orders one after the other
 *       through {@code ctx.exchange()} (the runtime journals each before it is sent).</li>
 * </ul>
 * Failures: market data and exchange failures reach the caller unchanged; a bad configuration is an
 * {@code INTERNAL_ERROR} naming the keys; anything unexpected becomes an {@code INTERNAL_ERROR}. Handlers never
 * throw: they return failed futures.
 */
public final class TpLadderPlugin implements Executor {

    /** Plugin id, route prefix and config section name. */
    public static final String ID = "tp-ladder";
    /** The plugin's own version. */
    public static final String VERSION = "1.0.0";
    /** Event type of a live placement ({@code intel.events.tp-ladder}). */
    public static final String PLACED_EVENT = "orders-placed";

    public static final String SYMBOL = "symbol";
    public static final String SIDE = "side";
    public static final String ENTRY_PRICE = "entry_price";
    public static final String QUANTITY = "quantity";
    public static final String LEVERAGE = "leverage";
    public static final String NUM_LEVELS = "num_levels";
    public static final String STRATEGY = "strategy";
    public static final String DRY_RUN = "dry_run";
    public static final String LADDER = "ladder";

    private static final List<String> SIDES = names(PositionSide.values());
    private static final List<String> STRATEGIES = names(Strategy.values());
    /** The position parameters a given {@code ladder} replaces. */
    private static final List<String> POSITION_PARAMS = List.of(SYMBOL, SIDE, ENTRY_PRICE, QUANTITY, LEVERAGE,
            NUM_LEVELS, STRATEGY);

    private final PluginDescriptor descriptor = new PluginDescriptor(
            ID,
            ID,
            "Adaptive Take Profit Ladder",
            VERSION,
            PlatformApi.VERSION,
            PluginKind.EXECUTOR,
            "Take-profit levels at multiples of the ATR chosen by the market regime (ADX, momentum, volatility on closed"
                    + " candles), the position split over them by regime and summing exactly to it, placed as"
                    + " reduce-only TAKE_PROFIT_MARKET conditional orders (dry run by default).",
            LadderSettings.SPECS);

    private final List<Operation> operations = List.of(
            position(Operation.post("calculate"), true)
                    .describe("take-profit ladder for a position: regime (ATR, ADX, momentum, volatility), levels with"
                            + " tick-rounded prices and step-rounded quantities summing to the position, expected profit")
                    .handler(this::calculate),
            position(Operation.post("place-orders").mutating(), false)
                    .param(ParamSpec.bool(DRY_RUN, true)
                            .describe("true (default): answer the orders without sending them; false: place them"))
                    .param(ParamSpec.object(LADDER)
                            .describe("a ladder from calculate to place as it is, instead of the position parameters"))
                    .describe("places the ladder as reduce-only TAKE_PROFIT_MARKET conditional orders with"
                            + " deterministic client algo ids; dry run by default; needs a position to reduce")
                    .handler(this::placeOrders));

    private volatile PluginContext context;

    /** The constructor {@link java.util.ServiceLoader} calls. */
    public TpLadderPlugin() {
    }

    private static Operation.Builder position(Operation.Builder b, boolean required) {
        return b.param(req(ParamSpec.symbol(SYMBOL).describe("symbol of the position, e.g. BTCUSDT"), required))
                .param(req(ParamSpec.enumeration(SIDE, null, SIDES).describe("LONG or SHORT"), required))
                .param(req(ParamSpec.decimal(ENTRY_PRICE, 1).describe("the position's entry price (positive)"),
                        required))
                .param(req(ParamSpec.decimal(QUANTITY, 1)
                        .describe("the position's quantity (positive, a multiple of the symbol's step size)"), required))
                .param(opt(ParamSpec.integer(LEVERAGE, 1).range(1, 125)
                        .describe("the position's leverage, for expected_profit_pct (default 1)"), required))
                .param(opt(ParamSpec.integer(NUM_LEVELS, 3).range(LadderBuilder.MIN_LEVELS, LadderBuilder.MAX_LEVELS)
                        .describe("take-profit levels, 1..10 (default 3)"), required))
                .param(opt(ParamSpec.enumeration(STRATEGY, Strategy.ADAPTIVE.name(), STRATEGIES)
                        .describe("ADAPTIVE (default), AGGRESSIVE (x1.3 targets) or CONSERVATIVE (x0.7)"), required));
    }

    /** Required in calculate; optional in place-orders, where a given ladder may replace it. */
    private static ParamSpec req(ParamSpec spec, boolean required) {
        return required ? spec.require() : spec.optional();
    }

    /** With its default in calculate; optional in place-orders (the default applies unless a ladder is given). */
    private static ParamSpec opt(ParamSpec spec, boolean withDefault) {
        return withDefault ? spec : spec.optional();
    }

    @Override
    public PluginDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public List<Operation> operations() {
        return operations;
    }

    /** Rejects an inconsistent configuration when it is loaded, so it never reaches a request. */
    @Override
    public void checkConfig(Params config) {
        Plugin.checkSettings(config, LadderSettings::from);
    }

    @Override
    public Future<Void> start(PluginContext ctx) {
        this.context = ctx;
        return Future.succeededFuture();
    }

    @Override
    public Future<Void> stop() {
        this.context = null;
        return Future.succeededFuture();
    }

    // ---------------------------------------------------------------- operations

    Future<Ladder> calculate(OperationRequest request) {
        PluginContext ctx = context;
        if (ctx == null) {
            return notStarted();
        }
        try {
            LadderSettings s = LadderSettings.from(ctx.config());
            LadderBuilder.Request r = positionRequest(request.params());
            return ladder(ctx, r, s).recover(e -> failure(ctx, "take-profit ladder of [" + r.symbol() + "]", e));
        } catch (RuntimeException e) {
            return failure(ctx, "take-profit ladder", e);
        }
    }

    Future<PlaceOrdersResult> placeOrders(OperationRequest request) {
        PluginContext ctx = context;
        if (ctx == null) {
            return notStarted();
        }
        try {
            LadderSettings s = LadderSettings.from(ctx.config());
            Params p = request.params();
            boolean dryRun = p.bool(DRY_RUN);
            Future<Ladder> ladder;
            if (p.has(LADDER)) {
                List<String> mixed = POSITION_PARAMS.stream().filter(p::has).toList();
                if (!mixed.isEmpty()) {
                    throw IntelException.invalidParameter(LADDER, "parameter [" + LADDER + "] replaces " + mixed
                            + ": give either a ladder or the position, not both");
                }
                ladder = givenLadder(ctx, p.object(LADDER), s);
            } else {
                ladder = ladder(ctx, positionRequest(p), s);
            }
            return ladder.compose(l -> place(ctx, l, dryRun, s))
                    .recover(e -> failure(ctx, "placing a take-profit ladder", e));
        } catch (RuntimeException e) {
            return failure(ctx, "placing a take-profit ladder", e);
        }
    }

    // ---------------------------------------------------------------- the ladder

    private static LadderBuilder.Request positionRequest(Params p) {
        for (String name : List.of(SYMBOL, SIDE, ENTRY_PRICE, QUANTITY)) {
            if (!p.has(name)) {
                throw IntelException.invalidParameter(name, "parameter [" + name + "] is required (or give ["
                        + LADDER + "])");
            }
        }
        BigDecimal entry = BigDecimal.valueOf(p.decimal(ENTRY_PRICE));
        BigDecimal quantity = BigDecimal.valueOf(p.decimal(QUANTITY));
        if (entry.signum() <= 0) {
            throw IntelException.invalidParameter(ENTRY_PRICE, "parameter [" + ENTRY_PRICE + "] must be positive, was "
                    + LadderBuilder.plain(entry));
        }
        if (quantity.signum() <= 0) {
            throw IntelException.invalidParameter(QUANTITY, "parameter [" + QUANTITY + "] must be positive, was "
                    + LadderBuilder.plain(quantity));
        }
        return new LadderBuilder.Request(p.string(SYMBOL), p.enumValue(SIDE, PositionSide.class), entry, quantity,
                p.has(LEVERAGE) ? p.integer(LEVERAGE) : 1,
                p.has(NUM_LEVELS) ? p.integer(NUM_LEVELS) : 3,
                p.has(STRATEGY) ? p.enumValue(STRATEGY, Strategy.class) : Strategy.ADAPTIVE);
    }

    private static Future<Ladder> ladder(PluginContext ctx, LadderBuilder.Request r, LadderSettings s) {
        MarketData md = ctx.marketData();
        Future<SymbolInfo> info = symbolInfo(md, r.symbol());
        Future<RegimeAnalysis> analysis = ctx.cached("regime:" + r.symbol() + "|" + s.analysisFingerprint(),
                s.cacheTtl(), () -> analyse(ctx, r.symbol(), s));
        Future<Double> current = currentPrice(md, r.symbol(), s.workingType());
        return Future.all(info, analysis, current).map(all -> LadderBuilder.build(r, info.result(), analysis.result(),
                current.result(), s.workingType(), s, md.source()));
    }

    private static Future<SymbolInfo> symbolInfo(MarketData md, String symbol) {
        return md.exchangeInfo().map(i -> i.symbol(symbol).orElseThrow(() -> IntelException.unknownSymbol(symbol)));
    }

    /** The regime of {@code symbol} on its newest closed candles (the forming one is left out). */
    static Future<RegimeAnalysis> analyse(PluginContext ctx, String symbol, LadderSettings s) {
        long now = ctx.clock().millis();
        return ctx.marketData().klines(symbol, s.interval(), s.bars() + 1).map(all -> {
            List<Kline> closed = new ArrayList<>(all.size());
            for (Kline k : all) {
                if (k.isClosedAt(now)) {
                    closed.add(k);
                }
            }
            List<Kline> newest = closed.subList(Math.max(0, closed.size() - s.bars()), closed.size());
            int needed = LadderSettings.minBars(s.atrPeriod(), s.adxPeriod(), s.momentumBars());
            if (newest.size() < needed) {
                throw new IntelException(ErrorCode.UPSTREAM_ERROR, "the market returned " + newest.size() + " closed "
                        + s.interval().code() + " klines for [" + symbol + "]; the regime needs at least " + needed
                        + " (2 x adx_period, atr_period + 1, momentum_bars + 1)",
                        Map.of("symbol", symbol, "interval", s.interval().code(), "candles", newest.size(),
                                "needed", needed));
            }
            return RegimeAnalysis.of(Kline.highs(newest), Kline.lows(newest), Kline.closes(newest),
                    newest.get(newest.size() - 1).closeTime(), s);
        });
    }

    /** The price the take-profits watch now; NaN when the market cannot say (the ladder is still answered). */
    private static Future<Double> currentPrice(MarketData md, String symbol, WorkingType type) {
        Future<Double> f = type == WorkingType.MARK_PRICE
                ? md.premiumIndex(symbol).map(pi -> pi.markPrice())
                : md.ticker24h(symbol).map(t -> t.lastPrice());
        return f.otherwise(Double.NaN);
    }

    /** A ladder given whole: parsed, its symbol checked, its levels checked against the filters. */
    private static Future<Ladder> givenLadder(PluginContext ctx, JsonObject o, LadderSettings s) {
        String symbol = text(o, SYMBOL).toUpperCase(Locale.ROOT);
        PositionSide side = enumOf(o, SIDE, PositionSide.class);
        BigDecimal entry = decimal(o, ENTRY_PRICE, LADDER + "." + ENTRY_PRICE);
        BigDecimal quantity = decimal(o, QUANTITY, LADDER + "." + QUANTITY);
        int leverage = o.containsKey(LEVERAGE) && o.getValue(LEVERAGE) != null
                ? decimal(o, LEVERAGE, LADDER + "." + LEVERAGE).intValue() : 1;
        Strategy strategy = o.getValue(STRATEGY) == null ? null : enumOf(o, STRATEGY, Strategy.class);
        Object levelsValue = o.getValue("tp_levels");
        if (!(levelsValue instanceof JsonArray levels)) {
            throw IntelException.invalidParameter(LADDER, "parameter [" + LADDER + ".tp_levels] must be a list of"
                    + " levels with price and quantity");
        }
        List<LadderBuilder.GivenLevel> given = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            Object item = levels.getValue(i);
            if (!(item instanceof JsonObject l)) {
                throw IntelException.invalidParameter(LADDER, "parameter [" + LADDER + ".tp_levels[" + i
                        + "]] must be an object with price and quantity");
            }
            String at = LADDER + ".tp_levels[" + i + "]";
            Object reasoning = l.getValue("reasoning");
            given.add(new LadderBuilder.GivenLevel(decimal(l, "price", at + ".price"),
                    decimal(l, QUANTITY, at + "." + QUANTITY), reasoning instanceof String t ? t : null));
        }
        int requested = o.getValue("num_levels_requested") instanceof Number n ? n.intValue() : given.size();
        MarketData md = ctx.marketData();
        Future<SymbolInfo> info = symbolInfo(md, symbol);
        Future<Double> current = currentPrice(md, symbol, s.workingType());
        return Future.all(info, current).map(all -> LadderBuilder.checkGiven(LADDER, symbol, side, entry, quantity,
                leverage, strategy, requested, given, info.result(), current.result(), s.workingType(), s,
                md.source()));
    }

    // ---------------------------------------------------------------- placing

    private static Future<PlaceOrdersResult> place(PluginContext ctx, Ladder ladder, boolean dryRun, LadderSettings s) {
        Exchange exchange = ctx.exchange();
        String ladderId = OrderPlan.ladderId(ladder);
        List<ConditionalOrderRequest> orders = OrderPlan.orders(ladder, ladderId, s);
        boolean liveOff = !exchange.paper() && !ctx.liveTrading();
        if (!dryRun && liveOff) {
            return Future.failedFuture(new IntelException(ErrorCode.FORBIDDEN, liveOffMessage(exchange)
                    + "; nothing was sent", Map.of("config_key", "trading.live")));
        }
        return exchange.positions()
                .map(ps -> {
                    for (Position p : ps) {
                        if (p.symbol().equals(ladder.symbol())) {
                            return p.positionAmt();
                        }
                    }
                    return BigDecimal.ZERO;
                })
                .transform(ar -> {
                    List<String> blockers = new ArrayList<>();
                    if (liveOff) {
                        blockers.add(liveOffMessage(exchange));
                    }
                    BigDecimal position = ar.succeeded() ? ar.result() : null;
                    if (position == null) {
                        blockers.add("the position of " + ladder.symbol() + " is unknown: " + ar.cause().getMessage());
                    } else {
                        blockers.addAll(positionBlockers(ladder, position, exchange));
                    }
                    for (TpLevel l : ladder.tpLevels()) {
                        if (l.reached()) {
                            blockers.add("TP" + l.level() + " (" + LadderBuilder.plain(l.price()) + ") is already reached"
                                    + " (" + (s.workingType() == WorkingType.MARK_PRICE ? "mark" : "last") + " price "
                                    + LadderBuilder.plain(BigDecimal.valueOf(ladder.currentPrice()))
                                    + "): the exchange would refuse it (-2021, would immediately trigger)");
                        }
                    }
                    if (dryRun) {
                        return Future.succeededFuture(new PlaceOrdersResult(true, exchange.name(), exchange.paper(),
                                ladderId, position, orders, List.of(), blockers, List.of(), ladder));
                    }
                    if (!blockers.isEmpty()) {
                        return Future.<PlaceOrdersResult>failedFuture(new IntelException(ErrorCode.CONFLICT,
                                "the take-profit ladder was not placed, nothing was sent: " + String.join("; ", blockers),
                                Map.of("ladder_id", ladderId, "blockers", blockers)));
                    }
                    return send(exchange, orders).map(placed -> {
                        PlaceOrdersResult result = new PlaceOrdersResult(false, exchange.name(), exchange.paper(),
                                ladderId, position, orders, placed, List.of(), mismatches(orders, placed), ladder);
                        ctx.publish(PLACED_EVENT, result);
                        return result;
                    });
                });
    }

    private static String liveOffMessage(Exchange exchange) {
        return "live trading is off: exchange [" + exchange.name() + "] would send real orders; set trading.live: true"
                + " to allow it";
    }

    private static List<String> positionBlockers(Ladder ladder, BigDecimal position, Exchange exchange) {
        int sign = ladder.side() == PositionSide.LONG ? 1 : -1;
        String where = ladder.symbol() + " on exchange [" + exchange.name() + "]";
        if (position.signum() == 0) {
            return List.of("there is no " + ladder.side() + " position in " + where + " to take profit on: a reduce-only"
                    + " take-profit needs a position to reduce; open it first");
        }
        if (position.signum() != sign) {
            return List.of("the position in " + where + " is " + (sign > 0 ? "SHORT" : "LONG") + " ("
                    + LadderBuilder.plain(position) + "), not " + ladder.side());
        }
        if (position.abs().compareTo(ladder.quantity()) < 0) {
            return List.of("the ladder's quantity " + LadderBuilder.plain(ladder.quantity()) + " exceeds the "
                    + ladder.side() + " position of " + LadderBuilder.plain(position.abs()) + " in " + where);
        }
        return List.of();
    }

    /** Sends the orders one after the other; a refusal stops the rest and says what was sent before it. */
    private static Future<List<ConditionalOrder>> send(Exchange exchange, List<ConditionalOrderRequest> orders) {
        List<ConditionalOrder> placed = new ArrayList<>();
        Future<Void> chain = Future.succeededFuture();
        for (ConditionalOrderRequest order : orders) {
            chain = chain.compose(v -> exchange.placeConditionalOrder(order)
                    .recover(e -> Future.failedFuture(partial(order, orders, placed, e)))
                    .map(o -> {
                        placed.add(o);
                        return null;
                    }));
        }
        return chain.map(v -> List.copyOf(placed));
    }

    private static IntelException partial(ConditionalOrderRequest failed, List<ConditionalOrderRequest> orders,
                                          List<ConditionalOrder> placed, Throwable cause) {
        ErrorCode code = cause instanceof IntelException ie ? ie.code() : ErrorCode.INTERNAL_ERROR;
        List<String> sent = placed.stream().map(ConditionalOrder::clientAlgoId).toList();
        int level = orders.indexOf(failed) + 1;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("failed", failed.clientAlgoId());
        details.put("placed", sent);
        if (cause instanceof IntelException ie) {
            details.put("cause", ie.details());
        }
        return new IntelException(code, "TP" + level + " (" + failed.clientAlgoId() + ") was refused: "
                + cause.getMessage() + "; placed before it: " + (sent.isEmpty() ? "none" : sent)
                + "; the same request again places only what is missing (client algo ids are idempotency keys)",
                details, cause);
    }

    /** Orders the exchange already held under the same ids with other terms, or that already moved on. */
    private static List<String> mismatches(List<ConditionalOrderRequest> orders, List<ConditionalOrder> placed) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < placed.size(); i++) {
            ConditionalOrderRequest r = orders.get(i);
            ConditionalOrder o = placed.get(i);
            boolean samePrice = o.triggerPrice() != null && o.triggerPrice().compareTo(r.triggerPrice()) == 0;
            boolean sameQty = o.quantity() != null && o.quantity().compareTo(r.quantity()) == 0;
            if (!samePrice || !sameQty) {
                out.add("TP" + (i + 1) + ": the exchange already held " + r.clientAlgoId() + " at "
                        + (o.triggerPrice() == null ? "?" : LadderBuilder.plain(o.triggerPrice())) + " for "
                        + (o.quantity() == null ? "?" : LadderBuilder.plain(o.quantity())) + ", not "
                        + LadderBuilder.plain(r.triggerPrice()) + " for " + LadderBuilder.plain(r.quantity())
                        + "; it was kept (cancel it to place this level anew)");
            } else if (o.status() != ConditionalOrderStatus.NEW) {
                out.add("TP" + (i + 1) + ": " + r.clientAlgoId() + " was placed earlier and is " + o.status());
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- parsing a given ladder

    private static String text(JsonObject o, String name) {
        Object v = o.getValue(name);
        if (!(v instanceof String t) || t.isBlank()) {
            throw IntelException.invalidParameter(LADDER, "parameter [" + LADDER + "." + name + "] is required");
        }
        return t.trim();
    }

    private static <E extends Enum<E>> E enumOf(JsonObject o, String name, Class<E> type) {
        String t = text(o, name);
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(t)) {
                return e;
            }
        }
        throw IntelException.invalidParameter(LADDER, "parameter [" + LADDER + "." + name + "] must be one of "
                + names(type.getEnumConstants()) + ", was \"" + t + "\"");
    }

    private static BigDecimal decimal(JsonObject o, String name, String path) {
        Object v = o.getValue(name);
        try {
            if (v instanceof Number || v instanceof String) {
                return new BigDecimal(v.toString().trim());
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw IntelException.invalidParameter(LADDER, "parameter [" + path + "] must be a number, was "
                + (v == null ? "missing" : "\"" + v + "\""));
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    // ---------------------------------------------------------------- failures

    /** IntelExceptions (market data, exchange, configuration) pass unchanged; anything else is a defect, logged. */
    private static <T> Future<T> failure(PluginContext ctx, String what, Throwable e) {
        if (e instanceof IntelException) {
            return Future.failedFuture(e);
        }
        ctx.logger().log(Level.ERROR, what + " failed", e);
        return Future.failedFuture(new IntelException(ErrorCode.INTERNAL_ERROR, what + " failed unexpectedly",
                Map.of("plugin", ID), e));
    }

    private static <T> Future<T> notStarted() {
        return Future.failedFuture(new IntelException(ErrorCode.SERVICE_UNAVAILABLE,
                "plugin [" + ID + "] is not started", Map.of("plugin", ID)));
    }
}
