package dev.asios.host.findings;

import dev.asios.host.inspect.HostSnapshot;
import java.util.List;
import java.util.Optional;

/** Fires when transparent hugepages are off ({@code never}). */
final class ThpDisabledRule extends BaseRule {

    static final String ENABLED = "/sys/kernel/mm/transparent_hugepage/enabled";

    ThpDisabledRule() {
        super("thp-disabled", Severity.WARNING,
                "With THP off, model weights, KV caches and optimizer state live in 4 KiB pages: the TLB covers a tiny "
                        + "part of them and page walks eat into memory-bound kernels. 'madvise' lets frameworks that "
                        + "ask for huge pages (PyTorch's allocator, JAX, most inference servers) get them.");
    }

    @Override
    public Optional<Finding> check(HostSnapshot host) {
        return host.kernel().memory().thpEnabled()
                .filter(thp -> thp.selected().equals("never"))
                .map(thp -> finding("transparent hugepages are disabled", List.of(new Evidence(ENABLED, KernelFacts.bracketed(thp))),
                        Fix.command("echo madvise > " + ENABLED),
                        Fix.bootParameter("transparent_hugepage=madvise")));
    }
}
