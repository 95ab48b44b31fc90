package dev.asios.tune.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.parse.ParseException;
import org.junit.jupiter.api.Test;

class ValueFormatTest {

    @Test
    void readsTheBracketedChoice() {
        assertThat(ValueFormat.BRACKETED.effective("always [madvise] never\n")).isEqualTo("madvise");
        assertThat(ValueFormat.BRACKETED.effective("none\n")).isEqualTo("none");
        assertThat(ValueFormat.BRACKETED.shows("[none] mq-deadline", "none")).isTrue();
        assertThatThrownBy(() -> ValueFormat.BRACKETED.effective("a b c")).isInstanceOf(ParseException.class);
    }

    @Test
    void comparesPlainValuesAfterTrimming() {
        assertThat(ValueFormat.PLAIN.shows("60\n", "60")).isTrue();
        assertThat(ValueFormat.PLAIN.shows("60\n", "10")).isFalse();
    }

    @Test
    void comparesCpuSetsAsSets() {
        assertThat(ValueFormat.CPU_LIST.shows("0,1,2,3\n", "0-3")).isTrue();
        assertThat(ValueFormat.CPU_MASK.shows("0000000f\n", "f")).isTrue();
        assertThat(ValueFormat.CPU_MASK.effective("f")).isEqualTo("0000000f");
    }

    @Test
    void aChangeIsDoneWhenTheHostShowsTheDesiredValue() {
        assertThat(new Change("t", "/p", ValueFormat.BRACKETED, "madvise", "madvise", "r").alreadyDone()).isTrue();
        assertThat(new Change("t", "/p", ValueFormat.PLAIN, "60", "10", "r").alreadyDone()).isFalse();
    }
}
