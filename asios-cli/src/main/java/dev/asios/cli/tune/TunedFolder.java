package dev.asios.cli.tune;

import dev.asios.cli.UserException;
import dev.asios.tune.imports.TunedConf;
import dev.asios.tune.imports.TunedSource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The tuned profiles kept side by side in one folder, as in {@code /usr/lib/tuned}: the profile
 * {@code NAME} is {@code FOLDER/NAME/tuned.conf}. Reads on every call; a file that cannot be read
 * or is not UTF-8 text is a {@link UserException}.
 */
final class TunedFolder implements TunedSource {

    /** The name of a profile's file in its folder. */
    static final String CONF = "tuned.conf";

    private final Path folder;

    /** The profiles in {@code folder}, an absolute path. */
    TunedFolder(Path folder) {
        this.folder = folder;
    }

    @Override
    public Optional<Text> profile(String name) {
        return readIfPresent(folder.resolve(name).resolve(CONF));
    }

    @Override
    public Optional<Text> file(String profile, String path) {
        return readIfPresent(folder.resolve(profile).resolve(path).normalize());
    }

    /** The content of {@code file}, which must exist. */
    static Text read(Path file) {
        String label = file.toString();
        try {
            if (Files.size(file) > 4L * TunedConf.MAX_CHARS) {
                throw new UserException(label + ": larger than a tuned profile can be (" + TunedConf.MAX_CHARS + " characters)");
            }
            return new Text(label, StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString());
        } catch (CharacterCodingException e) {
            throw new UserException(label + ": not UTF-8 text");
        } catch (IOException e) {
            throw new UserException(label + ": cannot read: " + e.getMessage());
        }
    }

    private static Optional<Text> readIfPresent(Path file) {
        return Files.isRegularFile(file) ? Optional.of(read(file)) : Optional.empty();
    }
}
