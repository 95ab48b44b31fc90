package dev.asios.host.numa;

import dev.asios.host.sysroot.SysrootValues;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Reads the hugepage pools under a {@code hugepages} folder ({@code hugepages-2048kB/nr_hugepages}, …). */
final class HugepageReader {

    private final SysrootValues values;

    HugepageReader(SysrootValues values) {
        this.values = values;
    }

    List<HugepagePool> read(String dir) {
        List<HugepagePool> pools = new ArrayList<>();
        for (String name : values.sysroot().list(dir)) {
            // Format of the folder name: "hugepages-2048kB"
            if (!name.startsWith("hugepages-") || !name.endsWith("kB")) {
                continue;
            }
            String kib = name.substring("hugepages-".length(), name.length() - 2);
            if (kib.isEmpty() || !kib.chars().allMatch(Character::isDigit)) {
                values.sysroot().diagnostics().warn(dir + "/" + name, "folder name is not hugepages-<size>kB");
                continue;
            }
            String pool = dir + "/" + name + "/";
            var total = values.longValue(pool + "nr_hugepages");
            if (total.isEmpty()) {
                continue;
            }
            pools.add(new HugepagePool(Long.parseLong(kib) * 1024, total.getAsLong(),
                    values.longValue(pool + "free_hugepages").orElse(0), values.longValue(pool + "surplus_hugepages").orElse(0)));
        }
        pools.sort(Comparator.comparingLong(HugepagePool::pageSizeBytes));
        return pools;
    }
}
