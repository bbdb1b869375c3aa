package io.marketintel.api;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The declaration of one operation parameter or one configuration key. The runtime validates every
 * incoming value against it (type, range, allowed values, required) before the plugin runs and
 * hands the plugin typed values through {@link Params}.
 *
 * <p>Build them with the static factories and refine with the {@code with…} methods:
 * <pre>{@code
 * ParamSpec.integer("num_levels", 5).range(1, 50).describe("levels per side")
 * }</pre>
 *
 * @param name         snake_case name as it appears in query strings, JSON bodies and config files
 * @param type         value type
 * @param required     whether a value must be given (only meaningful without a default)
 * @param defaultValue the value used when none is given, already of the delivered Java type, or null
 * @param min          inclusive lower bound for numbers, minimum size for lists, or null
 * @param max          inclusive upper bound for numbers, maximum size for lists, or null
 * @param allowed      the allowed values of an {@link ParamType#ENUM}, empty otherwise; input matches them
 *                     case-insensitively and the plugin receives the declared spelling
 * @param description  one line for the console and {@code GET /api/plugins}
 */
public record ParamSpec(
        String name,
        ParamType type,
        boolean required,
        Object defaultValue,
        Double min,
        Double max,
        List<String> allowed,
        String description) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    public ParamSpec {
        Objects.requireNonNull(name, "property [name] is missing for a parameter");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("parameter name [" + name + "] must be snake_case");
        }
        Objects.requireNonNull(type, () -> "property [type] is missing for parameter [" + name + "]");
        allowed = allowed == null ? List.of() : List.copyOf(allowed);
        description = description == null ? "" : description;
        if (type == ParamType.ENUM && allowed.isEmpty()) {
            throw new IllegalArgumentException("enum parameter [" + name + "] declares no allowed values");
        }
        if (min != null && max != null && min > max) {
            throw new IllegalArgumentException("parameter [" + name + "] has min " + min + " > max " + max);
        }
        if (defaultValue != null) {
            checkDefault(name, type, defaultValue, min, max, allowed);
        }
    }

    private static void checkDefault(String name, ParamType type, Object value, Double min, Double max,
                                     List<String> allowed) {
        boolean typeOk = switch (type) {
            case STRING, SYMBOL -> value instanceof String;
            case ENUM -> value instanceof String s && allowed.contains(s);
            case INTEGER -> value instanceof Long;
            case DECIMAL -> value instanceof Double d && Double.isFinite(d);
            case BOOLEAN -> value instanceof Boolean;
            case SYMBOL_LIST, STRING_LIST -> value instanceof List<?> l && l.stream().allMatch(String.class::isInstance);
            case OBJECT -> false;
            case STRING_MAP -> value instanceof java.util.Map<?, ?> m
                    && m.keySet().stream().allMatch(String.class::isInstance)
                    && m.values().stream().allMatch(String.class::isInstance);
        };
        if (!typeOk) {
            throw new IllegalArgumentException("default [" + value + "] of parameter [" + name + "] is not a valid "
                    + type);
        }
        double magnitude = switch (type) {
            case INTEGER -> ((Long) value).doubleValue();
            case DECIMAL -> (Double) value;
            case SYMBOL_LIST, STRING_LIST -> ((List<?>) value).size();
            default -> Double.NaN;
        };
        if (!Double.isNaN(magnitude) && ((min != null && magnitude < min) || (max != null && magnitude > max))) {
            throw new IllegalArgumentException("default [" + value + "] of parameter [" + name
                    + "] is outside its range " + range(min, max));
        }
    }

    /** Human form of a range, {@code [1, 50]}. */
    public static String range(Double min, Double max) {
        return "[" + (min == null ? "-inf" : format(min)) + ", " + (max == null ? "+inf" : format(max)) + "]";
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** A text parameter with a default. */
    public static ParamSpec string(String name, String defaultValue) {
        return new ParamSpec(name, ParamType.STRING, false, defaultValue, null, null, List.of(), "");
    }

    /** A whole-number parameter with a default. */
    public static ParamSpec integer(String name, long defaultValue) {
        return new ParamSpec(name, ParamType.INTEGER, false, defaultValue, null, null, List.of(), "");
    }

    /** A decimal parameter with a default. */
    public static ParamSpec decimal(String name, double defaultValue) {
        return new ParamSpec(name, ParamType.DECIMAL, false, defaultValue, null, null, List.of(), "");
    }

    /** A boolean parameter with a default. */
    public static ParamSpec bool(String name, boolean defaultValue) {
        return new ParamSpec(name, ParamType.BOOLEAN, false, defaultValue, null, null, List.of(), "");
    }

    /** An enumerated parameter; {@code defaultValue} must be one of {@code allowed}. */
    public static ParamSpec enumeration(String name, String defaultValue, List<String> allowed) {
        return new ParamSpec(name, ParamType.ENUM, false, defaultValue, null, null, allowed, "");
    }

    /** An enumerated parameter over the constants of {@code type}. */
    public static <E extends Enum<E>> ParamSpec enumeration(String name, E defaultValue, Class<E> type) {
        List<String> names = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        return new ParamSpec(name, ParamType.ENUM, false, defaultValue == null ? null : defaultValue.name(), null,
                null, names, "");
    }

    /** A single symbol parameter without a default. */
    public static ParamSpec symbol(String name) {
        return new ParamSpec(name, ParamType.SYMBOL, false, null, null, null, List.of(), "");
    }

    /** A list of symbols without a default. */
    public static ParamSpec symbolList(String name) {
        return new ParamSpec(name, ParamType.SYMBOL_LIST, false, null, null, null, List.of(), "");
    }

    /** An optional JSON object parameter (no default). */
    public static ParamSpec object(String name) {
        return new ParamSpec(name, ParamType.OBJECT, false, null, null, null, List.of(), "");
    }

    /** A list of strings with a default. */
    public static ParamSpec stringList(String name, List<String> defaultValue) {
        return new ParamSpec(name, ParamType.STRING_LIST, false, defaultValue == null ? null : List.copyOf(defaultValue),
                null, null, List.of(), "");
    }

    /** A string map with a default (configuration). */
    public static ParamSpec stringMap(String name, java.util.Map<String, String> defaultValue) {
        return new ParamSpec(name, ParamType.STRING_MAP, false,
                defaultValue == null ? null : java.util.Map.copyOf(defaultValue), null, null, List.of(), "");
    }

    /** This declaration with inclusive bounds (values for numbers, sizes for lists). */
    public ParamSpec range(double min, double max) {
        return new ParamSpec(name, type, required, defaultValue, min, max, allowed, description);
    }

    /** This declaration with an inclusive lower bound. */
    public ParamSpec atLeast(double min) {
        return new ParamSpec(name, type, required, defaultValue, min, max, allowed, description);
    }

    /** This declaration without a default and required. */
    public ParamSpec require() {
        return new ParamSpec(name, type, true, null, min, max, allowed, description);
    }

    /** This declaration without a default and optional (the plugin checks {@link Params#has(String)}). */
    public ParamSpec optional() {
        return new ParamSpec(name, type, false, null, min, max, allowed, description);
    }

    /** This declaration with a description. */
    public ParamSpec describe(String text) {
        return new ParamSpec(name, type, required, defaultValue, min, max, allowed, text);
    }
}
