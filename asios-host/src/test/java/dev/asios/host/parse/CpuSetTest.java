package dev.asios.host.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CpuSetTest {

    @Test
    void parsesListsWithRangesAndSingles() {
        assertThat(CpuSet.parseList("0-3,8,10-11\n").toArray()).containsExactly(0, 1, 2, 3, 8, 10, 11);
        assertThat(CpuSet.parseList("").isEmpty()).isTrue();
        assertThat(CpuSet.parseList(" 5 ").toArray()).containsExactly(5);
    }

    @Test
    void parsesTheKernelsStrideSyntax() {
        assertThat(CpuSet.parseList("0-7:2/4").toArray()).containsExactly(0, 1, 4, 5);
    }

    @Test
    void rejectsGarbledLists() {
        assertThatThrownBy(() -> CpuSet.parseList("0-")).isInstanceOf(ParseException.class).hasMessageContaining("0-");
        assertThatThrownBy(() -> CpuSet.parseList("3-1")).isInstanceOf(ParseException.class).hasMessageContaining("backwards");
        assertThatThrownBy(() -> CpuSet.parseList("a")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> CpuSet.parseList("1,,2")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> CpuSet.parseList("99999999")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> CpuSet.parseList("0-7:5/4")).isInstanceOf(ParseException.class);
    }

    @Test
    void parsesMasksWordByWordMostSignificantFirst() {
        assertThat(CpuSet.parseMask("00000000,0000ff0f").toList()).isEqualTo("0-3,8-15");
        assertThat(CpuSet.parseMask("00000001,00000000").toList()).isEqualTo("32");
        assertThat(CpuSet.parseMask("0\n").isEmpty()).isTrue();
    }

    @Test
    void rejectsGarbledMasks() {
        assertThatThrownBy(() -> CpuSet.parseMask("")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> CpuSet.parseMask("xyz")).isInstanceOf(ParseException.class).hasMessageContaining("xyz");
        assertThatThrownBy(() -> CpuSet.parseMask("123456789")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> CpuSet.parseMask("ff,")).isInstanceOf(ParseException.class);
    }

    @Test
    void formatsBothWays() {
        CpuSet set = CpuSet.of(0, 1, 2, 5, 33);
        assertThat(set.toList()).isEqualTo("0-2,5,33");
        assertThat(set.toMask(64)).isEqualTo("00000002,00000027");
        assertThat(CpuSet.parseMask(set.toMask(0))).isEqualTo(set);
    }

    @Test
    void combinesSets() {
        CpuSet a = CpuSet.parseList("0-3");
        CpuSet b = CpuSet.parseList("2-5");
        assertThat(a.and(b).toList()).isEqualTo("2-3");
        assertThat(a.or(b).toList()).isEqualTo("0-5");
        assertThat(a.andNot(b).toList()).isEqualTo("0-1");
        assertThat(a.intersects(b)).isTrue();
        assertThat(a.containsAll(CpuSet.of(1, 2))).isTrue();
        assertThat(a.containsAll(b)).isFalse();
        assertThat(a.first()).isZero();
        assertThat(CpuSet.empty().first()).isEqualTo(-1);
    }
}
