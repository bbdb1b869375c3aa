package io.marketintel.runtime.config;

/** An invalid configuration; the message names the key and the file or variable it came from. */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;

    public ConfigException(String key, String message) {
        super(message);
        this.key = key;
    }

    /** The offending key path ({@code http.port}), or null when the whole file is at fault. */
    public String key() {
        return key;
    }
}
