package dev.asios.observe.gpu;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Fake {@code nvidia-smi} scripts in a test folder, to put on a search path. The default one
 * refuses arguments other than the collector's query (exit 2) and prints {@code gpus.csv} from
 * its folder; while a file {@code hang} is there it first waits for a child {@code sleep 30}, as
 * a driver that hangs, whose pid it writes to {@code sleep.pid}.
 */
final class FakeSmi {

    private FakeSmi() {
    }

    /** The script printing {@code gpus.csv}, which starts as the recorded resource {@code csvResource}. */
    static Path printing(Path folder, String csvResource) throws IOException {
        try (InputStream in = FakeSmi.class.getResourceAsStream(csvResource)) {
            Files.write(folder.resolve("gpus.csv"), in.readAllBytes());
        }
        return script(folder, "nvidia-smi", """
                here=$(dirname "$0")
                if [ "$1" != "%s" ] || [ "$2" != "%s" ] || [ $# -ne 2 ]; then
                  echo "unexpected arguments: $*" >&2
                  exit 2
                fi
                if [ -e "$here/hang" ]; then
                  sleep 30 &
                  echo $! > "$here/sleep.pid"
                  wait $!
                fi
                cat "$here/gpus.csv"
                """.formatted(SmiSource.ARGUMENTS.get(0), SmiSource.ARGUMENTS.get(1)));
    }

    /** An executable {@code name} in {@code folder} running {@code body} with {@code /bin/sh}. */
    static Path script(Path folder, String name, String body) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
