package dev.asios.health.adapt;

import dev.asios.host.sysroot.Sysroot;
import dev.asios.host.sysroot.SysrootValues;
import dev.asios.observe.runs.TrackedRun;
import dev.asios.observe.runs.TrackedRuns;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The hugepages each tracked run holds, from the hugetlb accounting of its cgroups:
 * {@code hugetlb.2MB.current} (cgroup v2) or {@code hugetlb.2MB.usage_in_bytes} (cgroup v1), in
 * bytes. A run without hugetlb accounting is left out: the kernel does not say what it holds.
 * Stateless.
 */
final class RunHugetlb {

    private RunHugetlb() {
    }

    /** Pages of {@code pageSizeKib} held by each run that has hugetlb accounting, by run id. */
    static Map<String, Long> pagesByRun(Sysroot sysroot, TrackedRuns runs, long pageSizeKib) {
        SysrootValues values = new SysrootValues(sysroot);
        String size = sizeName(pageSizeKib);
        Map<String, Long> pages = new TreeMap<>();
        for (TrackedRun run : runs.current()) {
            long bytes = 0;
            boolean accounted = false;
            for (String cgroup : run.cgroupPaths()) {
                OptionalLong held = values.longValue(cgroup + "/hugetlb." + size + ".current");
                if (held.isEmpty()) {
                    held = values.longValue(cgroup + "/hugetlb." + size + ".usage_in_bytes");
                }
                if (held.isPresent()) {
                    bytes += held.getAsLong();
                    accounted = true;
                }
            }
            if (accounted) {
                pages.put(run.runId(), bytes / (pageSizeKib * 1024));
            }
        }
        return pages;
    }

    /** The kernel's name of a page size in hugetlb files: {@code 64KB}, {@code 2MB}, {@code 1GB}. */
    static String sizeName(long pageSizeKib) {
        if (pageSizeKib % (1024 * 1024) == 0) {
            return pageSizeKib / (1024 * 1024) + "GB";
        }
        return pageSizeKib % 1024 == 0 ? pageSizeKib / 1024 + "MB" : pageSizeKib + "KB";
    }
}
