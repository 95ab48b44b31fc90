package dev.asios.host.cgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.parse.ByteText;
import dev.asios.host.parse.ParseException;
import org.junit.jupiter.api.Test;

class CgroupValueParserTest {

    @Test
    void readsUsages() {
        assertThat(CgroupValueParser.count(ByteText.of("2465792\n"))).isEqualTo(2465792);
        assertThat(CgroupValueParser.count(ByteText.of("0"))).isZero();
    }

    @Test
    void readsLimitsAndTheWaysOfSayingNone() {
        assertThat(CgroupValueParser.limit(ByteText.of("1073741824\n"))).isEqualTo(1073741824);
        assertThat(CgroupValueParser.limit(ByteText.of("max\n"))).isEqualTo(CgroupValueParser.UNLIMITED);
        assertThat(CgroupValueParser.limit(ByteText.of("9223372036854771712\n"))).as("v1, 4 KiB pages").isEqualTo(CgroupValueParser.UNLIMITED);
        assertThat(CgroupValueParser.limit(ByteText.of("9223372036854710272\n"))).as("v1, 64 KiB pages").isEqualTo(CgroupValueParser.UNLIMITED);
    }

    @Test
    void refusesAnythingButOneNumber() {
        assertThatThrownBy(() -> CgroupValueParser.count(ByteText.of(""))).isInstanceOf(ParseException.class).hasMessageContaining("empty file");
        assertThatThrownBy(() -> CgroupValueParser.count(ByteText.of("max\n"))).isInstanceOf(ParseException.class).hasMessageContaining("'max'");
        assertThatThrownBy(() -> CgroupValueParser.count(ByteText.of("12 13\n"))).isInstanceOf(ParseException.class).hasMessageContaining("'12 13'");
        assertThatThrownBy(() -> CgroupValueParser.count(ByteText.of("12\n13\n"))).isInstanceOf(ParseException.class).hasMessageContaining("one non-negative");
        assertThatThrownBy(() -> CgroupValueParser.count(ByteText.of("-5\n"))).isInstanceOf(ParseException.class).hasMessageContaining("'-5'");
        assertThatThrownBy(() -> CgroupValueParser.limit(ByteText.of("maximum\n"))).isInstanceOf(ParseException.class).hasMessageContaining("maximum");
    }
}
