package io.marketintel.runtime.market.replay;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.market.Interval;
import io.marketintel.api.market.LeverageBracket;
import io.marketintel.api.market.RateLimit;
import io.marketintel.api.market.SymbolInfo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads recognised files into columns. Blocking: runs on worker threads only.
 *
 * <p>Strict: a malformed row is an {@link ErrorCode#UPSTREAM_ERROR} naming the file and the line (CSV) or
 * the element (JSON), and the symbol it belongs to is not replayed (status shows why). Blank lines are
 * skipped; empty cells of metrics are NaN; everything else must parse. Checked per kline row: open time
 * aligned to the interval, close time inside the candle, prices finite and non-negative with
 * {@code low ≤ open, close ≤ high}, volume non-negative.
 */
final class ReplayReaders {

    static final String KLINES_HEADER = "open_time,open,high,low,close,volume,close_time,quote_volume,count,"
            + "taker_buy_volume,taker_buy_quote_volume,ignore";
    static final String DATED_HEADER = "date,open,high,low,close,volume,ticker";
    static final String METRICS_HEADER = "create_time,symbol,sum_open_interest,sum_open_interest_value,"
            + "count_toptrader_long_short_ratio,sum_toptrader_long_short_ratio,count_long_short_ratio,"
            + "sum_taker_long_short_vol_ratio";
    static final String FUNDING_HEADER = "calc_time,funding_interval_hours,last_funding_rate";

    private final ObjectMapper mapper = new ObjectMapper();

    // ------------------------------------------------------------------ klines

    /** Appends the candles of {@code f} to {@code out}, noting decimals in {@code precision}. */
    void readKlines(ReplayFile f, KlineSeries.Builder out, Precision precision) {
        switch (f.layout()) {
            case BINANCE_KLINES_CSV -> readBinanceKlines(f, out, precision);
            case DATED_KLINES_CSV -> readDatedKlines(f, out, precision);
            case FREQTRADE_KLINES_JSON -> readFreqtradeKlines(f, out, precision);
            default -> throw new IllegalArgumentException("not a kline file: " + f.name());
        }
    }

    private void readBinanceKlines(ReplayFile f, KlineSeries.Builder out, Precision precision) {
        Interval interval = f.interval();
        String[] c = new String[12];
        try (Lines lines = Lines.open(f)) {
            String line;
            while ((line = lines.next()) != null) {
                if (lines.isHeader(line)) {
                    lines.expectHeader(line, KLINES_HEADER);
                    continue;
                }
                int n = split(line, c);
                if (n < 11) {
                    throw malformed(f, lines.number(), "expected 12 columns (" + KLINES_HEADER + "), found " + n);
                }
                long line0 = lines.number();
                long ot = FileNames.toMillis(parseLong(f, line0, "open_time", c[0]));
                double o = parsePrice(f, line0, "open", c[1]);
                double h = parsePrice(f, line0, "high", c[2]);
                double l = parsePrice(f, line0, "low", c[3]);
                double cl = parsePrice(f, line0, "close", c[4]);
                double v = parseDouble(f, line0, "volume", c[5]);
                long ct = FileNames.toMillis(parseLong(f, line0, "close_time", c[6]));
                double qv = parseDouble(f, line0, "quote_volume", c[7]);
                long trades = parseLong(f, line0, "count", c[8]);
                double tb = parseDouble(f, line0, "taker_buy_volume", c[9]);
                double tq = parseDouble(f, line0, "taker_buy_quote_volume", c[10]);
                checkCandle(f, line0, interval, ot, ct, o, h, l, cl, v);
                precision.price(c[1], o);
                precision.price(c[2], h);
                precision.price(c[3], l);
                precision.price(c[4], cl);
                precision.volume(c[5], v);
                out.add(ot, o, h, l, cl, v, ct, qv, trades, tb, tq);
            }
        }
    }

    private void readDatedKlines(ReplayFile f, KlineSeries.Builder out, Precision precision) {
        Interval interval = f.interval();
        String[] c = new String[7];
        try (Lines lines = Lines.open(f)) {
            String line;
            while ((line = lines.next()) != null) {
                if (lines.isHeader(line)) {
                    lines.expectHeader(line, DATED_HEADER);
                    continue;
                }
                int n = split(line, c);
                long no = lines.number();
                if (n < 6) {
                    throw malformed(f, no, "expected 7 columns (" + DATED_HEADER + "), found " + n);
                }
                if (n >= 7 && !c[6].isEmpty() && !c[6].equals(f.symbol())) {
                    throw malformed(f, no, "column [ticker] is [" + c[6] + "], but the file name says ["
                            + f.symbol() + "]");
                }
                long ot = parseTime(f, no, "date", c[0]);
                double o = parsePrice(f, no, "open", c[1]);
                double h = parsePrice(f, no, "high", c[2]);
                double l = parsePrice(f, no, "low", c[3]);
                double cl = parsePrice(f, no, "close", c[4]);
                double v = parseDouble(f, no, "volume", c[5]);
                long ct = ot + interval.millis() - 1;
                checkCandle(f, no, interval, ot, ct, o, h, l, cl, v);
                precision.price(c[1], o);
                precision.price(c[2], h);
                precision.price(c[3], l);
                precision.price(c[4], cl);
                precision.volume(c[5], v);
                out.add(ot, o, h, l, cl, v, ct, Double.NaN, 0, Double.NaN, Double.NaN);
            }
        }
    }

    private void readFreqtradeKlines(ReplayFile f, KlineSeries.Builder out, Precision precision) {
        Interval interval = f.interval();
        double[] row = new double[6];
        long[] time = new long[1];
        readJsonRows(f, 6, row, time, element -> {
            double o = row[1];
            double h = row[2];
            double l = row[3];
            double cl = row[4];
            double v = row[5];
            long ot = time[0];
            checkCandle(f, "element ", element, interval, ot, ot + interval.millis() - 1, o, h, l, cl, v);
            precision.priceValue(o);
            precision.priceValue(h);
            precision.priceValue(l);
            precision.priceValue(cl);
            precision.volumeValue(v);
            out.add(ot, o, h, l, cl, v, ot + interval.millis() - 1, Double.NaN, 0, Double.NaN, Double.NaN);
        });
    }

    private static void checkCandle(ReplayFile f, long line, Interval interval, long ot, long ct, double o, double h,
                                    double l, double c, double v) {
        checkCandle(f, "line ", line, interval, ot, ct, o, h, l, c, v);
    }

    /** Checks one candle; {@code unit + number} ("line 6", "element 3") is built only for a failure. */
    private static void checkCandle(ReplayFile f, String unit, long number, Interval interval, long ot, long ct,
                                    double o, double h, double l, double c, double v) {
        if (interval.openTimeOf(ot) == ot && ct >= ot && ct < ot + interval.millis() && l >= 0 && l <= Math.min(o, c)
                && h >= Math.max(o, c) && Double.isFinite(h) && v >= 0 && Double.isFinite(v)) {
            return;
        }
        String where = unit + number;
        if (interval.openTimeOf(ot) != ot) {
            throw malformed(f, where, "open time " + ot + " is not aligned to " + interval.code());
        }
        if (ct < ot || ct >= ot + interval.millis()) {
            throw malformed(f, where, "close time " + ct + " is outside the " + interval.code() + " candle opening at "
                    + ot);
        }
        if (!(Double.isFinite(o) && Double.isFinite(h) && Double.isFinite(l) && Double.isFinite(c) && l >= 0)) {
            throw malformed(f, where, "prices must be finite and non-negative, were open " + o + ", high " + h
                    + ", low " + l + ", close " + c);
        }
        if (!(l <= Math.min(o, c) && h >= Math.max(o, c))) {
            throw malformed(f, where, "inconsistent candle: open " + o + ", high " + h + ", low " + l + ", close " + c
                    + " (need low ≤ open, close ≤ high)");
        }
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw malformed(f, where, "volume must be finite and non-negative, was " + v);
        }
    }

    // ------------------------------------------------------------------ metrics and funding

    void readMetrics(ReplayFile f, MetricsSeries.Builder out) {
        String[] c = new String[8];
        try (Lines lines = Lines.open(f)) {
            String line;
            while ((line = lines.next()) != null) {
                if (lines.isHeader(line)) {
                    lines.expectHeader(line, METRICS_HEADER);
                    continue;
                }
                int n = split(line, c);
                long no = lines.number();
                if (n < 8) {
                    throw malformed(f, no, "expected 8 columns (" + METRICS_HEADER + "), found " + n);
                }
                if (!c[1].equals(f.symbol())) {
                    throw malformed(f, no, "column [symbol] is [" + c[1] + "], but the file name says [" + f.symbol()
                            + "]");
                }
                out.add(parseTime(f, no, "create_time", c[0]),
                        parseOptional(f, no, "sum_open_interest", c[2]),
                        parseOptional(f, no, "sum_open_interest_value", c[3]),
                        parseOptional(f, no, "count_toptrader_long_short_ratio", c[4]),
                        parseOptional(f, no, "sum_toptrader_long_short_ratio", c[5]),
                        parseOptional(f, no, "count_long_short_ratio", c[6]),
                        parseOptional(f, no, "sum_taker_long_short_vol_ratio", c[7]));
            }
        }
    }

    void readFunding(ReplayFile f, FundingSeries.Builder out) {
        if (f.layout() == Layout.FREQTRADE_FUNDING_JSON) {
            double[] row = new double[2];
            long[] time = new long[1];
            readJsonRows(f, 2, row, time, element -> {
                if (!Double.isFinite(row[1])) {
                    throw malformed(f, "element " + element, "funding rate must be finite, was " + row[1]);
                }
                out.add(time[0], row[1], 0);
            });
            return;
        }
        String[] c = new String[3];
        try (Lines lines = Lines.open(f)) {
            String line;
            while ((line = lines.next()) != null) {
                if (lines.isHeader(line)) {
                    lines.expectHeader(line, FUNDING_HEADER);
                    continue;
                }
                int n = split(line, c);
                long no = lines.number();
                if (n < 3) {
                    throw malformed(f, no, "expected 3 columns (" + FUNDING_HEADER + "), found " + n);
                }
                long t = FileNames.toMillis(parseLong(f, no, "calc_time", c[0]));
                long hours = parseLong(f, no, "funding_interval_hours", c[1]);
                if (hours < 1 || hours > 24) {
                    throw malformed(f, no, "column [funding_interval_hours] must be within [1, 24], was " + hours);
                }
                double rate = parseDouble(f, no, "last_funding_rate", c[2]);
                if (!Double.isFinite(rate)) {
                    throw malformed(f, no, "column [last_funding_rate] must be finite, was " + c[2]);
                }
                out.add(t, rate, (int) hours);
            }
        }
    }

    // ------------------------------------------------------------------ JSON rows (freqtrade)

    private interface RowSink {
        void accept(long element);
    }

    /**
     * Streams {@code [[t, x1, x2, …], …]}: per element, {@code time[0]} = t (ms or µs), {@code row[1..]} the
     * next {@code width - 1} numbers; extra numbers are ignored.
     */
    private void readJsonRows(ReplayFile f, int width, double[] row, long[] time, RowSink sink) {
        try (InputStream in = Files.newInputStream(f.path()); JsonParser p = mapper.getFactory().createParser(in)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw malformed(f, "the start", "expected a JSON array of rows");
            }
            long element = 0;
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t != JsonToken.START_ARRAY) {
                    throw malformed(f, "element " + element, "expected an array [time, …], found " + t);
                }
                int k = 0;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT
                            && t != JsonToken.VALUE_STRING) {
                        throw malformed(f, "element " + element, "value " + k + " is not a number: " + t);
                    }
                    if (k == 0) {
                        time[0] = FileNames.toMillis(t == JsonToken.VALUE_STRING
                                ? parseLong(f, "element " + element, "time", p.getText()) : p.getValueAsLong());
                    } else if (k < width) {
                        row[k] = t == JsonToken.VALUE_STRING
                                ? parseDouble(f, "element " + element, "value " + k, p.getText()) : p.getDoubleValue();
                    }
                    k++;
                }
                if (k < width) {
                    throw malformed(f, "element " + element, "expected at least " + width + " values, found " + k);
                }
                sink.accept(element);
                element++;
            }
        } catch (IOException e) {
            throw unreadable(f, e);
        }
    }

    // ------------------------------------------------------------------ depth, exchange info, brackets

    /** One recorded {@code /fapi/v1/depth} response. */
    DepthSnapshots.Snapshot readDepth(ReplayFile f) {
        JsonNode root = tree(f);
        if (!root.isObject()) {
            throw malformed(f, "the start", "expected a /fapi/v1/depth object {lastUpdateId, E, T, bids, asks}");
        }
        JsonNode symbol = root.get("symbol");
        if (symbol != null && symbol.isTextual() && !symbol.asText().equals(f.symbol())) {
            throw malformed(f, "field [symbol]", "is [" + symbol.asText() + "], but the file name says ["
                    + f.symbol() + "]");
        }
        long lastUpdateId = longField(f, root, "lastUpdateId", true);
        long e = longField(f, root, "E", false);
        long tt = longField(f, root, "T", false);
        long time = tt != Long.MIN_VALUE ? tt : e != Long.MIN_VALUE ? e : f.nameTime();
        if (time == Long.MIN_VALUE) {
            throw malformed(f, "the object", "has no time: record T or E inside, or name the file "
                    + f.symbol() + "-depth-<epochMillis>.json");
        }
        double[][] bids = levels(f, root, "bids", true);
        double[][] asks = levels(f, root, "asks", false);
        return new DepthSnapshots.Snapshot(time, lastUpdateId, e == Long.MIN_VALUE ? time : e,
                tt == Long.MIN_VALUE ? time : tt, bids[0], bids[1], asks[0], asks[1], f.name());
    }

    private static double[][] levels(ReplayFile f, JsonNode root, String side, boolean descending) {
        JsonNode arr = root.get(side);
        if (arr == null || !arr.isArray()) {
            throw malformed(f, "field [" + side + "]", "is missing or not an array of [price, quantity]");
        }
        double[] price = new double[arr.size()];
        double[] qty = new double[arr.size()];
        for (int i = 0; i < arr.size(); i++) {
            JsonNode level = arr.get(i);
            String where = "field [" + side + "] level " + i;
            if (!level.isArray() || level.size() < 2) {
                throw malformed(f, where, "expected [price, quantity]");
            }
            price[i] = parseDouble(f, where, "price", level.get(0).asText());
            qty[i] = parseDouble(f, where, "quantity", level.get(1).asText());
            if (!(price[i] > 0) || !(qty[i] >= 0) || Double.isInfinite(price[i]) || Double.isInfinite(qty[i])) {
                throw malformed(f, where, "price must be positive and quantity non-negative, were " + price[i] + ", "
                        + qty[i]);
            }
            if (i > 0 && (descending ? price[i] >= price[i - 1] : price[i] <= price[i - 1])) {
                throw malformed(f, where, side + " must be in " + (descending ? "descending" : "ascending")
                        + " price order");
            }
        }
        return new double[][] {price, qty};
    }

    /** Rate limits and symbols of a recorded {@code /fapi/v1/exchangeInfo}. */
    record ExchangeInfoFile(String file, List<RateLimit> rateLimits, Map<String, SymbolInfo> symbols) {
    }

    /** Parses {@code exchangeInfo.json} as Binance's clients do: filters by {@code filterType}. */
    ExchangeInfoFile readExchangeInfo(ReplayFile f) {
        JsonNode root = tree(f);
        JsonNode limits = root.get("rateLimits");
        JsonNode symbols = root.get("symbols");
        if (!root.isObject() || symbols == null || !symbols.isArray()) {
            throw malformed(f, "the start", "expected a /fapi/v1/exchangeInfo object with [symbols]");
        }
        List<RateLimit> rateLimits = new ArrayList<>();
        if (limits != null && limits.isArray()) {
            for (JsonNode l : limits) {
                rateLimits.add(new RateLimit(text(f, l, "rateLimitType", "rateLimits"), text(f, l, "interval",
                        "rateLimits"), l.path("intervalNum").asInt(1), l.path("limit").asInt()));
            }
        }
        Map<String, SymbolInfo> out = new LinkedHashMap<>();
        for (JsonNode s : symbols) {
            String symbol = text(f, s, "symbol", "symbols");
            String where = "symbol [" + symbol + "]";
            BigDecimal tick = null;
            BigDecimal minPrice = null;
            BigDecimal maxPrice = null;
            BigDecimal step = null;
            BigDecimal minQty = null;
            BigDecimal maxQty = null;
            BigDecimal marketStep = null;
            BigDecimal marketMin = null;
            BigDecimal marketMax = null;
            BigDecimal minNotional = null;
            for (JsonNode filter : s.path("filters")) {
                switch (filter.path("filterType").asText()) {
                    case "PRICE_FILTER" -> {
                        tick = decimal(f, filter, "tickSize", where);
                        minPrice = decimal(f, filter, "minPrice", where);
                        maxPrice = decimal(f, filter, "maxPrice", where);
                    }
                    case "LOT_SIZE" -> {
                        step = decimal(f, filter, "stepSize", where);
                        minQty = decimal(f, filter, "minQty", where);
                        maxQty = decimal(f, filter, "maxQty", where);
                    }
                    case "MARKET_LOT_SIZE" -> {
                        marketStep = decimal(f, filter, "stepSize", where);
                        marketMin = decimal(f, filter, "minQty", where);
                        marketMax = decimal(f, filter, "maxQty", where);
                    }
                    case "MIN_NOTIONAL" -> minNotional = filter.has("notional")
                            ? decimal(f, filter, "notional", where) : decimal(f, filter, "minNotional", where);
                    default -> {
                        // other filters (PERCENT_PRICE, MAX_NUM_ORDERS, …) have no field in SymbolInfo
                    }
                }
            }
            if (tick == null || step == null) {
                throw malformed(f, where, "has no PRICE_FILTER tickSize or LOT_SIZE stepSize");
            }
            out.put(symbol, new SymbolInfo(symbol, s.path("pair").asText(symbol), s.path("contractType").asText(""),
                    s.path("status").asText(""), s.path("baseAsset").asText(""), s.path("quoteAsset").asText(""),
                    s.path("marginAsset").asText(""), s.path("pricePrecision").asInt(tick.stripTrailingZeros().scale()),
                    s.path("quantityPrecision").asInt(step.stripTrailingZeros().scale()), tick, minPrice, maxPrice,
                    step, minQty, maxQty, marketStep == null ? step : marketStep, marketMin == null ? minQty : marketMin,
                    marketMax == null ? maxQty : marketMax, minNotional));
        }
        return new ExchangeInfoFile(f.name(), List.copyOf(rateLimits), out);
    }

    /** Brackets per symbol of a recorded {@code /fapi/v1/leverageBracket} (an array, or one object). */
    Map<String, List<LeverageBracket>> readLeverageBrackets(ReplayFile f) {
        JsonNode root = tree(f);
        List<JsonNode> entries = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(entries::add);
        } else if (root.isObject()) {
            entries.add(root);
        } else {
            throw malformed(f, "the start", "expected a /fapi/v1/leverageBracket array of {symbol, brackets}");
        }
        Map<String, List<LeverageBracket>> out = new LinkedHashMap<>();
        for (JsonNode e : entries) {
            String symbol = text(f, e, "symbol", "the array");
            String where = "symbol [" + symbol + "]";
            JsonNode brackets = e.get("brackets");
            if (brackets == null || !brackets.isArray() || brackets.isEmpty()) {
                throw malformed(f, where, "has no [brackets]");
            }
            List<LeverageBracket> list = new ArrayList<>();
            for (JsonNode b : brackets) {
                list.add(new LeverageBracket((int) number(f, b, "bracket", where),
                        (int) number(f, b, "initialLeverage", where), number(f, b, "notionalCap", where),
                        number(f, b, "notionalFloor", where), number(f, b, "maintMarginRatio", where),
                        number(f, b, "cum", where)));
            }
            list.sort((a, b) -> Integer.compare(a.bracket(), b.bracket()));
            out.put(symbol, List.copyOf(list));
        }
        return out;
    }

    // ------------------------------------------------------------------ first time (index)

    /**
     * Time of the first row of a time-series file (kline open time, metrics create time, funding time), or
     * {@link Long#MIN_VALUE} when it has no rows. Reads only the beginning of the file.
     */
    long firstTime(ReplayFile f) {
        switch (f.layout()) {
            case FREQTRADE_KLINES_JSON, FREQTRADE_FUNDING_JSON -> {
                try (InputStream in = Files.newInputStream(f.path());
                     JsonParser p = mapper.getFactory().createParser(in)) {
                    if (p.nextToken() == JsonToken.START_ARRAY && p.nextToken() == JsonToken.START_ARRAY) {
                        JsonToken t = p.nextToken();
                        if (t == JsonToken.VALUE_NUMBER_INT) {
                            return FileNames.toMillis(p.getValueAsLong());
                        }
                    }
                    return Long.MIN_VALUE;
                } catch (IOException e) {
                    throw unreadable(f, e);
                }
            }
            case BINANCE_KLINES_CSV, DATED_KLINES_CSV, METRICS_CSV, FUNDING_CSV -> {
                try (Lines lines = Lines.open(f)) {
                    String line;
                    while ((line = lines.next()) != null) {
                        if (lines.isHeader(line)) {
                            continue;
                        }
                        int comma = line.indexOf(',');
                        String first = comma < 0 ? line : line.substring(0, comma);
                        return parseTime(f, lines.number(), "time", first);
                    }
                    return Long.MIN_VALUE;
                }
            }
            default -> {
                return Long.MIN_VALUE;
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private JsonNode tree(ReplayFile f) {
        try {
            return mapper.readTree(f.path().toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw malformed(f, "line " + e.getLocation().getLineNr(), "is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw unreadable(f, e);
        }
    }

    private static long longField(ReplayFile f, JsonNode root, String name, boolean required) {
        JsonNode n = root.get(name);
        if (n == null || n.isNull()) {
            if (required) {
                throw malformed(f, "field [" + name + "]", "is missing");
            }
            return Long.MIN_VALUE;
        }
        if (!n.canConvertToLong() && !n.isTextual()) {
            throw malformed(f, "field [" + name + "]", "is not an integer: " + n);
        }
        return n.isTextual() ? parseLong(f, "field [" + name + "]", name, n.asText()) : n.asLong();
    }

    private static String text(ReplayFile f, JsonNode node, String name, String where) {
        JsonNode n = node.get(name);
        if (n == null || !n.isValueNode() || n.asText().isEmpty()) {
            throw malformed(f, where, "an entry has no [" + name + "]");
        }
        return n.asText();
    }

    private static BigDecimal decimal(ReplayFile f, JsonNode node, String name, String where) {
        JsonNode n = node.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        try {
            return new BigDecimal(n.asText());
        } catch (NumberFormatException e) {
            throw malformed(f, where, "field [" + name + "] is not a decimal: " + n);
        }
    }

    private static double number(ReplayFile f, JsonNode node, String name, String where) {
        JsonNode n = node.get(name);
        if (n == null || !(n.isNumber() || n.isTextual())) {
            throw malformed(f, where, "a bracket has no numeric [" + name + "]");
        }
        return n.isNumber() ? n.asDouble() : parseDouble(f, where, name, n.asText());
    }

    /** Splits a CSV line without quotes into {@code out}; returns the number of fields (may exceed out). */
    static int split(String line, String[] out) {
        int n = 0;
        int start = 0;
        int len = line.length();
        while (true) {
            int comma = line.indexOf(',', start);
            int end = comma < 0 ? len : comma;
            if (n < out.length) {
                out[n] = line.substring(start, end).trim();
            }
            n++;
            if (comma < 0) {
                return n;
            }
            start = comma + 1;
        }
    }

    private static long parseLong(ReplayFile f, long line, String column, String text) {
        return parseLong(f, "line " + line, column, text);
    }

    private static long parseLong(ReplayFile f, String where, String column, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            // some exports write integral stamps as "1.6e12" or "1600000000000.0"
            try {
                BigDecimal d = new BigDecimal(text);
                return d.longValueExact();
            } catch (NumberFormatException | ArithmeticException e2) {
                throw malformed(f, where, "column [" + column + "] is not an integer: \"" + text + "\"");
            }
        }
    }

    private static double parseDouble(ReplayFile f, long line, String column, String text) {
        return parseDouble(f, "line " + line, column, text);
    }

    private static double parseDouble(ReplayFile f, String where, String column, String text) {
        try {
            if (text.isEmpty()) {
                throw new NumberFormatException("empty");
            }
            return parseDecimal(text);
        } catch (NumberFormatException e) {
            throw malformed(f, where, "column [" + column + "] is not a number: \"" + text + "\"");
        }
    }

    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    /**
     * {@link Double#parseDouble} with a fast path for plain decimals ({@code -123.4500}): when the digits fit in
     * 53 bits and there are at most 22 decimals, {@code digits / 10^decimals} is one correctly rounded IEEE
     * division of two exact values, hence the same double (Clinger's fast path). Anything else goes to the JDK.
     */
    static double parseDecimal(String text) {
        int len = text.length();
        int i = 0;
        boolean negative = false;
        if (len > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+')) {
            negative = text.charAt(0) == '-';
            i = 1;
        }
        long mantissa = 0;
        int scale = -1;
        int digits = 0;
        for (; i < len; i++) {
            char ch = text.charAt(i);
            if (ch >= '0' && ch <= '9') {
                if (mantissa >= (1L << 53) / 10) {
                    return Double.parseDouble(text);
                }
                mantissa = mantissa * 10 + (ch - '0');
                digits++;
                if (scale >= 0) {
                    scale++;
                }
            } else if (ch == '.' && scale < 0) {
                scale = 0;
            } else {
                return Double.parseDouble(text);
            }
        }
        if (digits == 0 || scale > 22) {
            return Double.parseDouble(text);
        }
        double value = scale <= 0 ? mantissa : mantissa / POW10[scale];
        return negative ? -value : value;
    }

    private static double parsePrice(ReplayFile f, long line, String column, String text) {
        return parseDouble(f, line, column, text);
    }

    /** A number, or NaN for an empty cell. */
    private static double parseOptional(ReplayFile f, long line, String column, String text) {
        return text.isEmpty() ? Double.NaN : parseDouble(f, line, column, text);
    }

    /** Epoch ms (or µs) digits, or a UTC date-time {@code 2021-04-04 20:00:00} / ISO {@code 2021-04-04T20:00:00Z}. */
    static long parseTime(ReplayFile f, long line, String column, String text) {
        if (!text.isEmpty() && Character.isDigit(text.charAt(0)) && text.indexOf('-') < 0) {
            return FileNames.toMillis(parseLong(f, line, column, text));
        }
        if (text.length() == 19 && text.charAt(4) == '-' && text.charAt(7) == '-'
                && (text.charAt(10) == ' ' || text.charAt(10) == 'T') && text.charAt(13) == ':'
                && text.charAt(16) == ':') {
            try {
                int y = Integer.parseInt(text, 0, 4, 10);
                int mo = Integer.parseInt(text, 5, 7, 10);
                int d = Integer.parseInt(text, 8, 10, 10);
                int h = Integer.parseInt(text, 11, 13, 10);
                int mi = Integer.parseInt(text, 14, 16, 10);
                int s = Integer.parseInt(text, 17, 19, 10);
                return LocalDateTime.of(y, mo, d, h, mi, s).toEpochSecond(ZoneOffset.UTC) * 1000L;
            } catch (NumberFormatException | java.time.DateTimeException e) {
                throw malformed(f, "line " + line, "column [" + column + "] is not a UTC date-time: \"" + text + "\"");
            }
        }
        try {
            String iso = text.replace(' ', 'T');
            if (iso.endsWith("Z")) {
                return java.time.Instant.parse(iso).toEpochMilli();
            }
            return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw malformed(f, "line " + line, "column [" + column + "] is not a time (epoch ms or UTC "
                    + "yyyy-MM-dd HH:mm:ss): \"" + text + "\"");
        }
    }

    static IntelException malformed(ReplayFile f, long line, String message) {
        return malformed(f, "line " + line, message);
    }

    static IntelException malformed(ReplayFile f, String where, String message) {
        return new IntelException(ErrorCode.UPSTREAM_ERROR, "replay file [" + f.name() + "] " + where + ": "
                + message, Map.of("file", f.name(), "where", where));
    }

    static IntelException unreadable(ReplayFile f, IOException e) {
        return new IntelException(ErrorCode.UPSTREAM_UNAVAILABLE, "replay file [" + f.name() + "] cannot be read: "
                + e.getMessage(), Map.of("file", f.name()), e);
    }

    /** Lines of a plain or zipped CSV with their 1-based numbers, blank lines skipped, header detection. */
    static final class Lines implements AutoCloseable {
        private final ReplayFile file;
        private final BufferedReader reader;
        private final ZipFile zip;
        private long number;
        private boolean sawData;

        private Lines(ReplayFile file, BufferedReader reader, ZipFile zip) {
            this.file = file;
            this.reader = reader;
            this.zip = zip;
        }

        static Lines open(ReplayFile f) {
            try {
                if (!f.zipped()) {
                    return new Lines(f, Files.newBufferedReader(f.path(), StandardCharsets.UTF_8), null);
                }
                ZipFile zip = new ZipFile(f.path().toFile());
                try {
                    ZipEntry csv = null;
                    for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                        ZipEntry entry = e.nextElement();
                        if (!entry.isDirectory() && entry.getName().toLowerCase(java.util.Locale.ROOT)
                                .endsWith(".csv")) {
                            csv = entry;
                            break;
                        }
                    }
                    if (csv == null) {
                        throw malformed(f, "the archive", "holds no .csv entry");
                    }
                    return new Lines(f, new BufferedReader(new InputStreamReader(zip.getInputStream(csv),
                            StandardCharsets.UTF_8), 1 << 16), zip);
                } catch (IOException | RuntimeException e) {
                    zip.close();
                    throw e;
                }
            } catch (IOException e) {
                throw unreadable(f, e);
            }
        }

        /** The next non-blank line, or null at the end. */
        String next() {
            try {
                String line;
                while ((line = reader.readLine()) != null) {
                    number++;
                    if (number == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                        line = line.substring(1);
                    }
                    if (!line.isBlank()) {
                        return line;
                    }
                }
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** 1-based number of the line last returned. */
        long number() {
            return number;
        }

        /** Whether {@code line} is a header: a first non-blank line starting with a letter. */
        boolean isHeader(String line) {
            if (sawData) {
                return false;
            }
            sawData = true;
            return Character.isLetter(line.charAt(0)) || line.charAt(0) == '_';
        }

        void expectHeader(String line, String expected) {
            String[] want = expected.split(",");
            String[] got = line.split(",", -1);
            for (int i = 0; i < Math.min(want.length, got.length) && i < 6; i++) {
                if (!want[i].equalsIgnoreCase(got[i].trim())) {
                    throw malformed(file, number, "unexpected header [" + line + "], expected [" + expected + "]");
                }
            }
        }

        @Override
        public void close() {
            try {
                reader.close();
                if (zip != null) {
                    zip.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
