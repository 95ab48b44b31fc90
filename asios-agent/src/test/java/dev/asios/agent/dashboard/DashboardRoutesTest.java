package dev.asios.agent.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.asios.agent.http.HttpApiServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dashboard's files over real HTTP on loopback: the page, its scripts, uPlot from the WebJar, and refusals. */
class DashboardRoutesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PAGE_LINK = Pattern.compile("(?:src|href)=\"(/[^\"]+)\"");
    private static final Pattern IMPORT = Pattern.compile("from '\\./([^']+)'");

    private final HttpClient client = HttpClient.newHttpClient();
    private HttpApiServer server;

    @BeforeEach
    void start() throws Exception {
        server = new HttpApiServer();
        new DashboardRoutes().install(server);
        server.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.address().getPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> ok(String path, String contentType) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue(contentType);
        assertThat(response.body()).as(path).isNotBlank();
        return response;
    }

    @Test
    void theRootServesThePageWithEveryPanel() throws Exception {
        String page = ok("/", "text/html; charset=utf-8").body();
        for (String panel : List.of("cpu", "memory", "runqueue", "disk", "network", "gpu", "findings", "tuning", "runs")) {
            assertThat(page).contains("id=\"panel-" + panel + "\"");
        }
        assertThat(page).doesNotContain("http://", "https://");
    }

    @Test
    void everyFileThePageAndItsScriptsNameIsServedWithItsContentType() throws Exception {
        String page = ok("/", "text/html; charset=utf-8").body();
        List<String> links = matches(PAGE_LINK, page);
        assertThat(links).contains("/assets/uplot/uPlot.iife.min.js", "/assets/uplot/uPlot.min.css", "/dashboard/main.js", "/dashboard/dashboard.css");
        List<String> scripts = new ArrayList<>(links.stream().filter(l -> l.startsWith("/dashboard/") && l.endsWith(".js")).toList());
        for (int i = 0; i < scripts.size(); i++) {
            String script = ok(scripts.get(i), "text/javascript; charset=utf-8").body();
            for (String imported : matches(IMPORT, script)) {
                if (!scripts.contains("/dashboard/" + imported)) {
                    scripts.add("/dashboard/" + imported);
                }
            }
        }
        assertThat(scripts).hasSizeGreaterThanOrEqualTo(8);
        assertThat(ok("/dashboard/dashboard.css", "text/css; charset=utf-8").body()).contains("--bg");
    }

    @Test
    void uplotComesFromTheWebJar() throws Exception {
        assertThat(ok("/assets/uplot/uPlot.iife.min.js", "text/javascript; charset=utf-8").body()).contains("uPlot");
        assertThat(ok("/assets/uplot/uPlot.min.css", "text/css; charset=utf-8").body()).contains(".uplot");
    }

    @Test
    void missingFilesAndUnservedTypesAreJson404s() throws Exception {
        assertRefused("/dashboard/nothing.js", 404, "no dashboard file nothing.js");
        assertRefused("/assets/uplot/uPlot.d.ts", 404, "only css, html, js, json, png, svg files are served");
        assertRefused("/dashboard/", 404, "no file named");
        assertRefused("/dashboard/DashboardRoutes.class", 404, "only css");
    }

    @Test
    void pathsThatClimbOutOfTheFolderAreRefused() throws Exception {
        // The JDK's client sends these paths as written, without removing dot segments.
        for (String path : List.of("/dashboard/../dashboard/index.html", "/dashboard/%2e%2e/dashboard/index.html", "/assets/uplot/..%2F..%2F..%2Fpackage.json",
                "/dashboard/.//index.html", "/dashboard/a%5C..%5Cindex.html")) {
            assertRefused(path, 400, "file paths");
        }
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private void assertRefused(String path, int status, String message) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/json");
        JsonNode error = JSON.readTree(response.body()).path("error");
        assertThat(List.of(response.statusCode(), error.path("status").asInt())).as(path).containsOnly(status);
        assertThat(error.path("message").asText()).as(path).contains(message);
    }
}
