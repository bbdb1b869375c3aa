package io.marketintel.runtime.http;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The bearer token that mutating requests must carry. It comes from {@code api.token} / {@code MI_API_TOKEN},
 * or from {@code <data.dir>/api-token}, which is generated on first start (owner-only permissions) and
 * printed once. The token itself is never logged afterwards.
 */
public final class ApiToken {

    /** File name of the generated token inside the data directory. */
    public static final String FILE = "api-token";

    private final byte[] token;
    private final String source;

    private ApiToken(String token, String source) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.source = source;
    }

    /**
     * Resolves the token (blocking file I/O, call before the event loop serves).
     *
     * @param configured {@code api.token}, empty when not configured
     * @param dataDir    data directory
     * @param out        where a newly generated token is announced
     */
    public static ApiToken resolve(String configured, Path dataDir, java.io.PrintStream out) throws IOException {
        if (configured != null && !configured.isBlank()) {
            if (configured.length() < 16) {
                throw new IllegalArgumentException("config key [api.token] must be at least 16 characters long");
            }
            return new ApiToken(configured.trim(), "config");
        }
        Path file = dataDir.resolve(FILE);
        if (Files.exists(file)) {
            String stored = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (stored.length() >= 16) {
                return new ApiToken(stored, file.toString());
            }
        }
        Files.createDirectories(dataDir);
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Path tmp = dataDir.resolve(FILE + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException | FileAlreadyExistsException e) {
            Files.createFile(tmp);
        }
        Files.writeString(tmp, token + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        out.println("Generated an API token for mutating requests (stored in " + file + ", owner-only):");
        out.println("  " + token);
        return new ApiToken(token, file.toString());
    }

    /** A fixed token (tests). */
    public static ApiToken of(String token) {
        return new ApiToken(token, "given");
    }

    /** Where the token came from ({@code config} or the file path), for health. */
    public String source() {
        return source;
    }

    /**
     * Checks an {@code Authorization} header value.
     *
     * @throws IntelException UNAUTHORIZED without a bearer token, FORBIDDEN with a wrong one
     */
    public void check(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                || authorization.substring(7).isBlank()) {
            throw new IntelException(ErrorCode.UNAUTHORIZED,
                    "this request changes state and needs the header 'Authorization: Bearer <api token>'",
                    Map.of("header", "Authorization"));
        }
        byte[] given = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, token)) {
            throw new IntelException(ErrorCode.FORBIDDEN, "the API token is wrong", Map.of("header", "Authorization"));
        }
    }

    @Override
    public String toString() {
        return "ApiToken[****, from " + source + "]";
    }
}
