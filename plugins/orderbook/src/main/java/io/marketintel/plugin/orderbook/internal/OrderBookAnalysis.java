package io.marketintel.plugin.orderbook.internal;

import io.marketintel.api.Bias;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The order book analyses, composed from the {@link BookMath} kernels: pure, synchronous, no I/O, no clock, no
 * state (the wall history comes in as a {@link WallTracker.Observation}).
 *
 * <h2>Bias and confidence</h2>
 * {@code net = 0.6 × imbalance + 0.4 × wallBalance} (−100 … 100), where {@code wallBalance} compares the summed
 * strengths of the walls within the imbalance band, bid against ask, each suspected spoof counted at
 * {@value #SPOOF_DISCOUNT} of its strength. {@code bias} is LONG when {@code net ≥ dominant_threshold_pct} (and
 * positive), SHORT when {@code net ≤ −dominant_threshold_pct} (and negative), else NEUTRAL.
 * {@code confidence} for LONG/SHORT is {@code 30 + |net|}, plus {@value #AGREEMENT_BONUS} when imbalance and
 * wall balance point the same way, minus {@value #SPOOF_PENALTY} when spoofing is suspected; for NEUTRAL it is
 * {@code 30 − |net|} minus the same penalty (a reading close to the threshold, or a book with spoof evidence, is
 * trusted less). Rounded, clamped to 0–100.
 */
final class OrderBookAnalysis {

    /** Confidence before any evidence. */
    static final int BASE_CONFIDENCE = 30;
    /** Added to a directional confidence when imbalance and near walls agree. */
    static final int AGREEMENT_BONUS = 10;
    /** Subtracted from the confidence when spoofing is suspected. */
    static final int SPOOF_PENALTY = 10;
    /** Weight of a suspected spoof wall's strength in the wall balance. */
    static final double SPOOF_DISCOUNT = 0.25;
    /** Most pieces of spoof evidence listed. */
    static final int MAX_EVIDENCE = 20;
    /** Most pieces of spoof evidence cited in the reasoning. */
    static final int EVIDENCE_IN_REASONING = 3;

    private OrderBookAnalysis() {
    }

    /** Units of quantities (base asset) and notionals (quote asset) in sentences; empty when unknown. */
    record Units(String base, String quote) {
        static final Units NONE = new Units("", "");

        public Units {
            base = base == null ? "" : base;
            quote = quote == null ? "" : quote;
        }
    }

    // ---------------------------------------------------------------- analysis

    /**
     * The full analysis of one snapshot.
     *
     * @param book   the snapshot
     * @param walls  its walls ({@link DetectedWalls#detect} with {@code s.wallMultiplier()})
     * @param obs    what the wall history says about it ({@link WallTracker.Observation#none} without history)
     * @param s      settings in force
     * @param units  units for the sentences
     * @param source market data source, echoed
     */
    static AnalysisResult analyze(BookSnapshot book, DetectedWalls walls, WallTracker.Observation obs,
                                  OrderBookSettings s, Units units, String source) {
        double mid = book.mid();
        double bestBid = book.bestBid();
        double bestAsk = book.bestAsk();
        double spread = BigDecimal.valueOf(bestAsk).subtract(BigDecimal.valueOf(bestBid)).doubleValue();
        double spreadBps = spread / mid * 10_000.0;

        // Band around mid: bids at or above lo, asks at or below hi.
        double band = s.imbalanceBandPct();
        double lo = mid * (1 - band / 100.0);
        double hi = mid * (1 + band / 100.0);
        double inf = Double.POSITIVE_INFINITY;
        double bidVol = BookMath.sumWithin(book.bidPrices, book.bidQty, book.bidCount, lo, inf);
        double askVol = BookMath.sumWithin(book.askPrices, book.askQty, book.askCount, -inf, hi);
        double bidNotional = BookMath.notionalWithin(book.bidPrices, book.bidQty, book.bidCount, lo, inf);
        double askNotional = BookMath.notionalWithin(book.askPrices, book.askQty, book.askCount, -inf, hi);
        int bidLevels = BookMath.countWithin(book.bidPrices, book.bidCount, lo, inf);
        int askLevels = BookMath.countWithin(book.askPrices, book.askCount, -inf, hi);
        double lowestBid = book.lowestBid();
        double highestAsk = book.highestAsk();
        boolean covered = (book.bidCount < book.depthLimit || lowestBid <= lo)
                && (book.askCount < book.depthLimit || highestAsk >= hi);
        double imbalance = BookMath.imbalancePct(bidVol, askVol);
        DominantSide dominant = BookMath.dominantSide(imbalance, s.dominantThresholdPct());

        // Far walls: strictly beyond the spoof distance. One-sided when the other side has none that far.
        // Evidence: vanished walls (newest first), then far one-sided walls (strongest first); only walls of at
        // least spoof_min_multiple x their side's mean count, and of the walls pulled between snapshots only those
        // that had stood spoof_min_snapshots and that the price came spoof_min_approach of the way to.
        boolean farBids = hasFarWall(book, walls, BookSide.BID, mid, s.spoofDistancePct());
        boolean farAsks = hasFarWall(book, walls, BookSide.ASK, mid, s.spoofDistancePct());
        List<SpoofEvidence> evidence = new ArrayList<>();
        for (WallTracker.Vanish v : obs.vanished) {
            if (v.suspicious(s)) {
                evidence.add(vanishedEvidence(v, units));
            }
        }
        List<SpoofEvidence> far = new ArrayList<>();
        List<Wall> bidWalls = walls(book, walls, obs, BookSide.BID, mid, s, farBids && !farAsks, far, units);
        List<Wall> askWalls = walls(book, walls, obs, BookSide.ASK, mid, s, farAsks && !farBids, far, units);
        far.sort(Comparator.comparingDouble(SpoofEvidence::multiple).reversed());
        evidence.addAll(far);
        boolean spoofing = !evidence.isEmpty();

        // Near walls for the bias: within the band, suspected spoofs discounted.
        double bidStrength = nearStrength(bidWalls, band);
        double askStrength = nearStrength(askWalls, band);
        double wallBalance = BookMath.wallBalance(bidStrength, askStrength);
        double net = BookMath.netPressure(imbalance, wallBalance);
        double threshold = s.dominantThresholdPct();
        Bias bias = net > 0 && net >= threshold - BookMath.PCT_EPS ? Bias.LONG
                : net < 0 && net <= -threshold + BookMath.PCT_EPS ? Bias.SHORT : Bias.NEUTRAL;
        boolean agree = imbalance * wallBalance > 0;
        double conf = bias == Bias.NEUTRAL
                ? BASE_CONFIDENCE - Math.abs(net)
                : BASE_CONFIDENCE + Math.abs(net) + (agree ? AGREEMENT_BONUS : 0);
        conf -= spoofing ? SPOOF_PENALTY : 0;
        int confidence = BookMath.clampScore(Math.round(conf));

        // Depth score.
        double notionalInBand = bidNotional + askNotional;
        int levelsInBand = bidLevels + askLevels;
        double volumeScore = BookMath.volumeScore(notionalInBand, s.depthReferenceNotional());
        double levelScore = BookMath.levelScore(levelsInBand, s.depthLimit());
        double spreadScore = BookMath.spreadScore(spreadBps);
        int depthScore = BookMath.depthScore(volumeScore, levelScore, spreadScore);
        DepthBreakdown depth = new DepthBreakdown(depthScore, round(notionalInBand, 2), s.depthReferenceNotional(),
                round(volumeScore, 4), levelsInBand, round(levelScore, 4), round(spreadBps, 4), round(spreadScore, 4));

        // Reasoning.
        List<String> reasoning = new ArrayList<>();
        String midText = num(exactMid(bestBid, bestAsk), 8);
        reasoning.add("Bid/ask imbalance " + signed(imbalance, 2) + "% within ±" + num(band, 4) + "% of mid " + midText
                + " (" + qty(bidVol, units) + " bids vs " + qty(askVol, units) + " asks): "
                + (dominant == DominantSide.NEUTRAL ? "no side dominates (threshold ±" + num(threshold, 4) + "%)"
                : dominant + " dominant (at or beyond " + (dominant == DominantSide.BID ? "+" : "-")
                + num(threshold, 4) + "%)"));
        if (!covered) {
            reasoning.add("The " + book.depthLimit + " levels per side reach only " + num(lowestBid, 8) + " ("
                    + pct(BookMath.distancePct(lowestBid, mid)) + ") and " + num(highestAsk, 8) + " ("
                    + pct(BookMath.distancePct(highestAsk, mid)) + "), inside the ±" + num(band, 4)
                    + "% band: imbalance and depth cover the fetched levels only");
        }
        reasoning.add(wallSentence(BookSide.BID, bidWalls, walls, units));
        reasoning.add(wallSentence(BookSide.ASK, askWalls, walls, units));
        if (spoofing) {
            for (int i = 0; i < Math.min(EVIDENCE_IN_REASONING, evidence.size()); i++) {
                reasoning.add("Spoofing suspected: " + evidence.get(i).detail());
            }
            if (evidence.size() > EVIDENCE_IN_REASONING) {
                reasoning.add("... and " + (evidence.size() - EVIDENCE_IN_REASONING) + " more pieces of spoof evidence");
            }
        } else {
            String big = " of " + num(s.spoofMinMultiple(), 4) + "x average or more";
            reasoning.add("No spoofing evidence: no one-sided wall" + big + " beyond ±" + num(s.spoofDistancePct(), 4)
                    + "%" + (obs.compared
                    ? ", and no such wall that had stood " + s.spoofMinSnapshots() + " snapshots or more was pulled"
                    + approachText(s.spoofMinApproach()) + " across the " + obs.snapshots + " snapshots of the last "
                    + seconds(obs.spanMillis)
                    : ", and no earlier snapshot of " + book.symbol + " within " + s.historyMaxAge().toSeconds()
                    + " s to compare walls with"));
        }
        reasoning.add("Depth score " + depthScore + "/100: " + money(notionalInBand, units) + " within the band"
                + " (reference " + money(s.depthReferenceNotional(), units) + "), " + levelsInBand + " of "
                + book.levels() + " levels in the band, spread " + num(spread, 8) + " (" + num(spreadBps, 4) + " bps)");
        reasoning.add(biasSentence(bias, confidence, net, imbalance, wallBalance, bidStrength, askStrength, band,
                threshold, agree, spoofing));

        int evidenceCount = evidence.size();
        List<SpoofEvidence> listed = evidence.subList(0, Math.min(MAX_EVIDENCE, evidenceCount));
        return new AnalysisResult(
                book.symbol,
                exactMid(bestBid, bestAsk),
                round(imbalance, 4),
                dominant,
                top(bidWalls, s.maxWalls()),
                top(askWalls, s.maxWalls()),
                bias,
                confidence,
                reasoning,
                bestBid,
                bestAsk,
                spread,
                round(spreadBps, 4),
                new ImbalanceBand(band, round(lo, 8), round(hi, 8), round(bidVol, 8), round(askVol, 8), bidLevels,
                        askLevels, round(bidNotional, 2), round(askNotional, 2), covered),
                walls.bidCount,
                walls.askCount,
                round(walls.bidMean, 8),
                round(walls.askMean, 8),
                s.wallMultiplier(),
                spoofing,
                listed,
                evidenceCount,
                obs.snapshots,
                depthScore,
                depth,
                round(net, 4),
                round(wallBalance, 4),
                book.levels(),
                book.depthLimit,
                book.lastUpdateId,
                book.time,
                source);
    }

    private static boolean hasFarWall(BookSnapshot book, DetectedWalls walls, BookSide side, double mid,
                                      double farPct) {
        double[] prices = book.prices(side);
        int[] idx = walls.indices(side);
        for (int i = 0; i < walls.count(side); i++) {
            if (Math.abs(BookMath.distancePct(prices[idx[i]], mid)) > farPct + BookMath.PCT_EPS) {
                return true;
            }
        }
        return false;
    }

    /**
     * All walls of a side as records, strongest first (ties: nearer first). A wall is suspected when it is at least
     * {@code spoof_min_multiple} x the mean and either far on a one-sided book (then also added to {@code farEvidence})
     * or standing where a wall was pulled within the history in a way that is spoof evidence (flickering).
     */
    private static List<Wall> walls(BookSnapshot book, DetectedWalls walls, WallTracker.Observation obs,
                                    BookSide side, double mid, OrderBookSettings s, boolean farOneSided,
                                    List<SpoofEvidence> farEvidence, Units units) {
        double[] prices = book.prices(side);
        double[] qty = book.quantities(side);
        int[] idx = walls.indices(side);
        double mean = walls.mean(side);
        int n = walls.count(side);
        List<Wall> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double p = prices[idx[i]];
            double q = qty[idx[i]];
            double multiple = q / mean;
            double d = BookMath.distancePct(p, mid);
            boolean significant = multiple >= s.spoofMinMultiple();
            boolean far = Math.abs(d) > s.spoofDistancePct() + BookMath.PCT_EPS;
            boolean farSuspect = significant && farOneSided && far;
            boolean suspected = farSuspect || obs.suspiciousPullAt(side, p, s);
            long firstSeen = obs.firstSeen(side, i);
            out.add(new Wall(p, q, round(p * q, 2), round(d, 4), round(multiple, 2),
                    BookMath.strength(multiple, d, s.imbalanceBandPct()), firstSeen, suspected));
            if (farSuspect) {
                farEvidence.add(farEvidence(side, p, q, multiple, d, firstSeen, book.time, s, units));
            }
        }
        out.sort(Comparator.comparingInt(Wall::strength).reversed()
                .thenComparingDouble(w -> Math.abs(w.distancePct())));
        return out;
    }

    private static List<Wall> top(List<Wall> walls, int max) {
        return walls.subList(0, Math.min(max, walls.size()));
    }

    /** Sum of the strengths of the walls within the band, suspected spoofs at {@link #SPOOF_DISCOUNT}. */
    private static double nearStrength(List<Wall> walls, double bandPct) {
        double sum = 0;
        for (Wall w : walls) {
            if (Math.abs(w.distancePct()) <= bandPct + BookMath.PCT_EPS) {
                sum += w.spoofSuspected() ? SPOOF_DISCOUNT * w.strength() : w.strength();
            }
        }
        return sum;
    }

    private static SpoofEvidence farEvidence(BookSide side, double price, double qty, double multiple, double d,
                                             long firstSeen, long time, OrderBookSettings s, Units u) {
        String other = side == BookSide.BID ? "ask" : "bid";
        String detail = capital(side.word()) + " wall " + qty(qty, u) + " at " + num(price, 8) + " (" + pct(d) + ", "
                + num(multiple, 2) + "x average) stands beyond ±" + num(s.spoofDistancePct(), 4) + "% with no " + other
                + " wall that far";
        return new SpoofEvidence(SpoofReason.FAR_ONE_SIDED, side, price, qty, round(multiple, 2), round(d, 4),
                firstSeen, time, null, null, detail);
    }

    private static SpoofEvidence vanishedEvidence(WallTracker.Vanish v, Units u) {
        WallTracker.Seen w = v.wall();
        String detail = capital(w.side().word()) + " wall " + qty(w.quantity(), u) + " at " + num(w.price(), 8) + " ("
                + pct(w.distancePct()) + ", " + num(w.multiple(), 2) + "x average) stood in " + w.snapshots()
                + " snapshots from " + Instant.ofEpochMilli(w.firstSeen()) + " to " + Instant.ofEpochMilli(v.lastSeen())
                + " and was pulled by " + Instant.ofEpochMilli(v.vanishedAt()) + " as the price came "
                + num(v.approach() * 100, 2) + "% of the way to it (mid " + num(v.midBefore(), 8) + " to "
                + num(v.midAfter(), 8) + ") without reaching it (" + qty(v.remaining(), u) + " left)";
        return new SpoofEvidence(SpoofReason.VANISHED, w.side(), w.price(), w.quantity(), round(w.multiple(), 2),
                round(w.distancePct(), 4), w.firstSeen(), v.lastSeen(), v.vanishedAt(), v.remaining(), detail);
    }

    /** {@code " as the price came at least 50% of the way to it"}; for 0 {@code " as the price moved toward it"}. */
    private static String approachText(double minApproach) {
        return minApproach <= 0 ? " as the price moved toward it"
                : " as the price came at least " + num(minApproach * 100, 2) + "% of the way to it";
    }

    private static String wallSentence(BookSide side, List<Wall> listed, DetectedWalls walls, Units u) {
        String word = side.word();
        if (listed.isEmpty()) {
            return "No " + word + " wall: no level reaches " + num(walls.multiplier, 4) + "x the average " + word
                    + " level (" + qty(walls.mean(side), u) + ")";
        }
        Wall w = listed.get(0);
        int n = walls.count(side);
        return capital(word) + " wall " + qty(w.quantity(), u) + " at " + num(w.price(), 8) + " (" + pct(w.distancePct())
                + ") is " + num(w.multiple(), 2) + "x the average " + word + " level (" + qty(walls.mean(side), u)
                + "), strength " + w.strength()
                + (n == 1 ? ", the only " + word + " wall" : ", the strongest of " + n + " " + word + " walls")
                + (w.spoofSuspected() ? " - suspected spoof, counted at " + Math.round(SPOOF_DISCOUNT * 100) + "%" : "");
    }

    private static String biasSentence(Bias bias, int confidence, double net, double imbalance, double wallBalance,
                                       double bidStrength, double askStrength, double band, double threshold,
                                       boolean agree, boolean spoofing) {
        StringBuilder b = new StringBuilder();
        b.append("Net pressure ").append(signed(net, 2)).append(" = 0.6 x imbalance ").append(signed(imbalance, 2))
                .append(" + 0.4 x wall balance ").append(signed(wallBalance, 2)).append(" (wall strength ")
                .append(num(bidStrength, 2)).append(" bid vs ").append(num(askStrength, 2)).append(" ask within ±")
                .append(num(band, 4)).append("%): ");
        if (bias == Bias.NEUTRAL) {
            b.append("NEUTRAL (within ±").append(num(threshold, 4)).append("), confidence ").append(confidence)
                    .append(" = 30 - ").append(num(Math.abs(net), 2));
        } else {
            b.append(bias).append(" (at or beyond ").append(bias == Bias.LONG ? "+" : "-").append(num(threshold, 4))
                    .append("), confidence ").append(confidence).append(" = 30 + ").append(num(Math.abs(net), 2));
            if (agree) {
                b.append(" + ").append(AGREEMENT_BONUS).append(" (imbalance and walls agree)");
            }
        }
        if (spoofing) {
            b.append(" - ").append(SPOOF_PENALTY).append(" (spoofing suspected)");
        }
        return b.toString();
    }

    // ---------------------------------------------------------------- levels

    /**
     * Support and resistance from the walls: per side the walls ordered nearest to mid first, merged while within
     * {@code cluster_tolerance_pct} % of mid of the cluster's nearest wall ({@link BookMath#cluster}), the nearest
     * {@code numLevels} clusters.
     */
    static LevelsResult levels(BookSnapshot book, DetectedWalls walls, OrderBookSettings s, int numLevels,
                               String source) {
        double mid = book.mid();
        return new LevelsResult(
                book.symbol,
                exactMid(book.bestBid(), book.bestAsk()),
                clusters(book, walls, BookSide.BID, s, numLevels, mid),
                clusters(book, walls, BookSide.ASK, s, numLevels, mid),
                numLevels,
                s.clusterTolerancePct(),
                s.wallMultiplier(),
                book.levels(),
                book.time,
                source);
    }

    static List<PriceCluster> clusters(BookSnapshot book, DetectedWalls walls, BookSide side, OrderBookSettings s,
                                       int numLevels, double mid) {
        double[] prices = book.prices(side);
        double[] qty = book.quantities(side);
        int count = walls.count(side);
        int[] order = Arrays.copyOf(walls.indices(side), count);
        BookMath.sortByDistance(prices, order, count, mid);
        int[] starts = new int[numLevels + 1];
        int n = BookMath.cluster(prices, order, count, mid, s.clusterTolerancePct(), numLevels, starts);
        double mean = walls.mean(side);
        List<PriceCluster> out = new ArrayList<>(n);
        for (int c = 0; c < n; c++) {
            double q = 0;
            double pq = 0;
            for (int i = starts[c]; i < starts[c + 1]; i++) {
                q += qty[order[i]];
                pq += prices[order[i]] * qty[order[i]];
            }
            double price = pq / q;
            double d = BookMath.distancePct(price, mid);
            out.add(new PriceCluster(round(price, 8), round(q, 8), round(pq, 2), round(d, 4),
                    BookMath.strength(q / mean, d, s.imbalanceBandPct()), starts[c + 1] - starts[c],
                    prices[order[starts[c]]], prices[order[starts[c + 1] - 1]]));
        }
        return out;
    }

    // ---------------------------------------------------------------- formatting

    /** {@code (bid + ask) / 2} without binary noise ({@code 61800.25}, not {@code 61800.250000000004}). */
    static double exactMid(double bid, double ask) {
        return BigDecimal.valueOf(bid).add(BigDecimal.valueOf(ask)).divide(BigDecimal.valueOf(2)).doubleValue();
    }

    static double round(double v, int scale) {
        if (!Double.isFinite(v)) {
            return v;
        }
        return BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_UP).doubleValue();
    }

    /** At most {@code maxDecimals} decimals, trailing zeros dropped: {@code 43100.0 → "43100"}. */
    static String num(double v, int maxDecimals) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        BigDecimal d = BigDecimal.valueOf(v).setScale(maxDecimals, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.signum() == 0 ? "0" : d.toPlainString();
    }

    /** {@code +32.5} / {@code -0.35} / {@code 0}. */
    static String signed(double v, int maxDecimals) {
        String s = num(v, maxDecimals);
        return s.equals("0") || s.startsWith("-") ? s : "+" + s;
    }

    /** A signed distance with precision to match its size: {@code -0.35%}, {@code +0.0004%}. */
    static String pct(double v) {
        return signed(v, Math.abs(v) < 0.1 ? 4 : 2) + "%";
    }

    static String qty(double v, Units u) {
        return num(v, 8) + (u.base().isEmpty() ? "" : " " + u.base());
    }

    /** {@code 22.95M USDT}. */
    static String money(double v, Units u) {
        double a = Math.abs(v);
        String text = a >= 1e9 ? num(v / 1e9, 2) + "B" : a >= 1e6 ? num(v / 1e6, 2) + "M"
                : a >= 1e3 ? num(v / 1e3, 2) + "k" : num(v, 2);
        return text + (u.quote().isEmpty() ? "" : " " + u.quote());
    }

    static String seconds(long millis) {
        return num(millis / 1000.0, 3) + " s";
    }

    private static String capital(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
