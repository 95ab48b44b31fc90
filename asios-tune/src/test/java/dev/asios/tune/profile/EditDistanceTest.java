package dev.asios.tune.profile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EditDistanceTest {

    @ParameterizedTest
    @CsvSource({
        "swappiness, swappines, true",
        "swappiness, swapiness, true",
        "swappiness, swappinesss, true",
        "cpu, cpus, true",
        "thp, tph, true",
        "thp, THP, true",
        "governor, govenror, true",
        "boost, ksm, false",
        "swappiness, swap, false",
        "io, boot, false",
    })
    void oneEditApart(String a, String b, boolean expected) {
        assertThat(EditDistance.withinOne(a, b)).isEqualTo(expected);
        assertThat(EditDistance.withinOne(b, a)).isEqualTo(expected);
    }
}
