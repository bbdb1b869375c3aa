package io.marketintel.runtime.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    record Result(double fundingRatePct, double volume, double missing, double[] series, List<Double> boxed) {
    }

    @Test
    void numbersAreWrittenPlainWithSnakeCaseNamesAndNoNaN() {
        String json = Json.encode(Map.of("data", new Result(0.00085, 12_345_678.0, Double.NaN,
                new double[] {1.5, Double.NaN, 1.0E-5, Double.POSITIVE_INFINITY}, java.util.Arrays.asList(2.0, null))))
                .toString();
        assertThat(json).isEqualTo("{\"data\":{\"funding_rate_pct\":0.00085,\"volume\":12345678,\"missing\":null,"
                + "\"series\":[1.5,null,0.00001,null],\"boxed\":[2,null]}}");
    }
}
