package io.marketintel.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Validated, typed values of an operation's parameters or of a plugin's configuration. Every declared
 * parameter with a default is present; optional parameters without a default are present only when
 * given ({@link #has(String)}). Asking for an undeclared name or for the wrong type is a programming
 * error and throws {@link IllegalArgumentException}.
 *
 * <p>Values are held as {@code String}, {@code Long}, {@code Double}, {@code Boolean},
 * {@code List<String>}, {@code Map<String, String>} or a Vert.x {@code JsonObject}, as {@link ParamType} documents.
 */
public final class Params {

    private static final Params EMPTY = new Params(Map.of());

    private final Map<String, Object> values;

    private Params(Map<String, Object> values) {
        this.values = values;
    }

    /**
     * Typed values keyed by parameter name. The runtime builds these after validation; tests and the
     * testkit may build them directly.
     *
     * @param values values of the documented Java types
     * @return an immutable view
     */
    public static Params of(Map<String, ?> values) {
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (v != null) {
                copy.put(k, freeze(v));
            }
        });
        return copy.isEmpty() ? EMPTY : new Params(Collections.unmodifiableMap(copy));
    }

    /** No values. */
    public static Params empty() {
        return EMPTY;
    }

    private static Object freeze(Object v) {
        if (v instanceof Integer i) {
            return i.longValue();
        }
        if (v instanceof List<?> l) {
            return List.copyOf(l);
        }
        if (v instanceof io.vertx.core.json.JsonObject json) {
            return json.copy();
        }
        if (v instanceof Map<?, ?> m) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(m));
        }
        return v;
    }

    /** Whether a value is present (given or defaulted). */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** A text, symbol or enum value. */
    public String string(String name) {
        return get(name, String.class);
    }

    /** A whole number that fits an {@code int}. */
    public int integer(String name) {
        return Math.toIntExact(get(name, Long.class));
    }

    /** A whole number. */
    public long longValue(String name) {
        return get(name, Long.class);
    }

    /** A decimal number (whole numbers given for a decimal are delivered as decimals). */
    public double decimal(String name) {
        Object v = require(name);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw wrongType(name, "DECIMAL", v);
    }

    /** A boolean. */
    public boolean bool(String name) {
        return get(name, Boolean.class);
    }

    /** An enum value mapped onto {@code type} by constant name. */
    public <E extends Enum<E>> E enumValue(String name, Class<E> type) {
        return Enum.valueOf(type, string(name).toUpperCase(Locale.ROOT));
    }

    /** A list of strings or symbols. */
    @SuppressWarnings("unchecked")
    public List<String> list(String name) {
        return (List<String>) get(name, List.class);
    }

    /** A string map. */
    @SuppressWarnings("unchecked")
    public Map<String, String> map(String name) {
        return (Map<String, String>) get(name, Map.class);
    }

    /** A JSON object ({@link ParamType#OBJECT}). */
    public io.vertx.core.json.JsonObject object(String name) {
        return get(name, io.vertx.core.json.JsonObject.class);
    }

    /** All values, for echoing in results and logs. */
    public Map<String, Object> asMap() {
        return values;
    }

    private <T> T get(String name, Class<T> type) {
        Object v = require(name);
        if (!type.isInstance(v)) {
            throw wrongType(name, type.getSimpleName(), v);
        }
        return type.cast(v);
    }

    private Object require(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("parameter [" + name + "] has no value; declare a default or check has()");
        }
        return v;
    }

    private static IllegalArgumentException wrongType(String name, String wanted, Object v) {
        return new IllegalArgumentException("parameter [" + name + "] is a " + v.getClass().getSimpleName()
                + ", not a " + wanted);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Params p && p.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
