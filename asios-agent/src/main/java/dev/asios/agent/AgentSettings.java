package dev.asios.agent;

import dev.asios.agent.health.HealthOptions;
import dev.asios.host.sysroot.Sysroot;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How {@code asios up} runs. Validated once, here, with messages that name the setting.
 *
 * @param listen the address to bind; loopback unless told otherwise
 * @param port the TCP port (0 picks a free one, for tests)
 * @param interval how often the collectors run
 * @param stateDir where the sample store and the run store live
 * @param journalDir the tuning journal, for the tuning status
 * @param sysroot the host's files
 * @param ebpf whether to start the eBPF probes
 * @param health the heal policy, its mode and the profile kept in force
 */
public record AgentSettings(InetAddress listen, int port, Duration interval, Path stateDir, Path journalDir, Sysroot sysroot, boolean ebpf,
        HealthOptions health) {

    /** Settings with the default {@link HealthOptions}. */
    public AgentSettings(InetAddress listen, int port, Duration interval, Path stateDir, Path journalDir, Sysroot sysroot, boolean ebpf) {
        this(listen, port, interval, stateDir, journalDir, sysroot, ebpf, HealthOptions.DEFAULTS);
    }

    /** The default port, 7070. */
    public static final int DEFAULT_PORT = 7070;

    /**
     * Checks the settings.
     *
     * @throws IllegalArgumentException naming the setting, the bound and the value
     */
    public AgentSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be within 0..65535, got " + port);
        }
        if (interval.compareTo(Duration.ofMillis(100)) < 0 || interval.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("--interval must be within 100ms..10m, got " + interval.toMillis() + "ms");
        }
    }
}
