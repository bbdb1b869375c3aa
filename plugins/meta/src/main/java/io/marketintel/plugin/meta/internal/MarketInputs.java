package io.marketintel.plugin.meta.internal;

import io.marketintel.api.Bias;
import io.marketintel.api.market.Interval;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The facts the selector uses, read from a complete analysis ({@code data} of complete-analysis, or the caller's
 * {@code market_data}) by the field names of the plugins' answers. A section that is absent, null or not included
 * leaves its facts null; a field of the wrong type is a 400 naming its path.
 *
 * @param sections           the sections that were present and included
 * @param confluence         mtf {@code confluence_score}
 * @param mtfDirection       mtf {@code overall_direction} (BULLISH / BEARISH / NEUTRAL)
 * @param weightedScore      mtf {@code weighted_score}
 * @param adx                mean {@code adx} of the 1h and 4h {@code timeframe_signals} (of all of them when neither has
 *                           one)
 * @param adxTimeframes      the timeframes that mean was taken over, e.g. {@code 1h/4h}
 * @param atrPct             1h ATR as % of price: the 1h signal's {@code atr_pct}, else the nearest timeframe's scaled
 *                           by {@code √(60 min / its minutes)}
 * @param atrSource          where {@code atrPct} came from ({@code 1h}, or {@code 4h scaled})
 * @param vpPosition         volume-profile {@code position_relative_to_value_area}
 * @param vpPrice            volume-profile {@code current_price}
 * @param poc                volume-profile {@code poc.price}
 * @param fundingSentiment   funding {@code sentiment}
 * @param fundingRate        funding {@code funding_rate} (%)
 * @param imbalance          orderbook {@code bid_ask_imbalance} (%)
 * @param depthScore         orderbook {@code depth_score}
 * @param cascadeRisk        liquidations {@code cascade_risk_score}
 * @param fundingBias        funding {@code bias}
 * @param orderbookBias      orderbook {@code bias}
 * @param liquidationBias    liquidations {@code bias}
 * @param volumeProfileBias  volume-profile {@code bias}
 * @param price              price at the recommendation (see {@link #priceSource})
 * @param priceSource        which field gave it: orderbook current_price (mid), funding mark_price, volume_profile
 *                           current_price, liquidations current_price, mtf close of the shortest timeframe, in that
 *                           order of preference
 * @param dataTime           newest {@code data_time} of the sections, ms
 */
record MarketInputs(
        Set<Section> sections,
        Double confluence,
        String mtfDirection,
        Double weightedScore,
        Double adx,
        String adxTimeframes,
        Double atrPct,
        String atrSource,
        String vpPosition,
        Double vpPrice,
        Double poc,
        String fundingSentiment,
        Double fundingRate,
        Double imbalance,
        Double depthScore,
        Double cascadeRisk,
        Bias fundingBias,
        Bias orderbookBias,
        Bias liquidationBias,
        Bias volumeProfileBias,
        Double price,
        String priceSource,
        Long dataTime) {

    MarketInputs {
        sections = sections.isEmpty() ? EnumSet.noneOf(Section.class) : EnumSet.copyOf(sections);
    }

    /** Whether {@code s} was present. */
    boolean has(Section s) {
        return sections.contains(s);
    }

    /**
     * Reads the included sections of {@code data}.
     *
     * @param data     a complete analysis (keys {@code funding_sentiment}, {@code orderbook}, …)
     * @param included the sections the caller wants considered
     * @param path     how {@code data} is named in error messages ({@code market_data})
     */
    static MarketInputs from(JsonObject data, Set<Section> included, String path) {
        Set<Section> present = EnumSet.noneOf(Section.class);
        JsonObject[] obj = new JsonObject[Section.values().length];
        for (Section s : Section.values()) {
            JsonObject o = Jsons.object(data, s.key(), path);
            if (o != null && included.contains(s)) {
                present.add(s);
                obj[s.ordinal()] = o;
            }
        }
        JsonObject mtf = obj[Section.MTF_CONFLUENCE.ordinal()];
        JsonObject vp = obj[Section.VOLUME_PROFILE.ordinal()];
        JsonObject funding = obj[Section.FUNDING_SENTIMENT.ordinal()];
        JsonObject book = obj[Section.ORDERBOOK.ordinal()];
        JsonObject liq = obj[Section.LIQUIDATIONS.ordinal()];
        String mtfPath = path + "." + Section.MTF_CONFLUENCE.key();
        String vpPath = path + "." + Section.VOLUME_PROFILE.key();
        String fPath = path + "." + Section.FUNDING_SENTIMENT.key();
        String bPath = path + "." + Section.ORDERBOOK.key();
        String lPath = path + "." + Section.LIQUIDATIONS.key();

        Double confluence = null;
        String direction = null;
        Double weighted = null;
        Double adx = null;
        String adxFrames = null;
        Double atr = null;
        String atrSource = null;
        Double mtfPrice = null;
        if (mtf != null) {
            confluence = Jsons.number(mtf, "confluence_score", mtfPath);
            direction = upper(Jsons.string(mtf, "overall_direction", mtfPath));
            weighted = Jsons.number(mtf, "weighted_score", mtfPath);
            JsonArray signals = Jsons.array(mtf, "timeframe_signals", mtfPath);
            if (signals != null) {
                Timeframes tf = Timeframes.read(signals, mtfPath + ".timeframe_signals");
                adx = tf.adx;
                adxFrames = tf.adxFrames;
                atr = tf.atrPct;
                atrSource = tf.atrSource;
                mtfPrice = tf.shortestClose;
            }
        }
        String position = null;
        Double vpPrice = null;
        Double poc = null;
        Bias vpBias = null;
        if (vp != null) {
            position = upper(Jsons.string(vp, "position_relative_to_value_area", vpPath));
            vpPrice = Jsons.number(vp, "current_price", vpPath);
            JsonObject pocObj = Jsons.object(vp, "poc", vpPath);
            poc = pocObj == null ? null : Jsons.number(pocObj, "price", vpPath + ".poc");
            vpBias = bias(vp, vpPath);
        }
        String sentiment = null;
        Double rate = null;
        Double mark = null;
        Bias fBias = null;
        if (funding != null) {
            sentiment = upper(Jsons.string(funding, "sentiment", fPath));
            rate = Jsons.number(funding, "funding_rate", fPath);
            mark = Jsons.number(funding, "mark_price", fPath);
            fBias = bias(funding, fPath);
        }
        Double imbalance = null;
        Double depth = null;
        Double mid = null;
        Bias bBias = null;
        if (book != null) {
            imbalance = Jsons.number(book, "bid_ask_imbalance", bPath);
            depth = Jsons.number(book, "depth_score", bPath);
            mid = Jsons.number(book, "current_price", bPath);
            bBias = bias(book, bPath);
        }
        Double cascade = null;
        Double liqPrice = null;
        Bias lBias = null;
        if (liq != null) {
            cascade = Jsons.number(liq, "cascade_risk_score", lPath);
            liqPrice = Jsons.number(liq, "current_price", lPath);
            lBias = bias(liq, lPath);
        }
        Double price = null;
        String priceSource = null;
        Object[][] candidates = {
                {mid, "orderbook.current_price"}, {mark, "funding_sentiment.mark_price"},
                {vpPrice, "volume_profile.current_price"}, {liqPrice, "liquidations.current_price"},
                {mtfPrice, "mtf_confluence.timeframe_signals.close"}};
        for (Object[] c : candidates) {
            if (c[0] instanceof Double d && d > 0) {
                price = d;
                priceSource = (String) c[1];
                break;
            }
        }
        Long dataTime = null;
        for (JsonObject o : obj) {
            if (o != null && o.getValue("data_time") instanceof Number t) {
                dataTime = dataTime == null ? t.longValue() : Math.max(dataTime, t.longValue());
            }
        }
        return new MarketInputs(present, confluence, direction, weighted, adx, adxFrames, atr, atrSource, position,
                vpPrice, poc, sentiment, rate, imbalance, depth, cascade, fBias, bBias, lBias, vpBias, price,
                priceSource, dataTime);
    }

    private static String upper(String s) {
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }

    private static Bias bias(JsonObject o, String path) {
        String b = Jsons.string(o, "bias", path);
        if (b == null) {
            return null;
        }
        try {
            return Bias.valueOf(b.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The per-timeframe facts of an mtf answer. */
    private record Timeframes(Double adx, String adxFrames, Double atrPct, String atrSource, Double shortestClose) {

        static Timeframes read(JsonArray signals, String path) {
            double adxAnchor = 0;
            int nAnchor = 0;
            StringBuilder anchorFrames = new StringBuilder();
            double adxAll = 0;
            int nAll = 0;
            StringBuilder allFrames = new StringBuilder();
            Double atr1h = null;
            Double atrNear = null;
            String atrNearFrame = null;
            double nearestDistance = Double.MAX_VALUE;
            Double shortestClose = null;
            long shortest = Long.MAX_VALUE;
            for (int i = 0; i < signals.size(); i++) {
                Object item = signals.getValue(i);
                if (!(item instanceof JsonObject s)) {
                    continue;
                }
                String p = path + "[" + i + "]";
                String tf = Jsons.string(s, "timeframe", p);
                Optional<Interval> interval = tf == null ? Optional.empty() : Interval.fromCode(tf);
                Object sufficient = s.getValue("sufficient_data");
                if (interval.isEmpty() || Boolean.FALSE.equals(sufficient)) {
                    continue;
                }
                long minutes = interval.get().millis() / 60_000L;
                Double adx = Jsons.number(s, "adx", p);
                if (adx != null) {
                    adxAll += adx;
                    nAll++;
                    allFrames.append(allFrames.length() == 0 ? "" : "/").append(tf);
                    if (tf.equals("1h") || tf.equals("4h")) {
                        adxAnchor += adx;
                        nAnchor++;
                        anchorFrames.append(anchorFrames.length() == 0 ? "" : "/").append(tf);
                    }
                }
                Double atr = Jsons.number(s, "atr_pct", p);
                if (atr != null) {
                    if (tf.equals("1h")) {
                        atr1h = atr;
                    }
                    double distance = Math.abs(Math.log(minutes / 60.0));
                    if (distance < nearestDistance) {
                        nearestDistance = distance;
                        atrNear = atr * Math.sqrt(60.0 / minutes);
                        atrNearFrame = tf;
                    }
                }
                Double close = Jsons.number(s, "close", p);
                if (close != null && minutes < shortest) {
                    shortest = minutes;
                    shortestClose = close;
                }
            }
            Double adx = nAnchor > 0 ? Double.valueOf(adxAnchor / nAnchor)
                    : nAll > 0 ? Double.valueOf(adxAll / nAll) : null;
            String frames = nAnchor > 0 ? anchorFrames.toString() : nAll > 0 ? allFrames.toString() : null;
            Double atr = atr1h != null ? atr1h : atrNear;
            String source = atr1h != null ? "1h" : atrNear != null ? atrNearFrame + " scaled to 1h" : null;
            return new Timeframes(adx, frames, atr, source, shortestClose);
        }
    }
}
