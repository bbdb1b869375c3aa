package io.marketintel.runtime.market.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongPredicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small files in the exact published layouts, written into a test's temporary folder. */
final class Fixtures {

    static final String KLINES_HEADER = "open_time,open,high,low,close,volume,close_time,quote_volume,count,"
            + "taker_buy_volume,taker_buy_quote_volume,ignore";

    private Fixtures() {
    }

    static long t(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    /** Open price of the synthetic candle {@code i}. */
    static double open(int i) {
        return 100 + i;
    }

    static double close(int i) {
        return 100 + i + 0.5;
    }

    static double high(int i) {
        return close(i) + 0.25;
    }

    static double low(int i) {
        return open(i) - 0.25;
    }

    static double volume(int i) {
        return 1 + i * 0.001;
    }

    /**
     * data.binance.vision kline rows: candle {@code i} opens at {@code start + i × step}; rows whose open time
     * {@code skip} accepts are left out; {@code micro} writes microsecond stamps.
     */
    static List<String> klineRows(long start, long step, int n, boolean micro, LongPredicate skip) {
        List<String> rows = new ArrayList<>();
        long unit = micro ? 1000 : 1;
        for (int i = 0; i < n; i++) {
            long ot = start + i * step;
            if (skip.test(ot)) {
                continue;
            }
            double v = volume(i);
            double qv = v * open(i);
            rows.add(String.format(Locale.ROOT, "%d,%.2f,%.2f,%.2f,%.2f,%.3f,%d,%.5f,%d,%.3f,%.5f,0", ot * unit,
                    open(i), high(i), low(i), close(i), v, (ot + step - 1) * unit + (micro ? 999 : 0), qv, 10 + i,
                    v / 2, qv / 2));
        }
        return rows;
    }

    static List<String> klineRows(long start, long step, int n) {
        return klineRows(start, step, n, false, ot -> false);
    }

    static List<String> withHeader(String header, List<String> rows) {
        List<String> out = new ArrayList<>();
        out.add(header);
        out.addAll(rows);
        return out;
    }

    static Path write(Path dir, String name, List<String> lines) {
        try {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.write(p, lines, StandardCharsets.UTF_8);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path dir, String name, String text) {
        try {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text, StandardCharsets.UTF_8);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A {@code .zip} holding one CSV named like the archive, as data.binance.vision publishes them. */
    static Path writeZip(Path dir, String zipName, List<String> lines) {
        try {
            Path p = dir.resolve(zipName);
            Files.createDirectories(p.getParent());
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(p))) {
                zip.putNextEntry(new ZipEntry(p.getFileName().toString().replace(".zip", ".csv")));
                zip.write(String.join("\n", lines).concat("\n").getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Metrics rows every 5 minutes from {@code start}: OI 1000 + i, value × 100, ratios from i. */
    static List<String> metricsRows(String symbol, long start, int n) {
        List<String> rows = new ArrayList<>();
        rows.add("create_time,symbol,sum_open_interest,sum_open_interest_value,count_toptrader_long_short_ratio,"
                + "sum_toptrader_long_short_ratio,count_long_short_ratio,sum_taker_long_short_vol_ratio");
        for (int i = 0; i < n; i++) {
            String time = Instant.ofEpochMilli(start + i * 300_000L).toString().replace('T', ' ').replace("Z", "");
            rows.add(String.format(Locale.ROOT, "%s,%s,%.4f,%.4f,%.8f,%.8f,%.8f,%.8f", time, symbol, oi(i),
                    oi(i) * 100, topAccount(i), topPosition(i), global(i), taker(i)));
        }
        return rows;
    }

    static double oi(int i) {
        return 1000 + i;
    }

    static double topAccount(int i) {
        return 1 + i / 100.0;
    }

    static double topPosition(int i) {
        return 2 + i / 100.0;
    }

    static double global(int i) {
        return 0.5 + i / 100.0;
    }

    static double taker(int i) {
        return 0.9 + i / 1000.0;
    }

    /** A {@code /fapi/v1/depth} response around {@code mid} with {@code levels} levels per side, 0.1 apart. */
    static String depthJson(long lastUpdateId, Long eventTime, Long transactionTime, double mid, int levels) {
        StringBuilder b = new StringBuilder("{\"lastUpdateId\":").append(lastUpdateId);
        if (eventTime != null) {
            b.append(",\"E\":").append(eventTime);
        }
        if (transactionTime != null) {
            b.append(",\"T\":").append(transactionTime);
        }
        b.append(",\"bids\":[");
        for (int i = 0; i < levels; i++) {
            b.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "[\"%.2f\",\"%.3f\"]", mid - 0.05 - i * 0.1,
                    1.0 + i));
        }
        b.append("],\"asks\":[");
        for (int i = 0; i < levels; i++) {
            b.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "[\"%.2f\",\"%.3f\"]", mid + 0.05 + i * 0.1,
                    2.0 + i));
        }
        return b.append("]}").toString();
    }
}
