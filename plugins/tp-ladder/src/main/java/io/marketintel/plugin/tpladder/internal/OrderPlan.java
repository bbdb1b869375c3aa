package io.marketintel.plugin.tpladder.internal;

import io.marketintel.api.trading.ConditionalOrderRequest;
import io.marketintel.api.trading.ConditionalOrderType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The conditional orders of a ladder and their client algo ids.
 *
 * <p><b>Ids.</b> A ladder's id is {@code tpl-} + the first 12 hex digits of SHA-256 over
 * {@code symbol|side|entry_price|quantity|num_levels requested|strategy} (decimals in plain notation without
 * trailing zeros, so {@code 1.0} and {@code 1} agree); level {@code i}'s client algo id is {@code <ladder id>-<i>}
 * ({@code tpl-3f2a9c0d1b7e-1}, at most 19 characters). The id names the position and the ladder asked for, not the
 * prices: a retry of the same request after the market moved gets the same ids, so the exchange answers the orders
 * it already holds instead of placing a second ladder. Posting the answer of {@code calculate} as {@code ladder}
 * gives the ids of the request it came from.
 */
final class OrderPlan {

    /** Prefix of every client algo id this plugin sends. */
    static final String PREFIX = "tpl-";

    private OrderPlan() {
    }

    /** The ladder id for a position and the ladder asked for. */
    static String ladderId(String symbol, PositionSide side, BigDecimal entry, BigDecimal quantity, int numLevels,
                           Strategy strategy) {
        String key = symbol + "|" + side + "|" + canonical(entry) + "|" + canonical(quantity) + "|" + numLevels + "|"
                + (strategy == null ? "GIVEN" : strategy.name());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** The ladder id of {@code ladder}. */
    static String ladderId(Ladder ladder) {
        return ladderId(ladder.symbol(), ladder.side(), ladder.entryPrice(), ladder.quantity(),
                ladder.numLevelsRequested(), ladder.strategy());
    }

    /** One reduce-only TAKE_PROFIT_MARKET per level, closing side, the configured working type and protection. */
    static List<ConditionalOrderRequest> orders(Ladder ladder, String ladderId, LadderSettings s) {
        List<ConditionalOrderRequest> out = new ArrayList<>(ladder.tpLevels().size());
        for (TpLevel l : ladder.tpLevels()) {
            out.add(new ConditionalOrderRequest(ladder.symbol(), ladder.side().closingSide(),
                    ConditionalOrderType.TAKE_PROFIT_MARKET, l.quantity(), l.price(), null, null, s.workingType(),
                    true, false, s.priceProtect(), null, null, ladderId + "-" + l.level()));
        }
        return out;
    }

    private static String canonical(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
