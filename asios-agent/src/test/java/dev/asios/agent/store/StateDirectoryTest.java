package dev.asios.agent.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StateDirectoryTest {

    private static final Map<String, String> HOME_ONLY = Map.of("HOME", "/home/ada");

    @Test
    void anExplicitFolderWins() {
        assertThat(StateDirectory.choose(Optional.of(Path.of("/srv/asios/../state")), true, HOME_ONLY, "/root")).isEqualTo(Path.of("/srv/state"));
        assertThat(StateDirectory.choose(Optional.of(Path.of("/srv/state")), false, Map.of("XDG_DATA_HOME", "/data"), "/home/ada"))
                .isEqualTo(Path.of("/srv/state"));
    }

    @Test
    void rootGetsTheSystemFolder() {
        assertThat(StateDirectory.choose(Optional.empty(), true, Map.of("XDG_DATA_HOME", "/data"), "/root")).isEqualTo(Path.of("/var/lib/asios"));
    }

    @Test
    void aUserGetsTheXdgDataFolder() {
        assertThat(StateDirectory.choose(Optional.empty(), false, Map.of("XDG_DATA_HOME", "/data", "HOME", "/home/ada"), "/x"))
                .isEqualTo(Path.of("/data/asios"));
    }

    @Test
    void withoutAnAbsoluteXdgDataHomeAUserGetsLocalShare() {
        assertThat(StateDirectory.choose(Optional.empty(), false, HOME_ONLY, "/x")).isEqualTo(Path.of("/home/ada/.local/share/asios"));
        assertThat(StateDirectory.choose(Optional.empty(), false, Map.of("XDG_DATA_HOME", "relative", "HOME", "/home/ada"), "/x"))
                .isEqualTo(Path.of("/home/ada/.local/share/asios"));
        assertThat(StateDirectory.choose(Optional.empty(), false, Map.of(), "/home/bob")).isEqualTo(Path.of("/home/bob/.local/share/asios"));
    }
}
