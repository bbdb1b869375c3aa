package io.marketintel.plugin.orderrouting.internal;

import io.marketintel.api.trading.Side;
import java.math.BigDecimal;

/**
 * A validated {@code execute} request.
 *
 * @param symbol          symbol (listed by the market)
 * @param side            BUY or SELL
 * @param quantity        base quantity asked for
 * @param algorithm       algorithm asked for
 * @param durationSeconds duration, or null for the configured default
 * @param urgency         urgency
 * @param dryRun          walk the book only, send nothing
 * @param numSlices       TWAP slices, or null to derive them from the duration
 * @param limitPrice      LIMIT price / ICEBERG cap, or null
 * @param seed            seed of the TWAP randomisation, or null to derive it from the execution id
 */
record ExecuteRequest(String symbol, Side side, BigDecimal quantity, Algorithm algorithm, Integer durationSeconds,
                      Urgency urgency, boolean dryRun, Integer numSlices, BigDecimal limitPrice, Long seed) {
}
