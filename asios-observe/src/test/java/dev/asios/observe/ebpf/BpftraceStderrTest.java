package dev.asios.observe.ebpf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BpftraceStderrTest {

    private static String reasonOf(String recorded, int status) {
        BpftraceStderr stderr = new BpftraceStderr();
        Recorded.text(recorded).lines().forEach(stderr::add);
        return stderr.reason(status);
    }

    @Test
    void namesTheErrorThatStoppedBpftraceRatherThanTheMemlockNotice() {
        assertThat(reasonOf("stderr-tracepoint-missing.txt", 1))
                .isEqualTo("bpftrace exited with status 1: stdin:1:1-30: ERROR: tracepoint not found: sched:sched_nosuch");
        assertThat(reasonOf("stderr-syntax-error.txt", 1)).endsWith("ERROR: syntax error, unexpected end of file, expecting }");
        assertThat(reasonOf("stderr-not-root.txt", 1)).endsWith("ERROR: bpftrace currently only supports running as the root user.");
        assertThat(reasonOf("stderr-uprobe-target-missing.txt", 1)).contains("uprobe target file '/nonexistent/libcuda.so.1' does not exist");
    }

    @Test
    void takesPlainTextOverTheMemlockNoticeAndTheNoticeOverNothing() {
        BpftraceStderr stderr = new BpftraceStderr();
        Recorded.text("stderr-uprobe-symbol-missing.txt").lines().forEach(stderr::add);
        assertThat(stderr.reason(1)).contains("RLIMIT_MEMLOCK");
        Recorded.text("stdout-uprobe-symbol-missing.txt").lines().forEach(stderr::add);
        assertThat(stderr.reason(1)).isEqualTo("bpftrace exited with status 1: No probes to attach");
    }

    @Test
    void saysWhichSignalKilledItAndKeepsOnlyTheLatestLines() {
        BpftraceStderr stderr = new BpftraceStderr();
        assertThat(stderr.reason(137)).isEqualTo("bpftrace was killed by signal 9");
        for (int i = 0; i < 100; i++) {
            stderr.add("WARNING: line " + i);
        }
        stderr.add("   ");
        assertThat(stderr.lines()).hasSize(BpftraceStderr.MAX_LINES).endsWith("WARNING: line 99");
        stderr.add("x".repeat(1000));
        assertThat(stderr.lines().getLast()).hasSizeLessThan(400).endsWith("...");
        stderr.clear();
        assertThat(stderr.lines()).isEmpty();
    }
}
