package dev.asios.agent.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in a real browser: headless Chromium against {@link SyntheticAgent}. Every panel
 * must draw live data (the GPU panel: say why there is none), the screenshot must show each
 * panel's contents, the layout must hold at 1440x900 and on a narrow window, and the page must
 * survive the agent going away and coming back. The screenshot is kept in {@code target/}.
 */
@Tag("slow")
class DashboardBrowserTest {

    private static final List<String> LIVE_PANELS = List.of("cpu", "memory", "runqueue", "disk", "network", "findings", "tuning", "heal", "runs");
    private static final String PANELS = "Object.fromEntries([...document.querySelectorAll('.panel')].map(p => [p.id.substring(6), "
            + "{state: p.dataset.state, text: p.innerText, rect: (r => [r.x, r.y, r.width, r.height].map(Math.round))(p.getBoundingClientRect())}]))";
    private static final int WIDTH = 1440;
    private static final int HEIGHT = 1000;

    @TempDir
    Path state;

    @TempDir
    Path profile;

    @BeforeEach
    void chromiumIsThere() {
        assumeTrue(Files.isExecutable(HeadlessChromium.BINARY), HeadlessChromium.BINARY + " is missing: install Debian's chromium package to run the dashboard's browser tests");
    }

    @Test
    void everyPanelDrawsLiveDataAndTheScreenshotShowsIt() throws Exception {
        try (SyntheticAgent agent = SyntheticAgent.start(state, 0); HeadlessChromium chromium = HeadlessChromium.start(profile)) {
            chromium.viewport(WIDTH, HEIGHT);
            chromium.navigate(agent.uri());
            JsonNode panels = await(chromium, PANELS, DashboardBrowserTest::allDrawn, Duration.ofSeconds(20));
            assertThat(panels.path("gpu").path("state").asText()).isEqualTo("empty");
            assertThat(panels.path("gpu").path("text").asText()).contains("no GPU telemetry", SyntheticAgent.GPU_REASON);
            assertThat(panels.path("cpu").path("text").asText()).contains("isolated 1");
            assertThat(panels.path("tuning").path("text").asText()).contains("inference", "1 drifted", "transparent_hugepage");
            assertThat(panels.path("runs").path("text").asText()).contains("serve.py", "running");
            assertThat(panels.path("heal").path("text").asText()).contains("dry-run", "agent-started", "policy-loaded", "forecast(s)",
                    "held-back history");
            assertThat(chromium.evaluate("document.getElementById('host-summary').innerText").asText()).contains("Skylake", "2 CPUs", "1 NUMA node");

            Thread.sleep(4000);
            byte[] png = chromium.screenshot();
            keep("dashboard-synthetic.png", png);
            assertShowsEveryPanel(ImageIO.read(new ByteArrayInputStream(png)), chromium.evaluate(PANELS));
            assertThat(chromium.problems()).isEmpty();
        }
    }

    @Test
    void theLayoutFitsALaptopScreenAndANarrowWindow() throws Exception {
        try (SyntheticAgent agent = SyntheticAgent.start(state, 0); HeadlessChromium chromium = HeadlessChromium.start(profile)) {
            chromium.viewport(WIDTH, 900);
            chromium.navigate(agent.uri());
            await(chromium, PANELS, DashboardBrowserTest::allDrawn, Duration.ofSeconds(20));
            for (JsonNode panel : chromium.evaluate(PANELS)) {
                assertThat(panel.path("rect").get(1).asInt() + panel.path("rect").get(3).asInt()).as(panel.toString()).isLessThanOrEqualTo(900);
            }
            keep("dashboard-1440x900.png", chromium.screenshot());

            chromium.viewport(400, 800);
            Thread.sleep(500);
            keep("dashboard-narrow.png", chromium.screenshot());
            assertThat(chromium.evaluate("document.documentElement.scrollWidth <= innerWidth").asBoolean()).as("no sideways scrolling at 400 px").isTrue();
            Set<Integer> columns = new HashSet<>();
            chromium.evaluate(PANELS).forEach(panel -> columns.add(panel.path("rect").get(0).asInt()));
            assertThat(columns).as("one column at 400 px").hasSize(1);
            assertThat(chromium.problems()).isEmpty();
        }
    }

    @Test
    void aPageOpenedLateReplaysTheRecordedRoundsItMissed() throws Exception {
        try (SyntheticAgent agent = SyntheticAgent.start(state, 0); HeadlessChromium chromium = HeadlessChromium.start(profile)) {
            Thread.sleep(3000);
            long openedMs = System.currentTimeMillis();
            chromium.viewport(WIDTH, HEIGHT);
            chromium.navigate(agent.uri());
            await(chromium, PANELS, DashboardBrowserTest::allDrawn, Duration.ofSeconds(20));
            JsonNode fed = chromium.evaluate("window.asiosDashboard.fed()");
            assertThat(fed.path("first").asLong()).as("the first snapshot fed is a recorded one from before the page opened").isLessThan(openedMs - 2000);
            assertThat(fed.path("snapshots").asInt()).as("about 15 rounds were recorded in the 3 s before").isGreaterThanOrEqualTo(10);
            assertThat(chromium.problems()).isEmpty();
        }
    }

    @Test
    void aBannerShowsWhileTheAgentIsAwayAndGoesWhenItComesBack() throws Exception {
        try (SyntheticAgent agent = SyntheticAgent.start(state, 0); HeadlessChromium chromium = HeadlessChromium.start(profile)) {
            chromium.viewport(WIDTH, HEIGHT);
            chromium.navigate(agent.uri());
            await(chromium, PANELS, DashboardBrowserTest::allDrawn, Duration.ofSeconds(20));

            agent.stopServer();
            String banner = "(b => b.hidden ? '' : b.innerText)(document.getElementById('banner'))";
            assertThat(await(chromium, banner, text -> !text.asText().isEmpty(), Duration.ofSeconds(10)).asText())
                    .contains("Disconnected from the agent", "retrying");
            assertThat(chromium.evaluate("document.getElementById('health').innerText").asText()).isEqualTo("agent unreachable");
            JsonNode away = chromium.evaluate(PANELS);
            assertThat(away.path("cpu").path("state").asText()).as("the charts keep what they had").isEqualTo("live");

            agent.restartServer();
            await(chromium, banner, text -> text.asText().isEmpty(), Duration.ofSeconds(15));
            assertThat(chromium.evaluate("document.getElementById('health').dataset.status").asText()).isEqualTo("ok");
            assertThat(chromium.problems()).allMatch(problem -> problem.contains("ERR_CONNECTION_REFUSED"));
        }
    }

    @Test
    void theTimelineKeepsFiveMinutesAndCounterResetsLeaveGaps() throws Exception {
        try (SyntheticAgent agent = SyntheticAgent.start(state, 0); HeadlessChromium chromium = HeadlessChromium.start(profile)) {
            chromium.navigate(agent.uri());
            JsonNode result = chromium.evaluate("""
                    import('/dashboard/timeline.js').then(m => {
                      const timeline = new m.Timeline();
                      for (let i = 0; i <= 400; i++) timeline.append(i * 1000, {a: i, b: i % 2 ? null : i});
                      const deltas = new m.Deltas();
                      const rates = new m.Rates();
                      return {
                        size: timeline.size, first: timeline.times[0], older: timeline.append(5, {a: 1}), latestB: timeline.latest('b'),
                        deltas: [10, 15, 3, 8].map(v => deltas.delta('x', v)),
                        buckets: [[1, 2], [3, 2], [2, 4], [3, 5]].map(c => deltas.deltaBuckets('h', c)),
                        rates: [[100, 0], [300, 2000], [300, 2000]].map(([v, t]) => rates.rate('y', v, t)),
                        p99: m.quantileBound([1, 2, 4, Infinity], [90, 9, 1, 0], 0.99),
                        none: m.quantileBound([1, Infinity], [0, 0], 0.5),
                      };
                    })""");
            assertThat(result.path("size").asInt()).as("5 minutes at 1 s").isEqualTo(301);
            assertThat(result.path("first").asLong()).isEqualTo(100_000);
            assertThat(result.path("older").asBoolean()).as("an older sample is ignored").isFalse();
            assertThat(result.path("latestB").asInt()).isEqualTo(400);
            assertThat(result.path("deltas").toString()).as("a counter reset gives a gap").isEqualTo("[null,5,null,5]");
            assertThat(result.path("buckets").toString()).as("a bucket that shrinks is a reset").isEqualTo("[null,[2,0],null,[1,1]]");
            assertThat(result.path("rates").toString()).isEqualTo("[null,100,null]");
            assertThat(result.path("p99").asDouble()).isEqualTo(2);
            assertThat(result.path("none").isNull()).isTrue();
        }
    }

    /** Keeps a screenshot in target/ for a person to look at. */
    private static void keep(String name, byte[] png) throws java.io.IOException {
        Files.write(Files.createDirectories(Path.of("target")).resolve(name), png);
    }

    private static boolean allDrawn(JsonNode panels) {
        return LIVE_PANELS.stream().allMatch(id -> panels.path(id).path("state").asText().equals("live"))
                && !panels.path("gpu").path("state").asText().equals("loading");
    }

    private static JsonNode await(HeadlessChromium chromium, String expression, Predicate<JsonNode> done, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode value = chromium.evaluate(expression);
        while (!done.test(value)) {
            assertThat(System.nanoTime()).as("waited " + timeout + " for " + expression + "; it is " + value + "; problems " + chromium.problems()).isLessThan(deadline);
            Thread.sleep(200);
            value = chromium.evaluate(expression);
        }
        return value;
    }

    // Each panel's rectangle must hold more than a sliver of pixels unlike the panel's own background.
    private static void assertShowsEveryPanel(BufferedImage image, JsonNode panels) {
        assertThat(image.getWidth()).isEqualTo(WIDTH);
        assertThat(image.getHeight()).isEqualTo(HEIGHT);
        panels.properties().forEach(panel -> {
            JsonNode rect = panel.getValue().path("rect");
            int x0 = rect.get(0).asInt();
            int y0 = rect.get(1).asInt();
            int width = rect.get(2).asInt();
            int height = rect.get(3).asInt();
            assertThat(x0 + width <= WIDTH && y0 + height <= HEIGHT).as(panel.getKey() + " is on screen: " + rect).isTrue();
            int background = image.getRGB(x0 + 4, y0 + height / 2);
            long drawn = 0;
            for (int y = y0; y < y0 + height; y++) {
                for (int x = x0; x < x0 + width; x++) {
                    if (distance(image.getRGB(x, y), background) > 48) {
                        drawn++;
                    }
                }
            }
            double share = drawn / (double) (width * height);
            double least = panel.getKey().equals("gpu") ? 0.002 : 0.02;
            assertThat(share).as(panel.getKey() + ": share of drawn pixels").isGreaterThan(least);
        });
    }

    private static int distance(int a, int b) {
        return Math.abs((a >> 16 & 0xff) - (b >> 16 & 0xff)) + Math.abs((a >> 8 & 0xff) - (b >> 8 & 0xff)) + Math.abs((a & 0xff) - (b & 0xff));
    }
}
