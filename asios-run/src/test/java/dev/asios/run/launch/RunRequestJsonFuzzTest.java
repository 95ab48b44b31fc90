package dev.asios.run.launch;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import java.io.IOException;

/** Fuzzes the reader of stored run requests: a request that writes and reads back the same, or an {@code IOException} with a message. */
class RunRequestJsonFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void request(@NotNull String text) throws IOException {
        RunRequest request;
        try {
            request = RunRequestJson.parse(text);
        } catch (IOException rejected) {
            assertThat(rejected.getMessage()).isNotBlank();
            return;
        }
        assertThat(RunRequestJson.parse(RunRequestJson.write(request))).isEqualTo(request);
    }
}
