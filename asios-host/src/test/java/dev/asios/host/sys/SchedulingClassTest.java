package dev.asios.host.sys;

import static dev.asios.host.sys.HostThreads.ofEveryJvmThread;
import static dev.asios.host.sys.HostThreads.onFreshThread;
import static dev.asios.host.sys.HostThreads.output;
import static dev.asios.host.sys.HostThreads.statField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.sys.SchedulingClass.Policy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Scheduling classes on the real host; real-time ones need root. */
@Tag("host")
class SchedulingClassTest {

    @Test
    void fifoIsReadBackAndInheritedThroughProcessBuilder() throws Exception {
        assertThat(SchedulingClass.ofCurrentThread()).isEqualTo(Policy.OTHER);
        List<String> seen = onFreshThread(() -> {
            SchedulingClass.setCurrentThread(Policy.FIFO, 1);
            String stat = output("cat", "/proc/self/stat");
            // proc(5): field 40 rt_priority, field 41 policy.
            return List.of(SchedulingClass.ofCurrentThread().name(), String.valueOf(SchedulingClass.priorityOfCurrentThread()),
                    statField(stat, 41), statField(stat, 40));
        });
        assertThat(seen).containsExactly("FIFO", "1", "1", "1");
        assertThat(SchedulingClass.ofCurrentThread()).isEqualTo(Policy.OTHER);
        assertThat(ofEveryJvmThread("stat", stat -> statField(stat, 41)))
                .as("no other JVM thread took the policy").allMatch(line -> line.endsWith(" 0"));
    }

    @Test
    void everyPolicyIsReadBack() throws Exception {
        List<String> seen = onFreshThread(() -> {
            List<String> read = new ArrayList<>();
            for (Policy policy : List.of(Policy.RR, Policy.BATCH, Policy.IDLE, Policy.OTHER)) {
                SchedulingClass.setCurrentThread(policy, SchedulingClass.minPriority(policy));
                read.add(SchedulingClass.ofCurrentThread() + " " + SchedulingClass.priorityOfCurrentThread());
            }
            return read;
        });
        assertThat(seen).containsExactly("RR 1", "BATCH 0", "IDLE 0", "OTHER 0");
    }

    @Test
    void priorityRangesAreTheKernels() throws Exception {
        assertThat(SchedulingClass.maxPriority(Policy.FIFO)).isEqualTo(99);
        assertThat(SchedulingClass.minPriority(Policy.RR)).isEqualTo(1);
        assertThat(SchedulingClass.maxPriority(Policy.OTHER)).isZero();
        assertThatThrownBy(() -> SchedulingClass.setCurrentThread(Policy.FIFO, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("priority 0 is outside 1..99 for scheduling policy FIFO");
        assertThatThrownBy(() -> SchedulingClass.setCurrentThread(Policy.OTHER, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("priority 5 is outside 0..0 for scheduling policy OTHER");
    }
}
