package dev.asios.agent.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The agent's HTTP server: the JDK's {@code HttpServer} with one virtual thread per request.
 * Routes are matched by exact path, or by prefix for those registered with a trailing
 * {@code /}. Only GET and HEAD are served: nothing mutates the host through HTTP yet.
 *
 * <p>Every refusal is a JSON error, {@code {"error":{"status":404,"message":"..."}}}: unknown
 * paths 404, other methods 405, bad parameters 400. A route that fails answers 500 with its
 * message and is counted, never with a stack trace.
 */
public final class HttpApiServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // The JDK server writes the headers and the body in two writes; with Nagle on, the body
        // waits for the client's delayed ACK of the headers (40 ms a request). Read once, when the
        // server's configuration class loads, so it is set before the first server is made.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final Map<String, Route> exact = new LinkedHashMap<>();
    private final Map<String, Route> prefixes = new LinkedHashMap<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private HttpServer server;
    private ExecutorService executor;

    /** Serves {@code route} at {@code path}; a path ending in {@code /} serves everything below it. */
    public HttpApiServer route(String path, Route route) {
        (path.endsWith("/") && path.length() > 1 ? prefixes : exact).put(path, route);
        return this;
    }

    /**
     * Binds and starts serving.
     *
     * @throws AddressInUseException if the port is taken
     * @throws IOException if the address cannot be bound for another reason
     */
    public synchronized void start(InetSocketAddress address) throws IOException {
        try {
            server = HttpServer.create(address, 64);
        } catch (BindException e) {
            throw new AddressInUseException(address, e);
        }
        executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", this::exchange);
        server.start();
    }

    /** The bound address (with the real port when 0 was asked). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** Requests served so far. */
    public long requests() {
        return requests.get();
    }

    /** Requests answered 5xx so far. */
    public long failures() {
        return failures.get();
    }

    private void exchange(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            Response response = answer(exchange);
            boolean head = exchange.getRequestMethod().equals("HEAD");
            // Rendered whole first: one write with a Content-Length, no chunks and no small writes
            // for Nagle and delayed ACKs to stall (40 ms per scrape otherwise), and a route that
            // fails half-way still answers its JSON error.
            ByteArrayOutputStream body = new ByteArrayOutputStream(8192);
            try {
                response.body().writeTo(body);
            } catch (IOException | RuntimeException e) {
                failures.incrementAndGet();
                response = error(500, "the agent failed to answer " + exchange.getRequestURI().getPath() + ": " + e.getMessage());
                body.reset();
                response.body().writeTo(body);
            }
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            exchange.sendResponseHeaders(response.status(), head || body.size() == 0 ? -1 : body.size());
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    body.writeTo(out);
                }
            }
        } catch (IOException e) {
            // The client went away mid-response; nothing to answer.
        }
    }

    private Response answer(HttpExchange exchange) {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            return error(405, "method " + method + " is not allowed: the agent's API is read-only; use GET");
        }
        URI uri = exchange.getRequestURI();
        try {
            Request request = new Request(uri, Optional.ofNullable(exchange.getRequestHeaders().getFirst("Accept")));
            Route route = find(request.path());
            if (route == null) {
                return error(404, "no such endpoint: " + request.path() + "; GET /api/v1 lists the endpoints");
            }
            return route.handle(request);
        } catch (HttpStatusException e) {
            if (e.status() >= 500) {
                failures.incrementAndGet();
            }
            return error(e.status(), e.getMessage());
        } catch (Exception e) {
            failures.incrementAndGet();
            return error(500, "the agent failed to answer " + uri.getPath() + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    private Route find(String path) {
        Route route = exact.get(path);
        if (route != null) {
            return route;
        }
        for (Map.Entry<String, Route> prefix : prefixes.entrySet()) {
            if (path.startsWith(prefix.getKey())) {
                return prefix.getValue();
            }
        }
        return null;
    }

    /** A JSON error response. */
    public static Response error(int status, String message) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("error").put("status", status).put("message", message);
        return new Response(status, "application/json", out -> out.write(root.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** Stops accepting, lets requests in flight finish for up to a second, and stops. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(1);
            executor.close();
            server = null;
        }
    }

    /** The port is taken, most likely by another agent. */
    public static final class AddressInUseException extends IOException {

        private static final long serialVersionUID = 1L;

        AddressInUseException(InetSocketAddress address, BindException cause) {
            super(address.getHostString() + ":" + address.getPort() + " is already in use (another 'asios up'?); stop it, or pass --port N", cause);
        }
    }
}
