package dev.asios.agent.http;

/** One GET endpoint. Called on a virtual thread per request; implementations are thread-safe. */
@FunctionalInterface
public interface Route {

    /**
     * Answers {@code request}.
     *
     * @throws HttpStatusException for a request it refuses (the server writes a JSON error)
     * @throws Exception for a failure of the agent (answered as 500 with the message)
     */
    Response handle(Request request) throws Exception;
}
