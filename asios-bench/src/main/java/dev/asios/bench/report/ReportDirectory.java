package dev.asios.bench.report;

import dev.asios.bench.BenchException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The folder of {@code asios bench --report DIR}. It is made and test-written when opened, before
 * any benchmark runs, so that a long run is never lost to a folder that cannot be written. It then
 * receives {@code results.json} (the document {@code --json} prints) and {@code index.html} (see
 * {@link #write}), each written to a temporary file in the folder and moved over the old one, so
 * that a reader finds a whole file, old or new, never half of one. Not thread-safe.
 */
public final class ReportDirectory {

    /** The page's file name in the folder. */
    static final String PAGE = "index.html";

    /** The JSON document's file name in the folder. */
    static final String JSON = "results.json";

    private final Path directory;

    private ReportDirectory(Path directory) {
        this.directory = directory;
    }

    /**
     * Makes {@code directory} (and its parents) where it does not exist, and checks that a file can be
     * written in it.
     *
     * @throws BenchException naming {@code --report} and the path, if the folder cannot be made or written
     */
    public static ReportDirectory open(Path directory) throws BenchException {
        ReportDirectory report = new ReportDirectory(directory);
        try {
            Files.createDirectories(directory);
            Files.delete(report.temporary(".write-test", ""));
        } catch (IOException e) {
            throw report.failure(e);
        }
        return report;
    }

    /**
     * Writes the report of {@code run}: {@value #JSON}, then {@value #PAGE}.
     *
     * @return the page's path
     * @throws BenchException naming {@code --report} and the path, if a file cannot be written
     */
    public Path write(BenchRun run) throws BenchException {
        try {
            replace(JSON, new BenchJson().document(run).toPrettyString() + System.lineSeparator());
            return replace(PAGE, HtmlReport.page(run));
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private Path replace(String name, String content) throws IOException {
        Path temporary = temporary("." + name, content);
        try {
            return Files.move(temporary, directory.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Writes {@code content} to a file named after {@code prefix} and this process, in the folder. */
    private Path temporary(String prefix, String content) throws IOException {
        return Files.writeString(directory.resolve(prefix + "." + ProcessHandle.current().pid() + ".tmp"), content);
    }

    private BenchException failure(IOException e) {
        return new BenchException("--report " + directory + ": cannot write there (" + reason(e)
                + "); give a directory that can be made and written, or leave out --report", e);
    }

    private static String reason(IOException e) {
        return switch (e) {
            case FileAlreadyExistsException f -> f.getFile() + " exists and is not a directory";
            case AccessDeniedException a -> "permission denied on " + a.getFile();
            case FileSystemException f -> f.getFile() + ": " + (f.getReason() == null ? f.getClass().getSimpleName() : f.getReason());
            default -> String.valueOf(e.getMessage());
        };
    }
}
