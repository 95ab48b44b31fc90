package dev.asios.agent.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.asios.agent.http.HttpApiServer;
import dev.asios.agent.store.SampleStore;
import dev.asios.agent.store.StoreSettings;
import dev.asios.host.inspect.ConformanceDumps;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.observe.metric.MetricRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API over real HTTP on loopback, on a recorded host. */
class ApiRoutesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path state;

    private final MetricRegistry registry = new MetricRegistry();
    private final HttpClient client = HttpClient.newHttpClient();
    private HttpApiServer server;
    private SampleStore store;
    private long firstRoundMs;

    @BeforeEach
    void start() throws Exception {
        registry.counter("asios_cpu_seconds", "CPU time by mode.", "seconds", "cpu", "mode").series("0", "user").set(5);
        registry.counter("asios_cpu_seconds", "CPU time by mode.", "seconds", "cpu", "mode").series("1", "user").set(7);
        registry.histogram("asios_runqueue_latency_seconds", "Run-queue latency.", "seconds", new double[] {1e-6, 1e-5}, "cpu")
                .histogram("0").set(new long[] {90, 9, 1}, 0.001);
        Sysroot sysroot = Sysroot.of(ConformanceDumps.sysroot(ConformanceDumps.names().getFirst()));
        store = SampleStore.open(state.resolve("samples"), StoreSettings.DEFAULTS);
        long now = System.currentTimeMillis();
        firstRoundMs = now - 5000;
        for (int i = 0; i < 5; i++) {
            registry.counter("asios_cpu_seconds", "CPU time by mode.", "seconds", "cpu", "mode").series("0", "user").set(5 + 2 * i);
            store.record(now - 5000 + 1000L * i, registry);
        }
        ApiContext context = new ApiContext("test", Instant.now(), Duration.ofSeconds(1), registry, List::of, () -> 0L, List::of,
                new HostModel(sysroot, Duration.ofMinutes(1)), sysroot, state.resolve("tune"), state, store);
        server = new HttpApiServer();
        new ApiRoutes(context).install(server);
        server.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.address().getPort() + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        return JSON.readTree(response.body());
    }

    @Test
    void servesPrometheusTextAndOpenMetricsOnRequest() throws Exception {
        HttpResponse<String> text = get("/metrics");
        assertThat(text.statusCode()).isEqualTo(200);
        assertThat(text.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain; version=0.0.4");
        assertThat(text.body()).contains("asios_cpu_seconds_total{cpu=\"1\",mode=\"user\"} 7.0");

        HttpResponse<String> open = get("/metrics", "Accept", "application/openmetrics-text; version=1.0.0");
        assertThat(open.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/openmetrics-text");
        assertThat(open.body()).endsWith("# EOF\n");
    }

    @Test
    void currentMetricsFilterByNameAndLabels() throws Exception {
        JsonNode all = json("/api/v1/metrics");
        assertThat(all.path("metrics")).hasSize(2);

        JsonNode cpu = json("/api/v1/metrics?name=asios_cpu_seconds_total&match=cpu%3D1");
        JsonNode series = cpu.path("metrics").get(0).path("series");
        assertThat(series).hasSize(1);
        assertThat(series.get(0).path("labels").path("cpu").asText()).isEqualTo("1");
        assertThat(series.get(0).path("value").asDouble()).isEqualTo(7.0);
        assertThat(cpu.path("metrics").get(0).path("kind").asText()).isEqualTo("counter");

        assertThat(json("/api/v1/metrics?name=asios_cpu_seconds_total,asios_runqueue_latency_seconds").path("metrics")).hasSize(2);
        JsonNode runq = json("/api/v1/metrics?name=asios_runqueue_latency_seconds").path("metrics").get(0).path("series").get(0);
        assertThat(runq.path("count").asLong()).isEqualTo(100);
        assertThat(runq.path("p50").asDouble()).isEqualTo(1e-6);
        assertThat(runq.path("p99").asDouble()).isEqualTo(1e-5);
        assertThat(runq.path("buckets").get(2).path("le").asText()).isEqualTo("+Inf");
    }

    @Test
    void hostFindingsTuningAndRunsAnswerOnARecordedHost() throws Exception {
        assertThat(json("/api/v1/host").path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json("/api/v1/findings").path("findings").isArray()).isTrue();
        JsonNode tuning = json("/api/v1/tuning");
        assertThat(tuning.path("profiles")).isEmpty();
        assertThat(tuning.path("drifted").asInt()).isZero();
        assertThat(json("/api/v1/runs").path("runs")).isEmpty();
        assertThat(json("/api/v1/health").path("status").asText()).isEqualTo("ok");
        assertThat(json("/api/v1").path("endpoints").has("/api/v1/history")).isTrue();
        assertThat(json("/api/v1/health").path("store").path("roundsWritten").asLong()).isEqualTo(5);
        assertThat(json("/api/v1").path("endpoints").has("/metrics")).isTrue();
    }

    @Test
    void historyComesFromTheStoreWithRatesForCounters() throws Exception {
        String key = "asios_cpu_seconds_total{cpu=\"0\",mode=\"user\"}";
        JsonNode series = json("/api/v1/series?name=asios_cpu_seconds");
        assertThat(series.path("series").findValuesAsText("key")).contains(key);
        String encoded = java.net.URLEncoder.encode(key, java.nio.charset.StandardCharsets.UTF_8);
        JsonNode history = json("/api/v1/history?points=100&from=" + firstRoundMs + "&series=" + encoded);
        assertThat(history.path("resolution").asText()).isEqualTo("raw");
        JsonNode points = history.path("points");
        assertThat(points).hasSize(5);
        JsonNode before = json("/api/v1/history?points=100&from=" + (firstRoundMs - 1) + "&series=" + encoded);
        assertThat(before.path("resolution").asText()).as("no minute row yet, so the rounds").isEqualTo("raw");
        assertThat(before.path("points")).hasSize(5);
        assertThat(points.get(points.size() - 1).path("value").asDouble()).isEqualTo(13.0);
        assertThat(history.path("rates").get(0).path("perSecond").asDouble()).isEqualTo(2.0);
        JsonNode runq = json("/api/v1/history?series=" + java.net.URLEncoder.encode("asios_runqueue_latency_seconds{cpu=\"0\"}", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(runq.path("series").path("kind").asText()).isEqualTo("histogram");
        assertThat(runq.path("steps").isArray()).isTrue();
        assertError(get("/api/v1/history"), 400, "'series' is required");
        assertError(get("/api/v1/history?series=nope"), 404, "no recorded series 'nope'");
        assertError(get("/api/v1/history?series=x&from=10&to=5"), 400, "must be before 'to'");
    }

    @Test
    void roundsReplayTheRecordedValuesInTheShapeOfMetrics() throws Exception {
        JsonNode answer = json("/api/v1/rounds?name=asios_cpu_seconds_total,asios_runqueue_latency_seconds&match=cpu%3D0&from=" + firstRoundMs);
        JsonNode rounds = answer.path("rounds");
        assertThat(rounds).hasSize(5);
        assertThat(rounds.get(0).path("time").asLong()).isEqualTo(firstRoundMs);
        JsonNode last = rounds.get(4).path("metrics");
        assertThat(last.findValuesAsText("name")).containsExactly("asios_cpu_seconds_total", "asios_runqueue_latency_seconds");
        JsonNode cpu = last.get(0);
        assertThat(cpu.path("kind").asText()).isEqualTo("counter");
        assertThat(cpu.path("series")).hasSize(1);
        assertThat(cpu.path("series").get(0).path("labels").path("cpu").asText()).isEqualTo("0");
        assertThat(cpu.path("series").get(0).path("value").asDouble()).isEqualTo(13.0);
        JsonNode runq = last.get(1).path("series").get(0);
        assertThat(runq.path("count").asLong()).isEqualTo(100);
        assertThat(runq.path("buckets").get(2).path("le").asText()).isEqualTo("+Inf");
        assertThat(json("/api/v1/rounds?name=asios_cpu_seconds&max=2&from=" + firstRoundMs).path("rounds")).hasSize(2);
        assertError(get("/api/v1/rounds"), 400, "'name' is required");
        assertError(get("/api/v1/rounds?name=asios_nope"), 404, "no metric named 'asios_nope'");
        assertError(get("/api/v1/rounds?name=asios_cpu_seconds&max=0"), 400, "'max'");
    }

    @Test
    void badRequestsGetJsonErrorsThatSayWhatToDo() throws Exception {
        assertError(get("/api/v1/nothing"), 404, "no such endpoint: /api/v1/nothing");
        assertError(get("/api/v1/metrics?name=asios_nope"), 404, "no metric named 'asios_nope'");
        assertError(get("/api/v1/metrics?serie=x"), 400, "unknown query parameter 'serie'");
        assertError(get("/api/v1/metrics?match=cpu"), 400, "is not label=value");
        assertError(get("/api/v1/runs?limit=x"), 400, "'limit' must be a whole number");
        assertError(get("/api/v1/runs?limit=0"), 400, "within 1..1000");
        assertError(get("/api/v1/runs?limit=1&limit=2"), 400, "given twice");
        assertThat(raw("GET /api/v1/health?x=%zz HTTP/1.1")).startsWith("HTTP/1.1 400");
        HttpResponse<String> post = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.address().getPort() + "/api/v1/health"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertError(post, 405, "read-only");
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
    }

    @Test
    void aSecondServerOnTheSamePortSaysThePortIsInUse() {
        HttpApiServer second = new HttpApiServer();
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> second.start(server.address()))
                    .isInstanceOf(HttpApiServer.AddressInUseException.class)
                    .hasMessageContaining(":" + server.address().getPort() + " is already in use")
                    .hasMessageContaining("--port");
        } finally {
            second.close();
        }
    }

    private String raw(String requestLine) throws Exception {
        try (java.net.Socket socket = new java.net.Socket(InetAddress.getLoopbackAddress(), server.address().getPort())) {
            socket.getOutputStream().write((requestLine + "\r\nHost: x\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static void assertError(HttpResponse<String> response, int status, String message) throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode error = JSON.readTree(response.body()).path("error");
        assertThat(error.path("status").asInt()).isEqualTo(status);
        assertThat(error.path("message").asText()).contains(message);
    }
}
