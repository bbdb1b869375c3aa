package io.marketintel.runtime.market.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marketintel.api.market.Interval;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real Binance data the fake serves, read from the shared data folder (system property
 * {@code marketintel.shared.data}, set by the build to {@code ../shared/data/binance}); never copied into the
 * repository. Immutable after loading except for memoised kline aggregations.
 */
final class FakeData {

    /** System property naming the shared data folder. */
    static final String PROPERTY = "marketintel.shared.data";

    static final String EXCHANGE_INFO = "exchange-info/nautilus_http_futures_market_exchange_info.json";
    static final String BTC_DEPTH = "orderbook/usdm_btcusdt_depth1000_snapshot_20240808.json";
    static final String ETH_DEPTH = "orderbook/usdm_ethusdt_depth1000_snapshot_20240808.json";
    static final String XRP_5M = "futures-xrp/XRP_USDT_USDT-5m-futures.json";
    static final String XRP_FUNDING = "futures-xrp/XRP_USDT-8h-funding_rate.json";
    static final String XRP_MARK = "futures-xrp/XRP_USDT-8h-mark.json";
    static final String BRACKETS = "leverage-brackets/derived_leverageBracket_BTC_ETH_BNB_SOL_XRP.json";
    static final List<String> SPOT_SYMBOLS = List.of("BTCUSDT", "ETHUSDT", "BNBUSDT", "SOLUSDT", "XRPUSDT");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** One OHLCV bar. */
    record Bar(long openTime, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close, BigDecimal volume) {
    }

    /** One settled funding of the recorded XRPUSDT file. */
    record Funding(long time, BigDecimal rate, BigDecimal markPrice) {
    }

    final ObjectNode exchangeInfo;
    final Map<String, JsonNode> depth;
    private final Path dir;
    private final Map<String, List<Bar>> hourly = new ConcurrentHashMap<>();
    final List<Bar> xrp5m;
    final List<Funding> xrpFunding;
    final Map<String, JsonNode> brackets;
    final Set<String> symbols;
    private final Map<String, BigDecimal> referencePrice = new ConcurrentHashMap<>();
    private final Map<String, List<Bar>> aggregated = new ConcurrentHashMap<>();
    private final Map<String, List<String>> klineRows = new ConcurrentHashMap<>();

    private FakeData(Path dir) throws IOException {
        this.dir = dir;
        exchangeInfo = (ObjectNode) JSON.readTree(dir.resolve(EXCHANGE_INFO).toFile());
        Map<String, JsonNode> d = new LinkedHashMap<>();
        d.put("BTCUSDT", JSON.readTree(dir.resolve(BTC_DEPTH).toFile()));
        d.put("ETHUSDT", JSON.readTree(dir.resolve(ETH_DEPTH).toFile()));
        depth = Collections.unmodifiableMap(d);
        xrp5m = readBars(dir.resolve(XRP_5M));
        Map<Long, BigDecimal> marks = new TreeMap<>();
        for (Bar b : readBars(dir.resolve(XRP_MARK))) {
            marks.put(b.openTime(), b.open());
        }
        List<Funding> f = new ArrayList<>();
        for (JsonNode row : JSON.readTree(dir.resolve(XRP_FUNDING).toFile())) {
            long t = row.get(0).asLong();
            long slot = Math.floorDiv(t, 8 * 3_600_000L) * 8 * 3_600_000L;
            f.add(new Funding(t, row.get(1).decimalValue(), marks.get(slot)));
        }
        xrpFunding = List.copyOf(f);
        Map<String, JsonNode> br = new LinkedHashMap<>();
        for (JsonNode entry : JSON.readTree(dir.resolve(BRACKETS).toFile())) {
            br.put(entry.get("symbol").asText(), entry);
        }
        brackets = Collections.unmodifiableMap(br);
        Set<String> syms = new LinkedHashSet<>();
        exchangeInfo.get("symbols").forEach(s -> syms.add(s.get("symbol").asText()));
        syms.addAll(SPOT_SYMBOLS);
        symbols = Collections.unmodifiableSet(syms);
    }

    /** Loads the folder; fails naming the first missing file. */
    static FakeData load(Path dir) {
        missing(dir).ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
        try {
            return new FakeData(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read shared Binance data in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The folder named by {@value #PROPERTY}, or {@code ../shared/data/binance}. */
    static Path defaultDir() {
        String p = System.getProperty(PROPERTY);
        return Path.of(p == null || p.isBlank() ? "../shared/data/binance" : p).toAbsolutePath().normalize();
    }

    /** Why the data cannot be used (a missing file), or empty when it can. */
    static Optional<String> missing(Path dir) {
        List<String> needed = new ArrayList<>(List.of(EXCHANGE_INFO, BTC_DEPTH, ETH_DEPTH, XRP_5M, XRP_FUNDING, XRP_MARK,
                BRACKETS));
        for (String s : SPOT_SYMBOLS) {
            needed.add("klines-spot-1h/spot_" + s + "_1h.csv");
        }
        for (String f : needed) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                return Optional.of("shared Binance data is missing: " + dir.resolve(f) + " (system property " + PROPERTY
                        + " points to " + dir + "; the tests read ../shared/data/binance next to the checkout)");
            }
        }
        return Optional.empty();
    }

    /**
     * Bars of {@code symbol} at {@code interval}: XRPUSDT below 1h from the USDⓈ-M 5m file, everything at 1h and
     * above aggregated from the 1h files; empty when the data cannot make that interval.
     */
    List<Bar> bars(String symbol, Interval interval) {
        return aggregated.computeIfAbsent(symbol + "/" + interval.code(), k -> {
            if (interval.millis() < Interval.H1.millis()) {
                if ("XRPUSDT".equals(symbol) && interval.millis() % Interval.M5.millis() == 0) {
                    return aggregate(xrp5m, interval);
                }
                return List.of();
            }
            List<Bar> base = hourly(symbol);
            return base.isEmpty() ? List.of() : aggregate(base, interval);
        });
    }

    /**
     * The bars of {@link #bars(String, Interval)} as Binance's 12-field kline arrays, serialised once: prices and
     * volumes from the files; quote volume, trade count and taker volumes (missing from the files) derived
     * plausibly.
     */
    List<String> klineRows(String symbol, Interval interval) {
        return klineRows(symbol, interval, 0);
    }

    /** {@link #klineRows(String, Interval)} with every open and close time moved by {@code shiftMillis}. */
    List<String> klineRows(String symbol, Interval interval, long shiftMillis) {
        return klineRows.computeIfAbsent(symbol + "/" + interval.code() + "/" + shiftMillis, k -> {
            List<Bar> bars = bars(symbol, interval);
            List<String> rows = new ArrayList<>(bars.size());
            BigDecimal three = BigDecimal.valueOf(3);
            BigDecimal takerShare = new BigDecimal("0.52");
            for (Bar b : bars) {
                BigDecimal typical = b.high().add(b.low()).add(b.close()).divide(three, 8, RoundingMode.HALF_UP);
                BigDecimal quote = b.volume().multiply(typical);
                long trades = Math.max(1, b.volume().multiply(three).longValue() % 200_000 + 17);
                rows.add("[" + (b.openTime() + shiftMillis) + ",\"" + p8(b.open()) + "\",\"" + p8(b.high()) + "\",\"" + p8(b.low())
                        + "\",\"" + p8(b.close()) + "\",\"" + p8(b.volume()) + "\"," + (b.openTime() + shiftMillis + interval.millis() - 1)
                        + ",\"" + p8(quote) + "\"," + trades + ",\"" + p8(b.volume().multiply(takerShare)) + "\",\""
                        + p8(quote.multiply(takerShare)) + "\",\"0\"]");
            }
            return List.copyOf(rows);
        });
    }

    private static String p8(BigDecimal d) {
        return d.setScale(8, RoundingMode.HALF_UP).toPlainString();
    }

    private static List<Bar> aggregate(List<Bar> base, Interval interval) {
        if (base.isEmpty()) {
            return List.of();
        }
        List<Bar> out = new ArrayList<>();
        long open = Long.MIN_VALUE;
        BigDecimal o = null;
        BigDecimal hi = null;
        BigDecimal lo = null;
        BigDecimal c = null;
        BigDecimal v = null;
        for (Bar b : base) {
            long slot = interval.openTimeOf(b.openTime());
            if (slot != open) {
                if (o != null) {
                    out.add(new Bar(open, o, hi, lo, c, v));
                }
                open = slot;
                o = b.open();
                hi = b.high();
                lo = b.low();
                c = b.close();
                v = b.volume();
            } else {
                hi = hi.max(b.high());
                lo = lo.min(b.low());
                c = b.close();
                v = v.add(b.volume());
            }
        }
        out.add(new Bar(open, o, hi, lo, c, v));
        return List.copyOf(out);
    }

    /** The 1h spot bars of {@code symbol} (read on first use), empty when there is no file. */
    List<Bar> hourly(String symbol) {
        if (!SPOT_SYMBOLS.contains(symbol)) {
            return List.of();
        }
        return hourly.computeIfAbsent(symbol, s -> {
            try {
                return readCsv(dir.resolve("klines-spot-1h/spot_" + s + "_1h.csv"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The price the fake quotes {@code symbol} at: the recorded book's mid, else the last recorded 1h close. */
    BigDecimal referencePrice(String symbol) {
        return referencePrice.computeIfAbsent(symbol, this::referencePriceOf);
    }

    private BigDecimal referencePriceOf(String symbol) {
        JsonNode book = depth.get(symbol.startsWith("BTCUSDT") ? "BTCUSDT" : symbol);
        if (book != null) {
            BigDecimal bid = new BigDecimal(book.get("bids").get(0).get(0).asText());
            BigDecimal ask = new BigDecimal(book.get("asks").get(0).get(0).asText());
            return bid.add(ask).divide(BigDecimal.valueOf(2), 8, RoundingMode.HALF_UP).stripTrailingZeros();
        }
        List<Bar> bars = hourly(symbol);
        if (!bars.isEmpty()) {
            return bars.get(bars.size() - 1).close();
        }
        return BigDecimal.ONE;
    }

    private static List<Bar> readCsv(Path file) throws IOException {
        List<Bar> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(",");
            long t = LocalDateTime.parse(f[0], CSV_TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
            out.add(new Bar(t, new BigDecimal(f[1]), new BigDecimal(f[2]), new BigDecimal(f[3]), new BigDecimal(f[4]),
                    new BigDecimal(f[5])));
        }
        return List.copyOf(out);
    }

    private static List<Bar> readBars(Path file) throws IOException {
        List<Bar> out = new ArrayList<>();
        for (JsonNode row : JSON.readTree(file.toFile())) {
            out.add(new Bar(row.get(0).asLong(), dec(row.get(1)), dec(row.get(2)), dec(row.get(3)), dec(row.get(4)),
                    dec(row.get(5))));
        }
        return List.copyOf(out);
    }

    private static BigDecimal dec(JsonNode n) {
        return new BigDecimal(n.asText()).setScale(8, RoundingMode.HALF_UP).stripTrailingZeros();
    }
}
