package io.marketintel.plugin.risk.internal;

import io.marketintel.api.IntelException;
import io.marketintel.api.PluginContext;
import io.marketintel.api.market.SymbolInfo;
import io.marketintel.api.trading.Side;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills in the hedge of an ADD_HEDGE action by asking the correlation plugin over the bus:
 * {@code ctx.call("correlation", "hedge", symbol, {candidates, period, lookback}, hedge_timeout_seconds)}. Its
 * {@code best_hedge} gives the symbol, the OLS hedge ratio β, the correlation and the side that hedges a LONG; for
 * a SHORT position the side flips. The suggested notional is {@code position notional × |β| × hedge_fraction_pct},
 * the quantity that notional at the hedge's mark price, rounded down to its step size. When the correlation plugin
 * is disabled, missing, slow or finds no qualifying candidate, the action keeps no hedge and its note says why; the
 * report never fails because of it.
 */
final class HedgeLookup {

    /** The correlation plugin's id and operation. */
    static final String CORRELATION = "correlation";
    static final String HEDGE = "hedge";

    private HedgeLookup() {
    }

    /** The report with its ADD_HEDGE action (if any) completed. */
    static Future<PortfolioHeat> complete(PluginContext ctx, RiskSettings s, PortfolioHeat report,
                                          Map<String, SymbolInfo> symbols) {
        List<RebalanceAction> actions = report.rebalanceActions();
        int at = -1;
        for (int i = 0; i < actions.size(); i++) {
            if (actions.get(i).action() == ActionType.ADD_HEDGE && actions.get(i).hedge() == null) {
                at = i;
            }
        }
        if (at < 0) {
            return Future.succeededFuture(report);
        }
        int index = at;
        RebalanceAction action = actions.get(at);
        PositionRisk target = report.positionRisks().stream().filter(p -> p.symbol().equals(action.symbol()))
                .findFirst().orElse(null);
        return suggest(ctx, s, target, symbols).map(r -> {
            List<RebalanceAction> out = new ArrayList<>(actions);
            out.set(index, action.withHedge(r.hedge(), r.note()));
            return report.withActions(out);
        });
    }

    /** A hedge or why there is none. */
    record Result(HedgeSuggestion hedge, String note) {
    }

    /** Asks the correlation plugin; never fails. */
    static Future<Result> suggest(PluginContext ctx, RiskSettings s, PositionRisk target,
                                  Map<String, SymbolInfo> symbols) {
        if (target == null) {
            return Future.succeededFuture(new Result(null, "no hedge symbol: the position to hedge is not open"));
        }
        List<String> candidates = s.hedgeCandidates().stream().filter(c -> !c.equals(target.symbol())).toList();
        if (candidates.isEmpty()) {
            return Future.succeededFuture(new Result(null, "no hedge symbol: hedge_candidates lists no symbol besides "
                    + target.symbol()));
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("candidates", candidates);
        params.put("period", s.correlationPeriod().code());
        params.put("lookback", s.correlationLookback());
        Future<JsonObject> reply;
        try {
            reply = ctx.call(CORRELATION, HEDGE, target.symbol(), params, s.hedgeTimeout());
        } catch (RuntimeException e) {
            reply = Future.failedFuture(e);
        }
        return reply.compose(json -> fromReply(ctx, s, target, candidates.size(), symbols, json))
                .recover(e -> Future.succeededFuture(new Result(null, "no hedge symbol: the correlation plugin could"
                        + " not be asked (" + describe(e) + ")")));
    }

    private static Future<Result> fromReply(PluginContext ctx, RiskSettings s, PositionRisk target, int asked,
                                            Map<String, SymbolInfo> symbols, JsonObject reply) {
        JsonObject data = reply == null ? null : reply.getJsonObject("data");
        if (data == null) {
            return Future.succeededFuture(new Result(null, "no hedge symbol: the correlation plugin answered without"
                    + " data"));
        }
        JsonObject best = data.getJsonObject("best_hedge");
        if (best == null) {
            Object threshold = data.getValue("hedge_correlation_threshold");
            return Future.succeededFuture(new Result(null, "no hedge symbol: the correlation plugin found no candidate"
                    + " among " + asked + " whose |correlation| with " + target.symbol()
                    + " is above its hedge threshold" + (threshold == null ? "" : " " + threshold)));
        }
        String symbol = best.getString("symbol");
        double ratio = number(best, "hedge_ratio");
        double correlation = number(best, "correlation");
        double effectiveness = number(best, "effectiveness");
        String longSide = best.getString("hedge_side");
        // hedge_side is the side that hedges a LONG position; a SHORT is hedged the other way.
        boolean sellForLong = "SHORT".equals(longSide);
        Side side = (target.side() == PositionSide.LONG) == sellForLong ? Side.SELL : Side.BUY;
        double notional = target.notional() * Math.abs(ratio) * s.hedgeFractionPct() / 100.0;
        Future<Double> markPrice;
        try {
            markPrice = ctx.marketData().premiumIndex(symbol).map(pi -> pi.markPrice());
        } catch (RuntimeException e) {
            markPrice = Future.failedFuture(e);
        }
        return markPrice.recover(e -> Future.succeededFuture(Double.NaN)).map(mark -> {
            SymbolInfo info = symbols.get(symbol);
            BigDecimal qty = null;
            String note = null;
            if (info == null || !(mark > 0)) {
                note = "no quantity: " + symbol + (info == null ? " is not in the exchange info"
                        : " has no mark price from the market");
            } else {
                BigDecimal q = SymbolInfo.roundTo(BigDecimal.valueOf(notional / mark), PortfolioModel.marketStep(info),
                        RoundingMode.DOWN);
                BigDecimal min = PortfolioModel.marketMin(info);
                if (q.signum() <= 0 || (min != null && q.compareTo(min) < 0)) {
                    note = "no quantity: the suggested " + Text.num(notional) + " USDT of " + symbol
                            + " is below its minimum quantity";
                } else {
                    qty = q;
                }
            }
            return new Result(new HedgeSuggestion(symbol, side, qty, Round.r2(notional), ratio, correlation,
                    effectiveness, mark), note);
        });
    }

    private static double number(JsonObject json, String key) {
        Object v = json.getValue(key);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static String describe(Throwable e) {
        if (e instanceof IntelException ie) {
            return ie.code() + ": " + ie.getMessage();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
