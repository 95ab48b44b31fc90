package dev.asios.host.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * prlimit on the real host. Lifting a hard limit needs {@code CAP_SYS_RESOURCE}, which root in a
 * container may lack: the host has it or not, and one of the two lifting tests runs. The changes
 * are made to a child.
 */
@Tag("host")
class ResourceLimitsTest {

    // CAP_SYS_RESOURCE is bit 24 of the capability sets (include/uapi/linux/capability.h).
    private static final long CAP_SYS_RESOURCE = 1L << 24;

    @Test
    void memlockOfAChildIsLifted() throws Exception {
        assumeTrue(hasSysResource(), "CAP_SYS_RESOURCE is needed to raise a hard limit");
        Process sleep = new ProcessBuilder("sh", "-c", "ulimit -l 64; exec sleep 60").start();
        try {
            awaitLimit(sleep.pid(), 64 * 1024);
            ResourceLimits.setMemlockUnlimited(sleep.pid());
            assertThat(ResourceLimits.memlock(sleep.pid()).unlimited()).isTrue();
            assertThat(limitsLine(sleep.pid())).matches("Max locked memory\\s+unlimited\\s+unlimited\\s+bytes\\s*");
        } finally {
            sleep.destroyForcibly().waitFor();
        }
    }

    @Test
    void withoutSysResourceTheRefusalIsClear() throws Exception {
        assumeFalse(hasSysResource(), "this process has CAP_SYS_RESOURCE");
        Process sleep = new ProcessBuilder("sleep", "60").start();
        try {
            ResourceLimits.Limit before = ResourceLimits.memlock(sleep.pid());
            assertThatThrownBy(() -> ResourceLimits.setMemlockUnlimited(sleep.pid())).isInstanceOf(NativeException.class)
                    .hasMessage("prlimit of RLIMIT_MEMLOCK to unlimited for pid " + sleep.pid() + ": Operation not permitted (EPERM)");
            assertThat(ResourceLimits.memlock(sleep.pid())).isEqualTo(before);
        } finally {
            sleep.destroyForcibly().waitFor();
        }
    }

    @Test
    void memlockOfThisJvmIsWhatProcShows() throws Exception {
        ResourceLimits.Limit limit = ResourceLimits.memlock(ProcessHandle.current().pid());
        String[] fields = limitsLine(ProcessHandle.current().pid()).split("\\s{2,}");
        assertThat(fields[1]).isEqualTo(limit.soft() == ResourceLimits.UNLIMITED ? "unlimited" : String.valueOf(limit.soft()));
        assertThat(fields[2]).isEqualTo(limit.hard() == ResourceLimits.UNLIMITED ? "unlimited" : String.valueOf(limit.hard()));
        assertThatThrownBy(() -> ResourceLimits.memlock(4_194_305)).isInstanceOf(NativeException.class).hasMessageContaining("(ESRCH)");
    }

    // Format of /proc/self/status: "CapEff:\t000001fffeffffff", a hex bit set.
    private static boolean hasSysResource() throws Exception {
        String effective = HostThreads.statusValue(Files.readString(Path.of("/proc/self/status")), "CapEff");
        return (Long.parseUnsignedLong(effective, 16) & CAP_SYS_RESOURCE) != 0;
    }

    private static void awaitLimit(long pid, long softBytes) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (ResourceLimits.memlock(pid).soft() != softBytes) {
            assertThat(System.nanoTime()).as("ulimit -l in the child").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    // Format of /proc/PID/limits: "Max locked memory         8388608              8388608              bytes"
    private static String limitsLine(long pid) throws Exception {
        return Files.readAllLines(Path.of("/proc/" + pid + "/limits")).stream().filter(line -> line.startsWith("Max locked memory"))
                .findFirst().orElseThrow();
    }
}
