package dev.asios.run.place;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.parse.ParseException;
import dev.asios.host.pci.PciAddress;
import dev.asios.run.launch.HostResources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnhealthyGpusTest {

    private static final PciAddress GPU = PciAddress.parse("0000:3b:00.0");
    private static final UnhealthyGpus.Mark MARK = new UnhealthyGpus.Mark(Instant.parse("2026-11-25T13:00:00Z"), "asios-heal", "XID 79: fell off the bus");

    @Test
    void marksRoundTripThroughTheFile(@TempDir Path state) throws Exception {
        assertThat(HostResources.unhealthyGpus(state).marks()).as("no file: no marks").isEmpty();
        UnhealthyGpus marks = UnhealthyGpus.none().with(GPU, MARK);
        Files.writeString(state.resolve(UnhealthyGpus.FILE), marks.render());

        UnhealthyGpus read = HostResources.unhealthyGpus(state);
        assertThat(read).isEqualTo(marks);
        assertThat(read.marked(GPU)).isTrue();
        assertThat(read.marks().get(GPU).describe()).isEqualTo("since 2026-11-25T13:00:00Z (asios-heal): XID 79: fell off the bus");
    }

    @Test
    void aFileNotAsWrittenIsRefusedNamingTheFileAndTheField() {
        assertThatThrownBy(() -> UnhealthyGpus.parse("{", "f.json")).isInstanceOf(ParseException.class).hasMessageStartingWith("f.json: not JSON");
        assertThatThrownBy(() -> UnhealthyGpus.parse("[]", "f.json")).hasMessage("f.json: expected an object with a \"gpus\" array; fix or delete the file");
        assertThatThrownBy(() -> UnhealthyGpus.parse("{\"gpus\":[{\"address\":\"gpu0\"}]}", "f.json"))
                .hasMessage("f.json: gpus[0].address is not a PCI address like 0000:3b:00.0");
        assertThatThrownBy(() -> UnhealthyGpus.parse("{\"gpus\":[{\"address\":\"0000:3b:00.0\",\"since\":\"yesterday\"}]}", "f.json"))
                .hasMessage("f.json: gpus[0].since is not a UTC time like 2026-11-25T13:00:00Z");
        assertThatThrownBy(() -> UnhealthyGpus.parse("{\"gpus\":[{\"address\":\"0000:3b:00.0\",\"since\":\"2026-11-25T13:00:00Z\",\"by\":\"x\"}]}", "f.json"))
                .hasMessage("f.json: gpus[0].reason must be a non-empty string");
    }
}
