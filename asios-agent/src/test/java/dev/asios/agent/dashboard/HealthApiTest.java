package dev.asios.agent.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The health endpoints of a synthetic agent: forecasts carry their held-back accuracy, or why there is none yet. */
class HealthApiTest {

    @TempDir
    Path state;

    @Test
    void eachForecastSaysHowAccurateItWasOnHeldBackHistory() throws Exception {
        try (SyntheticAgent agent = SyntheticAgent.start(state, 0); HttpClient client = HttpClient.newHttpClient()) {
            JsonNode forecasts = null;
            for (int i = 0; i < 100 && (forecasts == null || forecasts.path("findings").isEmpty()); i++) {
                Thread.sleep(100);
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(agent.uri().resolve("/api/v1/forecasts")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(200);
                forecasts = new ObjectMapper().readTree(response.body());
            }
            assertThat(forecasts.path("findings")).isNotEmpty();
            JsonNode first = forecasts.path("findings").get(0);
            assertThat(first.path("target").asText()).isNotEmpty();
            assertThat(first.path("accuracy").path("checkedAt").asLong()).isPositive();
            assertThat(first.path("accuracy").path("unavailable").asText()).as("a new agent has no history to hold back").isNotEmpty();
        }
    }
}
