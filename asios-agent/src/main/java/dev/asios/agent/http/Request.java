package dev.asios.agent.http;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A GET request as a route sees it: the path, the query parameters and the headers it needs.
 * Parameter accessors validate and throw {@link HttpStatusException} (400) with a message that
 * names the parameter, the bound and the value. Immutable.
 */
public final class Request {

    private final String path;
    private final Map<String, String> query;
    private final Optional<String> accept;

    /**
     * A request for {@code uri}.
     *
     * @throws HttpStatusException (400) if a parameter is given twice
     */
    public Request(URI uri, Optional<String> accept) {
        this.path = uri.getPath() == null ? "/" : uri.getPath();
        this.query = parse(uri.getRawQuery());
        this.accept = accept;
    }

    private static Map<String, String> parse(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (params.put(name, value) != null) {
                throw HttpStatusException.badRequest("query parameter '" + name + "' is given twice; give it once");
            }
        }
        return params;
    }

    // The server has already refused a query whose escapes are malformed (400), so this decodes.
    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** The path, such as {@code /api/v1/metrics}. */
    public String path() {
        return path;
    }

    /** The {@code Accept} header, if sent. */
    public Optional<String> accept() {
        return accept;
    }

    /** A parameter's value, if given. */
    public Optional<String> parameter(String name) {
        return Optional.ofNullable(query.get(name));
    }

    /**
     * Refuses parameters a route does not know, so a typo ({@code ?serie=}) is an error rather
     * than silently ignored.
     *
     * @throws HttpStatusException (400) naming the unknown parameter and the known ones
     */
    public void allowOnly(Set<String> names) {
        for (String name : query.keySet()) {
            if (!names.contains(name)) {
                throw HttpStatusException.badRequest("unknown query parameter '" + name + "'"
                        + (names.isEmpty() ? "; this endpoint takes none" : "; this endpoint takes " + String.join(", ", names.stream().sorted().toList())));
            }
        }
    }

    /**
     * A whole-number parameter within bounds, or {@code fallback} if absent.
     *
     * @throws HttpStatusException (400) if it is not a number or out of bounds
     */
    public long longParameter(String name, long fallback, long min, long max) {
        Optional<String> text = parameter(name);
        if (text.isEmpty()) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(text.get().strip());
        } catch (NumberFormatException e) {
            throw HttpStatusException.badRequest("query parameter '" + name + "' must be a whole number, got '" + text.get() + "'");
        }
        if (value < min || value > max) {
            throw HttpStatusException.badRequest("query parameter '" + name + "' must be within " + min + ".." + max + ", got " + value);
        }
        return value;
    }

    /**
     * A required parameter.
     *
     * @throws HttpStatusException (400) if it is absent or empty
     */
    public String required(String name) {
        String value = query.get(name);
        if (value == null || value.isBlank()) {
            throw HttpStatusException.badRequest("query parameter '" + name + "' is required");
        }
        return value;
    }
}
