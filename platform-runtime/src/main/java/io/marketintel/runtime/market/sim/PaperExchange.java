package io.marketintel.runtime.market.sim;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.market.LeverageBracket;
import io.marketintel.api.market.OrderBook;
import io.marketintel.api.market.PriceLevel;
import io.marketintel.api.market.SymbolInfo;
import io.marketintel.api.trading.Account;
import io.marketintel.api.trading.ConditionalOrder;
import io.marketintel.api.trading.ConditionalOrderRequest;
import io.marketintel.api.trading.ConditionalOrderStatus;
import io.marketintel.api.trading.Exchange;
import io.marketintel.api.trading.MarginType;
import io.marketintel.api.trading.Order;
import io.marketintel.api.trading.OrderRequest;
import io.marketintel.api.trading.OrderStatus;
import io.marketintel.api.trading.OrderType;
import io.marketintel.api.trading.Position;
import io.marketintel.api.trading.Side;
import io.marketintel.api.trading.TimeInForce;
import io.marketintel.api.trading.WorkingType;
import io.vertx.core.Future;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A paper {@link Exchange} on the {@link SimulatedMarket}: one-way mode, USDT margin, state in memory.
 *
 * <ul>
 *   <li>Market orders walk the current simulated book (VWAP over the consumed levels); what the book
 *   cannot fill expires. Limit orders take the marketable part the same way and rest the remainder
 *   (GTC; IOC expires it, FOK fills all or nothing, GTX never takes).</li>
 *   <li>Resting orders and liquidations are evaluated lazily on every call, minute by minute, against
 *   the simulated trade prices since the last call: a buy rests until a trade prints below its price,
 *   a sell until one prints above; it then fills at its price as maker.</li>
 *   <li>Fees: taker 0.05 %, maker 0.02 % of the fill notional. Positions keep an average entry price;
 *   reductions realise PnL.</li>
 *   <li>Leverage per symbol (default 20, at most the first bracket's initial leverage); initial margin
 *   is notional / leverage; an order whose new exposure needs more than the available balance is
 *   refused with {@link ErrorCode#CONFLICT}.</li>
 *   <li>Liquidation price is Binance's formula with the symbol's brackets ({@link Liquidation}), for
 *   cross (the default) and isolated margin; a position whose price was crossed is closed at it by an
 *   {@code autoclose-…} order.</li>
 *   <li>Conditional orders ({@link #placeConditionalOrder}: STOP_MARKET, TAKE_PROFIT_MARKET, STOP,
 *   TAKE_PROFIT, TRAILING_STOP_MARKET) wait, holding no margin, until the price their {@link WorkingType}
 *   names (the last trade price by default, or the mark price) reaches their trigger, checked second by
 *   second in the same lazy catch-up; they then place a market order (or a limit order at their price)
 *   that walks the book as it stood at the trigger second, and report it as {@code actualOrderId}.
 *   {@link PaperConditional} has the trigger rules. Reduce-only ones are capped at the position left when
 *   they trigger (REJECTED when none is left); close-position ones close whatever position is open
 *   against their side (EXPIRED when there is none). A liquidation expires the symbol's reducing ones.</li>
 *   <li>Client order ids, and client algo ids, are idempotency keys per symbol.</li>
 * </ul>
 * Thread-safe: all state is guarded by one lock; every answer is an already completed future.
 */
public final class PaperExchange implements Exchange {

    /** Taker fee rate, 0.05 %. */
    public static final BigDecimal TAKER_FEE_RATE = new BigDecimal("0.0005");
    /** Maker fee rate, 0.02 %. */
    public static final BigDecimal MAKER_FEE_RATE = new BigDecimal("0.0002");
    /** Leverage of a symbol nobody set. */
    public static final int DEFAULT_LEVERAGE = 20;

    private static final MathContext MC = MathContext.DECIMAL128;
    private static final int SCALE = 8;

    private final SimulatedMarket market;
    private final Clock clock;
    private final Object lock = new Object();

    // guarded by lock
    private BigDecimal wallet;
    private final Map<String, PaperPosition> positions = new TreeMap<>();
    private final Map<String, Integer> leverages = new HashMap<>();
    private final Map<String, MarginType> marginTypes = new HashMap<>();
    private final Map<String, PaperOrder> orders = new LinkedHashMap<>();
    /** Orders that may still fill, in placement order (pruned lazily). */
    private final Map<String, PaperOrder> resting = new LinkedHashMap<>();
    private final Map<String, PaperConditional> conditionals = new LinkedHashMap<>();
    /** Conditional orders that may still trigger, in placement order (pruned lazily). */
    private final Map<String, PaperConditional> armed = new LinkedHashMap<>();
    /** Conditional orders whose limit order still rests (TRIGGERED), until it leaves the book. */
    private final Map<String, PaperConditional> working = new LinkedHashMap<>();
    private long nextOrderId = 1;
    private long nextAlgoId = 1;
    private long evaluatedUntil;

    /**
     * @param market          the simulated market orders fill against
     * @param clock           the exchange's time (the same clock as the market's)
     * @param startingBalance USDT wallet balance at start, not negative
     */
    public PaperExchange(SimulatedMarket market, Clock clock, BigDecimal startingBalance) {
        this.market = Objects.requireNonNull(market, "market");
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(startingBalance, "startingBalance");
        if (startingBalance.signum() < 0) {
            throw new IllegalArgumentException("startingBalance must not be negative, was " + startingBalance);
        }
        this.wallet = startingBalance;
        this.evaluatedUntil = clock.millis();
    }

    @Override
    public String name() {
        return "paper";
    }

    @Override
    public boolean paper() {
        return true;
    }

    @Override
    public Future<Account> account() {
        return locked(() -> {
            long now = catchUp();
            Totals t = totals(now);
            BigDecimal unrealised = t.unrealisedCross.add(t.unrealisedIsolated);
            return new Account(scaled(wallet), scaled(unrealised), scaled(wallet.add(unrealised)),
                    scaled(t.positionMargin.add(t.orderMargin)), scaled(t.maintenance), scaled(available(t)), now);
        });
    }

    @Override
    public Future<List<Position>> positions() {
        return locked(() -> {
            long now = catchUp();
            Map<String, Double> marks = marks(now);
            List<Position> out = new ArrayList<>();
            for (PaperPosition p : positions.values()) {
                BigDecimal mark = BigDecimal.valueOf(marks.get(p.symbol));
                BigDecimal unrealised = p.unrealized(mark);
                double lp = liquidationPrice(p, marks);
                out.add(new Position(p.symbol, p.qty, p.entryPrice(), mark, scaled(unrealised),
                        lp > 0 ? BigDecimal.valueOf(lp).setScale(SCALE, RoundingMode.HALF_UP) : BigDecimal.ZERO,
                        leverage(p.symbol), p.marginType,
                        p.marginType == MarginType.ISOLATED ? scaled(p.isolatedWallet.add(unrealised))
                                : BigDecimal.ZERO,
                        scaled(p.qty.multiply(mark)), p.updateTime));
            }
            return out;
        });
    }

    @Override
    public Future<Order> placeOrder(OrderRequest request) {
        return locked(() -> {
            if (request == null) {
                throw IntelException.invalidParameter("request", "parameter [request] is missing");
            }
            return place(request);
        });
    }

    @Override
    public Future<Order> cancelOrder(String symbol, String clientOrderId) {
        return locked(() -> {
            market.spec(symbol);
            long now = catchUp();
            PaperOrder o = find(symbol, clientOrderId);
            if (!o.status.isOpen()) {
                throw new IntelException(ErrorCode.CONFLICT, "order [" + clientOrderId + "] of [" + symbol + "] is "
                        + o.status + " and cannot be canceled", Map.of("clientOrderId", clientOrderId,
                        "status", o.status.name()));
            }
            o.finish(OrderStatus.CANCELED, now);
            return o.toOrder();
        });
    }

    @Override
    public Future<Order> order(String symbol, String clientOrderId) {
        return locked(() -> {
            market.spec(symbol);
            catchUp();
            return find(symbol, clientOrderId).toOrder();
        });
    }

    @Override
    public Future<List<Order>> openOrders(String symbol) {
        return locked(() -> {
            market.spec(symbol);
            catchUp();
            List<Order> out = new ArrayList<>();
            for (PaperOrder o : resting.values()) {
                if (o.symbol.equals(symbol) && o.status.isOpen()) {
                    out.add(o.toOrder());
                }
            }
            return out;
        });
    }

    @Override
    public Future<Integer> setLeverage(String symbol, int leverage) {
        return locked(() -> {
            List<LeverageBracket> brackets = market.spec(symbol).brackets();
            long now = catchUp();
            int max = brackets.get(0).initialLeverage();
            if (leverage < 1 || leverage > max) {
                throw IntelException.invalidParameter("leverage", "parameter [leverage] must be within [1, " + max
                        + "] for " + symbol + ", was " + leverage);
            }
            PaperPosition p = positions.get(symbol);
            if (p != null) {
                double notional = p.qty.abs().doubleValue() * market.markPrice(symbol, now);
                LeverageBracket b = Liquidation.bracketFor(brackets, notional);
                if (leverage > b.initialLeverage()) {
                    throw IntelException.invalidParameter("leverage", "parameter [leverage] must be at most "
                            + b.initialLeverage() + " for the position notional " + Math.round(notional) + " of "
                            + symbol + " (bracket " + b.bracket() + "), was " + leverage);
                }
            }
            leverages.put(symbol, leverage);
            return leverage;
        });
    }

    /**
     * Sets the margin type of a symbol (cross by default). Binance allows it only without a position or
     * open orders in the symbol; otherwise this fails with {@link ErrorCode#CONFLICT}.
     */
    public Future<MarginType> setMarginType(String symbol, MarginType marginType) {
        return locked(() -> {
            market.spec(symbol);
            if (marginType == null) {
                throw IntelException.invalidParameter("marginType", "parameter [marginType] is missing");
            }
            catchUp();
            boolean busy = positions.containsKey(symbol);
            for (PaperOrder o : resting.values()) {
                busy |= o.symbol.equals(symbol) && o.status.isOpen();
            }
            if (busy && marginType != marginType(symbol)) {
                throw new IntelException(ErrorCode.CONFLICT, "margin type of [" + symbol
                        + "] cannot change while it has a position or open orders", Map.of("symbol", symbol));
            }
            marginTypes.put(symbol, marginType);
            return marginType;
        });
    }

    // ---------------------------------------------------------------- conditional orders

    /**
     * Places a conditional order. Refusals name the rule: PRICE_FILTER (trigger, activation and limit price on
     * the tick grid and within bounds), LOT_SIZE / MARKET_LOT_SIZE and MIN_NOTIONAL as for the order it would
     * place ({@link ErrorCode#INVALID_PARAMETER}), REDUCE_ONLY when a reduce-only order has no position to
     * reduce, and WOULD_IMMEDIATELY_TRIGGER ({@link ErrorCode#CONFLICT}, Binance's {@code -2021}) when its trigger
     * condition already holds. A client algo id already used for the symbol returns that order unchanged.
     */
    @Override
    public Future<ConditionalOrder> placeConditionalOrder(ConditionalOrderRequest request) {
        return locked(() -> {
            if (request == null) {
                throw IntelException.invalidParameter("request", "parameter [request] is missing");
            }
            return placeConditional(request);
        });
    }

    /** Cancels a conditional order that has not triggered; anything else is a {@link ErrorCode#CONFLICT}. */
    @Override
    public Future<ConditionalOrder> cancelConditionalOrder(String symbol, String clientAlgoId) {
        return locked(() -> {
            market.spec(symbol);
            long now = catchUp();
            PaperConditional c = findConditional(symbol, clientAlgoId);
            if (!c.status.isOpen()) {
                throw new IntelException(ErrorCode.CONFLICT, "conditional order [" + clientAlgoId + "] of [" + symbol
                        + "] is " + c.status + " and cannot be canceled", Map.of("clientAlgoId", clientAlgoId,
                        "status", c.status.name()));
            }
            c.finish(ConditionalOrderStatus.CANCELED, now);
            armed.remove(key(symbol, clientAlgoId));
            return c.toConditionalOrder();
        });
    }

    @Override
    public Future<ConditionalOrder> conditionalOrder(String symbol, String clientAlgoId) {
        return locked(() -> {
            market.spec(symbol);
            catchUp();
            return findConditional(symbol, clientAlgoId).toConditionalOrder();
        });
    }

    @Override
    public Future<List<ConditionalOrder>> openConditionalOrders(String symbol) {
        return locked(() -> {
            market.spec(symbol);
            catchUp();
            List<ConditionalOrder> out = new ArrayList<>();
            for (PaperConditional c : armed.values()) {
                if (c.symbol.equals(symbol) && c.status.isOpen()) {
                    out.add(c.toConditionalOrder());
                }
            }
            return out;
        });
    }

    private ConditionalOrder placeConditional(ConditionalOrderRequest req) {
        long now = catchUp();
        String key = key(req.symbol(), req.clientAlgoId());
        PaperConditional existing = conditionals.get(key);
        if (existing != null) {
            return existing.toConditionalOrder();
        }
        SymbolInfo info = market.spec(req.symbol()).info();
        WorkingType workingType = req.workingType() == null ? WorkingType.CONTRACT_PRICE : req.workingType();
        double current = workingType == WorkingType.MARK_PRICE ? market.markPrice(req.symbol(), now)
                : market.lastPrice(req.symbol(), now);
        OrderRules.checkConditional(info, req, BigDecimal.valueOf(current));
        if (req.reduceOnly()) {
            PaperPosition position = positions.get(req.symbol());
            OrderRules.checkReduceOnlyConditional(position == null ? BigDecimal.ZERO : position.qty, req.side());
        }
        PaperConditional c = new PaperConditional(nextAlgoId, req, now);
        String immediate = c.immediateTrigger(current);
        if (immediate != null) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("rule", "WOULD_IMMEDIATELY_TRIGGER");
            details.put("binance_code", -2021);
            details.put("parameter", req.type() == io.marketintel.api.trading.ConditionalOrderType.TRAILING_STOP_MARKET
                    ? "activationPrice" : "triggerPrice");
            details.put("current_price", OrderRules.plain(BigDecimal.valueOf(current)));
            details.put("working_type", workingType.name());
            throw new IntelException(ErrorCode.CONFLICT, "conditional order would immediately trigger (Binance -2021): "
                    + immediate, details);
        }
        nextAlgoId++;
        c.armAt(current);
        conditionals.put(key, c);
        armed.put(key, c);
        return c.toConditionalOrder();
    }

    /**
     * Checks every armed conditional order against the watched price at each second mark of {@code (from, to]},
     * in time order (orders of one second in placement order), and executes those that trigger.
     */
    private void triggerConditionals(long from, long to) {
        if (armed.isEmpty()) {
            return;
        }
        List<PaperConditional> live = new ArrayList<>(armed.values());
        Map<String, Boolean> needsMark = new HashMap<>();
        for (PaperConditional c : live) {
            needsMark.merge(c.symbol, c.workingType == WorkingType.MARK_PRICE, Boolean::logicalOr);
        }
        Map<String, SecondPrices> paths = new HashMap<>();
        int marks = 0;
        for (Map.Entry<String, Boolean> e : needsMark.entrySet()) {
            SecondPrices p = market.seconds(e.getKey(), from, to, e.getValue());
            paths.put(e.getKey(), p);
            marks = Math.max(marks, p.size());
        }
        for (int i = 0; i < marks; i++) {
            for (PaperConditional c : live) {
                SecondPrices p = paths.get(c.symbol);
                if (!c.status.isOpen() || i >= p.size()) {
                    continue;
                }
                double price = c.workingType == WorkingType.MARK_PRICE ? p.mark()[i] : p.trade()[i];
                if (c.observe(price)) {
                    execute(c, p.time(i));
                }
            }
        }
    }

    /** Places the order of a conditional order that triggered at {@code time}. */
    private void execute(PaperConditional c, long time) {
        PaperPosition position = positions.get(c.symbol);
        BigDecimal held = position == null ? BigDecimal.ZERO : position.qty;
        BigDecimal qty = c.quantity;
        if (c.reducing()) {
            if (held.signum() == 0 || held.signum() == c.side.sign()) {
                // nothing left to reduce: Binance's matching engine refuses a reduce-only order (-2022), and a
                // close-position order has nothing to close
                c.triggerTime = time;
                c.finish(c.closePosition ? ConditionalOrderStatus.EXPIRED : ConditionalOrderStatus.REJECTED, time);
                return;
            }
            qty = c.closePosition ? held.abs() : qty.min(held.abs());
        }
        String clientOrderId = orders.containsKey(key(c.symbol, c.clientAlgoId)) ? "algo-" + c.algoId : c.clientAlgoId;
        OrderRequest req = c.type.isLimit()
                ? new OrderRequest(c.symbol, c.side, OrderType.LIMIT, qty, c.price, c.timeInForce, c.reducing(),
                clientOrderId)
                : OrderRequest.market(c.symbol, c.side, qty, c.reducing(), clientOrderId);
        PaperOrder o;
        try {
            o = submit(req, held, time);
        } catch (IntelException e) {
            c.triggerTime = time;
            c.finish(ConditionalOrderStatus.REJECTED, time);
            return;
        }
        c.triggered(o, time);
        if (c.status == ConditionalOrderStatus.TRIGGERED) {
            working.put(key(c.symbol, c.clientAlgoId), c);
        }
    }

    private PaperConditional findConditional(String symbol, String clientAlgoId) {
        PaperConditional c = conditionals.get(key(symbol, clientAlgoId));
        if (c == null) {
            throw new IntelException(ErrorCode.NOT_FOUND, "conditional order [" + clientAlgoId + "] of [" + symbol
                    + "] does not exist", Map.of("symbol", symbol, "clientAlgoId", String.valueOf(clientAlgoId)));
        }
        return c;
    }

    // ---------------------------------------------------------------- placing

    private Order place(OrderRequest req) {
        long now = catchUp();
        String key = key(req.symbol(), req.clientOrderId());
        PaperOrder existing = orders.get(key);
        if (existing != null) {
            return existing.toOrder();
        }
        SymbolInfo info = market.spec(req.symbol()).info();
        BigDecimal last = BigDecimal.valueOf(market.lastPrice(req.symbol(), now));
        OrderRules.checkFilters(info, req, last);
        PaperPosition position = positions.get(req.symbol());
        BigDecimal held = position == null ? BigDecimal.ZERO : position.qty;
        if (req.reduceOnly()) {
            OrderRules.checkReduceOnly(held, req.side() == Side.BUY ? req.quantity() : req.quantity().negate());
        }
        return submit(req, held, now).toOrder();
    }

    /**
     * Sends a checked order to the book as it stands at {@code now}: takes what it can, rests or expires the
     * rest by its time in force.
     *
     * @param held the signed position before it
     * @throws IntelException CONFLICT when an order that is not reduce-only needs more margin than is available
     */
    private PaperOrder submit(OrderRequest req, BigDecimal held, long now) {
        String key = key(req.symbol(), req.clientOrderId());
        BigDecimal signed = req.side() == Side.BUY ? req.quantity() : req.quantity().negate();
        OrderBook book = market.book(req.symbol(), 1000, now);
        List<Fill> takes = takerFills(book, req);
        BigDecimal takeable = BigDecimal.ZERO;
        BigDecimal takeQuote = BigDecimal.ZERO;
        for (Fill f : takes) {
            takeable = takeable.add(f.qty());
            takeQuote = takeQuote.add(f.qty().multiply(f.price()));
        }
        if (!req.reduceOnly()) {
            BigDecimal last = BigDecimal.valueOf(market.lastPrice(req.symbol(), now));
            checkMargin(req, held, signed, takeable, takeQuote, last, now);
        }

        TimeInForce tif = req.type() == OrderType.MARKET ? null : req.timeInForce();
        PaperOrder o = new PaperOrder(nextOrderId++, req.clientOrderId(), req.symbol(), req.side(), req.type(), tif,
                req.type() == OrderType.LIMIT ? req.price() : null, req.quantity(), req.reduceOnly(), now);
        orders.put(key, o);
        boolean fullyTakeable = takeable.compareTo(req.quantity()) >= 0;
        if (tif == TimeInForce.FOK && !fullyTakeable || tif == TimeInForce.GTX && !takes.isEmpty()) {
            o.finish(OrderStatus.EXPIRED, now);
            return o;
        }
        for (Fill f : takes) {
            fill(o, f.qty(), f.price(), TAKER_FEE_RATE, now);
        }
        if (o.remaining().signum() > 0 && (tif == null || tif == TimeInForce.IOC)) {
            o.finish(OrderStatus.EXPIRED, now);
        }
        if (o.status.isOpen()) {
            resting.put(key, o);
        }
        return o;
    }

    /** One taker fill against a book level. */
    private record Fill(BigDecimal qty, BigDecimal price) {
    }

    /**
     * The fills the order takes from the book now, best level first: as much as the book holds for a
     * market order, the marketable part of a limit order.
     */
    private static List<Fill> takerFills(OrderBook book, OrderRequest req) {
        List<PriceLevel> levels = req.side() == Side.BUY ? book.asks() : book.bids();
        List<Fill> out = new ArrayList<>();
        BigDecimal remaining = req.quantity();
        for (PriceLevel level : levels) {
            if (remaining.signum() <= 0) {
                break;
            }
            BigDecimal price = BigDecimal.valueOf(level.price());
            if (req.type() == OrderType.LIMIT) {
                int cmp = price.compareTo(req.price());
                if (req.side() == Side.BUY ? cmp > 0 : cmp < 0) {
                    break;
                }
            }
            BigDecimal qty = remaining.min(BigDecimal.valueOf(level.quantity()));
            out.add(new Fill(qty, price));
            remaining = remaining.subtract(qty);
        }
        return out;
    }

    private void checkMargin(OrderRequest req, BigDecimal held, BigDecimal signed, BigDecimal takeable,
                             BigDecimal takeQuote, BigDecimal last, long now) {
        BigDecimal increase = signed.abs();
        if (held.signum() != 0 && held.signum() != signed.signum()) {
            increase = signed.abs().subtract(held.abs()).max(BigDecimal.ZERO);
        }
        if (increase.signum() == 0) {
            return;
        }
        BigDecimal price;
        if (req.type() == OrderType.LIMIT) {
            price = req.side() == Side.BUY ? req.price() : req.price().max(last);
        } else {
            price = takeable.signum() > 0 ? takeQuote.divide(takeable, MC) : last;
        }
        int lev = leverage(req.symbol());
        BigDecimal required = increase.multiply(price).divide(BigDecimal.valueOf(lev), MC);
        BigDecimal available = available(totals(now));
        if (required.compareTo(available) > 0) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("required", plain(required));
            details.put("available", plain(available));
            details.put("leverage", lev);
            throw new IntelException(ErrorCode.CONFLICT, "margin is insufficient: the order needs "
                    + plain(required) + " USDT of initial margin at leverage " + lev + ", available is "
                    + plain(available) + " USDT", details);
        }
    }

    private void fill(PaperOrder o, BigDecimal qty, BigDecimal price, BigDecimal feeRate, long time) {
        o.fill(qty, price, time);
        PaperPosition p = positions.computeIfAbsent(o.symbol, s -> new PaperPosition(s, marginType(s)));
        BigDecimal signed = o.side == Side.BUY ? qty : qty.negate();
        BigDecimal perNotional = BigDecimal.ONE.divide(BigDecimal.valueOf(leverage(o.symbol)), MC);
        BigDecimal realised = p.apply(signed, price, perNotional, time);
        BigDecimal fee = qty.multiply(price).multiply(feeRate);
        wallet = wallet.add(realised).subtract(fee);
        if (p.qty.signum() == 0) {
            positions.remove(o.symbol);
        }
    }

    // ---------------------------------------------------------------- lazy evaluation

    /**
     * Replays the simulated trade prices since the last call, minute by minute: fills resting orders the
     * price traded through and liquidates positions whose liquidation price was reached.
     *
     * @return now
     */
    private long catchUp() {
        long now = clock.millis();
        long t = evaluatedUntil;
        resting.values().removeIf(o -> !o.status.isOpen());
        armed.values().removeIf(c -> !c.status.isOpen());
        while (t < now && (!positions.isEmpty() || !resting.isEmpty() || !armed.isEmpty())) {
            long end = Math.min(now, Math.floorDiv(t, Candles.MINUTE) * Candles.MINUTE + Candles.MINUTE);
            Map<String, double[]> ranges = new HashMap<>();
            for (PaperOrder o : resting.values()) {
                if (!ranges.containsKey(o.symbol)) {
                    ranges.put(o.symbol, market.range(o.symbol, t, end));
                }
            }
            for (String s : positions.keySet()) {
                if (!ranges.containsKey(s)) {
                    ranges.put(s, market.range(s, t, end));
                }
            }
            triggerConditionals(t, end);
            fillResting(ranges, t, end);
            liquidate(ranges, end);
            resting.values().removeIf(o -> !o.status.isOpen());
            armed.values().removeIf(c -> !c.status.isOpen());
            t = end;
        }
        evaluatedUntil = Math.max(evaluatedUntil, now);
        working.values().removeIf(c -> {
            c.refresh();
            return c.status != ConditionalOrderStatus.TRIGGERED;
        });
        return now;
    }

    private void fillResting(Map<String, double[]> ranges, long from, long time) {
        for (PaperOrder o : new ArrayList<>(resting.values())) {
            if (!o.status.isOpen() || o.type != OrderType.LIMIT) {
                continue;
            }
            // an order placed inside the window (by a trigger) sees only the trades after it
            double[] r = o.restingSince > from ? market.range(o.symbol, o.restingSince, time) : ranges.get(o.symbol);
            if (r == null) {
                continue;
            }
            double price = o.price.doubleValue();
            boolean through = o.side == Side.BUY ? r[1] < price : r[0] > price;
            if (!through) {
                continue;
            }
            BigDecimal qty = o.remaining();
            if (o.reduceOnly) {
                PaperPosition p = positions.get(o.symbol);
                int orderSign = o.side == Side.BUY ? 1 : -1;
                if (p == null || p.side() == orderSign) {
                    o.finish(OrderStatus.EXPIRED, time);
                    continue;
                }
                qty = qty.min(p.qty.abs());
            }
            fill(o, qty, o.price, MAKER_FEE_RATE, time);
            if (o.remaining().signum() > 0) {
                o.finish(OrderStatus.EXPIRED, time);
            }
        }
    }

    private void liquidate(Map<String, double[]> ranges, long time) {
        Map<String, Double> marks = new HashMap<>();
        for (String s : positions.keySet()) {
            double[] r = ranges.get(s);
            marks.put(s, r != null ? r[2] : market.lastPrice(s, time));
        }
        for (PaperPosition p : new ArrayList<>(positions.values())) {
            double[] r = ranges.get(p.symbol);
            if (r == null || !positions.containsKey(p.symbol)) {
                continue;
            }
            double lp = liquidationPrice(p, marks);
            boolean hit = lp > 0 && (p.side() > 0 ? r[1] <= lp : r[0] >= lp);
            if (!hit) {
                continue;
            }
            SymbolInfo info = market.spec(p.symbol).info();
            BigDecimal price = info.roundPrice(BigDecimal.valueOf(lp), RoundingMode.HALF_UP);
            long id = nextOrderId++;
            Side side = p.side() > 0 ? Side.SELL : Side.BUY;
            PaperOrder o = new PaperOrder(id, "autoclose-" + id, p.symbol, side, OrderType.MARKET, null, null,
                    p.qty.abs(), true, time);
            orders.put(key(p.symbol, o.clientOrderId), o);
            fill(o, p.qty.abs(), price, TAKER_FEE_RATE, time);
            for (PaperOrder other : resting.values()) {
                if (other.symbol.equals(p.symbol) && other.reduceOnly && other.status.isOpen()) {
                    other.finish(OrderStatus.EXPIRED, time);
                }
            }
            for (PaperConditional c : armed.values()) {
                if (c.symbol.equals(p.symbol) && c.reducing() && c.status.isOpen()) {
                    c.finish(ConditionalOrderStatus.EXPIRED, time);
                }
            }
            marks.remove(p.symbol);
        }
    }

    // ---------------------------------------------------------------- margin

    /** Sums over positions and open orders at {@code now}. */
    private Totals totals(long now) {
        Totals t = new Totals();
        for (PaperPosition p : positions.values()) {
            BigDecimal mark = BigDecimal.valueOf(market.markPrice(p.symbol, now));
            BigDecimal notional = p.qty.abs().multiply(mark);
            BigDecimal unrealised = p.unrealized(mark);
            List<LeverageBracket> brackets = market.spec(p.symbol).brackets();
            t.positionMargin = t.positionMargin.add(notional.divide(BigDecimal.valueOf(leverage(p.symbol)), MC));
            t.maintenance = t.maintenance.add(BigDecimal.valueOf(Liquidation.maintenance(notional.doubleValue(),
                    brackets)));
            if (p.marginType == MarginType.ISOLATED) {
                t.isolatedWallets = t.isolatedWallets.add(p.isolatedWallet);
                t.unrealisedIsolated = t.unrealisedIsolated.add(unrealised);
            } else {
                t.unrealisedCross = t.unrealisedCross.add(unrealised);
                t.crossMargin = t.crossMargin.add(notional.divide(BigDecimal.valueOf(leverage(p.symbol)), MC));
            }
        }
        for (PaperOrder o : resting.values()) {
            if (o.status.isOpen() && !o.reduceOnly && o.price != null) {
                t.orderMargin = t.orderMargin.add(o.remaining().multiply(o.price)
                        .divide(BigDecimal.valueOf(leverage(o.symbol)), MC));
            }
        }
        return t;
    }

    private BigDecimal available(Totals t) {
        BigDecimal crossWallet = wallet.subtract(t.isolatedWallets);
        return crossWallet.add(t.unrealisedCross).subtract(t.crossMargin).subtract(t.orderMargin)
                .max(BigDecimal.ZERO);
    }

    /** Liquidation price of {@code p} with the other positions at {@code marks}; 0 when none applies. */
    private double liquidationPrice(PaperPosition p, Map<String, Double> marks) {
        List<LeverageBracket> brackets = market.spec(p.symbol).brackets();
        double qty = p.qty.abs().doubleValue();
        double entry = p.entryPriceDouble();
        if (p.marginType == MarginType.ISOLATED) {
            return Liquidation.price(p.side(), qty, entry, p.isolatedWallet.doubleValue(), 0, 0, brackets);
        }
        double crossWallet = wallet.doubleValue();
        double upnlOther = 0;
        double tmmOther = 0;
        for (PaperPosition other : positions.values()) {
            if (other.marginType == MarginType.ISOLATED) {
                crossWallet -= other.isolatedWallet.doubleValue();
                continue;
            }
            if (other == p) {
                continue;
            }
            double mark = marks.get(other.symbol);
            upnlOther += other.unrealized(BigDecimal.valueOf(mark)).doubleValue();
            tmmOther += Liquidation.maintenance(other.qty.abs().doubleValue() * mark,
                    market.spec(other.symbol).brackets());
        }
        return Liquidation.price(p.side(), qty, entry, crossWallet, upnlOther, tmmOther, brackets);
    }

    private Map<String, Double> marks(long now) {
        Map<String, Double> marks = new HashMap<>();
        for (String s : positions.keySet()) {
            marks.put(s, market.markPrice(s, now));
        }
        return marks;
    }

    // ---------------------------------------------------------------- helpers

    private int leverage(String symbol) {
        return leverages.getOrDefault(symbol, DEFAULT_LEVERAGE);
    }

    private MarginType marginType(String symbol) {
        return marginTypes.getOrDefault(symbol, MarginType.CROSS);
    }

    private PaperOrder find(String symbol, String clientOrderId) {
        PaperOrder o = orders.get(key(symbol, clientOrderId));
        if (o == null) {
            throw new IntelException(ErrorCode.NOT_FOUND, "order [" + clientOrderId + "] of [" + symbol
                    + "] does not exist", Map.of("symbol", symbol, "clientOrderId", String.valueOf(clientOrderId)));
        }
        return o;
    }

    private static String key(String symbol, String clientOrderId) {
        return symbol + '\u0000' + clientOrderId;
    }

    private static BigDecimal scaled(BigDecimal value) {
        return value.setScale(SCALE, RoundingMode.HALF_UP);
    }

    private static String plain(BigDecimal value) {
        return value.setScale(SCALE, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private <T> Future<T> locked(Supplier<T> body) {
        try {
            synchronized (lock) {
                return Future.succeededFuture(body.get());
            }
        } catch (IntelException e) {
            return Future.failedFuture(e);
        } catch (RuntimeException e) {
            return Future.failedFuture(new IntelException(ErrorCode.INTERNAL_ERROR,
                    "the paper exchange failed: " + e.getClass().getSimpleName(), Map.of(), e));
        }
    }

    /** Margin sums over positions and orders. */
    private static final class Totals {
        BigDecimal positionMargin = BigDecimal.ZERO;
        BigDecimal crossMargin = BigDecimal.ZERO;
        BigDecimal orderMargin = BigDecimal.ZERO;
        BigDecimal maintenance = BigDecimal.ZERO;
        BigDecimal unrealisedCross = BigDecimal.ZERO;
        BigDecimal unrealisedIsolated = BigDecimal.ZERO;
        BigDecimal isolatedWallets = BigDecimal.ZERO;
    }
}
