package dev.asios.cli.top;

import com.fasterxml.jackson.databind.JsonNode;
import dev.asios.agent.AgentException;
import dev.asios.cli.DurationOption;
import dev.asios.cli.UserException;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code asios top}: a terminal view of the agent's live numbers: CPU per core with isolated
 * cores marked, run-queue latency p99, memory per NUMA node, pressure, disks, network, GPUs and
 * the agent's own cost. Redraws every interval until Ctrl-C; {@code --once} prints one screen.
 */
@Command(name = "top", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Shows the live numbers of a running agent (asios up) in the terminal.")
public final class TopCommand implements Callable<Integer> {

    private static final String CLEAR = "\033[H\033[2J";

    @Spec
    private CommandSpec spec;

    @Option(names = "--url", paramLabel = "URL", defaultValue = "http://127.0.0.1:7070", description = "The agent. Default: ${DEFAULT-VALUE}.")
    private String url;

    @Option(names = "--interval", paramLabel = "DURATION", description = "How often to redraw. Default: the agent's interval.")
    private String interval;

    @Option(names = "--once", description = "Print one screen (two samples one interval apart) and exit, for scripts.")
    private boolean once;

    @Override
    public Integer call() throws AgentException, InterruptedException {
        AgentClient agent = new AgentClient(base());
        JsonNode health = agent.get("/api/v1/health");
        Duration every = interval != null ? DurationOption.parse("--interval", interval) : Duration.ofMillis(Math.max(100, health.path("intervalMs").asLong(1000)));
        PrintWriter out = spec.commandLine().getOut();
        MetricsSample before = MetricsSample.of(agent.get("/api/v1/metrics"));
        while (true) {
            Thread.sleep(every);
            MetricsSample now = MetricsSample.of(agent.get("/api/v1/metrics"));
            health = agent.get("/api/v1/health");
            String header = String.format(Locale.ROOT, "asios top  %s  agent %s, up %s, every %d ms", url, health.path("status").asText("?"),
                    uptime(health.path("uptimeSeconds").asLong()), every.toMillis());
            out.print((once ? "" : CLEAR) + TopFrame.render(header, before, now));
            out.flush();
            if (once) {
                return 0;
            }
            before = now;
        }
    }

    private URI base() {
        try {
            URI uri = URI.create(url.endsWith("/") ? url : url + "/");
            if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http:// URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new UserException("--url '" + url + "': expected the agent's address, such as http://127.0.0.1:7070 (" + e.getMessage() + ")");
        }
    }

    private static String uptime(long seconds) {
        return seconds >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds / 60 % 60)
                : String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
    }
}
