/**
 * Technical-analysis kernels on {@code double[]}: fast, allocation-free, and numerically the same
 * as TA-Lib — for plugins and third parties.
 *
 * <h2>Where to start</h2>
 * <ul>
 *   <li>{@link io.marketintel.api.ta.MovingAverages}: SMA, EMA;</li>
 *   <li>{@link io.marketintel.api.ta.Oscillators}: RSI (Wilder), MACD (line, signal, histogram);</li>
 *   <li>{@link io.marketintel.api.ta.Volatility}: true range, ATR (Wilder), rolling standard
 *       deviation (population like TA-Lib, or sample);</li>
 *   <li>{@link io.marketintel.api.ta.Directional}: ADX with +DI and −DI;</li>
 *   <li>{@link io.marketintel.api.ta.Statistics}: simple and log returns, Pearson correlation of two
 *       series or of many at once (correlation matrix), OLS beta, z-scores.</li>
 * </ul>
 * <pre>{@code
 * double[] close = …;                                   // oldest first
 * double[] rsi = new double[close.length];
 * Oscillators.rsi(close, 14, rsi);                      // rsi[0..13] are NaN
 * double last = rsi[close.length - 1];
 * int warmUp = Oscillators.rsiLookback(14);             // 14
 * }</pre>
 *
 * <h2>Conventions</h2>
 * <ul>
 *   <li>Static pure functions. Series kernels take the input arrays and a caller-supplied output
 *       array at least as long as the input, and write exactly one value per input bar: output
 *       index {@code i} belongs to input bar {@code i}. Each indicator has a {@code …Lookback(…)}
 *       function giving the number of leading {@code NaN}s (the warm-up). Allocating variants that
 *       return new arrays exist for convenience.</li>
 *   <li>One pass, no boxing, no streams, no allocation inside loops; outputs must be arrays distinct
 *       from the inputs and from each other. The classes hold no state: calls are thread-safe as
 *       long as threads do not share output arrays.</li>
 *   <li>Invalid arguments (null arrays, periods out of range, unequal lengths, short outputs) throw
 *       {@link java.lang.IllegalArgumentException} with a message naming the argument. Values are
 *       not checked: a {@code NaN} in the input propagates to the outputs that depend on it.</li>
 * </ul>
 *
 * <h2>Seeding: TA-Lib's, on purpose</h2>
 * Recursive indicators need a first value. These kernels use TA-Lib's default ("classic")
 * conventions, so their values match TA-Lib's published regression tests:
 * <ul>
 *   <li>EMA: seeded with the SMA of the first {@code period} values (lookback {@code period − 1}).</li>
 *   <li>RSI, ATR: Wilder's — the first average gain/loss or true range is the simple average of the
 *       first {@code period} changes (bars 1 … period), then {@code avg = (avg·(n−1) + x)/n}
 *       (lookback {@code period}).</li>
 *   <li>+DI/−DI/ADX: smoothed DM and TR start as the sums over bars 1 … period−1, the first DI is at
 *       bar {@code period}, the first ADX is the mean of the first {@code period} DX values, at bar
 *       {@code 2·period − 1}.</li>
 *   <li>MACD: both EMAs start at bar {@code slow − 1}; the fast EMA is seeded with the SMA of the
 *       {@code fast} bars ending there (it ignores earlier bars), the signal with the SMA of the first
 *       {@code signal} MACD values; all three lines start at {@code slow + signal − 2}.</li>
 * </ul>
 * TA-Lib's "unstable period" setting defaults to 0 and these kernels have none: like TA-Lib they
 * publish values from the lookback on. Those early values still carry the seed. Libraries that seed
 * differently (ta4j and Metastock start EMAs and Wilder averages at the first bar) converge to the
 * same numbers as the seed's weight decays: {@code (1 − 2/(n+1))^k} for EMA (about 10 × period bars
 * for 1e-9), {@code (1 − 1/n)^k} for Wilder averages (about 20 × period for 1e-6, 30 × period for
 * ADX, which smooths twice). Where early values matter, ignore that many bars.
 *
 * <p>Deviations from TA-Lib, both deliberate: TA-Lib treats magnitudes below {@code 1e-8} as zero in
 * RSI and DX (wrong for assets priced far below one unit), these kernels only treat exact zeros as
 * zero; and MACD rejects {@code slow <= fast} instead of swapping them.
 */
package io.marketintel.api.ta;
