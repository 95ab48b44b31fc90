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
        assertThat(text.wordIndex(keys)).isEqualTo(1);
        assertThat(text.nextLong()).isEqualTo(10);
        text.nextLine();
        assertThat(text.wordIndex(keys)).isZero();
        text.nextLine();
        assertThat(text.wordIndex(keys)).isEqualTo(-1);
        assertThat(text.nextLong()).isEqualTo(3);
        text.nextLine();
        assertThat(text.wordIndex(keys)).isEqualTo(-1);
    }

    @Test
    void findsTheNumberAfterAKey() {
        ByteText text = ByteText.of("some avg10=0.00 avg60=1.50 total=123456\n");
        text.nextLine();
        assertThat(text.longAfter("total=")).isEqualTo(123456);
        assertThatThrownBy(() -> text.longAfter("full=")).isInstanceOf(ParseException.class).hasMessageContaining("full=");
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
