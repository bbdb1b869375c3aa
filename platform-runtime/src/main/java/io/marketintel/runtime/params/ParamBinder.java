package io.marketintel.runtime.params;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketintel.api.ParamSpec;
import io.marketintel.api.Params;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Binds raw values to declared parameters. Raw values are JSON nodes; text from query strings,
 * paths and environment variables arrives as text nodes and is parsed leniently (a JSON string holding a
 * number is accepted for a number too). Lists accept a JSON array or a comma-separated string.
 */
public final class ParamBinder {

    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{2,30}");

    private ParamBinder() {
    }

    /**
     * Binds every declared parameter from {@code raw}: defaults for absent ones, errors for missing
     * required ones and for names that are not declared.
     *
     * @param specs  declarations
     * @param raw    raw values by name (absent names are simply not in the map)
     * @param label  how to name a value in messages: {@code "parameter"} gives {@code parameter [x]}; a
     *               prefix such as {@code "config key [plugins.funding."} gives {@code config key [plugins.funding.x]}
     * @param secret names whose values must never appear in messages
     * @return typed values
     * @throws BindingException naming the first offending value
     */
    public static Params bindAll(List<ParamSpec> specs, Map<String, JsonNode> raw, Label label, Set<String> secret) {
        Map<String, ParamSpec> byName = new LinkedHashMap<>();
        specs.forEach(s -> byName.put(s.name(), s));
        for (String name : raw.keySet()) {
            if (!byName.containsKey(name)) {
                throw BindingException.unknownName(name, label.of(name) + " is not known; known: "
                        + (byName.isEmpty() ? "none" : String.join(", ", byName.keySet())));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParamSpec spec : specs) {
            JsonNode value = raw.get(spec.name());
            if (value == null || value.isNull() || value.isMissingNode()) {
                if (spec.defaultValue() != null) {
                    values.put(spec.name(), spec.defaultValue());
                } else if (spec.required()) {
                    throw new BindingException(spec.name(), label.of(spec.name()) + " is required");
                }
                continue;
            }
            values.put(spec.name(), bind(spec, value, label, secret.contains(spec.name())));
        }
        return Params.of(values);
    }

    /** {@link #bindAll(List, Map, Label, Set)} without secrets. */
    public static Params bindAll(List<ParamSpec> specs, Map<String, JsonNode> raw, Label label) {
        return bindAll(specs, raw, label, Set.of());
    }

    /**
     * Binds one value.
     *
     * @throws BindingException naming the value with {@code label}
     */
    public static Object bind(ParamSpec spec, JsonNode raw, Label label, boolean secret) {
        String name = label.of(spec.name());
        String shown = secret ? "\"****\"" : show(raw);
        try {
            Object value = switch (spec.type()) {
                case STRING -> text(raw, name, shown);
                case INTEGER -> integer(raw, name, shown);
                case DECIMAL -> decimal(raw, name, shown);
                case BOOLEAN -> bool(raw, name, shown);
                case ENUM -> enumeration(spec, raw, name, shown);
                case SYMBOL -> symbol(text(raw, name, shown), name);
                case SYMBOL_LIST -> symbols(list(raw, name, shown), name);
                case STRING_LIST -> list(raw, name, shown);
                case STRING_MAP -> map(raw, name, shown);
                case OBJECT -> object(raw, name, shown);
            };
            checkRange(spec, value, name, shown);
            return value;
        } catch (BindingException e) {
            // The helpers name the value by its label; the exception carries the bare name for details.
            throw new BindingException(spec.name(), e.getMessage());
        }
    }

    private static String text(JsonNode raw, String name, String shown) {
        if (raw.isTextual()) {
            return raw.textValue();
        }
        if (raw.isNumber() || raw.isBoolean()) {
            return raw.asText();
        }
        throw new BindingException(name, name + " must be a string, was " + shown);
    }

    private static long integer(JsonNode raw, String name, String shown) {
        if (raw.isIntegralNumber() && raw.canConvertToLong()) {
            return raw.longValue();
        }
        if (raw.isNumber() && raw.decimalValue().stripTrailingZeros().scale() <= 0 && raw.canConvertToLong()) {
            return raw.longValue();
        }
        if (raw.isTextual()) {
            try {
                return Long.parseLong(raw.textValue().trim());
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw new BindingException(name, name + " must be a whole number, was " + shown);
    }

    private static double decimal(JsonNode raw, String name, String shown) {
        double value;
        if (raw.isNumber()) {
            value = raw.doubleValue();
        } else if (raw.isTextual()) {
            try {
                value = Double.parseDouble(raw.textValue().trim());
            } catch (NumberFormatException e) {
                throw new BindingException(name, name + " must be a number, was " + shown);
            }
        } else {
            throw new BindingException(name, name + " must be a number, was " + shown);
        }
        if (!Double.isFinite(value)) {
            throw new BindingException(name, name + " must be a finite number, was " + shown);
        }
        return value;
    }

    private static boolean bool(JsonNode raw, String name, String shown) {
        if (raw.isBoolean()) {
            return raw.booleanValue();
        }
        if (raw.isTextual()) {
            String t = raw.textValue().trim().toLowerCase(Locale.ROOT);
            if (t.equals("true")) {
                return true;
            }
            if (t.equals("false")) {
                return false;
            }
        }
        throw new BindingException(name, name + " must be true or false, was " + shown);
    }

    private static String enumeration(ParamSpec spec, JsonNode raw, String name, String shown) {
        String t = text(raw, name, shown).trim();
        for (String allowed : spec.allowed()) {
            if (allowed.equalsIgnoreCase(t)) {
                // Exact match wins when two allowed values differ only by case.
                return spec.allowed().contains(t) ? t : allowed;
            }
        }
        throw new BindingException(name, name + " must be one of " + spec.allowed() + ", was " + shown);
    }

    private static String symbol(String text, String name) {
        String s = text.trim().toUpperCase(Locale.ROOT);
        if (!SYMBOL.matcher(s).matches()) {
            throw new BindingException(name, name + " must be a symbol such as BTCUSDT, was \"" + text + "\"");
        }
        return s;
    }

    private static List<String> symbols(List<String> raw, String name) {
        Set<String> seen = new LinkedHashSet<>();
        for (String s : raw) {
            String symbol = symbol(s, name);
            if (!seen.add(symbol)) {
                throw new BindingException(name, name + " lists " + symbol + " twice");
            }
        }
        return List.copyOf(seen);
    }

    private static List<String> list(JsonNode raw, String name, String shown) {
        List<String> out = new ArrayList<>();
        if (raw.isArray()) {
            for (JsonNode item : raw) {
                if (!(item.isTextual() || item.isNumber())) {
                    throw new BindingException(name, name + " must be a list of strings, was " + shown);
                }
                out.add(item.asText().trim());
            }
        } else if (raw.isTextual()) {
            String text = raw.textValue().trim();
            if (!text.isEmpty()) {
                for (String part : text.split(",", -1)) {
                    out.add(part.trim());
                }
            }
        } else {
            throw new BindingException(name, name + " must be a list (JSON array or comma-separated), was " + shown);
        }
        if (out.stream().anyMatch(String::isEmpty)) {
            throw new BindingException(name, name + " contains an empty item, was " + shown);
        }
        return out;
    }

    private static Map<String, String> map(JsonNode raw, String name, String shown) {
        if (!raw.isObject()) {
            throw new BindingException(name, name + " must be a map of names to values, was " + shown);
        }
        Map<String, String> out = new LinkedHashMap<>();
        var fields = raw.fields();
        while (fields.hasNext()) {
            var e = fields.next();
            if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                throw new BindingException(name, name + "." + e.getKey() + " must be a plain value");
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static io.vertx.core.json.JsonObject object(JsonNode raw, String name, String shown) {
        JsonNode node = raw;
        if (raw.isTextual()) {
            try {
                node = io.marketintel.runtime.json.Json.mapper().readTree(raw.textValue());
            } catch (java.io.IOException e) {
                node = null;
            }
        }
        if (node == null || !node.isObject()) {
            throw new BindingException(name, name + " must be a JSON object, was " + shown);
        }
        return new io.vertx.core.json.JsonObject(io.marketintel.runtime.json.Json.mapper().convertValue(node, java.util.Map.class));
    }

    private static void checkRange(ParamSpec spec, Object value, String name, String shown) {
        if (spec.min() == null && spec.max() == null) {
            return;
        }
        double magnitude;
        String what;
        if (value instanceof Number n) {
            magnitude = n.doubleValue();
            what = "be within " + ParamSpec.range(spec.min(), spec.max());
        } else if (value instanceof List<?> l) {
            magnitude = l.size();
            what = "have between " + ParamSpec.range(spec.min(), spec.max()) + " items";
        } else {
            return;
        }
        if ((spec.min() != null && magnitude < spec.min()) || (spec.max() != null && magnitude > spec.max())) {
            String was = value instanceof List<?> l ? l.size() + " items" : shown;
            throw new BindingException(name, name + " must " + what + ", was " + was);
        }
    }

    private static String show(JsonNode raw) {
        String s = raw.toString();
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }

    /** How values are named in messages. */
    @FunctionalInterface
    public interface Label {
        /** The words naming {@code name}, e.g. {@code parameter [num_levels]}. */
        String of(String name);

        /** {@code parameter [name]}. */
        static Label parameter() {
            return n -> "parameter [" + n + "]";
        }

        /** {@code config key [prefix.name]}. */
        static Label configKey(String prefix) {
            return n -> "config key [" + prefix + n + "]";
        }
    }
}
