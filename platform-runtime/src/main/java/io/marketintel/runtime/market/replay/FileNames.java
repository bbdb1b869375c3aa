package io.marketintel.runtime.market.replay;

import io.marketintel.api.market.Interval;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises replay files by their published names. Pure: looks at names only, never opens a file.
 *
 * <table>
 *   <caption>Recognised names</caption>
 *   <tr><th>name</th><th>kind</th><th>source</th></tr>
 *   <tr><td>{@code BTCUSDT-1h-2024-01.csv|zip}, {@code BTCUSDT-1m-2024-01-31.csv|zip}</td><td>klines (mark / index
 *   price klines when a parent folder is {@code markPriceKlines} / {@code indexPriceKlines})</td>
 *   <td>data.binance.vision</td></tr>
 *   <tr><td>{@code BTCUSDT-metrics-2024-01-31.csv|zip}</td><td>metrics</td><td>data.binance.vision</td></tr>
 *   <tr><td>{@code BTCUSDT-fundingRate-2024-01.csv|zip}</td><td>funding</td><td>data.binance.vision</td></tr>
 *   <tr><td>{@code BTCUSDT-depth-1723161256493.json}, {@code BTCUSDT-depth.json},
 *   {@code usdm_btcusdt_depth1000_snapshot_20240808.json}</td><td>depth snapshot</td><td>recorded REST</td></tr>
 *   <tr><td>{@code spot_BTCUSDT_1h.csv}</td><td>klines</td><td>the shared spot hourly files</td></tr>
 *   <tr><td>{@code XRP_USDT_USDT-5m-futures.json}, {@code BTC_USDT-1h.json}, {@code XRP_USDT-8h-mark.json},
 *   {@code XRP_USDT-8h-funding_rate.json}</td><td>klines, mark klines, funding</td><td>freqtrade</td></tr>
 *   <tr><td>{@code *exchangeInfo*.json}, {@code *exchange_info*.json}</td><td>exchange info</td><td>recorded REST</td></tr>
 *   <tr><td>{@code *leverageBracket*.json}</td><td>leverage brackets</td><td>recorded REST</td></tr>
 * </table>
 */
final class FileNames {

    /** A file's fate: recognised ({@code file}) or rejected with a reason. */
    record Classification(ReplayFile file, String reason) {
        static Classification of(ReplayFile file) {
            return new Classification(file, null);
        }

        static Classification rejected(String reason) {
            return new Classification(null, reason);
        }

        boolean recognised() {
            return file != null;
        }
    }

    private static final String SYMBOL = "([A-Z0-9]{2,40})";
    private static final Pattern BINANCE_KLINES = Pattern.compile(
            "^" + SYMBOL + "-(\\d+(?:s|m|h|d|w|mo))-(\\d{4})-(\\d{2})(?:-(\\d{2}))?\\.(csv|zip)$");
    private static final Pattern METRICS = Pattern.compile(
            "^" + SYMBOL + "-metrics-(\\d{4})-(\\d{2})-(\\d{2})\\.(csv|zip)$");
    private static final Pattern FUNDING = Pattern.compile(
            "^" + SYMBOL + "-fundingRate-(\\d{4})-(\\d{2})\\.(csv|zip)$");
    private static final Pattern DEPTH = Pattern.compile("^" + SYMBOL + "-depth(?:-(\\d{13,16}))?\\.json$");
    private static final Pattern DEPTH_RECORDED = Pattern.compile(
            "^(?:usdm_)?([a-z0-9]{2,40})_depth\\d*_snapshot(?:_\\d{8})?\\.json$");
    private static final Pattern DATED_KLINES = Pattern.compile("^spot_" + SYMBOL + "_(\\d+[smhdw])\\.csv$");
    private static final Pattern FREQTRADE = Pattern.compile(
            "^([A-Z0-9]{1,30})_([A-Z0-9]{2,10})(?:_([A-Z0-9]{2,10}))?-(\\d+[smhdwM])"
                    + "(?:-(futures|spot|mark|index|funding_rate))?\\.json$");
    private static final Pattern EXCHANGE_INFO = Pattern.compile("(?i)^.*exchange_?info.*\\.json$");
    private static final Pattern LEVERAGE = Pattern.compile("(?i)^.*leverage_?brackets?.*\\.json$");

    private FileNames() {
    }

    /**
     * Classifies the file at {@code path}, {@code name} being its path relative to the replay folder with
     * {@code /} separators.
     */
    static Classification classify(Path path, String name) {
        String file = fileName(name);
        Matcher m;
        if ((m = BINANCE_KLINES.matcher(file)).matches()) {
            Optional<Interval> interval = Interval.fromCode(m.group(2));
            if (interval.isEmpty()) {
                return Classification.rejected("kline interval [" + m.group(2) + "] is not a USDⓈ-M interval "
                        + "(1m … 1w; calendar months and seconds are not supported)");
            }
            if (!validDate(m.group(3), m.group(4), m.group(5))) {
                return Classification.rejected("the date in the name is not a valid date");
            }
            String folder = "/" + name;
            FileKind kind = FileKind.KLINES;
            if (folder.contains("/markPriceKlines/")) {
                kind = FileKind.MARK_PRICE_KLINES;
            } else if (folder.contains("/indexPriceKlines/")) {
                kind = FileKind.INDEX_PRICE_KLINES;
            } else if (folder.contains("/premiumIndexKlines/")) {
                return Classification.rejected("premium index klines are not used by replay (mark and index "
                        + "price klines are)");
            }
            return Classification.of(new ReplayFile(path, name, kind, Layout.BINANCE_KLINES_CSV, m.group(1),
                    interval.get(), "zip".equals(m.group(6)), Long.MIN_VALUE));
        }
        if ((m = METRICS.matcher(file)).matches()) {
            if (!validDate(m.group(2), m.group(3), m.group(4))) {
                return Classification.rejected("the date in the name is not a valid date");
            }
            return Classification.of(new ReplayFile(path, name, FileKind.METRICS, Layout.METRICS_CSV, m.group(1), null,
                    "zip".equals(m.group(5)), Long.MIN_VALUE));
        }
        if ((m = FUNDING.matcher(file)).matches()) {
            if (!validDate(m.group(2), m.group(3), null)) {
                return Classification.rejected("the date in the name is not a valid date");
            }
            return Classification.of(new ReplayFile(path, name, FileKind.FUNDING, Layout.FUNDING_CSV, m.group(1), null,
                    "zip".equals(m.group(4)), Long.MIN_VALUE));
        }
        if ((m = DEPTH.matcher(file)).matches()) {
            long time = m.group(2) == null ? Long.MIN_VALUE : toMillis(Long.parseLong(m.group(2)));
            return Classification.of(new ReplayFile(path, name, FileKind.DEPTH, Layout.DEPTH_JSON, m.group(1), null,
                    false, time));
        }
        if ((m = DEPTH_RECORDED.matcher(file)).matches()) {
            return Classification.of(new ReplayFile(path, name, FileKind.DEPTH, Layout.DEPTH_JSON,
                    m.group(1).toUpperCase(Locale.ROOT), null, false, Long.MIN_VALUE));
        }
        if ((m = DATED_KLINES.matcher(file)).matches()) {
            Optional<Interval> interval = Interval.fromCode(m.group(2));
            if (interval.isEmpty()) {
                return Classification.rejected("kline interval [" + m.group(2) + "] is not a USDⓈ-M interval");
            }
            return Classification.of(new ReplayFile(path, name, FileKind.KLINES, Layout.DATED_KLINES_CSV, m.group(1),
                    interval.get(), false, Long.MIN_VALUE));
        }
        if ((m = FREQTRADE.matcher(file)).matches()) {
            return freqtrade(path, name, m);
        }
        if (EXCHANGE_INFO.matcher(file).matches()) {
            return Classification.of(new ReplayFile(path, name, FileKind.EXCHANGE_INFO, Layout.EXCHANGE_INFO_JSON, null,
                    null, false, Long.MIN_VALUE));
        }
        if (LEVERAGE.matcher(file).matches()) {
            return Classification.of(new ReplayFile(path, name, FileKind.LEVERAGE_BRACKETS,
                    Layout.LEVERAGE_BRACKET_JSON, null, null, false, Long.MIN_VALUE));
        }
        if (file.endsWith(".CHECKSUM")) {
            return Classification.rejected("checksum sidecar of data.binance.vision (not verified by replay)");
        }
        return Classification.rejected("the name matches no replay file pattern");
    }

    private static Classification freqtrade(Path path, String name, Matcher m) {
        String symbol = m.group(1) + m.group(2);
        if (m.group(3) != null && !m.group(3).equals(m.group(2))) {
            return Classification.rejected("freqtrade pair settles in [" + m.group(3) + "], not its quote asset ["
                    + m.group(2) + "]");
        }
        String code = m.group(4);
        Optional<Interval> interval = Interval.fromCode(code);
        String suffix = m.group(5) == null ? "" : m.group(5);
        if ("funding_rate".equals(suffix)) {
            return Classification.of(new ReplayFile(path, name, FileKind.FUNDING, Layout.FREQTRADE_FUNDING_JSON,
                    symbol, null, false, Long.MIN_VALUE));
        }
        if (interval.isEmpty()) {
            return Classification.rejected("kline interval [" + code + "] is not a USDⓈ-M interval");
        }
        FileKind kind = switch (suffix) {
            case "mark" -> FileKind.MARK_PRICE_KLINES;
            case "index" -> FileKind.INDEX_PRICE_KLINES;
            default -> FileKind.KLINES;
        };
        return Classification.of(new ReplayFile(path, name, kind, Layout.FREQTRADE_KLINES_JSON, symbol,
                interval.get(), false, Long.MIN_VALUE));
    }

    private static String fileName(String name) {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? name : name.substring(slash + 1);
    }

    private static boolean validDate(String year, String month, String day) {
        int y = Integer.parseInt(year);
        int mo = Integer.parseInt(month);
        if (y < 2000 || y > 2200 || mo < 1 || mo > 12) {
            return false;
        }
        if (day == null) {
            return true;
        }
        int d = Integer.parseInt(day);
        return d >= 1 && d <= java.time.YearMonth.of(y, mo).lengthOfMonth();
    }

    /** Epoch milliseconds from a millisecond or microsecond stamp (microseconds are above 10^14). */
    static long toMillis(long stamp) {
        return Math.abs(stamp) >= 100_000_000_000_000L ? Math.floorDiv(stamp, 1000) : stamp;
    }
}
