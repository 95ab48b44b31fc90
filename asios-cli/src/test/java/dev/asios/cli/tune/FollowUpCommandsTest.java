package dev.asios.cli.tune;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.cli.tune.FollowUpCommands.FollowUp;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which commands follow which changed files, on hosts with and without them. */
class FollowUpCommandsTest {

    private static final String GRUB_DROP_IN = "/etc/default/grub.d/99-asios-inference.cfg";

    @Test
    void irqbalanceIsRestartedThroughSystemdOnceForItsFile() {
        List<FollowUp> followUps = FollowUpCommands.forPaths(
                List.of("/proc/sys/vm/swappiness", "/etc/default/irqbalance", "/etc/sysconfig/irqbalance"), Set.of("systemctl")::contains);
        assertThat(followUps).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("irqbalance");
            assertThat(f.command()).containsExactly("systemctl", "try-restart", "irqbalance.service");
        });
    }

    @Test
    void withoutSystemdIrqbalanceMustBeRestartedByHand() {
        assertThat(FollowUpCommands.forPaths(List.of("/etc/default/irqbalance"), Set.of("update-grub")::contains)).singleElement().satisfies(f -> {
            assertThat(f.command()).isEmpty();
            assertThat(f.byHand()).contains("no systemd", "restarted by hand");
        });
    }

    @Test
    void aGrubDropInIsFollowedByUpdateGrubOrGrub2MkconfigAndAReboot() {
        assertThat(FollowUpCommands.forPaths(List.of(GRUB_DROP_IN), Set.of("update-grub", "grub2-mkconfig")::contains))
                .singleElement().satisfies(f -> {
                    assertThat(f.command()).containsExactly("update-grub");
                    assertThat(f.done()).contains("reboot");
                });
        assertThat(FollowUpCommands.forPaths(List.of(GRUB_DROP_IN), Set.of("grub2-mkconfig")::contains))
                .singleElement().satisfies(f -> assertThat(f.command()).containsExactly("grub2-mkconfig", "-o", "/boot/grub2/grub.cfg"));
        assertThat(FollowUpCommands.forPaths(List.of(GRUB_DROP_IN), Set.<String>of()::contains))
                .singleElement().satisfies(f -> {
                    assertThat(f.command()).isEmpty();
                    assertThat(f.byHand()).contains("neither update-grub nor grub2-mkconfig", "reboot");
                });
    }

    @Test
    void kernelFilesAndOtherFilesNeedNothing() {
        assertThat(FollowUpCommands.forPaths(List.of("/proc/sys/vm/swappiness", "/etc/default/grub", "/sys/fs/cgroup/asios-isolated"),
                command -> true)).isEmpty();
    }

    @Test
    void bothFollowUpsInTheOrderTheyAreDone() {
        assertThat(FollowUpCommands.forPaths(List.of(GRUB_DROP_IN, "/etc/default/irqbalance"), command -> true))
                .extracting(FollowUp::subject).containsExactly("irqbalance", "boot loader");
    }
}
