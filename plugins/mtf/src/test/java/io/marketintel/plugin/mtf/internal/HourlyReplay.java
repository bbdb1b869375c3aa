package io.marketintel.plugin.mtf.internal;

import io.marketintel.api.market.Interval;
import io.marketintel.api.market.Kline;
import io.marketintel.testkit.fakes.FakeMarketData;
import io.vertx.core.Future;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * A replay of real hourly klines ({@code ../shared/data/binance/klines-spot-1h/spot_<SYMBOL>_1h.csv}, Binance SPOT,
 * 2021-04-04 … 2023-12-30, with the real outage gaps): 1h candles as recorded, 4h and 1d candles aggregated from them
 * on Binance's UTC grid. Answers range requests only, like the plugin makes them; the file is read at test time, never
 * copied into the project.
 */
final class HourlyReplay extends FakeMarketData {

    private static final long HOUR = 3_600_000L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final long[] open;
    private final double[] o;
    private final double[] h;
    private final double[] l;
    private final double[] c;
    private final double[] v;

    private HourlyReplay(List<String[]> rows) {
        int n = rows.size();
        open = new long[n];
        o = new double[n];
        h = new double[n];
        l = new double[n];
        c = new double[n];
        v = new double[n];
        for (int i = 0; i < n; i++) {
            String[] r = rows.get(i);
            open[i] = LocalDateTime.parse(r[0], TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
            o[i] = Double.parseDouble(r[1]);
            h[i] = Double.parseDouble(r[2]);
            l[i] = Double.parseDouble(r[3]);
            c[i] = Double.parseDouble(r[4]);
            v[i] = Double.parseDouble(r[5]);
        }
    }

    /** The replay of {@code symbol}; skips the calling test, with the reason, when the shared data is missing. */
    static HourlyReplay load(String symbol) throws IOException {
        String dir = System.getProperty("marketintel.shared.data");
        String name = "klines-spot-1h/spot_" + symbol + "_1h.csv";
        Path file = dir == null ? null : Path.of(dir, name);
        Assumptions.assumeTrue(file != null && Files.isRegularFile(file), "shared Binance data missing (expected"
                + " ../shared/data/binance/" + name + ", system property marketintel.shared.data=" + dir
                + "): skipping the real-data check");
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("date")) {
                rows.add(line.split(","));
            }
        }
        return new HourlyReplay(rows);
    }

    @Override
    public String source() {
        return "replay";
    }

    @Override
    public Future<List<Kline>> klines(String symbol, Interval interval, long startTime, long endTime, int limit) {
        requests().add("klines " + symbol + " " + interval + " " + startTime + " " + endTime + " " + limit);
        if (interval.millis() < HOUR || interval.millis() % HOUR != 0) {
            return Future.succeededFuture(List.of());                 // hourly data cannot make shorter candles
        }
        List<Kline> out = new ArrayList<>();
        int i = lowerBound(startTime);
        while (i < open.length && out.size() < limit) {
            long bin = interval.openTimeOf(open[i]);
            if (bin > endTime) {
                break;
            }
            int j = i;
            double hi = Double.NEGATIVE_INFINITY;
            double lo = Double.POSITIVE_INFINITY;
            double vol = 0;
            while (j < open.length && interval.openTimeOf(open[j]) == bin) {
                hi = Math.max(hi, h[j]);
                lo = Math.min(lo, l[j]);
                vol += v[j];
                j++;
            }
            if (bin >= startTime) {
                out.add(new Kline(bin, o[i], hi, lo, c[j - 1], vol, bin + interval.millis() - 1, vol * c[j - 1],
                        0, vol / 2, vol * c[j - 1] / 2));
            }
            i = j;
        }
        return Future.succeededFuture(List.copyOf(out));
    }

    private int lowerBound(long t) {
        int lo = 0;
        int hi = open.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (open[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
