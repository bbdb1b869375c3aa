package io.marketintel.plugin.correlation.internal;

import io.marketintel.api.market.Interval;
import io.marketintel.api.market.Kline;
import java.io.BufferedReader;
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
 * The real Binance SPOT 1h klines of {@code <marketintel.shared.data>/klines-spot-1h/spot_<SYMBOL>_1h.csv}, read at
 * test time (never copied into the project). Header {@code date,open,high,low,close,volume,ticker}; {@code date} is
 * the open time in UTC. The files are not row-aligned: BNB and SOL start an hour after BTC, ETH has one extra row at
 * the end, and all share five exchange outages.
 */
final class SharedData {

    static final String DIR = "klines-spot-1h";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private SharedData() {
    }

    /** The file of {@code symbol}; skips the calling test, with the reason, when the shared data is missing. */
    static Path file(String symbol) {
        String dir = System.getProperty("marketintel.shared.data");
        Path file = dir == null ? null : Path.of(dir, DIR, "spot_" + symbol + "_1h.csv");
        Assumptions.assumeTrue(file != null && Files.isRegularFile(file),
                "shared Binance data missing (expected ../shared/data/binance/" + DIR + "/spot_" + symbol
                        + "_1h.csv, system property marketintel.shared.data=" + dir + "): skipping the real-data check");
        return file;
    }

    /** All candles of {@code symbol}, oldest first; fields the file lacks (quote volume, trades, taker) are 0. */
    static List<Kline> klines(String symbol) throws IOException {
        List<Kline> out = new ArrayList<>(24_000);
        try (BufferedReader in = Files.newBufferedReader(file(symbol), StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null || !header.startsWith("date,open,high,low,close,volume")) {
                throw new AssertionError("unexpected header in " + file(symbol) + ": " + header);
            }
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                long open = LocalDateTime.parse(f[0], DATE).toInstant(ZoneOffset.UTC).toEpochMilli();
                out.add(new Kline(open, Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                        Double.parseDouble(f[4]), Double.parseDouble(f[5]), open + Interval.H1.millis() - 1, 0, 0, 0, 0));
            }
        }
        return out;
    }
}
