package dev.asios.host.findings;

import dev.asios.host.block.BlockDevice;
import dev.asios.host.inspect.HostSnapshot;
import java.util.List;
import java.util.Optional;

/** Fires when an NVMe drive is behind an I/O scheduler instead of {@code none}. */
final class NvmeSchedulerRule extends BaseRule {

    NvmeSchedulerRule() {
        super("nvme-scheduler-not-none", Severity.WARNING,
                "NVMe drives have deep hardware queues of their own; a software scheduler (mq-deadline, bfq, kyber) "
                        + "adds CPU work and latency on every request and caps the IOPS of checkpoint writes and "
                        + "dataset reads.");
    }

    @Override
    public Optional<Finding> check(HostSnapshot host) {
        List<BlockDevice> scheduled = host.blockDevices().stream()
                .filter(d -> d.name().startsWith("nvme") && !d.virtual())
                .filter(d -> d.scheduler().filter(s -> !s.active().equals("none") && s.available().contains("none")).isPresent())
                .toList();
        if (scheduled.isEmpty()) {
            return Optional.empty();
        }
        List<Evidence> evidence = scheduled.stream()
                .map(d -> new Evidence("/sys/block/" + d.name() + "/queue/scheduler", d.scheduler().orElseThrow().active()))
                .toList();
        String names = String.join(" ", scheduled.stream().map(BlockDevice::name).toList());
        return Optional.of(finding(scheduled.size() + " NVMe drive(s) not on the 'none' scheduler: " + names, evidence,
                Fix.command("for d in " + names + "; do echo none > /sys/block/$d/queue/scheduler; done"),
                Fix.command("echo 'ACTION==\"add|change\", KERNEL==\"nvme[0-9]*n[0-9]*\", ATTR{queue/scheduler}=\"none\"' "
                        + "> /etc/udev/rules.d/60-asios-nvme-scheduler.rules   # keeps it across reboots")));
    }
}
