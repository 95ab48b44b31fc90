package dev.asios.host.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.sysroot.Sysroot;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ByteTextTest {

    @Test
    void readsWordsAndNumbersLineByLine() {
        ByteText text = ByteText.of("cpu  10 20 -3\ncpu0 1 2\n\n 24:  7 IO-APIC\n");
        assertThat(text.nextLine()).isTrue();
        assertThat(text.wordEquals("cpu")).isTrue();
        assertThat(text.nextLong()).isEqualTo(10);
        assertThat(text.nextLong()).isEqualTo(20);
        assertThat(text.nextLong()).isEqualTo(-3);
        assertThat(text.hasWord()).isFalse();
        assertThat(text.nextLine()).isTrue();
        assertThat(text.lineStartsWith("cpu0")).isTrue();
        assertThat(text.nextWord()).isEqualTo("cpu0");
        assertThat(text.nextLine()).isTrue();
        assertThat(text.hasWord()).isFalse();
        assertThat(text.nextLine()).isTrue();
        assertThat(text.nextLong()).isEqualTo(24);
        assertThat(text.nextLong()).isEqualTo(7);
        assertThat(text.restOfLine()).isEqualTo("IO-APIC");
        assertThat(text.nextLine()).isFalse();
    }

    @Test
    void tellsWhichKeyAWordIs() {
        String[] keys = {"user", "user_usec", "system"};
        ByteText text = ByteText.of("user_usec 10\nuser 20\nusers 3\n\n");
        text.nextLine();
        assertThat(text.nextWordIndex(keys)).isEqualTo(1);
        assertThat(text.nextLong()).isEqualTo(10);
        text.nextLine();
        assertThat(text.nextWordIndex(keys)).isZero();
        text.nextLine();
        assertThat(text.nextWordIndex(keys)).isEqualTo(-1);
        assertThat(text.nextLong()).isEqualTo(3);
        text.nextLine();
        assertThat(text.nextWordIndex(keys)).isEqualTo(-1);
    }

    @Test
    void findsTheNumberAfterAKey() {
        ByteText text = ByteText.of("some avg10=0.00 avg60=1.50 total=123456\n");
        text.nextLine();
        assertThat(text.longAfter("total=")).isEqualTo(123456);
        assertThatThrownBy(() -> text.longAfter("full=")).isInstanceOf(ParseException.class).hasMessageContaining("full=");
    }

    @Test
    void skipsPastTheLastParenthesisOfAProcessName() {
        ByteText text = ByteText.of("42 (a) b) S 1 2\n");
        text.nextLine();
        assertThat(text.skipPastLast(')')).isTrue();
        assertThat(text.nextWord()).isEqualTo("S");
        assertThat(text.nextLong()).isEqualTo(1);
        assertThat(text.skipPastLast('#')).isFalse();
    }

    @Test
    void rejectsAWordThatIsNotANumberAndQuotesTheLine() {
        ByteText text = ByteText.of("cpu 12x 3\n");
        text.nextLine();
        text.skipWord();
        assertThatThrownBy(text::nextLong).isInstanceOf(ParseException.class).hasMessageContaining("12x").hasMessageContaining("cpu 12x 3");
        assertThat(text.nextLong()).isEqualTo(3);
        assertThatThrownBy(text::nextLong).hasMessageContaining("end of line");
        assertThatThrownBy(() -> ByteText.of("99999999999999999999\n").nextLong()).isInstanceOf(ParseException.class);
    }

    @Test
    void findsKnownKeysAndNumberedWords() {
        String[] keys = {"MemTotal:", "MemFree:", "HI:"};
        ByteText text = ByteText.of("MemFree: 5 kB\n   HI: 1 2\nMemFreeX: 1\ncpu12 7\nCPU3:\n");
        text.nextLine();
        assertThat(text.nextWordIndex(keys)).isEqualTo(1);
        assertThat(text.nextLong()).isEqualTo(5);
        assertThat(text.nextWordIndex(keys)).isEqualTo(-1);
        assertThat(text.nextWordIndex(keys)).isEqualTo(-1);
        text.nextLine();
        assertThat(text.nextWordIndex(keys)).isEqualTo(2);
        text.nextLine();
        assertThat(text.nextWordIndex(keys)).isEqualTo(-1);
        assertThat(text.hasLong()).isTrue();
        text.nextLine();
        assertThat(text.nextLongAfterPrefix("cpu")).isEqualTo(12);
        assertThat(text.nextLong()).isEqualTo(7);
        text.nextLine();
        assertThat(text.nextLongAfterPrefix("CPU")).isEqualTo(3);
        assertThatThrownBy(() -> text.nextLongAfterPrefix("CPU")).isInstanceOf(ParseException.class).hasMessageContaining("end of line 'CPU3:'");
    }

    @Test
    void tellsANumberFromAWordWithoutMoving() {
        ByteText text = ByteText.of("12 -3 24: 1x - : ERR\n");
        text.nextLine();
        assertThat(text.hasLong()).isTrue();
        assertThat(text.nextLong()).isEqualTo(12);
        assertThat(text.hasLong()).isTrue();
        assertThat(text.nextLong()).isEqualTo(-3);
        assertThat(text.hasLong()).isTrue();
        assertThat(text.nextLong()).isEqualTo(24);
        for (int i = 0; i < 4; i++) {
            assertThat(text.hasLong()).isFalse();
            text.skipWord();
        }
        assertThat(text.hasLong()).isFalse();
    }

    @Test
    void rejectsAWordWithoutThePrefixOrItsNumber() {
        ByteText text = ByteText.of("cpu 1\ncpux1\ncpu1x\n");
        text.nextLine();
        assertThatThrownBy(() -> text.nextLongAfterPrefix("cpu")).isInstanceOf(ParseException.class).hasMessageContaining("expected 'cpuN', found 'cpu'");
        text.nextLine();
        assertThatThrownBy(() -> text.nextLongAfterPrefix("cpu")).hasMessageContaining("found 'cpux1'");
        text.nextLine();
        assertThatThrownBy(() -> text.nextLongAfterPrefix("cpu")).hasMessageContaining("1x");
    }

    @Test
    void sysrootFillsTheBufferAndGrowsIt(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("proc"));
        Files.writeString(root.resolve("proc/stat"), "x ".repeat(5000) + "\n");
        Sysroot sysroot = Sysroot.of(root);
        ByteText text = new ByteText();
        assertThat(sysroot.readInto("/proc/stat", text)).isTrue();
        assertThat(text.length()).isEqualTo(10001);
        assertThat(sysroot.readInto("/proc/missing", text)).isFalse();
        assertThat(text.length()).isZero();
        assertThat(text.isBlank()).isTrue();
    }
}
