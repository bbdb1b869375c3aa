package io.marketintel.runtime.params;

/**
 * A raw value does not satisfy its declaration. The message is a sentence that names the parameter or
 * key ({@code parameter [num_levels] must be within [1, 50], was 90}).
 */
public final class BindingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final boolean unknown;

    public BindingException(String name, String message) {
        this(name, message, false);
    }

    private BindingException(String name, String message, boolean unknown) {
        super(message);
        this.name = name;
        this.unknown = unknown;
    }

    /** A value was given for a name that is not declared. */
    static BindingException unknownName(String name, String message) {
        return new BindingException(name, message, true);
    }

    /** Whether the value's name is not declared at all (rather than its value being wrong). */
    public boolean unknownName() {
        return unknown;
    }

    /** The parameter name or config key path at fault. */
    public String name() {
        return name;
    }
}
