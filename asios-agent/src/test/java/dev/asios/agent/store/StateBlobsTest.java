package dev.asios.agent.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateBlobsTest {

    @TempDir
    Path state;

    @Test
    void blobsSurviveClosingAndTheLatestReplacesTheOneBefore() {
        try (StateBlobs blobs = StateBlobs.open(state)) {
            assertThat(blobs.load("detector/cpu/0")).isEmpty();
            blobs.save("detector/cpu/0", new byte[] {1, 2}, 1000);
            blobs.save("detector/cpu/0", new byte[] {3}, 2000);
            blobs.save("detector/disk/sda", new byte[] {4}, 2000);
        }
        try (StateBlobs blobs = StateBlobs.open(state)) {
            assertThat(blobs.load("detector/cpu/0")).hasValueSatisfying(b -> assertThat(b).containsExactly(3));
            assertThat(blobs.load("detector/disk/sda")).hasValueSatisfying(b -> assertThat(b).containsExactly(4));
        }
    }

    @Test
    void aFileThatIsNoDatabaseIsRefusedSayingWhatToDo() throws Exception {
        Files.writeString(state.resolve(StateBlobs.FILE), "not a database, but long enough to be read as one".repeat(20));
        assertThatThrownBy(() -> StateBlobs.open(state)).isInstanceOf(StoreException.class)
                .hasMessageContaining(state.resolve(StateBlobs.FILE).toString()).hasMessageContaining("move it away");
    }
}
