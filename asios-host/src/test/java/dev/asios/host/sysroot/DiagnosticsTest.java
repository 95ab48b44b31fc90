package dev.asios.host.sysroot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiagnosticsTest {

    @Test
    void keepsEachWarningOnceAndAtMostTheCap() {
        Diagnostics diagnostics = new Diagnostics();
        for (int i = 0; i < 5; i++) {
            diagnostics.warn("/proc/schedstat", "unreadable");
        }
        assertThat(diagnostics.warnings()).containsExactly(new Diagnostics.Warning("/proc/schedstat", "unreadable"));

        for (int i = 0; i < Diagnostics.MAX_WARNINGS + 10; i++) {
            diagnostics.warn("/sys/x" + i, "bad");
        }
        assertThat(diagnostics.warnings()).hasSize(Diagnostics.MAX_WARNINGS);
        assertThat(diagnostics.warnings().getFirst().path()).isEqualTo("/proc/schedstat");
        assertThat(diagnostics.dropped()).isEqualTo(11);
        diagnostics.warn("/proc/schedstat", "unreadable");
        assertThat(diagnostics.dropped()).isEqualTo(11);
    }
}
