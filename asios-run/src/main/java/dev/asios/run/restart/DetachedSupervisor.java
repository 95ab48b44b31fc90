package dev.asios.run.restart;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Starts the supervisor of a restarted run as a process of its own: a JVM running
 * {@link RestartMain} on this JVM's class path, in a new session ({@code setsid}), with no input
 * and its output (and the run's) appended to a log file. It outlives the process that started it:
 * stopping the agent neither stops nor signals it, and the run is stopped as any other, by
 * signalling its supervisor ({@code asios runs --stop ID}). Stateless.
 */
public final class DetachedSupervisor {

    /** The folder of the state folder that keeps the restarted runs' output, one {@code ID.log} each. */
    public static final String LOG_DIR = "runs";

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private DetachedSupervisor() {
    }

    /** The log file of restarted run {@code runId} in {@code stateDir}. */
    public static Path log(Path stateDir, String runId) {
        return stateDir.resolve(LOG_DIR).resolve(runId + ".log");
    }

    /**
     * Starts the supervisor that restarts run {@code crashedId} as run {@code newId}, restart
     * {@code attempt} in a row, in {@code workingDirectory}.
     *
     * @throws IOException if the log cannot be made or the process cannot start (the message says which)
     */
    public static Process start(Path stateDir, String crashedId, String newId, int attempt, Path workingDirectory) throws IOException {
        Path log = log(stateDir, newId);
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(argv(stateDir, crashedId, newId, attempt)).directory(workingDirectory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectErrorStream(true);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new IOException("cannot start the supervisor of run " + newId + " in " + workingDirectory + ": " + e.getMessage(), e);
        }
    }

    /** The command line: {@code setsid java -cp CLASSPATH dev.asios.run.restart.RestartMain ...}, the class path made absolute. */
    static List<String> argv(Path stateDir, String crashedId, String newId, int attempt) {
        List<String> argv = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            argv.add(SETSID.toString());
        }
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).filter(entry -> !entry.isEmpty())
                .map(entry -> Path.of(entry).toAbsolutePath().toString()).collect(Collectors.joining(File.pathSeparator));
        argv.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED",
                "-cp", classPath, RestartMain.class.getName()));
        argv.addAll(RestartMain.arguments(stateDir, crashedId, newId, attempt));
        return argv;
    }
}
