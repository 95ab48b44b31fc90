package dev.asios.host.findings;

import dev.asios.host.inspect.HostSnapshot;
import java.util.List;
import java.util.Optional;

/** Fires when THP defragmentation is {@code always}: allocations compact memory synchronously. */
final class ThpDefragStallsRule extends BaseRule {

    private static final String DEFRAG = "/sys/kernel/mm/transparent_hugepage/defrag";

    ThpDefragStallsRule() {
        super("thp-defrag-stalls", Severity.WARNING,
                "With defrag 'always', a page fault that finds no free huge page stops and compacts memory first: "
                        + "stalls of milliseconds in the middle of a request or a training step, the classic cause of "
                        + "p99 latency spikes in inference servers.");
    }

    @Override
    public Optional<Finding> check(HostSnapshot host) {
        return host.kernel().memory().thpDefrag()
                .filter(defrag -> defrag.selected().equals("always"))
                .map(defrag -> finding("THP defragmentation stalls page faults (defrag = always)",
                        List.of(new Evidence(DEFRAG, KernelFacts.bracketed(defrag))),
                        Fix.command("echo defer+madvise > " + DEFRAG)));
    }
}
