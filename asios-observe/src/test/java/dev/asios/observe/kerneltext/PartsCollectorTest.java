package dev.asios.observe.kerneltext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.parse.ParseException;
import dev.asios.observe.collect.Availability;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartsCollectorTest {

    @Test
    void everyPartRunsAndTheFirstFailureIsThrown() throws IOException {
        List<String> ran = new ArrayList<>();
        CollectorPart[] parts = {
            () -> ran.add("a"),
            () -> {
                ran.add("b");
                throw new ParseException("/proc/b: bad");
            },
            () -> {
                ran.add("c");
                throw new IOException("/proc/c is missing or unreadable");
            },
            () -> ran.add("d"),
        };
        assertThatThrownBy(() -> collector(parts).collect()).isInstanceOf(ParseException.class).hasMessage("/proc/b: bad");
        assertThat(ran).containsExactly("a", "b", "c", "d");
        assertThatThrownBy(() -> collector(parts[2], parts[1]).collect()).isInstanceOf(IOException.class);
        PartsCollector fine = collector(parts[0]);
        fine.collect();
        assertThat(fine.name()).isEqualTo("test");
        assertThat(fine.availability().available()).isTrue();
    }

    private static PartsCollector collector(CollectorPart... parts) {
        return new PartsCollector("test", Availability.AVAILABLE, parts) {
        };
    }
}
