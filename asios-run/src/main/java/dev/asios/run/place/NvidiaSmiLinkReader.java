package dev.asios.run.place;

import dev.asios.host.parse.ParseException;
import dev.asios.run.command.BoundedCommand;
import dev.asios.run.command.CommandFailure;
import dev.asios.run.command.CommandResolver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Reads the NVLinks between the GPUs by running {@code nvidia-smi topo -m} and
 * {@code nvidia-smi --query-gpu=index,pci.bus_id --format=csv,noheader}, each with a time limit.
 * Never throws: without {@code nvidia-smi} on the search path, or when it fails, times out or
 * prints what {@link NvidiaSmiParser} cannot read, the answer is {@link GpuLinks#unknown} with the
 * reason. Thread-safe.
 */
public final class NvidiaSmiLinkReader {

    /** The time each command may take. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final String COMMAND = "nvidia-smi";

    private final String searchPath;
    private final Duration timeout;

    /** Looks for {@code nvidia-smi} on this process's {@code PATH}. */
    public NvidiaSmiLinkReader() {
        this(Optional.ofNullable(System.getenv("PATH")).orElse(""), TIMEOUT);
    }

    /** Looks for {@code nvidia-smi} in the folders of {@code searchPath} (colon-separated); each command may take {@code timeout}. */
    public NvidiaSmiLinkReader(String searchPath, Duration timeout) {
        this.searchPath = searchPath;
        this.timeout = timeout;
    }

    /** The NVLinks, or {@link GpuLinks#unknown} with the reason they could not be read. */
    public GpuLinks read() {
        Optional<Path> command = CommandResolver.resolve(COMMAND, searchPath);
        if (command.isEmpty()) {
            return GpuLinks.unknown(COMMAND + " is not on the search path");
        }
        try {
            String topology = BoundedCommand.run(List.of(command.get().toString(), "topo", "-m"), timeout);
            String busIds = BoundedCommand.run(List.of(command.get().toString(), "--query-gpu=index,pci.bus_id", "--format=csv,noheader"), timeout);
            return GpuLinks.fromNvidiaSmi(topology, busIds);
        } catch (CommandFailure | ParseException e) {
            return GpuLinks.unknown(e.getMessage());
        }
    }
}
