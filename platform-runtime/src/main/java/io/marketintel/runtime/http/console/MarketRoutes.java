package io.marketintel.runtime.http.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.marketintel.api.IntelException;
import io.marketintel.api.ParamSpec;
import io.marketintel.api.Params;
import io.marketintel.api.market.ExchangeInfo;
import io.marketintel.api.market.Interval;
import io.marketintel.api.market.Kline;
import io.marketintel.api.market.MarketData;
import io.marketintel.api.market.OrderBook;
import io.marketintel.api.market.PriceLevel;
import io.marketintel.api.market.SymbolInfo;
import io.marketintel.runtime.params.ParamBinder;
import io.marketintel.runtime.plugins.OperationInvoker;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Read-only market data for the console's pickers and charts, from the same cached {@code MarketData} the
 * plugins read (so a chart costs no extra upstream weight when a plugin just asked for the same data):
 * <ul>
 *   <li>{@code GET /api/market/symbols}: the listed symbols with their filters;</li>
 *   <li>{@code GET /api/market/klines/{symbol}?interval=1h&limit=200}: candles, each marked closed or forming;</li>
 *   <li>{@code GET /api/market/depth/{symbol}?limit=500}: the order book with cumulative quantities per side.</li>
 * </ul>
 * Parameters are validated like plugin parameters (400 naming the parameter); an unlisted symbol is 404.
 */
final class MarketRoutes {

    static final List<String> DEPTH_LIMITS = List.of("5", "10", "20", "50", "100", "500", "1000");

    private static final ParamSpec INTERVAL = ParamSpec.enumeration("interval", Interval.H1.code(),
            Arrays.stream(Interval.values()).map(Interval::code).toList()).describe("kline interval, 1m..1w");
    private static final ParamSpec KLINE_LIMIT = ParamSpec.integer("limit", 200).range(1, 1500)
            .describe("number of candles, the forming one included");
    private static final ParamSpec DEPTH_LIMIT = ParamSpec.enumeration("limit", "500", DEPTH_LIMITS)
            .describe("levels per side");

    private final MarketData market;
    private final Supplier<Clock> clock;

    MarketRoutes(MarketData market, Supplier<Clock> clock) {
        this.market = market;
        this.clock = clock;
    }

    void mount(Router router) {
        router.get("/api/market/symbols").handler(this::symbols);
        router.get("/api/market/klines/:symbol").handler(this::klines);
        router.get("/api/market/depth/:symbol").handler(this::depth);
    }

    private void symbols(RoutingContext ctx) {
        params(ctx, List.of());
        market.exchangeInfo()
                .map(info -> new Symbols(market.source(), info.symbols().size(),
                        info.symbols().stream().map(SymbolView::of).toList()))
                .onSuccess(v -> ok(ctx, v))
                .onFailure(ctx::fail);
    }

    private void klines(RoutingContext ctx) {
        Params p = params(ctx, List.of(INTERVAL, KLINE_LIMIT));
        Interval interval = Interval.fromCode(p.string("interval")).orElseThrow();
        int limit = (int) p.integer("limit");
        symbol(ctx)
                .compose(symbol -> market.klines(symbol, interval, limit).map(klines -> {
                    long now = clock.get().millis();
                    List<Candle> candles = new ArrayList<>(klines.size());
                    for (Kline k : klines) {
                        candles.add(new Candle(k.openTime(), k.open(), k.high(), k.low(), k.close(), k.volume(),
                                k.closeTime(), k.isClosedAt(now)));
                    }
                    return new Klines(symbol, interval.code(), market.source(), candles);
                }))
                .onSuccess(v -> ok(ctx, v))
                .onFailure(ctx::fail);
    }

    private void depth(RoutingContext ctx) {
        Params p = params(ctx, List.of(DEPTH_LIMIT));
        int limit = Integer.parseInt(p.string("limit"));
        symbol(ctx)
                .compose(symbol -> market.orderBook(symbol, limit).map(book -> Depth.of(book, market.source())))
                .onSuccess(v -> ok(ctx, v))
                .onFailure(ctx::fail);
    }

    /** The path's symbol, normalised and checked against exchange info (404 when not listed). */
    private Future<String> symbol(RoutingContext ctx) {
        String symbol = (String) ParamBinder.bind(ParamSpec.symbol("symbol"), TextNode.valueOf(ctx.pathParam("symbol")),
                ParamBinder.Label.parameter(), false);
        return market.exchangeInfo().map(info -> listed(info, symbol));
    }

    private static String listed(ExchangeInfo info, String symbol) {
        if (info.symbol(symbol).isEmpty()) {
            throw IntelException.unknownSymbol(symbol);
        }
        return symbol;
    }

    private static Params params(RoutingContext ctx, List<ParamSpec> specs) {
        Map<String, JsonNode> raw = new LinkedHashMap<>();
        for (String name : ctx.queryParams().names()) {
            raw.put(name, TextNode.valueOf(ctx.queryParams().get(name)));
        }
        return ParamBinder.bindAll(specs, raw, ParamBinder.Label.parameter());
    }

    private static void ok(RoutingContext ctx, Object value) {
        if (!ctx.response().ended()) {
            ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(OperationInvoker.envelope(value));
        }
    }

    /** {@code GET /api/market/symbols}. */
    record Symbols(String source, int count, List<SymbolView> symbols) {
    }

    /** One listed symbol. */
    record SymbolView(String symbol, String baseAsset, String quoteAsset, String contractType, String status,
                      BigDecimal tickSize, BigDecimal stepSize, BigDecimal minQty, BigDecimal minNotional,
                      int pricePrecision, int quantityPrecision) {
        static SymbolView of(SymbolInfo s) {
            return new SymbolView(s.symbol(), s.baseAsset(), s.quoteAsset(), s.contractType(), s.status(), s.tickSize(),
                    s.stepSize(), s.minQty(), s.minNotional(), s.pricePrecision(), s.quantityPrecision());
        }
    }

    /** {@code GET /api/market/klines/{symbol}}. */
    record Klines(String symbol, String interval, String source, List<Candle> klines) {
    }

    /** One candle; {@code closed} is false for the forming one. */
    record Candle(long openTime, double open, double high, double low, double close, double volume, long closeTime,
                  boolean closed) {
    }

    /** {@code GET /api/market/depth/{symbol}}: levels best first, with the running total of each side. */
    record Depth(String symbol, String source, long lastUpdateId, long eventTime, Double bestBid, Double bestAsk,
                 Double mid, List<Level> bids, List<Level> asks) {
        static Depth of(OrderBook book, String source) {
            double bid = book.bestBid();
            double ask = book.bestAsk();
            return new Depth(book.symbol(), source, book.lastUpdateId(), book.eventTime(), finite(bid), finite(ask),
                    Double.isNaN(bid) || Double.isNaN(ask) ? null : (bid + ask) / 2, cumulative(book.bids()),
                    cumulative(book.asks()));
        }

        private static Double finite(double v) {
            return Double.isFinite(v) ? v : null;
        }

        private static List<Level> cumulative(List<PriceLevel> side) {
            List<Level> out = new ArrayList<>(side.size());
            double total = 0;
            for (PriceLevel l : side) {
                total += l.quantity();
                // Rounded to 1e-8 so that float noise (0.1 + 0.2) does not reach the chart's labels.
                out.add(new Level(l.price(), l.quantity(), Math.round(total * 1e8) / 1e8));
            }
            return out;
        }
    }

    /** One book level and the quantity from the best price to it, inclusive. */
    record Level(double price, double quantity, double cumulativeQuantity) {
    }
}
