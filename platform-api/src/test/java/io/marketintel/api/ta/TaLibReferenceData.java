package io.marketintel.api.ta;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * TA-Lib's regression-test history: the 252 daily bars of {@code TA_SREF_*_daily_ref_0_PRIV} from
 * TA-Lib's {@code src/tools/ta_regtest/test_data.c}, transcribed into {@code ta/talib-regtest-daily-ref-0.csv}.
 */
final class TaLibReferenceData {

    static final double[] HIGH;
    static final double[] LOW;
    static final double[] CLOSE;

    static {
        List<double[]> rows = new ArrayList<>();
        try (InputStream in = TaLibReferenceData.class.getResourceAsStream("/ta/talib-regtest-daily-ref-0.csv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#") || line.startsWith("high")) {
                    continue;
                }
                String[] f = line.split(",");
                rows.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])});
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HIGH = new double[rows.size()];
        LOW = new double[rows.size()];
        CLOSE = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            HIGH[i] = rows.get(i)[0];
            LOW[i] = rows.get(i)[1];
            CLOSE[i] = rows.get(i)[2];
        }
    }

    private TaLibReferenceData() {
    }
}
