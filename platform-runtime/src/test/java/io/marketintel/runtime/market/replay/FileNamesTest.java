package io.marketintel.runtime.market.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every published name pattern, and names that look close but are not replayed. */
class FileNamesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", value = {
            // name,                                          kind,               layout,                  symbol,   interval, zipped
            "BTCUSDT-1h-2024-01.csv,                          KLINES,             BINANCE_KLINES_CSV,      BTCUSDT,  1h, false",
            "BTCUSDT-1m-2024-01-31.csv,                       KLINES,             BINANCE_KLINES_CSV,      BTCUSDT,  1m, false",
            "1000PEPEUSDT-5m-2024-02-29.zip,                  KLINES,             BINANCE_KLINES_CSV,      1000PEPEUSDT, 5m, true",
            "BTCUSDT-1w-2024-01.csv,                          KLINES,             BINANCE_KLINES_CSV,      BTCUSDT,  1w, false",
            "futures/um/markPriceKlines/BTCUSDT-1m-2024-01.csv, MARK_PRICE_KLINES, BINANCE_KLINES_CSV,      BTCUSDT,  1m, false",
            "indexPriceKlines/BTCUSDT-1h-2024-01.zip,         INDEX_PRICE_KLINES, BINANCE_KLINES_CSV,      BTCUSDT,  1h, true",
            "HYPEUSDT-metrics-2025-05-30.csv,                 METRICS,            METRICS_CSV,             HYPEUSDT, -,  false",
            "BTCUSDT-metrics-2025-05-30.zip,                  METRICS,            METRICS_CSV,             BTCUSDT,  -,  true",
            "BTCUSDT-fundingRate-2024-01.csv,                 FUNDING,            FUNDING_CSV,             BTCUSDT,  -,  false",
            "BTCUSDT-depth-1723161256493.json,                DEPTH,              DEPTH_JSON,              BTCUSDT,  -,  false",
            "BTCUSDT-depth.json,                              DEPTH,              DEPTH_JSON,              BTCUSDT,  -,  false",
            "usdm_btcusdt_depth1000_snapshot_20240808.json,   DEPTH,              DEPTH_JSON,              BTCUSDT,  -,  false",
            "spot_BTCUSDT_1h.csv,                             KLINES,             DATED_KLINES_CSV,        BTCUSDT,  1h, false",
            "XRP_USDT_USDT-5m-futures.json,                   KLINES,             FREQTRADE_KLINES_JSON,   XRPUSDT,  5m, false",
            "BTC_USDT-1h.json,                                KLINES,             FREQTRADE_KLINES_JSON,   BTCUSDT,  1h, false",
            "XRP_USDT-8h-mark.json,                           MARK_PRICE_KLINES,  FREQTRADE_KLINES_JSON,   XRPUSDT,  8h, false",
            "XRP_USDT-8h-funding_rate.json,                   FUNDING,            FREQTRADE_FUNDING_JSON,  XRPUSDT,  -,  false",
            "exchangeInfo.json,                               EXCHANGE_INFO,      EXCHANGE_INFO_JSON,      -,        -,  false",
            "nautilus_http_futures_market_exchange_info.json, EXCHANGE_INFO,      EXCHANGE_INFO_JSON,      -,        -,  false",
            "leverageBracket.json,                            LEVERAGE_BRACKETS,  LEVERAGE_BRACKET_JSON,   -,        -,  false",
            "derived_leverageBracket_BTC_ETH_BNB_SOL_XRP.json, LEVERAGE_BRACKETS, LEVERAGE_BRACKET_JSON,   -,        -,  false",
    })
    void recognisesPublishedNames(String name, FileKind kind, Layout layout, String symbol, String interval,
                                  boolean zipped) {
        FileNames.Classification c = FileNames.classify(Path.of("/r").resolve(name), name);
        assertThat(c.recognised()).as(c.reason()).isTrue();
        ReplayFile f = c.file();
        assertThat(f.kind()).isEqualTo(kind);
        assertThat(f.layout()).isEqualTo(layout);
        assertThat(f.symbol()).isEqualTo(symbol);
        assertThat(f.interval() == null ? null : f.interval().code()).isEqualTo(interval);
        assertThat(f.zipped()).isEqualTo(zipped);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "BTCUSDT-1mo-2024-01.csv            | calendar months",
            "BTCUSDT-1s-2024-01-01.csv          | not a USDⓈ-M interval",
            "BTCUSDT-1h-2024-13.csv             | not a valid date",
            "BTCUSDT-metrics-2024-02-30.csv     | not a valid date",
            "BTCUSDT-1h-2024-01.zip.CHECKSUM    | checksum sidecar",
            "premiumIndexKlines/BTCUSDT-1h-2024-01.csv | premium index klines",
            "BTCUSDT-aggTrades-2024-01.csv      | matches no replay file pattern",
            "BTCUSDT-bookDepth-2024-01-01.csv   | matches no replay file pattern",
            "freqtrade_binance_leverage_tiers.json | matches no replay file pattern",
            "notes.txt                          | matches no replay file pattern",
            "XRP_USDT_BUSD-5m-futures.json      | settles in [BUSD]",
    })
    void reportsWhyOtherNamesAreNotReplayed(String name, String reason) {
        FileNames.Classification c = FileNames.classify(Path.of("/r").resolve(name), name);
        assertThat(c.recognised()).isFalse();
        assertThat(c.reason()).contains(reason);
    }

    @org.junit.jupiter.api.Test
    void depthNameTimeIsMillisecondsEvenWhenWrittenInMicroseconds() {
        assertThat(FileNames.classify(Path.of("x"), "BTCUSDT-depth-1723161256493.json").file().nameTime())
                .isEqualTo(1723161256493L);
        assertThat(FileNames.classify(Path.of("x"), "BTCUSDT-depth-1723161256493123.json").file().nameTime())
                .isEqualTo(1723161256493L);
    }
}
