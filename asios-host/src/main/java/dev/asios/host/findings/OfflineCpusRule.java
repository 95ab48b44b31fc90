package dev.asios.host.findings;

import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.parse.CpuSet;
import java.util.List;
import java.util.Optional;

/** Fires when the kernel knows CPUs that are offline. */
final class OfflineCpusRule extends BaseRule {

    OfflineCpusRule() {
        super("cpus-offline", Severity.INFO,
                "Offline CPUs do no work: data loaders, tokenizers and communication threads get fewer cores than "
                        + "the hardware has. Sometimes deliberate (SMT switched off for security or latency).");
    }

    @Override
    public Optional<Finding> check(HostSnapshot host) {
        CpuSet offline = host.cpu().offlineCpus();
        if (offline.isEmpty()) {
            return Optional.empty();
        }
        int first = offline.first();
        return Optional.of(finding(offline.size() + " CPUs are offline: " + offline,
                List.of(new Evidence("/sys/devices/system/cpu", "online " + host.cpu().onlineCpus() + ", offline " + offline)),
                Fix.command("echo 1 > /sys/devices/system/cpu/cpu" + first + "/online   # repeat for each offline CPU"),
                Fix.manual("if SMT is off on purpose (nosmt, or the firmware), leave it")));
    }
}
