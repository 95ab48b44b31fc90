package dev.asios.run.place;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.pci.PciDevice;
import dev.asios.host.sysroot.SysfsTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The branch and bound finds a set as good as the best of all subsets, for every size. */
class GpuSetChooserTest {

    @Test
    void matchesExhaustiveSearchOnWorstThenTotalLink(@TempDir Path root) {
        HostSnapshot host = EightGpuServer.write(new SysfsTree(root));
        LinkClassifier links = new LinkClassifier(host, EightGpuServer.links());
        DeviceNodes nodes = new DeviceNodes(host.numa());
        GpuSetChooser chooser = new GpuSetChooser(links, nodes, host.cpu().onlineCpus());
        List<PciDevice> gpus = host.pci().gpus();

        for (int size = 2; size <= gpus.size(); size++) {
            long[] best = {Long.MIN_VALUE, Long.MIN_VALUE};
            for (List<PciDevice> subset : subsets(gpus, size)) {
                long[] key = key(links, subset);
                if (Arrays.compare(key, best) > 0) {
                    best = key;
                }
            }
            List<PciDevice> chosen = chooser.best(gpus, size, false).orElseThrow();
            assertThat(key(links, chosen)).as("%d GPUs", size).containsExactly(best);
        }
    }

    private static long[] key(LinkClassifier links, List<PciDevice> set) {
        long worst = Long.MAX_VALUE;
        long sum = 0;
        for (int i = 0; i < set.size(); i++) {
            for (int j = i + 1; j < set.size(); j++) {
                worst = Math.min(worst, links.rank(set.get(i), set.get(j)));
                sum += links.rank(set.get(i), set.get(j));
            }
        }
        return new long[] {worst, sum};
    }

    private static List<List<PciDevice>> subsets(List<PciDevice> all, int size) {
        List<List<PciDevice>> result = new ArrayList<>();
        for (int mask = 0; mask < 1 << all.size(); mask++) {
            if (Integer.bitCount(mask) == size) {
                List<PciDevice> subset = new ArrayList<>();
                for (int i = 0; i < all.size(); i++) {
                    if ((mask & 1 << i) != 0) {
                        subset.add(all.get(i));
                    }
                }
                result.add(subset);
            }
        }
        return result;
    }
}
