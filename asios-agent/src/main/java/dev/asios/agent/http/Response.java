package dev.asios.agent.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * What a route answers: a status, a content type and a body written straight to the socket.
 *
 * @param status the HTTP status
 * @param contentType the {@code Content-Type}
 * @param body writes the body
 */
public record Response(int status, String contentType, Body body) {

    /** Writes a response body. */
    @FunctionalInterface
    public interface Body {
        /** Writes everything to {@code out}. */
        void writeTo(OutputStream out) throws IOException;
    }

    /** 200 with these bytes. */
    public static Response ok(String contentType, byte[] bytes) {
        return new Response(200, contentType, out -> out.write(bytes));
    }

    /** 200 with this text in UTF-8. */
    public static Response text(String contentType, String text) {
        return ok(contentType, text.getBytes(StandardCharsets.UTF_8));
    }
}
