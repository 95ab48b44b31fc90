package dev.asios.tune.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.host.kernel.CommandLineParser;
import dev.asios.host.parse.CpuSet;
import dev.asios.tune.profile.BootSettings;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BootPlannerTest {

    private static final BootSettings INFERENCE = new BootSettings(Optional.of(true), Optional.of(true), Optional.of(true),
            Optional.of(true), Optional.of(true), Optional.of(4), Optional.of(1));

    @Test
    void asksForIsolationOfTheIsolatedCpusAndTheRest() {
        BootPlan plan = BootPlanner.plan("inference", INFERENCE, CpuSet.parseList("2-7"), CommandLineParser.parse("ro quiet iommu=pt"));
        assertThat(plan.parameters()).containsExactly("isolcpus=managed_irq,domain,2-7", "nohz_full=2-7", "rcu_nocbs=2-7", "iommu=pt",
                "skew_tick=1", "hugepagesz=1G", "hugepages=4", "processor.max_cstate=1", "intel_idle.max_cstate=1");
        assertThat(plan.missing()).doesNotContain("iommu=pt").contains("nohz_full=2-7");
        assertThat(plan.grubFile()).isEqualTo("/etc/default/grub.d/99-asios-inference.cfg");
        assertThat(plan.grubFileContent()).contains("GRUB_CMDLINE_LINUX_DEFAULT=\"$GRUB_CMDLINE_LINUX_DEFAULT isolcpus=managed_irq,domain,2-7 ");
    }

    @Test
    void isSatisfiedWhenTheRunningKernelHasItAll() {
        BootSettings iommuOnly = new BootSettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(true),
                Optional.empty(), Optional.empty(), Optional.empty());
        assertThat(BootPlanner.plan("training", iommuOnly, CpuSet.empty(), CommandLineParser.parse("ro iommu=pt")).satisfied()).isTrue();
        assertThat(BootPlanner.plan("training", iommuOnly, CpuSet.empty(), CommandLineParser.parse("ro iommu=nopt")).missing()).containsExactly("iommu=pt");
    }

    @Test
    void leavesIsolationOutWhenNothingIsIsolated() {
        assertThat(BootPlanner.plan("x", INFERENCE, CpuSet.empty(), CommandLineParser.parse("")).parameters())
                .noneMatch(p -> p.startsWith("isolcpus") || p.startsWith("nohz_full") || p.startsWith("rcu_nocbs"));
    }
}
