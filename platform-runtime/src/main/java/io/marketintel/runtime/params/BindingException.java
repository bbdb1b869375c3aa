package io.marketintel.runtime.params;

/**
 * A raw value does not satisfy its declaration. The message is a sentence that names the parameter or
 * key ({@code parameter [num_levels] must be within [1, 50], was 90}).
 */
public final class BindingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String name;

    public BindingException(String name, String message) {
        super(message);
        this.name = name;
    }

    /** The parameter name or config key path at fault. */
    public String name() {
        return name;
    }
}
