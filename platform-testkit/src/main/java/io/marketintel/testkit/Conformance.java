package io.marketintel.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketintel.api.Analyzer;
import io.marketintel.api.Executor;
import io.marketintel.api.Method;
import io.marketintel.api.Operation;
import io.marketintel.api.ParamSpec;
import io.marketintel.api.ParamType;
import io.marketintel.api.Params;
import io.marketintel.api.PathParam;
import io.marketintel.api.PlatformApi;
import io.marketintel.api.Plugin;
import io.marketintel.api.PluginDescriptor;
import io.marketintel.api.PluginKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks every plugin should pass, built-in or third-party. One line in a plugin's tests:
 *
 * <pre>{@code
 * @Test
 * void passesTheConformanceChecks() {
 *     Conformance.assertConforms(new MyPlugin());
 * }
 * }</pre>
 *
 * <p>Static checks: the descriptor is readable, valid and matches the interface implemented; the API version is
 * one this platform runs; operations are declared, with unique names and routes, mutating ones not on GET;
 * parameter and configuration defaults lie within their ranges and allowed values; {@code checkConfig} accepts the
 * defaults. Then, on the simulated market (see {@link PluginHarness}): the plugin starts with its default
 * configuration; every operation answers 2xx when invoked with its defaults (symbols, and made-up values for
 * required parameters where that is possible); the answer is {@code {"data": …}} with snake_case field names;
 * a bad value of each declared parameter, and an undeclared one, is refused with 400 {@code INVALID_PARAMETER}
 * naming it; a read-only operation does not fail (5xx) at the ends of its declared ranges; no handler holds the
 * plugin's thread beyond the threshold (1 s, as the platform's). Executors run on the harness's paper exchange,
 * never a live one. Descriptions missing from
 * operations, parameters or configuration keys are warnings, not failures.
 */
public final class Conformance {

    /** Field names that are not snake_case: camelCase or PascalCase, or with spaces or hyphens between words. */
    private static final Pattern NOT_SNAKE = Pattern.compile(".*[a-z0-9][A-Z].*|[A-Z][a-z].*|.*\\s.*|[a-z]+(-[a-z]+)+");

    private Conformance() {
    }

    /** How a check ended. */
    public enum Outcome {
        /** Satisfied. */
        PASS,
        /** Not satisfied: the plugin does not conform. */
        FAIL,
        /** Worth fixing, does not fail the plugin (missing descriptions). */
        WARN,
        /** Not run, with the reason (what the options need to run it). */
        SKIP
    }

    /**
     * One check.
     *
     * @param name    what was checked
     * @param outcome how it ended
     * @param detail  what was found
     */
    public record Check(String name, Outcome outcome, String detail) {
        @Override
        public String toString() {
            return outcome + "  " + name + (detail == null || detail.isEmpty() ? "" : ": " + detail);
        }
    }

    /**
     * The outcome of every check for one plugin.
     *
     * @param plugin the plugin id (or its class when the descriptor cannot be read)
     * @param checks every check in order
     */
    public record Report(String plugin, List<Check> checks) {

        /** Whether no check failed. */
        public boolean passed() {
            return checks.stream().noneMatch(c -> c.outcome() == Outcome.FAIL);
        }

        /** The failed checks. */
        public List<Check> failures() {
            return checks.stream().filter(c -> c.outcome() == Outcome.FAIL).toList();
        }

        /** The check named {@code name}, or null. */
        public Check check(String name) {
            return checks.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder("conformance of plugin [" + plugin + "]: "
                    + (passed() ? "passed" : failures().size() + " check(s) failed"));
            checks.forEach(c -> b.append("\n  ").append(c));
            return b.toString();
        }
    }

    /**
     * What the checks need to know about a plugin beyond its declarations.
     *
     * @param symbol           the symbol for operations that take one ({@code BTCUSDT})
     * @param symbols          symbols to make up symbol-list parameters from
     * @param at               the fixed time of the simulated market
     * @param seed             the seed of the simulated market
     * @param blockedThreshold holding the plugin's thread longer than this fails the check
     * @param operationTimeout the deadline of one call
     * @param params           per operation, parameter values to use instead of (or on top of) the defaults
     * @param pathValues       per operation, the symbol or id to use in its path
     * @param config           the plugin's configuration (its {@code plugins.<id>} section), defaults when empty
     * @param skipped          per operation, why it is not invoked
     * @param companions       other plugins started next to the one checked (with their defaults), for a plugin
     *                         that calls their operations over the bus; only the checked one is checked
     */
    public record Options(String symbol, List<String> symbols, Instant at, long seed, Duration blockedThreshold,
                          Duration operationTimeout, Map<String, Map<String, Object>> params,
                          Map<String, String> pathValues, Map<String, Object> config, Map<String, String> skipped,
                          List<Plugin> companions) {

        /** Copies the collections. */
        public Options {
            symbols = List.copyOf(symbols);
            params = Map.copyOf(params);
            pathValues = Map.copyOf(pathValues);
            config = Map.copyOf(config);
            skipped = Map.copyOf(skipped);
            companions = List.copyOf(companions);
        }

        /** Starts {@code plugins} next to the one checked (it calls their operations). */
        public Options with(Plugin... plugins) {
            List<Plugin> c = new ArrayList<>(companions);
            c.addAll(List.of(plugins));
            return new Options(symbol, symbols, at, seed, blockedThreshold, operationTimeout, params, pathValues, config,
                    skipped, c);
        }

        /** BTCUSDT, the majors, {@link PluginHarness#DEFAULT_TIME}, the default seed, 1 s, 30 s. */
        public static Options defaults() {
            return new Options(PluginHarness.DEFAULT_SYMBOL, List.of("BTCUSDT", "ETHUSDT", "BNBUSDT", "SOLUSDT"),
                    PluginHarness.DEFAULT_TIME, 42, Duration.ofSeconds(1), Duration.ofSeconds(30), Map.of(), Map.of(),
                    Map.of(), Map.of(), List.of());
        }

        /** Uses {@code values} for the parameters of {@code operation}. */
        public Options withParams(String operation, Map<String, ?> values) {
            Map<String, Map<String, Object>> p = new LinkedHashMap<>(params);
            p.put(operation, Map.copyOf(values));
            return new Options(symbol, symbols, at, seed, blockedThreshold, operationTimeout, p, pathValues, config, skipped,
                    companions);
        }

        /** Invokes {@code operation} on {@code value} (a symbol or an id). */
        public Options withPathValue(String operation, String value) {
            Map<String, String> p = new LinkedHashMap<>(pathValues);
            p.put(operation, value);
            return new Options(symbol, symbols, at, seed, blockedThreshold, operationTimeout, params, p, config, skipped,
                    companions);
        }

        /** Does not invoke {@code operation}, for the reason given (reported). */
        public Options skipping(String operation, String why) {
            Map<String, String> s = new LinkedHashMap<>(skipped);
            s.put(operation, why);
            return new Options(symbol, symbols, at, seed, blockedThreshold, operationTimeout, params, pathValues, config, s,
                    companions);
        }

        /** Runs the plugin with this configuration instead of its defaults. */
        public Options withConfig(Map<String, ?> values) {
            return new Options(symbol, symbols, at, seed, blockedThreshold, operationTimeout, params, pathValues,
                    Map.copyOf(values), skipped, companions);
        }

        /** Another symbol for operations that take one. */
        public Options withSymbol(String s) {
            return new Options(s, symbols, at, seed, blockedThreshold, operationTimeout, params, pathValues, config, skipped,
                    companions);
        }

        /** Another threshold for holding the plugin's thread. */
        public Options withBlockedThreshold(Duration threshold) {
            return new Options(symbol, symbols, at, seed, threshold, operationTimeout, params, pathValues, config, skipped,
                    companions);
        }

        /** Another time of the simulated market. */
        public Options at(Instant time) {
            return new Options(symbol, symbols, time, seed, blockedThreshold, operationTimeout, params, pathValues, config,
                    skipped, companions);
        }
    }

    /**
     * The plugins ({@link Analyzer} and {@link Executor} providers) of the modules in {@code layer} and its parents,
     * in the order {@link ServiceLoader} finds them: {@code pluginsIn(ModuleLayer.boot())} gives every plugin on the
     * module path of a test.
     */
    public static List<Plugin> pluginsIn(ModuleLayer layer) {
        List<Plugin> plugins = new ArrayList<>();
        ServiceLoader.load(layer, Analyzer.class).forEach(plugins::add);
        ServiceLoader.load(layer, Executor.class).forEach(plugins::add);
        return plugins;
    }

    /** Runs every check with the default options and fails with the report when one fails. */
    public static void assertConforms(Plugin plugin) {
        assertConforms(plugin, Options.defaults());
    }

    /** Runs every check and fails with the report when one fails. */
    public static void assertConforms(Plugin plugin, Options options) {
        Report report = check(plugin, options);
        if (!report.passed()) {
            throw new AssertionError(report.toString());
        }
    }

    /** Runs every check with the default options. */
    public static Report check(Plugin plugin) {
        return check(plugin, Options.defaults());
    }

    /** Runs every check. */
    public static Report check(Plugin plugin, Options options) {
        List<Check> checks = new ArrayList<>();
        PluginDescriptor d;
        try {
            d = plugin.descriptor();
        } catch (RuntimeException | LinkageError e) {
            checks.add(fail("descriptor", "descriptor() throws " + e));
            return new Report(plugin.getClass().getName(), checks);
        }
        if (d == null) {
            checks.add(fail("descriptor", "descriptor() returns null"));
            return new Report(plugin.getClass().getName(), checks);
        }
        checks.add(pass("descriptor", "id [" + d.id() + "], route prefix [" + d.routePrefix() + "], version "
                + d.version()));
        PluginKind actual = plugin instanceof Executor ? PluginKind.EXECUTOR : PluginKind.ANALYZER;
        checks.add(d.kind() == actual ? pass("kind", actual.name())
                : fail("kind", "the descriptor says " + d.kind() + " but the plugin implements " + actual));
        checks.add(apiVersion(d));

        List<Operation> operations;
        try {
            operations = plugin.operations();
        } catch (RuntimeException | LinkageError e) {
            checks.add(fail("operations", "operations() throws " + e));
            return new Report(d.id(), checks);
        }
        if (operations == null || operations.isEmpty() || operations.stream().anyMatch(Objects::isNull)) {
            checks.add(fail("operations", operations == null ? "operations() returns null"
                    : operations.isEmpty() ? "no operation is declared" : "operations() contains null"));
            return new Report(d.id(), checks);
        }
        checks.add(pass("operations", operations.stream().map(Operation::name).toList().toString()));
        checks.add(uniqueNamesAndRoutes(d, operations));
        checks.add(mutatingNotOnGet(operations));
        checks.add(defaults(d, operations));
        checks.add(checkConfigAcceptsDefaults(plugin, d));
        Check described = descriptions(d, operations);
        if (described != null) {
            checks.add(described);
        }
        if (checks.stream().anyMatch(c -> c.outcome() == Outcome.FAIL)) {
            checks.add(skip("runs on the simulated market", "fix the failures above first"));
            return new Report(d.id(), checks);
        }
        run(plugin, d, operations, options, checks);
        return new Report(d.id(), checks);
    }

    private static Check apiVersion(PluginDescriptor d) {
        try {
            return PlatformApi.isCompatible(d.apiVersion())
                    ? pass("api version", d.apiVersion() + " runs on this platform (" + PlatformApi.VERSION + ")")
                    : fail("api version", "built for platform API " + d.apiVersion() + ", this platform offers "
                    + PlatformApi.VERSION + " (same major version and a minor version not newer are required)");
        } catch (IllegalArgumentException e) {
            return fail("api version", e.getMessage());
        }
    }

    private static Check uniqueNamesAndRoutes(PluginDescriptor d, List<Operation> operations) {
        Set<String> names = new HashSet<>();
        Set<String> routes = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (Operation op : operations) {
            if (!names.add(op.name())) {
                problems.add("operation [" + op.name() + "] is declared twice");
            }
            String route = op.method() + " /api/intelligence/" + d.routePrefix() + (op.path().isEmpty() ? "" : "/"
                    + op.path()) + (op.pathParam() == PathParam.NONE ? "" : "/{" + op.pathParam().name()
                    .toLowerCase(Locale.ROOT) + "}");
            String shape = op.method() + " " + op.path() + (op.pathParam() == PathParam.NONE ? "" : "/{}");
            if (!routes.add(shape)) {
                problems.add("two operations share the route " + route);
            }
        }
        return problems.isEmpty() ? pass("unique operation names and routes", operations.size() + " routes")
                : fail("unique operation names and routes", String.join("; ", problems));
    }

    private static Check mutatingNotOnGet(List<Operation> operations) {
        List<String> wrong = operations.stream().filter(op -> op.mutating() && op.method() == Method.GET)
                .map(Operation::name).toList();
        return wrong.isEmpty() ? pass("mutating operations are not GET", "")
                : fail("mutating operations are not GET", "mutating but GET: " + wrong);
    }

    private static Check defaults(PluginDescriptor d, List<Operation> operations) {
        List<String> problems = new ArrayList<>();
        for (Operation op : operations) {
            for (ParamSpec p : op.params()) {
                String problem = defaultProblem(p);
                if (problem != null) {
                    problems.add("parameter [" + p.name() + "] of operation [" + op.name() + "]: " + problem);
                }
            }
        }
        for (ParamSpec p : d.config()) {
            String problem = defaultProblem(p);
            if (problem == null && p.defaultValue() == null && !p.required()) {
                problem = "a configuration key needs a default (the plugin runs without a config section)";
            }
            if (problem != null) {
                problems.add("config key [" + p.name() + "]: " + problem);
            }
        }
        return problems.isEmpty() ? pass("parameter and configuration defaults", "within their ranges")
                : fail("parameter and configuration defaults", String.join("; ", problems));
    }

    private static String defaultProblem(ParamSpec p) {
        Object v = p.defaultValue();
        if (v == null) {
            return null;
        }
        if (p.required()) {
            return "is required yet has a default";
        }
        double magnitude = switch (p.type()) {
            case INTEGER -> ((Number) v).doubleValue();
            case DECIMAL -> ((Number) v).doubleValue();
            case SYMBOL_LIST, STRING_LIST -> ((List<?>) v).size();
            default -> Double.NaN;
        };
        if (!Double.isNaN(magnitude) && ((p.min() != null && magnitude < p.min()) || (p.max() != null
                && magnitude > p.max()))) {
            return "default " + v + " is outside " + ParamSpec.range(p.min(), p.max());
        }
        if (p.type() == ParamType.ENUM && !p.allowed().contains(String.valueOf(v))) {
            return "default " + v + " is not one of " + p.allowed();
        }
        return null;
    }

    private static Check checkConfigAcceptsDefaults(Plugin plugin, PluginDescriptor d) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        d.config().forEach(p -> {
            if (p.defaultValue() != null) {
                defaults.put(p.name(), p.defaultValue());
            }
        });
        try {
            plugin.checkConfig(Params.of(defaults));
            return pass("checkConfig accepts the defaults", defaults.size() + " keys");
        } catch (IllegalArgumentException e) {
            return fail("checkConfig accepts the defaults", "rejects them: " + e.getMessage());
        } catch (RuntimeException e) {
            return fail("checkConfig accepts the defaults", "throws " + e + " (reject bad values with "
                    + "IllegalArgumentException naming the keys)");
        }
    }

    private static Check descriptions(PluginDescriptor d, List<Operation> operations) {
        List<String> missing = new ArrayList<>();
        for (Operation op : operations) {
            if (op.description().isBlank()) {
                missing.add("operation [" + op.name() + "]");
            }
            op.params().stream().filter(p -> p.description().isBlank())
                    .forEach(p -> missing.add("parameter [" + op.name() + "." + p.name() + "]"));
        }
        d.config().stream().filter(p -> p.description().isBlank()).forEach(p -> missing.add("config key [" + p.name() + "]"));
        if (d.description().isBlank()) {
            missing.add("the plugin");
        }
        return missing.isEmpty() ? null : new Check("descriptions", Outcome.WARN, "the console shows descriptions; "
                + "missing for " + String.join(", ", missing));
    }

    private static void run(Plugin plugin, PluginDescriptor d, List<Operation> operations, Options o, List<Check> checks) {
        List<Plugin> started = new ArrayList<>();
        started.add(plugin);
        started.addAll(o.companions());
        PluginHarness.Builder builder = PluginHarness.builder(started.toArray(Plugin[]::new)).at(o.at()).seed(o.seed())
                .blockedThreshold(o.blockedThreshold()).operationTimeout(o.operationTimeout());
        if (!o.config().isEmpty()) {
            builder.config(d.id(), o.config());
        }
        PluginHarness harness;
        try {
            harness = builder.start();
        } catch (RuntimeException e) {
            checks.add(fail("starts with its default configuration", e.getMessage()));
            return;
        }
        try (harness) {
            checks.add(pass("starts with its default configuration", ""));
            for (Operation op : operations) {
                invoke(harness, d.id(), op, o, checks);
            }
        } catch (RuntimeException e) {
            checks.add(fail("stops", e.toString()));
        }
    }

    private static void invoke(PluginHarness harness, String id, Operation op, Options o, List<Check> checks) {
        String name = "invoke [" + op.name() + "] with its defaults";
        if (o.skipped().containsKey(op.name())) {
            checks.add(skip(name, o.skipped().get(op.name())));
            return;
        }
        String pathValue = switch (op.pathParam()) {
            case NONE -> null;
            case SYMBOL -> o.pathValues().getOrDefault(op.name(), o.symbol());
            case ID -> o.pathValues().get(op.name());
        };
        if (op.pathParam() == PathParam.ID && pathValue == null) {
            checks.add(skip(name, "it takes an {id}: give one with Options.withPathValue(\"" + op.name() + "\", …)"));
            return;
        }
        Map<String, Object> params = new LinkedHashMap<>(o.params().getOrDefault(op.name(), Map.of()));
        // Made-up symbols differ from the path's and from each other (a pair, a hedge for another symbol).
        Set<String> used = new HashSet<>();
        if (op.pathParam() == PathParam.SYMBOL) {
            used.add(pathValue);
        }
        for (ParamSpec p : op.params()) {
            if (p.required() && !params.containsKey(p.name())) {
                Object made = madeUp(p, o, used);
                if (made == null) {
                    checks.add(skip(name, "parameter [" + p.name() + "] (" + p.type() + ") is required and cannot be "
                            + "made up: give it with Options.withParams(\"" + op.name() + "\", …)"));
                    return;
                }
                params.put(p.name(), made);
            }
        }
        String call = op.method() + " " + op.name() + (pathValue == null ? "" : "/" + pathValue)
                + (params.isEmpty() ? "" : " " + params);
        Answer first;
        try {
            first = harness.call(id, op.name(), pathValue, params);
        } catch (RuntimeException e) {
            checks.add(fail(name, call + " did not complete: " + e.getMessage()));
            return;
        }
        if (!first.ok()) {
            checks.add(fail(name, call + " answered " + first.status() + " " + first.body().path("error")));
            return;
        }
        checks.add(pass(name, call + " answered " + first.status()));
        checks.add(json(op, first));
        checks.add(rejectsBadParameters(harness, id, op, pathValue, params));
        if (!op.mutating()) {
            Check extremes = acceptsItsRanges(harness, id, op, pathValue, params);
            if (extremes != null) {
                checks.add(extremes);
            }
        }
        double held = first.heldMillis();
        if (!op.mutating()) {
            // Once more, warm: what a steady caller sees.
            Answer again = harness.call(id, op.name(), pathValue, params);
            held = Math.max(held, again.heldMillis());
        }
        long limit = o.blockedThreshold().toMillis();
        checks.add(held <= limit
                ? pass("[" + op.name() + "] does not block", String.format(Locale.ROOT, "held its thread at most %.1f ms",
                held))
                : fail("[" + op.name() + "] does not block", String.format(Locale.ROOT, "held its thread %.0f ms, more "
                + "than %d ms: handlers must not block; move heavy or blocking work to vertx.executeBlocking", held,
                limit)));
    }

    /**
     * Sends one bad value per declared parameter (wrong type, out of range, not an allowed value) and one undeclared
     * parameter; each must be refused before the plugin runs with 400 INVALID_PARAMETER naming that parameter, as the
     * REST route and the bus answer it.
     */
    private static Check rejectsBadParameters(PluginHarness harness, String id, Operation op, String pathValue,
                                              Map<String, Object> valid) {
        String name = "[" + op.name() + "] rejects bad parameters with 400 naming them";
        Map<String, Object> probes = new LinkedHashMap<>();
        for (ParamSpec p : op.params()) {
            Object bad = badValue(p);
            if (bad != null) {
                probes.put(p.name(), bad);
            }
        }
        String undeclared = "no_such_parameter";
        probes.put(undeclared, 1);
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Object> probe : probes.entrySet()) {
            Map<String, Object> params = new LinkedHashMap<>(valid);
            params.put(probe.getKey(), probe.getValue());
            Answer a;
            try {
                a = harness.call(id, op.name(), pathValue, params);
            } catch (RuntimeException e) {
                problems.add(probe.getKey() + "=" + probe.getValue() + " did not complete: " + e.getMessage());
                continue;
            }
            JsonNode details = a.body().path("error").path("details");
            String message = a.errorMessage();
            if (a.status() != 400 || !"INVALID_PARAMETER".equals(a.errorCode())
                    || !probe.getKey().equals(details.path("parameter").asText(null))
                    || message == null || !message.contains("[" + probe.getKey() + "]")) {
                problems.add(probe.getKey() + "=" + probe.getValue() + " answered " + a);
            }
        }
        return problems.isEmpty() ? pass(name, probes.size() + " bad values refused: " + probes.keySet())
                : fail(name, String.join("; ", problems));
    }

    /** A value the declaration of {@code p} refuses, or null when every value of a JSON call could be valid. */
    private static Object badValue(ParamSpec p) {
        return switch (p.type()) {
            case INTEGER, DECIMAL -> p.max() != null ? (Object) (p.max() + 1) : p.min() != null ? (Object) (p.min() - 1)
                    : "not-a-number";
            case BOOLEAN -> "maybe";
            case ENUM -> "no-such-value";
            case SYMBOL, SYMBOL_LIST -> "not a symbol";
            case STRING, STRING_LIST, STRING_MAP, OBJECT -> null;
        };
    }

    /**
     * Invokes a read-only operation with each numeric parameter at the ends of its declared range (the others at
     * their defaults): a value the declaration accepts must not make the plugin fail (5xx); a 4xx is the plugin
     * refusing a combination, which is allowed. Null when no parameter declares a range.
     */
    private static Check acceptsItsRanges(PluginHarness harness, String id, Operation op, String pathValue,
                                          Map<String, Object> valid) {
        String name = "[" + op.name() + "] copes with its declared ranges";
        List<String> tried = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (ParamSpec p : op.params()) {
            if (p.type() != ParamType.INTEGER && p.type() != ParamType.DECIMAL) {
                continue;
            }
            for (Double end : new Double[] {p.min(), p.max()}) {
                if (end == null) {
                    continue;
                }
                Object value = p.type() == ParamType.INTEGER ? (Object) (long) Math.ceil(end) : (Object) end;
                Map<String, Object> params = new LinkedHashMap<>(valid);
                params.put(p.name(), value);
                tried.add(p.name() + "=" + value);
                try {
                    Answer a = harness.call(id, op.name(), pathValue, params);
                    if (a.status() >= 500) {
                        problems.add(p.name() + "=" + value + " answered " + a);
                    }
                } catch (RuntimeException e) {
                    problems.add(p.name() + "=" + value + " did not complete: " + e.getMessage());
                }
            }
        }
        if (tried.isEmpty()) {
            return null;
        }
        return problems.isEmpty() ? pass(name, "no 5xx for " + tried) : fail(name, String.join("; ", problems));
    }

    private static Check json(Operation op, Answer a) {
        String name = "[" + op.name() + "] answers snake_case JSON";
        JsonNode data = a.body().get("data");
        if (a.body().size() != 1 || data == null || data.isNull()) {
            return fail(name, "the answer is not {\"data\": …}: " + a.body());
        }
        List<String> offenders = new ArrayList<>();
        walk(data, "data", offenders);
        return offenders.isEmpty() ? pass(name, "")
                : fail(name, "field names that are not snake_case: " + offenders.subList(0, Math.min(10, offenders.size()))
                + (offenders.size() > 10 ? " and " + (offenders.size() - 10) + " more" : ""));
    }

    private static void walk(JsonNode node, String path, List<String> offenders) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (NOT_SNAKE.matcher(e.getKey()).matches()) {
                    offenders.add(path + "." + e.getKey());
                }
                walk(e.getValue(), path + "." + e.getKey(), offenders);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size() && i < 50; i++) {
                walk(node.get(i), path + "[" + i + "]", offenders);
            }
        }
    }

    /** A value for a required parameter, or null when none can be made up; symbols not in {@code used}. */
    private static Object madeUp(ParamSpec p, Options o, Set<String> used) {
        List<String> fresh = new ArrayList<>();
        if (!used.contains(o.symbol())) {
            fresh.add(o.symbol());
        }
        o.symbols().stream().filter(s -> !used.contains(s) && !fresh.contains(s)).forEach(fresh::add);
        return switch (p.type()) {
            case SYMBOL -> {
                if (fresh.isEmpty()) {
                    yield null;
                }
                used.add(fresh.get(0));
                yield fresh.get(0);
            }
            case SYMBOL_LIST -> {
                int n = (int) Math.max(2, p.min() == null ? 2 : Math.ceil(p.min()));
                if (p.max() != null) {
                    n = (int) Math.min(n, Math.floor(p.max()));
                }
                if (n > fresh.size()) {
                    yield null;
                }
                used.addAll(fresh.subList(0, n));
                yield List.copyOf(fresh.subList(0, n));
            }
            case ENUM -> p.allowed().get(0);
            case INTEGER -> {
                long v = p.min() == null ? 1 : (long) Math.ceil(p.min());
                yield p.max() != null && v > p.max() ? (long) Math.floor(p.max()) : v;
            }
            case DECIMAL -> p.min() != null ? p.min() : p.max() != null ? Math.min(p.max(), 1.0) : 1.0;
            case BOOLEAN -> false;
            case STRING, STRING_LIST, STRING_MAP, OBJECT -> null;
        };
    }

    private static Check pass(String name, String detail) {
        return new Check(name, Outcome.PASS, detail);
    }

    private static Check fail(String name, String detail) {
        return new Check(name, Outcome.FAIL, detail);
    }

    private static Check skip(String name, String detail) {
        return new Check(name, Outcome.SKIP, detail);
    }
}
