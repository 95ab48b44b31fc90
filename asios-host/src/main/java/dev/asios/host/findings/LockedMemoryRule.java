package dev.asios.host.findings;

import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.kernel.LockedMemoryLimit;
import java.util.List;
import java.util.Optional;

/** Fires when the locked-memory limit is not unlimited. */
final class LockedMemoryRule extends BaseRule {

    LockedMemoryRule() {
        super("memlock-limited", Severity.WARNING,
                "RDMA (ibverbs, NCCL over InfiniBand/RoCE, GPUDirect) and pinned host buffers (cudaHostAlloc, DataLoader "
                        + "pin_memory) lock memory; a low RLIMIT_MEMLOCK makes registration fail or NCCL fall back to "
                        + "slower transports.");
    }

    @Override
    public Optional<Finding> check(HostSnapshot host) {
        Optional<LockedMemoryLimit> limit = host.kernel().lockedMemory();
        if (limit.isEmpty() || limit.get().softBytes() == LockedMemoryLimit.UNLIMITED) {
            return Optional.empty();
        }
        return Optional.of(finding("locked memory is limited to " + limit.get().softBytes() + " bytes",
                List.of(new Evidence("/proc/self/limits", "Max locked memory " + limit.get().softBytes() + " (soft) " + render(limit.get().hardBytes()) + " (hard)")),
                Fix.command("printf '* - memlock unlimited\\nroot - memlock unlimited\\n' > /etc/security/limits.d/90-asios-memlock.conf   # new logins"),
                Fix.command("mkdir -p /etc/systemd/system.conf.d && printf '[Manager]\\nDefaultLimitMEMLOCK=infinity\\n' > /etc/systemd/system.conf.d/asios-memlock.conf   # services, after a reboot")));
    }

    private static String render(long bytes) {
        return bytes == LockedMemoryLimit.UNLIMITED ? "unlimited" : String.valueOf(bytes);
    }
}
