package dev.asios.run.launch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.parse.ParseException;
import dev.asios.host.pci.PciAddress;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.run.place.FreeResources;
import dev.asios.run.place.UnhealthyGpus;
import dev.asios.run.store.RunRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a new run may use on a host: the online CPUs, less the isolated ones unless it asks for
 * them; the isolated CPUs of the active tuning profile (its {@code asios-isolated} cpuset); and
 * the GPUs that no supervised run holds and the agent has not marked unhealthy.
 */
public final class HostResources {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HostResources() {
    }

    /** The isolated CPUs of the active tuning profile; empty when no profile isolates CPUs. */
    public static CpuSet isolatedCpus(Sysroot sysroot, CgroupLayout layout) {
        return layout.of(Controller.CPUSET)
                .map(h -> RunCgroup.cpus(sysroot, h.mountPoint() + "/" + RunCgroup.ISOLATED + "/cpuset.cpus"))
                .orElse(CpuSet.empty());
    }

    /**
     * The free resources for a run that asks ({@code isolated}) or does not ask for isolated CPUs,
     * given the runs recorded as running.
     */
    public static FreeResources free(HostSnapshot host, CpuSet isolated, boolean wantsIsolated, List<RunRecord> running) {
        FreeResources all = FreeResources.of(host, isolated);
        FreeResources free = wantsIsolated ? all : new FreeResources(all.cpus().andNot(isolated), all.isolated(), all.busyGpus(), all.unhealthyGpus());
        return free.withBusyGpus(busyGpus(running));
    }

    /**
     * The GPUs the agent marked unhealthy, from {@value UnhealthyGpus#FILE} in {@code stateDir};
     * none when the file does not exist.
     *
     * @throws ParseException if the file is not as {@link UnhealthyGpus#render} writes it, naming the file
     * @throws IOException if it exists but cannot be read
     */
    public static UnhealthyGpus unhealthyGpus(Path stateDir) throws IOException {
        Path file = stateDir.resolve(UnhealthyGpus.FILE);
        try {
            return UnhealthyGpus.parse(Files.readString(file), file.toString());
        } catch (NoSuchFileException e) {
            return UnhealthyGpus.none();
        }
    }

    /** The GPUs of runs whose supervisor lives, from their recorded placements. */
    static Set<PciAddress> busyGpus(List<RunRecord> running) {
        Set<PciAddress> busy = new HashSet<>();
        for (RunRecord run : running) {
            if (!run.supervised()) {
                continue;
            }
            try {
                for (JsonNode gpu : JSON.readTree(run.placement()).path("gpus")) {
                    busy.add(PciAddress.parse(gpu.path("address").asText()));
                }
            } catch (IOException | ParseException e) {
                // A placement the store cannot give back holds no GPU we can name; the run's own report still has it.
            }
        }
        return busy;
    }
}
