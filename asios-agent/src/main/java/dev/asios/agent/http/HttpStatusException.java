package dev.asios.agent.http;

/**
 * A request the agent refuses, with the HTTP status and a message that says what was wrong and
 * what to send instead. The server answers it as a JSON error; it never leaks a stack trace.
 */
public final class HttpStatusException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    /** A refusal with {@code status} (4xx or 5xx) and {@code message}. */
    public HttpStatusException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** 400: a query parameter or body was wrong. */
    public static HttpStatusException badRequest(String message) {
        return new HttpStatusException(400, message);
    }

    /** 404: nothing here. */
    public static HttpStatusException notFound(String message) {
        return new HttpStatusException(404, message);
    }

    /** The HTTP status code. */
    public int status() {
        return status;
    }
}
