package dev.asios.health.rules;

import dev.asios.host.sysroot.SysfsTree;

/** {@code /proc} task folders in test trees. */
public final class TaskTrees {

    /** {@code PF_KTHREAD | PF_NO_SETAFFINITY} and the flags {@code ksoftirqd/1} has on the test host. */
    static final long PER_CPU_KTHREAD_FLAGS = 69238848L;
    /** {@code PF_KTHREAD} and the flags of a worker not bound to a CPU. */
    static final long UNBOUND_KTHREAD_FLAGS = 0x0420_8060L & ~0x0400_0000L;
    /** The flags of a user process ({@code PF_RANDOMIZE}, {@code PF_FORKNOEXEC} ...). */
    public static final long USER_FLAGS = 4194560L;

    private TaskTrees() {
    }

    /** A task's {@code stat} line with these fields and zeros elsewhere. */
    static String stat(long tid, String comm, long flags, int cpu) {
        StringBuilder line = new StringBuilder().append(tid).append(" (").append(comm).append(") S");
        for (int field = 4; field <= 52; field++) {
            line.append(' ').append(field == 9 ? flags : field == 39 ? cpu : 0);
        }
        return line.append('\n').toString();
    }

    /** Adds thread {@code tid} of process {@code pid} on {@code cpu}, allowed on {@code allowed}. */
    public static void task(SysfsTree tree, long pid, long tid, String comm, long flags, int cpu, String allowed) {
        String dir = "/proc/" + pid + "/task/" + tid;
        tree.file(dir + "/stat", stat(tid, comm, flags, cpu)).file(dir + "/status", "Name:\t" + comm + "\nCpus_allowed_list:\t" + allowed + "\n");
    }
}
