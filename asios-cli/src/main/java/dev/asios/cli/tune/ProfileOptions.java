package dev.asios.cli.tune;

import dev.asios.tune.profile.ProfileLoader;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where user profiles are read from. */
public final class ProfileOptions {

    @Option(names = "--profiles-dir", paramLabel = "DIR", defaultValue = "/etc/asios/profiles",
            description = "Folder of your own profiles (NAME.yaml); they may include or replace the built-in ones. Default: ${DEFAULT-VALUE}.")
    Path directory;

    ProfileLoader loader() {
        return new ProfileLoader(directory);
    }
}
