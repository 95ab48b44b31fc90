package dev.asios.tune.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProfileLoaderTest {

    @TempDir
    Path dir;

    private ProfileLoader loader() {
        return new ProfileLoader(dir);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name + ".yaml"), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"balanced", "training", "inference", "multi-tenant"})
    void everyBuiltInProfileLoads(String name) {
        Profile profile = new ProfileLoader(dir.resolve("absent")).load(name);

        assertThat(profile.name()).isEqualTo(name);
        assertThat(profile.description()).isNotBlank();
        assertThat(profile.source()).isEqualTo(ProfileSource.BUILT_IN);
        assertThat(profile.file()).isEqualTo("builtin:/dev/asios/tune/profiles/" + name + ".yaml");
    }

    @Test
    void balancedSetsNothing() {
        Profile balanced = loader().load("balanced");

        assertThat(List.of(balanced.cpu(), balanced.memory(), balanced.irq(), balanced.noise(), balanced.io(), balanced.network(), balanced.boot()))
                .containsExactly(CpuSettings.NONE, MemorySettings.NONE, IrqSettings.NONE, NoiseSettings.NONE, IoSettings.NONE,
                        NetworkSettings.NONE, BootSettings.NONE);
    }

    @Test
    void inferenceInheritsTrainingAndOverridesDefrag() {
        Profile inference = loader().load("inference");

        assertThat(inference.include()).containsExactly("training");
        assertThat(inference.memory().thp()).contains(ThpMode.MADVISE);
        assertThat(inference.memory().thpDefrag()).contains(ThpDefrag.DEFER);
        assertThat(inference.memory().swappiness()).contains(1);
        assertThat(inference.memory().hugepages()).contains(List.of(new HugepageReservation(2048, 0)));
        assertThat(inference.cpu().isolate()).contains("auto");
        assertThat(inference.cpu().governor()).contains("performance");
        assertThat(inference.cpu().maxCstateLatencyUs()).contains(10);
        assertThat(inference.boot().nohzFull()).contains(true);
        assertThat(inference.io().readAheadKib()).contains(4096);
    }

    @Test
    void multiTenantIsolatesNothingAndKeepsKsmOff() {
        Profile multiTenant = loader().load("multi-tenant");

        assertThat(multiTenant.cpu().isolate()).contains("none");
        assertThat(multiTenant.noise().ksm()).contains(false);
        assertThat(multiTenant.memory().numaBalancing()).contains(false);
        assertThat(multiTenant.boot().isolcpus()).isEmpty();
    }

    @Test
    void listShowsBuiltInAndUserProfilesWithSource() throws IOException {
        write("training", "name: training\ndescription: my training\n");
        write("serving", "name: serving\ndescription: mine\ninclude: [inference]\n");
        Files.writeString(dir.resolve("notes.txt"), "not a profile");

        assertThat(loader().list()).extracting(ProfileSummary::name, ProfileSummary::source).containsExactly(
                org.assertj.core.groups.Tuple.tuple("balanced", ProfileSource.BUILT_IN),
                org.assertj.core.groups.Tuple.tuple("inference", ProfileSource.BUILT_IN),
                org.assertj.core.groups.Tuple.tuple("multi-tenant", ProfileSource.BUILT_IN),
                org.assertj.core.groups.Tuple.tuple("serving", ProfileSource.USER),
                org.assertj.core.groups.Tuple.tuple("training", ProfileSource.USER_OVERRIDES_BUILT_IN));
    }

    @Test
    void userProfileReplacesBuiltInForItsIncluders() throws IOException {
        write("training", "name: training\ndescription: mine\nmemory:\n  swappiness: 60\n");

        Profile inference = loader().load("inference");

        assertThat(inference.memory().swappiness()).contains(60);
        assertThat(inference.memory().thp()).isEmpty();
    }

    @Test
    void laterIncludeWinsAndOwnSettingsWinOverAll() throws IOException {
        write("a", "name: a\ndescription: a\nmemory: {swappiness: 10, dirtyRatio: 30}\ncpu: {governor: schedutil}\n");
        write("b", "name: b\ndescription: b\nmemory: {swappiness: 20}\nio: {readAheadKib: 128}\n");
        write("c", "name: c\ndescription: c\ninclude: [a, b]\nio: {readAheadKib: 256}\n");

        Profile c = loader().load("c");

        assertThat(c.memory().swappiness()).contains(20);
        assertThat(c.memory().dirtyRatio()).contains(30);
        assertThat(c.cpu().governor()).contains("schedutil");
        assertThat(c.io().readAheadKib()).contains(256);
        assertThat(c.description()).isEqualTo("c");
    }

    @Test
    void diamondIncludeIsNotALoop() throws IOException {
        write("base", "name: base\ndescription: base\nnoise: {ksm: false}\n");
        write("left", "name: left\ndescription: l\ninclude: [base]\n");
        write("right", "name: right\ndescription: r\ninclude: [base]\n");
        write("top", "name: top\ndescription: t\ninclude: [left, right]\n");

        assertThat(loader().load("top").noise().ksm()).contains(false);
    }

    @Test
    void includeLoopNamesTheCycle() throws IOException {
        write("a", "name: a\ndescription: a\ninclude: [b]\n");
        Path b = write("b", "name: b\ndescription: b\ninclude:\n  - balanced\n  - a\n");

        assertThatThrownBy(() -> loader().load("a"))
                .isInstanceOf(ProfileException.class)
                .hasMessage(b + ":5: include loop: a -> b -> a");
    }

    @Test
    void selfIncludeIsALoop() throws IOException {
        Path a = write("a", "name: a\ndescription: a\ninclude: [a]\n");

        assertThatThrownBy(() -> loader().load("a")).hasMessage(a + ":3: include loop: a -> a");
    }

    @Test
    void unknownIncludeIsRefusedWithItsLine() throws IOException {
        Path a = write("a", "name: a\ndescription: a\ninclude:\n  - trainig\n");

        assertThatThrownBy(() -> loader().load("a"))
                .hasMessageStartingWith(a + ":4: include: no profile named 'trainig'");
    }

    @Test
    void unknownProfileIsRefused() {
        assertThatThrownBy(() -> loader().load("nope")).isInstanceOf(ProfileException.class).hasMessageStartingWith("no profile named 'nope'");
        assertThatThrownBy(() -> loader().load("../etc/passwd")).isInstanceOf(ProfileException.class).hasMessageContaining("not a profile name");
    }

    @Test
    void listRefusesABadUserProfile() throws IOException {
        Path bad = write("bad", "name: bad\ndescription: bad\nmemory:\n  swappines: 10\n");

        assertThatThrownBy(() -> loader().list())
                .hasMessage(bad + ":4: unknown key 'swappines' in memory; did you mean 'swappiness'?");
    }

    @Test
    void exceptionCarriesFileLineAndReason() throws IOException {
        Path bad = write("bad", "name: bad\ndescription: bad\nnoise:\n  ksm: maybe\n");

        assertThatThrownBy(() -> loader().load("bad")).isInstanceOfSatisfying(ProfileException.class, e -> {
            assertThat(e.file()).isEqualTo(Optional.of(bad.toString()));
            assertThat(e.line()).isEqualTo(4);
            assertThat(e.reason()).isEqualTo("noise.ksm: expected true or false, found 'maybe'");
        });
    }
}
