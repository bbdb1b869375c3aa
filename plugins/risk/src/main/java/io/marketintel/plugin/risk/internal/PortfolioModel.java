package io.marketintel.plugin.risk.internal;

import io.marketintel.api.market.LeverageBracket;
import io.marketintel.api.market.SymbolInfo;
import io.marketintel.api.trading.Account;
import io.marketintel.api.trading.MarginType;
import io.marketintel.api.trading.Position;
import io.marketintel.api.trading.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The portfolio report, as one pure function of what the exchange and the market said: position risks
 * ({@link RiskScoring}), liquidation prices ({@link LiquidationMath} where the exchange gives none), concentration,
 * diversification ({@link Diversification}), heat, alerts and the rebalance actions.
 *
 * <p>Rules, every comparison strict (a value exactly at its maximum is within the limit):
 * <ol>
 *   <li>a position whose risk score is above {@code close_position_risk} (90): CLOSE_POSITION; else above
 *       {@code max_position_risk} (75): REDUCE_POSITION by {@code reduce_pct} (50 %);</li>
 *   <li>portfolio heat above {@code max_portfolio_heat} (70): REDUCE_POSITION of the largest heat contributor (the
 *       position with the largest notional × risk score; unless it is already reduced) and ADD_HEDGE for it; nothing
 *       more when that position is being closed;</li>
 *   <li>with two positions or more, a sector above {@code max_sector_concentration_pct} (50 %) of the gross
 *       exposure: REDUCE_POSITION of its largest position when the portfolio spans several sectors (unless already
 *       closed or reduced); when every position is in that one sector a reduction cannot lower the share, so
 *       ADD_HEDGE for the largest position instead (one hedge per report, the heat rule's first);</li>
 *   <li>notional-weighted average leverage above {@code max_avg_leverage} (3×): ADJUST_LEVERAGE of every position
 *       (not being closed) whose leverage is above {@code floor(max_avg_leverage)} down to that value, which brings
 *       the average to at most the maximum.</li>
 * </ol>
 * Actions come in execution order: closes, reductions, leverage changes, the hedge. Reduce-only quantities are
 * rounded down to the symbol's market step size; a close uses the whole position.
 */
final class PortfolioModel {

    /** Everything the report is computed from. */
    record Inputs(List<Position> positions, Account account, Map<String, SymbolInfo> symbols,
                  CorrelationEstimate correlation, Map<String, List<LeverageBracket>> brackets, RiskSettings settings,
                  String exchange, boolean paper, long time) {

        Inputs {
            positions = List.copyOf(positions);
            Objects.requireNonNull(account, "account");
            symbols = symbols == null ? Map.of() : Map.copyOf(symbols);
            brackets = brackets == null ? Map.of() : Map.copyOf(brackets);
            Objects.requireNonNull(settings, "settings");
        }
    }

    /** One position with the numbers the rules need. */
    private record Held(Position p, PositionSide side, BigDecimal absQty, double mark, double notional) {
    }

    private PortfolioModel() {
    }

    /** The open positions of {@code positions} (non-zero size), largest notional first, then by symbol. */
    static List<Position> open(List<Position> positions) {
        return positions.stream()
                .filter(p -> p.positionAmt() != null && p.positionAmt().signum() != 0)
                .sorted(Comparator.comparingDouble((Position p) -> -absNotional(p)).thenComparing(Position::symbol))
                .toList();
    }

    /** Whether some open position has no liquidation price from the exchange (the formula then needs brackets). */
    static boolean needsFormula(List<Position> open) {
        return open.stream().anyMatch(p -> p.liquidationPrice() == null || p.liquidationPrice().signum() <= 0);
    }

    /** The report. */
    static PortfolioHeat analyse(Inputs in) {
        RiskSettings s = in.settings();
        Sectors sectors = s.sectorMap();
        List<Held> held = new ArrayList<>();
        for (Position p : open(in.positions())) {
            BigDecimal abs = p.positionAmt().abs();
            double mark = dbl(p.markPrice());
            double notional = absNotional(p);
            if (!(mark > 0) && abs.signum() > 0) {
                mark = notional / abs.doubleValue();
            }
            held.add(new Held(p, p.positionAmt().signum() > 0 ? PositionSide.LONG : PositionSide.SHORT, abs, mark,
                    notional));
        }
        Account account = in.account();
        double equity = dbl(account.totalMarginBalance());
        double gross = 0;
        double net = 0;
        double leverageWeighted = 0;
        for (Held h : held) {
            gross += h.notional();
            net += h.side().sign() * h.notional();
            leverageWeighted += h.notional() * h.p().leverage();
        }

        List<PositionRisk> risks = new ArrayList<>();
        for (int i = 0; i < held.size(); i++) {
            risks.add(positionRisk(held, i, in, equity, gross, sectors));
        }

        double averageLeverage = gross > 0 ? leverageWeighted / gross : 0;
        Double effectiveLeverage = equity > 0 ? gross / equity : null;
        Concentration concentration = concentration(risks, gross, sectors);
        DiversificationReport diversification = diversification(held, in.correlation(), s);

        double weightedRisk = 0;
        for (PositionRisk r : risks) {
            weightedRisk += r.notional() * r.riskScore();
        }
        HeatComponents parts = new HeatComponents(
                gross > 0 ? weightedRisk / gross : 0,
                held.isEmpty() ? 0 : RiskScoring.leverageHeat(averageLeverage, s.maxAvgLeverage()),
                held.isEmpty() ? 0 : concentration.largestSectorPct(),
                held.isEmpty() ? 0 : 100.0 - diversification.score(),
                RiskScoring.exposureFactor(gross, equity));
        double heat = RiskScoring.heat(parts);

        List<String> alerts = new ArrayList<>();
        Actions actions = new Actions(risks, held, in.symbols(), s);
        boolean required = rules(risks, held, heat, averageLeverage, concentration, equity, s, actions, alerts);
        diversification.notes().forEach(alerts::add);

        HeatComponents reported = new HeatComponents(Round.r2(parts.positionRisk()), Round.r2(parts.leverage()),
                Round.r2(parts.concentration()), Round.r2(parts.diversification()), Round.to(parts.exposureFactor(), 4));
        return new PortfolioHeat(heat, RiskLevel.of(heat), required, risks, Round.r2(equity),
                Round.r2(dbl(account.totalWalletBalance())), Round.r2(dbl(account.totalUnrealizedProfit())),
                Round.r2(gross), Round.r2(net), Round.r2(averageLeverage),
                effectiveLeverage == null ? null : Round.r2(effectiveLeverage), concentration, diversification, reported,
                s.thresholds(), alerts, actions.inOrder(), in.exchange(), in.paper(), in.time());
    }

    // ---------------------------------------------------------------- positions

    private static PositionRisk positionRisk(List<Held> held, int i, Inputs in, double equity, double gross,
                                             Sectors sectors) {
        Held h = held.get(i);
        Position p = h.p();
        double entry = dbl(p.entryPrice());
        double entryNotional = h.absQty().doubleValue() * entry;
        double upnl = dbl(p.unrealizedProfit());
        double pnlPct = entryNotional > 0 ? upnl / entryNotional * 100.0 : 0;
        Double shareOfEquity = equity > 0 ? h.notional() / equity * 100.0 : null;
        double shareOfExposure = gross > 0 ? h.notional() / gross * 100.0 : 0;

        LiquidationSource source;
        double lp = dbl(p.liquidationPrice());
        if (lp > 0) {
            source = LiquidationSource.EXCHANGE;
        } else {
            lp = formulaPrice(held, i, in);
            source = lp > 0 ? LiquidationSource.FORMULA : LiquidationSource.NONE;
        }
        Double distance = LiquidationMath.distancePct(h.side().sign(), h.mark(), lp);
        ScoreComponents c = RiskScoring.components(p.leverage(), distance, Math.max(0, -pnlPct), shareOfEquity);
        double score = RiskScoring.positionRisk(c);
        return new PositionRisk(p.symbol(), h.side(), p.positionAmt(), entry, h.mark(), Round.r2(h.notional()),
                p.leverage(), p.marginType() == null ? MarginType.CROSS : p.marginType(), sectors.sectorOf(p.symbol()),
                lp > 0 ? Round.r2(lp) : null, source, Round.r2(distance), Round.r2(upnl), Round.r2(pnlPct),
                Round.r2(shareOfEquity), Round.r2(shareOfExposure), score, RiskLevel.of(score),
                new ScoreComponents(Round.r2(c.leverage()), Round.r2(c.liquidation()), Round.r2(c.drawdown()),
                        Round.r2(c.size())));
    }

    /**
     * Binance's formula for position {@code i}, or 0 when it cannot be computed (brackets missing) or no liquidation
     * applies. Cross: WB = wallet − the isolated positions' wallets, with the other cross positions' unrealised PnL
     * and maintenance margin; isolated: WB = the position's isolated wallet (isolated margin − its unrealised PnL).
     */
    private static double formulaPrice(List<Held> held, int i, Inputs in) {
        Held h = held.get(i);
        Position p = h.p();
        List<LeverageBracket> brackets = in.brackets().get(p.symbol());
        if (brackets == null || brackets.isEmpty()) {
            return 0;
        }
        double qty = h.absQty().doubleValue();
        double entry = dbl(p.entryPrice());
        if (p.marginType() == MarginType.ISOLATED) {
            double wallet = dbl(p.isolatedMargin()) - dbl(p.unrealizedProfit());
            return LiquidationMath.price(h.side().sign(), qty, entry, wallet, 0, 0, brackets);
        }
        double wallet = dbl(in.account().totalWalletBalance());
        double upnlOther = 0;
        double tmmOther = 0;
        for (int j = 0; j < held.size(); j++) {
            Position o = held.get(j).p();
            if (o.marginType() == MarginType.ISOLATED) {
                wallet -= dbl(o.isolatedMargin()) - dbl(o.unrealizedProfit());
                continue;
            }
            if (j == i) {
                continue;
            }
            List<LeverageBracket> ob = in.brackets().get(o.symbol());
            if (ob == null || ob.isEmpty()) {
                return 0;
            }
            upnlOther += dbl(o.unrealizedProfit());
            tmmOther += LiquidationMath.maintenance(held.get(j).notional(), ob);
        }
        return LiquidationMath.price(h.side().sign(), qty, entry, wallet, upnlOther, tmmOther, brackets);
    }

    // ---------------------------------------------------------------- portfolio

    private static Concentration concentration(List<PositionRisk> risks, double gross, Sectors sectors) {
        if (risks.isEmpty()) {
            return new Concentration(null, 0, null, 0, List.of(), List.of());
        }
        Map<String, double[]> notional = new LinkedHashMap<>();
        Map<String, List<String>> symbols = new LinkedHashMap<>();
        List<String> unmapped = new ArrayList<>();
        for (PositionRisk r : risks) {
            notional.computeIfAbsent(r.sector(), k -> new double[1])[0] += r.notional();
            symbols.computeIfAbsent(r.sector(), k -> new ArrayList<>()).add(r.symbol());
            if (!sectors.mapped(r.symbol()) && !unmapped.contains(r.symbol())) {
                unmapped.add(r.symbol());
            }
        }
        List<SectorExposure> list = new ArrayList<>();
        notional.forEach((sector, n) -> list.add(new SectorExposure(sector, Round.r2(n[0]),
                Round.r2(n[0] / gross * 100.0), symbols.get(sector))));
        list.sort(Comparator.comparingDouble((SectorExposure e) -> -e.notional()).thenComparing(SectorExposure::sector));
        PositionRisk largest = risks.get(0);
        SectorExposure top = list.get(0);
        return new Concentration(largest.symbol(), largest.shareOfExposurePct(), top.sector(),
                top.shareOfExposurePct(), list, unmapped);
    }

    private static DiversificationReport diversification(List<Held> held, CorrelationEstimate corr, RiskSettings s) {
        int n = held.size();
        String period = corr == null ? s.correlationPeriod().code() : corr.period();
        if (n == 0) {
            return new DiversificationReport(0, 0.0, 0, DiversificationReport.METHOD, period, 0, List.of(), List.of());
        }
        double[] signed = new double[n];
        double[][] rho = new double[n][n];
        List<PairCorrelation> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            signed[i] = held.get(i).side().sign() * held.get(i).notional();
            rho[i][i] = 1.0;
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                String a = held.get(i).p().symbol();
                String b = held.get(j).p().symbol();
                double r = a.equals(b) ? 1.0 : corr == null ? Double.NaN : corr.correlation(a, b);
                rho[i][j] = r;
                rho[j][i] = r;
                pairs.add(new PairCorrelation(a, b, Double.isNaN(r) ? null : Round.to(r, 4), Double.isNaN(r)));
            }
        }
        double q = Diversification.varianceRatio(signed, rho);
        Double bets = Diversification.effectiveBets(q);
        return new DiversificationReport(Round.r2(Diversification.score(q)), bets == null ? null : Round.r2(bets), n,
                DiversificationReport.METHOD, period, corr == null ? 0 : corr.observations(), pairs,
                corr == null ? List.of() : corr.notes());
    }

    // ---------------------------------------------------------------- rules

    /** Applies the rules; answers whether any threshold is breached. */
    private static boolean rules(List<PositionRisk> risks, List<Held> held, double heat, double averageLeverage,
                                 Concentration concentration, double equity, RiskSettings s, Actions actions,
                                 List<String> alerts) {
        boolean required = false;
        if (!held.isEmpty() && equity <= 0) {
            alerts.add("Account equity is " + Text.num(equity) + " USDT: every position is at risk of liquidation.");
        }
        // 1. position risk
        for (int i = 0; i < risks.size(); i++) {
            PositionRisk r = risks.get(i);
            if (r.riskScore() > s.closePositionRisk()) {
                required = true;
                String why = r.symbol() + " risk score " + Text.num(r.riskScore()) + " is above close_position_risk "
                        + Text.num(s.closePositionRisk()) + " (" + describe(r) + ").";
                alerts.add(why);
                actions.close(i, Trigger.POSITION_RISK, why + " Close the whole position.");
            } else if (r.riskScore() > s.maxPositionRisk()) {
                required = true;
                String why = r.symbol() + " risk score " + Text.num(r.riskScore()) + " is above max_position_risk "
                        + Text.num(s.maxPositionRisk()) + " (" + describe(r) + ").";
                alerts.add(why);
                actions.reduce(i, Trigger.POSITION_RISK, why + " Reduce it by " + s.reducePct() + " %.");
            }
        }
        // 2. portfolio heat
        if (heat > s.maxPortfolioHeat()) {
            required = true;
            alerts.add("Portfolio heat " + Text.num(heat) + " is above max_portfolio_heat "
                    + Text.num(s.maxPortfolioHeat()) + ".");
            int top = -1;
            double topHeat = -1;
            for (int i = 0; i < risks.size(); i++) {
                double contribution = risks.get(i).notional() * risks.get(i).riskScore();
                if (contribution > topHeat) {
                    top = i;
                    topHeat = contribution;
                }
            }
            // closing the largest contributor is already the strongest answer to the heat
            if (top >= 0 && !actions.closing(top)) {
                PositionRisk r = risks.get(top);
                String why = "Portfolio heat " + Text.num(heat) + " is above " + Text.num(s.maxPortfolioHeat()) + "; "
                        + r.symbol() + " contributes most (" + Text.num(r.notional()) + " USDT at risk score "
                        + Text.num(r.riskScore()) + ").";
                if (!actions.acted(top)) {
                    actions.reduce(top, Trigger.PORTFOLIO_HEAT, why + " Reduce it by " + s.reducePct() + " %.");
                }
                actions.hedge(top, Trigger.PORTFOLIO_HEAT, why + " Hedge it with a correlated symbol.");
            }
        }
        // 3. sector concentration
        if (held.size() >= 2) {
            int sectorCount = concentration.sectors().size();
            for (SectorExposure e : concentration.sectors()) {
                if (e.shareOfExposurePct() <= s.maxSectorConcentrationPct()) {
                    continue;
                }
                required = true;
                String why = "Sector " + e.sector() + " holds " + Text.num(e.shareOfExposurePct())
                        + " % of the exposure (" + String.join(", ", e.symbols()) + "), above max_sector_concentration_pct "
                        + Text.num(s.maxSectorConcentrationPct()) + " %.";
                alerts.add(why);
                int largest = indexOf(risks, e.symbols().get(0));
                if (sectorCount >= 2) {
                    if (!actions.acted(largest)) {
                        actions.reduce(largest, Trigger.SECTOR_CONCENTRATION, why + " Reduce its largest position, "
                                + e.symbols().get(0) + ", by " + s.reducePct() + " %.");
                    }
                } else if (!actions.closing(largest)) {
                    actions.hedge(largest, Trigger.SECTOR_CONCENTRATION, why + " Every position is in this sector, so"
                            + " reducing cannot lower its share: hedge its largest position, " + e.symbols().get(0)
                            + ".");
                }
            }
        }
        // 4. average leverage
        if (averageLeverage > s.maxAvgLeverage()) {
            required = true;
            int target = s.targetLeverage();
            alerts.add("Average leverage " + Text.num(averageLeverage) + "x (weighted by notional) is above"
                    + " max_avg_leverage " + Text.num(s.maxAvgLeverage()) + "x.");
            for (int i = 0; i < risks.size(); i++) {
                PositionRisk r = risks.get(i);
                if (r.leverage() > target && !actions.closing(i)) {
                    actions.leverage(i, target, "Average leverage " + Text.num(averageLeverage) + "x is above "
                            + Text.num(s.maxAvgLeverage()) + "x; " + r.symbol() + " runs at " + r.leverage()
                            + "x: lower it to " + target + "x (floor of max_avg_leverage).");
                }
            }
        }
        return required;
    }

    private static String describe(PositionRisk r) {
        String liq = r.liquidationDistancePct() == null ? "no liquidation price"
                : "liquidation " + Text.num(r.liquidationDistancePct()) + " % away";
        String size = r.shareOfEquityPct() == null ? "equity not positive"
                : Text.num(r.shareOfEquityPct()) + " % of equity";
        return "leverage " + r.leverage() + "x, " + liq + ", drawdown "
                + Text.num(Math.max(0, -r.unrealizedPnlPct())) + " %, " + size;
    }

    private static int indexOf(List<PositionRisk> risks, String symbol) {
        for (int i = 0; i < risks.size(); i++) {
            if (risks.get(i).symbol().equals(symbol)) {
                return i;
            }
        }
        throw new IllegalStateException("no position " + symbol);
    }

    // ---------------------------------------------------------------- actions

    /** The actions decided so far, one order action (close or reduce) per position at most, one hedge in all. */
    private static final class Actions {
        private final List<PositionRisk> risks;
        private final List<Held> held;
        private final Map<String, SymbolInfo> symbols;
        private final RiskSettings s;
        private final Map<Integer, RebalanceAction> closes = new LinkedHashMap<>();
        private final Map<Integer, RebalanceAction> reduces = new LinkedHashMap<>();
        private final Map<Integer, RebalanceAction> leverages = new LinkedHashMap<>();
        private RebalanceAction hedge;

        Actions(List<PositionRisk> risks, List<Held> held, Map<String, SymbolInfo> symbols, RiskSettings s) {
            this.risks = risks;
            this.held = held;
            this.symbols = symbols;
            this.s = s;
        }

        boolean closing(int i) {
            return closes.containsKey(i);
        }

        boolean acted(int i) {
            return closes.containsKey(i) || reduces.containsKey(i);
        }

        void close(int i, Trigger trigger, String reason) {
            Held h = held.get(i);
            closes.put(i, new RebalanceAction(ActionType.CLOSE_POSITION, h.p().symbol(), trigger, reason,
                    closingSide(h), h.absQty(), 100, null, null, null, null));
        }

        void reduce(int i, Trigger trigger, String reason) {
            Held h = held.get(i);
            String symbol = h.p().symbol();
            SymbolInfo info = symbols.get(symbol);
            BigDecimal wanted = h.absQty().multiply(BigDecimal.valueOf(s.reducePct()))
                    .divide(BigDecimal.valueOf(100), 18, RoundingMode.DOWN);
            BigDecimal qty = null;
            String note = null;
            if (info == null) {
                note = symbol + " is not in the exchange info: its step size is unknown, no order is sent.";
            } else {
                BigDecimal step = marketStep(info);
                BigDecimal rounded = SymbolInfo.roundTo(wanted, step, RoundingMode.DOWN);
                BigDecimal min = marketMin(info);
                if (rounded.signum() <= 0 || (min != null && rounded.compareTo(min) < 0)) {
                    note = s.reducePct() + " % of " + Text.qty(h.absQty()) + " " + symbol + " rounds to "
                            + Text.qty(rounded) + ", below the minimum quantity "
                            + (min == null ? Text.qty(step) : Text.qty(min)) + ": no order is sent; close the"
                            + " position if it must go.";
                } else {
                    qty = rounded;
                }
            }
            reduces.put(i, new RebalanceAction(ActionType.REDUCE_POSITION, symbol, trigger, reason,
                    qty == null ? null : closingSide(h), qty, s.reducePct(), null, null, null, note));
        }

        void leverage(int i, int target, String reason) {
            PositionRisk r = risks.get(i);
            leverages.put(i, new RebalanceAction(ActionType.ADJUST_LEVERAGE, r.symbol(), Trigger.AVERAGE_LEVERAGE,
                    reason, null, null, null, r.leverage(), target, null, null));
        }

        void hedge(int i, Trigger trigger, String reason) {
            if (hedge == null) {
                hedge = new RebalanceAction(ActionType.ADD_HEDGE, risks.get(i).symbol(), trigger, reason, null, null,
                        null, null, null, null, null);
            }
        }

        List<RebalanceAction> inOrder() {
            List<RebalanceAction> out = new ArrayList<>();
            for (int i = 0; i < held.size(); i++) {
                if (closes.containsKey(i)) {
                    out.add(closes.get(i));
                }
            }
            for (int i = 0; i < held.size(); i++) {
                if (reduces.containsKey(i)) {
                    out.add(reduces.get(i));
                }
            }
            for (int i = 0; i < held.size(); i++) {
                if (leverages.containsKey(i)) {
                    out.add(leverages.get(i));
                }
            }
            if (hedge != null) {
                out.add(hedge);
            }
            return out;
        }

        private static Side closingSide(Held h) {
            return h.side() == PositionSide.LONG ? Side.SELL : Side.BUY;
        }
    }

    // ---------------------------------------------------------------- helpers

    /** MARKET_LOT_SIZE step size, else LOT_SIZE. */
    static BigDecimal marketStep(SymbolInfo info) {
        BigDecimal step = info.marketStepSize();
        return step != null && step.signum() > 0 ? step : info.stepSize();
    }

    /** MARKET_LOT_SIZE minimum quantity, else LOT_SIZE, or null. */
    static BigDecimal marketMin(SymbolInfo info) {
        return info.marketMinQty() != null ? info.marketMinQty() : info.minQty();
    }

    /** MARKET_LOT_SIZE maximum quantity, else LOT_SIZE, or null. */
    static BigDecimal marketMax(SymbolInfo info) {
        return info.marketMaxQty() != null && info.marketMaxQty().signum() > 0 ? info.marketMaxQty() : info.maxQty();
    }

    private static double absNotional(Position p) {
        double n = Math.abs(dbl(p.notional()));
        if (n > 0) {
            return n;
        }
        return p.positionAmt() == null ? 0 : p.positionAmt().abs().doubleValue() * dbl(p.markPrice());
    }

    private static double dbl(BigDecimal v) {
        return v == null ? 0 : v.doubleValue();
    }
}
