package dev.asios.tune.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.asios.tune.FuzzDirectory;
import dev.asios.tune.profile.Profile;
import dev.asios.tune.profile.ProfileLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Fuzzes a tuned profile: any text parses or fails with {@link TunedConfException}, and every
 * import of it, also when every include and variables file is that same text, loads as an ASIOS
 * profile.
 */
class TunedImportFuzzTest {

    private static final Path DIRECTORY = FuzzDirectory.create("asios-tuned-fuzz-");

    @FuzzTest(maxDuration = "30s")
    void tunedConfParsesOrIsRefused(@NotNull String text) {
        try {
            TunedConf conf = TunedConf.parse(text, "fuzzed/tuned.conf");
            assertThat(conf.sections()).allSatisfy(s -> assertThat(s.line()).isPositive());
        } catch (TunedConfException expected) {
            assertThat(expected.getMessage()).startsWith("fuzzed/tuned.conf:").doesNotEndWith(": ");
        }
    }

    @FuzzTest(maxDuration = "60s")
    void everyImportLoadsAsAnAsiosProfile(@NotNull String text) throws IOException {
        TunedSource.Text conf = new TunedSource.Text("fuzzed/tuned.conf", text);
        TunedSource everywhere = new TunedSource() {
            @Override
            public Optional<Text> profile(String name) {
                return Optional.of(conf);
            }

            @Override
            public Optional<Text> file(String profile, String path) {
                return Optional.of(conf);
            }
        };
        TunedImport imported;
        try {
            imported = TunedImporter.importProfile("fuzzed", "fuzzed", conf, everywhere);
        } catch (TunedConfException expected) {
            assertThat(expected.getMessage()).startsWith("fuzzed/tuned.conf:");
            return;
        }
        Files.writeString(DIRECTORY.resolve("fuzzed.yaml"), imported.yaml());
        Profile profile = new ProfileLoader(DIRECTORY).load("fuzzed");
        assertThat(profile.name()).isEqualTo("fuzzed");
        assertThat(imported.imported()).allSatisfy(i -> assertThat(ProfileDraft.KEYS).contains(i.asiosKey()));
    }
}
