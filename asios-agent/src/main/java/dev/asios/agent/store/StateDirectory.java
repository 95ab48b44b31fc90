package dev.asios.agent.store;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where ASIOS keeps its state (the sample store, the run store): the folder given on the command
 * line; else {@code /var/lib/asios} for root; else {@code $XDG_DATA_HOME/asios}, or
 * {@code ~/.local/share/asios} when that variable is unset or not absolute, as the XDG base
 * directory specification asks. Stateless; this class only chooses the path, it makes nothing.
 */
public final class StateDirectory {

    /** The system-wide state folder, for root. */
    public static final Path SYSTEM = Path.of("/var/lib/asios");

    private StateDirectory() {
    }

    /**
     * The state folder for this process.
     *
     * @param explicit the folder the user gave, which wins
     * @param root whether the process runs as root (the CLI knows; see its {@code Privileges})
     */
    public static Path choose(Optional<Path> explicit, boolean root) {
        return choose(explicit, root, System.getenv(), System.getProperty("user.home"));
    }

    /**
     * The state folder for a process with this environment and home folder.
     *
     * @param environment the process environment ({@code XDG_DATA_HOME}, {@code HOME})
     * @param userHome the home folder to use when {@code HOME} is unset
     */
    static Path choose(Optional<Path> explicit, boolean root, Map<String, String> environment, String userHome) {
        if (explicit.isPresent()) {
            return explicit.get().toAbsolutePath().normalize();
        }
        if (root) {
            return SYSTEM;
        }
        String dataHome = environment.getOrDefault("XDG_DATA_HOME", "");
        if (!dataHome.isEmpty() && Path.of(dataHome).isAbsolute()) {
            return Path.of(dataHome, "asios");
        }
        String home = environment.getOrDefault("HOME", "");
        return Path.of(home.isEmpty() ? userHome : home, ".local", "share", "asios");
    }
}
