package io.marketintel.api.ta;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The shared real Binance spot 1h klines ({@code <shared data>/klines-spot-1h/spot_<SYMBOL>_1h.csv},
 * header {@code date,open,high,low,close,volume,ticker}, oldest first). Read from the folder named by
 * the system property {@code marketintel.shared.data}; tests skip with the reason when it is absent.
 */
record SharedKlines(String symbol, double[] high, double[] low, double[] close) {

    static final List<String> SYMBOLS = List.of("BTCUSDT", "ETHUSDT", "BNBUSDT", "SOLUSDT", "XRPUSDT");

    static Path folder() {
        String dir = System.getProperty("marketintel.shared.data");
        assumeTrue(dir != null, "system property marketintel.shared.data is not set: the shared Binance data "
                + "(../shared/data/binance next to the checkout) is needed for this cross-check");
        Path folder = Path.of(dir, "klines-spot-1h");
        assumeTrue(Files.isDirectory(folder), "shared Binance klines not found at " + folder.toAbsolutePath()
                + " (expected ../shared/data/binance/klines-spot-1h next to the checkout)");
        return folder;
    }

    static SharedKlines load(String symbol) {
        Path file = folder().resolve("spot_" + symbol + "_1h.csv");
        assumeTrue(Files.isRegularFile(file), "missing shared data file " + file.toAbsolutePath());
        try {
            List<String> lines = Files.readAllLines(file);
            int n = lines.size() - 1;
            double[] high = new double[n];
            double[] low = new double[n];
            double[] close = new double[n];
            for (int i = 0; i < n; i++) {
                String[] f = lines.get(i + 1).split(",");
                high[i] = Double.parseDouble(f[2]);
                low[i] = Double.parseDouble(f[3]);
                close[i] = Double.parseDouble(f[4]);
            }
            return new SharedKlines(symbol, high, low, close);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
