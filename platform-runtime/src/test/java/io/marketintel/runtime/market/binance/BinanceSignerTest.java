package io.marketintel.runtime.market.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Signing reproduces Binance's documented example; secrets never show. */
class BinanceSignerTest {

    // Binance's documented example (see shared/spec/binance-usdm-api.md)
    private static final String API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    private static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    private static final String TOTAL_PARAMS = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1"
            + "&price=0.1&recvWindow=5000&timestamp=1499827319559";
    private static final String SIGNATURE = "c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71";

    @Test
    void reproducesBinancesDocumentedSignature() {
        assertThat(new BinanceSigner(SECRET).sign(TOTAL_PARAMS)).isEqualTo(SIGNATURE);
    }

    @Test
    void queryStringAndBodyAreSignedConcatenated() {
        // Binance's "mixed" example: the query part and the body part concatenated without a separator.
        String query = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC";
        String body = "quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";
        assertThat(new BinanceSigner(SECRET).sign(query + body))
                .isEqualTo("0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77");
    }

    @Test
    void encodingKeepsTheOrderAndEscapesReservedCharacters() {
        assertThat(BinanceTransport.encode(BinanceMarketData.params("symbol", "BTCUSDT", "newClientOrderId", "a:b/c")))
                .isEqualTo("symbol=BTCUSDT&newClientOrderId=a%3Ab%2Fc");
    }

    @Test
    void secretsNeverShowInToString() {
        BinanceSettings s = BinanceSettings.defaults().withCredentials(API_KEY, SECRET);
        assertThat(s.toString()).doesNotContain(API_KEY).doesNotContain(SECRET).contains("apiKey=***");
        assertThat(new BinanceSigner(SECRET).toString()).doesNotContain(SECRET);
        assertThat(BinanceSettings.defaults().toString()).contains("apiKey=<none>");
    }

    @Test
    void networksAndDefaults() {
        assertThat(BinanceSettings.defaults(Network.MAINNET).baseUrl()).isEqualTo("https://fapi.binance.com");
        assertThat(BinanceSettings.defaults(Network.TESTNET).baseUrl()).isEqualTo("https://demo-fapi.binance.com");
        BinanceSettings d = BinanceSettings.defaults();
        assertThat(d.recvWindowMs()).isEqualTo(5000);
        assertThat(d.hasCredentials()).isFalse();
        assertThat(d.withBaseUrl("http://127.0.0.1:9999/").baseUrl()).isEqualTo("http://127.0.0.1:9999");
    }

    @Test
    void validationNamesTheField() {
        BinanceSettings d = BinanceSettings.defaults();
        assertThatThrownBy(() -> d.withRecvWindowMs(0)).hasMessageContaining("[recvWindowMs]");
        assertThatThrownBy(() -> d.withRecvWindowMs(60_001)).hasMessageContaining("[recvWindowMs]");
        assertThatThrownBy(() -> d.withWeightSafetyMarginPct(95)).hasMessageContaining("[weightSafetyMarginPct]");
        assertThatThrownBy(() -> d.withRetries(11, Duration.ofMillis(1))).hasMessageContaining("[maxRetries]");
        assertThatThrownBy(() -> d.withRequestTimeout(Duration.ZERO)).hasMessageContaining("[requestTimeout]");
        assertThatThrownBy(() -> d.withBaseUrl("ftp://x")).hasMessageContaining("[baseUrl]");
        assertThatThrownBy(() -> d.withBaseUrl("https://fapi.binance.com/fapi")).hasMessageContaining("[baseUrl]");
        assertThatThrownBy(() -> d.withCredentials("key", "")).hasMessageContaining("[apiSecret]")
                .hasMessageNotContaining("key\"");
        assertThatThrownBy(() -> d.withCredentials("", SECRET)).hasMessageContaining("[apiKey]")
                .hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> d.withBreaker(0, Duration.ofSeconds(1)))
                .hasMessageContaining("[breakerFailureThreshold]");
    }
}
