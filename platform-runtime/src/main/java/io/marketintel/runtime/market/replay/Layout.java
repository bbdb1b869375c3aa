package io.marketintel.runtime.market.replay;

/** The byte layout of a recognised file, which decides the reader. */
enum Layout {
    /**
     * data.binance.vision klines CSV ({@code open_time,open,high,low,close,volume,close_time,quote_volume,
     * count,taker_buy_volume,taker_buy_quote_volume,ignore}), with or without the header line, millisecond or
     * microsecond times.
     */
    BINANCE_KLINES_CSV,
    /** The shared spot hourly CSV: {@code date,open,high,low,close,volume,ticker}, {@code date} in UTC. */
    DATED_KLINES_CSV,
    /** freqtrade JSON: {@code [[open_time_ms, open, high, low, close, volume], …]}. */
    FREQTRADE_KLINES_JSON,
    /** data.binance.vision metrics CSV (5-minute rows). */
    METRICS_CSV,
    /** data.binance.vision fundingRate CSV: {@code calc_time,funding_interval_hours,last_funding_rate}. */
    FUNDING_CSV,
    /** freqtrade funding JSON: {@code [[funding_time_ms, funding_rate, 0, 0, 0, 0], …]}. */
    FREQTRADE_FUNDING_JSON,
    /** {@code /fapi/v1/depth} response JSON. */
    DEPTH_JSON,
    /** {@code /fapi/v1/exchangeInfo} response JSON. */
    EXCHANGE_INFO_JSON,
    /** {@code /fapi/v1/leverageBracket} response JSON (array of {@code {symbol, brackets}}). */
    LEVERAGE_BRACKET_JSON
}
