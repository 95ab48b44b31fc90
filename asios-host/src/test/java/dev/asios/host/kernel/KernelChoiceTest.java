package dev.asios.host.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.parse.ParseException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KernelChoiceTest {

    @Test
    void findsTheBracketedValue() {
        assertThat(KernelChoice.parse("always [madvise] never\n")).isEqualTo(new KernelChoice("madvise", List.of("always", "madvise", "never")));
        assertThat(KernelChoice.parse("always defer defer+madvise [madvise] never").selected()).isEqualTo("madvise");
        assertThat(KernelChoice.parse("[always] madvise never").selected()).isEqualTo("always");
        assertThat(KernelChoice.parse("  always\t madvise  [never]  ").available()).containsExactly("always", "madvise", "never");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  \n", "always madvise never", "[always] [never]", "always [madv", "[] never", "a[b] c", "[[x]]"})
    void rejectsTextWithoutExactlyOneBracketedValue(String text) {
        assertThatThrownBy(() -> KernelChoice.parse(text)).isInstanceOf(ParseException.class);
    }
}
