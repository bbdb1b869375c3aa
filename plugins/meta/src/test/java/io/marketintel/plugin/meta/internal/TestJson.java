package io.marketintel.plugin.meta.internal;

import io.marketintel.runtime.json.Json;
import io.vertx.core.json.JsonObject;

/**
 * Results as the runtime writes them on the wire ({@code io.marketintel.runtime.json.Json}: snake_case, NaN as null,
 * plain decimals; platform-runtime is a test-only dependency on the class path), read back as Vert.x JSON.
 */
final class TestJson {

    private TestJson() {
    }

    /** {@code value} exactly as the runtime serialises it, parsed. */
    static JsonObject wire(Object value) {
        return new JsonObject(Json.encode(value));
    }
}
