package io.marketintel.plugin.meta.internal;

import io.marketintel.api.IntelException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reading the JSON of other plugins' answers (delivered as Vert.x {@link JsonObject}s by {@code ctx.call} or in a
 * caller's {@code market_data}) without trusting its shape: every accessor names the field path when a value has the
 * wrong type. Numbers may arrive as any {@link Number} (integers, doubles, big decimals).
 */
final class Jsons {

    private Jsons() {
    }

    /** A deep copy of {@code o} as plain maps and lists (what the runtime's JSON writer serialises as is). */
    static Map<String, Object> plain(JsonObject o) {
        if (o == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : o.getMap().entrySet()) {
            out.put(e.getKey(), plainValue(e.getValue()));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object plainValue(Object v) {
        if (v instanceof JsonObject j) {
            return plain(j);
        }
        if (v instanceof Map<?, ?> m) {
            return plain(new JsonObject((Map<String, Object>) m));
        }
        if (v instanceof JsonArray a) {
            return plainList(a.getList());
        }
        if (v instanceof List<?> l) {
            return plainList(l);
        }
        return v;
    }

    private static List<Object> plainList(List<?> l) {
        List<Object> out = new ArrayList<>(l.size());
        for (Object item : l) {
            out.add(plainValue(item));
        }
        return out;
    }

    /** The object under {@code key}, null when absent or JSON null. */
    static JsonObject object(JsonObject o, String key, String path) {
        Object v = o.getValue(key);
        if (v == null) {
            return null;
        }
        if (v instanceof JsonObject j) {
            return j;
        }
        throw wrong(path + "." + key, "a JSON object", v);
    }

    /** The array under {@code key}, null when absent or JSON null. */
    static JsonArray array(JsonObject o, String key, String path) {
        Object v = o.getValue(key);
        if (v == null) {
            return null;
        }
        if (v instanceof JsonArray a) {
            return a;
        }
        throw wrong(path + "." + key, "a JSON array", v);
    }

    /** The number under {@code key} as a double, null when absent or JSON null. */
    static Double number(JsonObject o, String key, String path) {
        Object v = o.getValue(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Number n) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? d : null;
        }
        throw wrong(path + "." + key, "a number", v);
    }

    /** The string under {@code key}, null when absent or JSON null. */
    static String string(JsonObject o, String key, String path) {
        Object v = o.getValue(key);
        if (v == null) {
            return null;
        }
        if (v instanceof String s) {
            return s;
        }
        throw wrong(path + "." + key, "a string", v);
    }

    private static IntelException wrong(String path, String what, Object v) {
        String shown = String.valueOf(v);
        if (shown.length() > 60) {
            shown = shown.substring(0, 57) + "...";
        }
        String root = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
        return new IntelException(io.marketintel.api.ErrorCode.INVALID_PARAMETER, "field [" + path + "] must be "
                + what + ", was " + shown, Map.of("parameter", root, "field", path));
    }
}
