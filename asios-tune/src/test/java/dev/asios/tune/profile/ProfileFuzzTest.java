package dev.asios.tune.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.asios.tune.FuzzDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Fuzzes a user profile file: any text loads or fails with {@link ProfileException}, never another exception. */
class ProfileFuzzTest {

    private static final Path DIRECTORY = FuzzDirectory.create("asios-profile-fuzz-");

    @FuzzTest(maxDuration = "30s")
    void userProfileLoadsOrIsRefused(@NotNull String text) throws IOException {
        Files.writeString(DIRECTORY.resolve("fuzzed.yaml"), text);
        try {
            Profile profile = new ProfileLoader(DIRECTORY).load("fuzzed");
            assertThat(profile.name()).isEqualTo("fuzzed");
            assertThat(profile.description()).isNotBlank();
        } catch (ProfileException expected) {
            assertThat(expected.getMessage()).startsWith(DIRECTORY.resolve("fuzzed.yaml").toString()).doesNotEndWith(": ");
        }
    }
}
