package dev.asios.cli.up;

import dev.asios.agent.Agent;
import dev.asios.agent.AgentException;
import dev.asios.agent.AgentSettings;
import dev.asios.agent.health.HealthOptions;
import dev.asios.agent.store.StateDirectory;
import dev.asios.cli.DurationOption;
import dev.asios.cli.Privileges;
import dev.asios.cli.UserException;
import dev.asios.health.policy.HealMode;
import dev.asios.health.policy.HealPolicy;
import dev.asios.health.policy.PolicyException;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.observe.collect.CollectorStatus;
import dev.asios.observe.ebpf.ProbeStatus;
import dev.asios.tune.profile.ProfileException;
import dev.asios.tune.profile.ProfileLoader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code asios up}: starts the node agent and keeps it running until SIGTERM or SIGINT, then
 * stops it cleanly (collectors, probes, store, server) and exits with the signal's conventional
 * code (143 or 130).
 */
@Command(name = "up", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Starts the node agent: collectors, eBPF probes, the sample store, Prometheus /metrics, the JSON API and the dashboard.",
                "Listens on 127.0.0.1:7070 unless told otherwise; stops cleanly on SIGTERM or Ctrl-C."})
public final class UpCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--listen", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "The address to listen on. Default: ${DEFAULT-VALUE}; 0.0.0.0 exposes the read-only API to the network.")
    private String listen;

    @Option(names = "--port", paramLabel = "N", defaultValue = "7070", description = "The TCP port. Default: ${DEFAULT-VALUE}.")
    private int port;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "1s", description = "How often the collectors run. Default: ${DEFAULT-VALUE}.")
    private String interval;

    @Option(names = "--state", paramLabel = "DIR", description = "The state folder, with the sample store. Default: /var/lib/asios as root, else ~/.local/share/asios.")
    private Path state;

    @Option(names = "--journal", paramLabel = "DIR", defaultValue = "/var/lib/asios/tune", description = "The tuning journal, for the tuning status. Default: ${DEFAULT-VALUE}.")
    private Path journal;

    @Option(names = "--no-ebpf", description = "Do not start the eBPF probes.")
    private boolean noEbpf;

    @Option(names = "--heal", paramLabel = "MODE", description = {"Self-healing: enforce (carry out what the policy allows), dry-run (only report it) "
        + "or off.", "Overrides the policy's mode. Default: the policy's (dry-run for the built-in one)."})
    private String heal;

    @Option(names = "--policy", paramLabel = "FILE", description = "The heal policy (YAML): which remediations are allowed, their rate limits and "
            + "settings. Default: the built-in one ('asios up --print-policy' shows it).")
    private Path policy;

    @Option(names = "--print-policy", description = "Prints the built-in heal policy, documented field by field, and exits.")
    private boolean printPolicy;

    @Option(names = {"-p", "--profile"}, paramLabel = "NAME", description = "A tuning profile to apply at start (unless active) and keep in force: "
            + "its drift is healed under the policy.")
    private String profile;

    @Option(names = "--profiles-dir", paramLabel = "DIR", defaultValue = "/etc/asios/profiles",
            description = "Where profiles other than the built-in ones are. Default: ${DEFAULT-VALUE}.")
    private Path profilesDir;

    @Option(names = "--record-signals", paramLabel = "DIR", description = {"Writes every signal group's rounds to DIR as labelled traces "
        + "(cpu_0.csv, host_all.csv, ...), each round labelled with the text of DIR/label (0 when absent).",
        "For measuring the anomaly detector on this host: see scripts/fault-trace."})
    private Path recordSignals;

    @Override
    public Integer call() throws AgentException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (printPolicy) {
            out.print(HealPolicy.builtInText());
            out.flush();
            return 0;
        }
        AgentSettings settings;
        try {
            settings = new AgentSettings(address(), port, DurationOption.parse("--interval", interval), stateDir(), journal, Sysroot.host(), !noEbpf,
                    new HealthOptions(healPolicy(), Optional.ofNullable(profile), profilesDir, HealthOptions.RETRY_AFTER,
                            Optional.ofNullable(recordSignals)));
        } catch (IllegalArgumentException | PolicyException | ProfileException e) {
            throw new UserException(e.getMessage());
        }
        Agent agent = Agent.start(settings, version());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("asios up: stopping");
            out.flush();
            try {
                agent.close();
            } finally {
                stopped.countDown();
            }
        }, "asios-up-stop"));
        String url = "http://" + agent.address().getHostString() + ":" + agent.address().getPort();
        out.println("asios up: listening on " + url + "  (dashboard " + url + "/, Prometheus " + url + "/metrics, API " + url + "/api/v1)");
        out.println("  state " + settings.stateDir() + ", every " + settings.interval().toMillis() + " ms");
        agent.notes().forEach(note -> out.println("  " + note));
        for (CollectorStatus status : agent.collectors()) {
            out.println("  collector " + status.name() + ": " + (status.availability().available() ? "on" : "off, " + status.availability().reason()));
        }
        for (ProbeStatus probe : agent.probes()) {
            out.println("  eBPF probe " + probe.name() + ": " + probe.state().label() + (probe.reason().isEmpty() ? "" : ", " + probe.reason())
                    + (probe.parts().isEmpty() ? "" : " (" + String.join(", ", probe.parts()) + ")"));
            probe.unavailableParts().forEach((part, why) -> out.println("    " + part + " off: " + why));
        }
        out.flush();
        stopped.await();
        return 0;
    }

    /** The policy file or the built-in policy, with the mode of --heal; the profile's name checked too, before anything starts. */
    private HealPolicy healPolicy() {
        if (profile != null) {
            new ProfileLoader(profilesDir).load(profile);
        }
        HealPolicy loaded = policy == null ? HealPolicy.builtIn() : HealPolicy.load(policy);
        return heal == null ? loaded : loaded.withMode(HealMode.parseOption(heal));
    }

    private InetAddress address() {
        try {
            return InetAddress.getByName(listen);
        } catch (UnknownHostException e) {
            throw new UserException("--listen '" + listen + "' is not an address of this host: " + e.getMessage());
        }
    }

    private Path stateDir() {
        return StateDirectory.choose(Optional.ofNullable(state), Privileges.root());
    }

    private static String version() {
        String version = UpCommand.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
