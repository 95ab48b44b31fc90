package dev.asios.health.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.parse.ParseException;
import org.junit.jupiter.api.Test;

/** The parser of a task's {@code stat} fields, on lines recorded on the test host. */
class TaskParsersTest {

    /** {@code /proc/22/stat} of the test host: {@code ksoftirqd/1}, a per-CPU kernel thread on CPU 1. */
    static final String KSOFTIRQD_1 = "22 (ksoftirqd/1) S 2 0 0 0 -1 69238848 0 0 0 0 0 2202 0 0 20 0 1 0 23 0 0 18446744073709551615 0 0 0 0 0 0 0 "
            + "2147483647 0 1 0 0 17 1 0 0 0 0 0 0 0 0 0 0 0 0 0\n";
    /** {@code /proc/1/stat} of the test host, a user process last on CPU 0. */
    static final String INIT = "1 (process_api) S 0 0 0 0 -1 4194560 350049 430629889 0 35481 2401 9234 2324497 567067 20 0 15 0 23 49864704 3637 "
            + "18446744073709551615 1 1 0 0 0 0 0 4096 1256 0 0 0 17 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n";

    @Test
    void readsTheFlagsAndTheLastCpu() {
        TaskStatFields kthread = TaskStatFields.of(KSOFTIRQD_1);
        assertThat(kthread.flags()).isEqualTo(69238848L);
        assertThat(kthread.processor()).isEqualTo(1);
        assertThat(TaskStatFields.of(INIT).processor()).isZero();
    }

    @Test
    void aCommandNameWithSpacesAndParenthesesEndsAtTheLastParenthesis() {
        String odd = INIT.replace("(process_api)", "(a) b (c d))");
        assertThat(TaskStatFields.of(odd).flags()).isEqualTo(4194560L);
        assertThat(TaskStatFields.of(odd).processor()).isZero();
    }

    @Test
    void aShortOrGarbledLineIsRejectedWithItsText() {
        assertThatThrownBy(() -> TaskStatFields.of("22 ksoftirqd S 2")).isInstanceOf(ParseException.class).hasMessageContaining("PID (COMM)");
        assertThatThrownBy(() -> TaskStatFields.of("22 (k) S 2 0 0 0 -1 69238848 0 0")).isInstanceOf(ParseException.class).hasMessageContaining("too short");
        assertThatThrownBy(() -> TaskStatFields.of(INIT.replace("4194560", "flags"))).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> TaskStatFields.of("")).isInstanceOf(ParseException.class);
    }
}
