package dev.asios.host.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.parse.CpuSet;
import dev.asios.host.parse.ParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KernelValueParserTest {

    @Test
    void flagsAreZeroOrOne() {
        assertThat(KernelValueParser.parseFlag("1\n")).isTrue();
        assertThat(KernelValueParser.parseFlag(" 0 ")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2", "yes", "01", "1 0", "-1"})
    void otherFlagValuesAreErrors(String text) {
        assertThatThrownBy(() -> KernelValueParser.parseFlag(text)).isInstanceOf(ParseException.class);
    }

    @Test
    void sysfsListsTreatNullAndEmptyAsNone() {
        assertThat(KernelValueParser.parseSysfsCpuList("(null)\n")).isEqualTo(CpuSet.empty());
        assertThat(KernelValueParser.parseSysfsCpuList("\n")).isEqualTo(CpuSet.empty());
        assertThat(KernelValueParser.parseSysfsCpuList("\0\n")).isEqualTo(CpuSet.empty());
        assertThat(KernelValueParser.parseSysfsCpuList("2-3,6\n")).isEqualTo(CpuSet.of(2, 3, 6));
        assertThatThrownBy(() -> KernelValueParser.parseSysfsCpuList("(nul")).isInstanceOf(ParseException.class);
    }

    @Test
    void spacedListsAreCpuNumbers() {
        assertThat(KernelValueParser.parseSpacedCpuList("0 1  2 3 \n")).isEqualTo(CpuSet.of(0, 1, 2, 3));
        assertThat(KernelValueParser.parseSpacedCpuList("")).isEqualTo(CpuSet.empty());
        assertThatThrownBy(() -> KernelValueParser.parseSpacedCpuList("0 x")).isInstanceOf(ParseException.class);
    }

    @Test
    void bootListsUnderstandAllAndN() {
        assertThat(KernelValueParser.parseBootCpuList("2-5,8", 15)).isEqualTo(CpuSet.of(2, 3, 4, 5, 8));
        assertThat(KernelValueParser.parseBootCpuList("all", 3)).isEqualTo(CpuSet.of(0, 1, 2, 3));
        assertThat(KernelValueParser.parseBootCpuList("4-N", 7)).isEqualTo(CpuSet.of(4, 5, 6, 7));
        assertThat(KernelValueParser.parseBootCpuList("0-7:1/4", 7)).isEqualTo(CpuSet.of(0, 4));
        assertThat(KernelValueParser.parseBootCpuList("", 7)).isEqualTo(CpuSet.empty());
        assertThat(KernelValueParser.parseBootCpuList("1-2", -1)).isEqualTo(CpuSet.of(1, 2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"all", "1-N", "x", "3-1", "1,,2"})
    void bootListsNeedAKnownLastCpuForSymbols(String text) {
        assertThatThrownBy(() -> KernelValueParser.parseBootCpuList(text, -1)).isInstanceOf(ParseException.class);
    }
}
