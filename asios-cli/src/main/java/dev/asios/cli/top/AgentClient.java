package dev.asios.cli.top;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.asios.agent.AgentException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Reads the agent's JSON API over HTTP, with short timeouts and errors that say what to do. */
final class AgentClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    AgentClient(URI base) {
        this.base = base;
    }

    /**
     * GETs {@code path} and parses the JSON answer.
     *
     * @throws AgentException if no agent answers, or it answers an error
     */
    JsonNode get(String path) throws AgentException, InterruptedException {
        URI uri = base.resolve(path);
        HttpResponse<String> response;
        try {
            response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AgentException("no agent answers at " + base + " (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    + "); start one with 'asios up', or pass --url", e);
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            if (response.statusCode() != 200) {
                throw new AgentException("the agent at " + base + " answered " + response.statusCode() + " to " + path + ": "
                        + body.path("error").path("message").asText(response.body()));
            }
            return body;
        } catch (IOException e) {
            throw new AgentException(uri + " did not answer JSON (is this an ASIOS agent?): " + e.getMessage(), e);
        }
    }
}
