package dev.asios.cli.run;

import dev.asios.host.inspect.HostInspector;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.run.launch.CgroupLayout;
import dev.asios.run.launch.RunCgroup;
import dev.asios.run.launch.RunCleaner;
import dev.asios.run.store.RunStore;
import java.nio.file.Path;

/**
 * The host tests' bookkeeping of the runs' parent cgroups: a test that finds none leaves none, so
 * the host is as it was (the folders are made by the first run and kept between runs).
 */
final class RunParents {

    private final Sysroot host;
    private final CgroupLayout layout;
    private final boolean existed;

    private RunParents(Sysroot host, CgroupLayout layout, boolean existed) {
        this.host = host;
        this.layout = layout;
        this.existed = existed;
    }

    /** Notes whether any runs' parent exists now on {@code host}. */
    static RunParents before(Sysroot host) {
        CgroupLayout layout = CgroupLayout.of(new HostInspector(host).inspect().kernel().cgroups().orElseThrow());
        boolean existed = layout.hierarchies().stream().anyMatch(h -> host.isDirectory(h.mountPoint() + "/" + RunCgroup.RUNS));
        return new RunParents(host, layout, existed);
    }

    /** Removes the empty runs' parents when there were none before; {@code state} holds a scratch run store. */
    void restore(Path state) throws Exception {
        if (!existed) {
            try (RunStore store = RunStore.open(state)) {
                new RunCleaner(host, layout, store).removeEmptyParents();
            }
        }
    }
}
