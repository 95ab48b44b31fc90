package dev.asios.observe.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.parse.ByteText;
import dev.asios.host.parse.ParseException;
import org.junit.jupiter.api.Test;

class KernelFieldsTest {

    @Test
    void readsTheChosenKeysWithKibInBytesAndOthersAsWritten() {
        KernelFields fields = new KernelFields(0, "MemTotal:", "MemAvailable:", "HugePages_Total:");
        fields.parse(ByteText.of("MemTotal:       24684092 kB\nMemFree:        23025836 kB\n\nHugePages_Total:       3\n"));
        assertThat(fields.has(0)).isTrue();
        assertThat(fields.value(0)).isEqualTo(24_684_092L * 1024);
        assertThat(fields.has(1)).as("MemAvailable is not in the text").isFalse();
        assertThat(fields.value(2)).isEqualTo(3);
        fields.parse(ByteText.of("MemAvailable: 1 kB\n"));
        assertThat(fields.has(0)).isFalse();
        assertThat(fields.value(1)).isEqualTo(1024);
    }

    @Test
    void skipsTheNodePrefixAndReadsVmstatKeys() {
        KernelFields node = new KernelFields(2, "MemUsed:", "AnonPages:");
        node.parse(ByteText.of("Node 1 MemTotal:       12019924 kB\nNode 1 MemUsed:         1658996 kB\nNode 1 AnonPages:  16168 kB\nNode\n"));
        assertThat(node.value(0)).isEqualTo(1_658_996L * 1024);
        assertThat(node.value(1)).isEqualTo(16_168L * 1024);
        KernelFields vmstat = new KernelFields(0, "pgfault", "thp_split_pmd");
        vmstat.parse(ByteText.of("pgfault 332559928\npgfaultx 1\nthp_split_pmd 0\n"));
        assertThat(vmstat.value(0)).isEqualTo(332_559_928L);
        assertThat(vmstat.has(1)).isTrue();
    }

    @Test
    void rejectsValuesThatAreNotNumbersOtherUnitsAndOverflow() {
        KernelFields fields = new KernelFields(0, "MemTotal:");
        assertThatThrownBy(() -> fields.parse(ByteText.of("MemTotal: lots\n"))).isInstanceOf(ParseException.class).hasMessageContaining("found 'lots'");
        assertThatThrownBy(() -> fields.parse(ByteText.of("MemTotal: 5 MB\n"))).hasMessage("expected 'KEY NUMBER [kB]' in line 'MemTotal: 5 MB'");
        assertThatThrownBy(() -> fields.parse(ByteText.of("MemTotal: 5 kB x\n"))).hasMessageContaining("expected 'KEY NUMBER [kB]'");
        assertThatThrownBy(() -> fields.parse(ByteText.of("MemTotal: 9007199254740992 kB\n"))).hasMessage(
                "kB value out of range in line 'MemTotal: 9007199254740992 kB'");
        assertThatThrownBy(() -> fields.parse(ByteText.of("MemTotal:\n"))).hasMessageContaining("expected a number at the end of line 'MemTotal:'");
    }
}
