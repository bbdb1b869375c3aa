package io.marketintel.runtime.market.binance;

import java.util.Map;

/**
 * Health of the Binance connector for {@code GET /api/health}. Times are epoch milliseconds of the local
 * clock; "none" is null.
 *
 * @param state                  UP; DEGRADED (paused after a 429, a circuit not closed, or budget queueing);
 *                               DOWN (banned after a 418, or every circuit open)
 * @param baseUrl                REST base URL
 * @param credentials            whether signed endpoints can be called
 * @param weightUsed             request weight spent in the last minute (own sends plus the server's correction)
 * @param weightLimit            the per-minute weight this process keeps to (announced limit minus margin)
 * @param weightLimitAnnounced   the per-minute REQUEST_WEIGHT limit from exchangeInfo
 * @param serverUsedWeight       the latest {@code X-MBX-USED-WEIGHT-1M}, or null before the first answer
 * @param orders10s              orders in the last 10 s
 * @param orders10sLimit         orders per 10 s kept to
 * @param orders1m               orders in the last minute
 * @param orders1mLimit          orders per minute kept to
 * @param statisticsRequests     {@code /futures/data/*} calls in the last 5 min
 * @param statisticsRequestLimit statistics calls per 5 min kept to
 * @param queued                 requests waiting for budget
 * @param inFlight               requests on the wire
 * @param pausedUntil            end of a 429 pause, or null
 * @param bannedUntil            end of a 418 ban, or null
 * @param circuits               circuit state per endpoint family (CLOSED, OPEN, HALF_OPEN)
 * @param lastError              message of the latest failure, or null
 * @param lastErrorAt            when it happened, or null
 * @param clockOffsetMs          Binance server time − local time
 * @param lastTimeSync           when the offset was last measured, or null
 */
public record BinanceStatus(
        String state,
        String baseUrl,
        boolean credentials,
        int weightUsed,
        int weightLimit,
        int weightLimitAnnounced,
        Integer serverUsedWeight,
        int orders10s,
        int orders10sLimit,
        int orders1m,
        int orders1mLimit,
        int statisticsRequests,
        int statisticsRequestLimit,
        int queued,
        int inFlight,
        Long pausedUntil,
        Long bannedUntil,
        Map<String, String> circuits,
        String lastError,
        Long lastErrorAt,
        long clockOffsetMs,
        Long lastTimeSync) {

    public BinanceStatus {
        circuits = Map.copyOf(circuits);
    }
}
