package dev.asios.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    @Test
    void aLogGetsOneLinePerStep() {
        StringWriter text = new StringWriter();
        ProgressLine progress = new ProgressLine(new PrintWriter(text), false);

        progress.step("jitter untuned", 0, 2);
        progress.step("jitter", 2, 2);

        assertThat(text.toString()).isEqualTo("asios bench: [0/2] jitter untuned\nasios bench: [2/2] jitter\n");
    }

    @Test
    void aTerminalGetsOneBarRedrawnInPlaceAndANewLineAtTheEnd() {
        StringWriter text = new StringWriter();
        ProgressLine progress = new ProgressLine(new PrintWriter(text), true);

        progress.step("memory", 1, 4);
        progress.step("memory", 4, 4);

        assertThat(text.toString()).isEqualTo("\r\033[K[#####...............] 1/4 memory\r\033[K[####################] 4/4 memory\n");
    }
}
