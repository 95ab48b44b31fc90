package dev.asios.observe.ebpf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The bpftrace output recorded for the tests, under {@code src/test/resources/dev/asios/observe/ebpf}:
 * real output of bpftrace 0.17.0 on Debian 12 (kernel 6.x, 2 vCPUs, root), except
 * {@code shapes-newer-constructed.jsonl}, written by hand from the JSON writer of newer releases
 * ({@code src/output/json.cpp} in bpftrace's repository), which this host does not have.
 */
final class Recorded {

    private Recorded() {
    }

    /** The text of a recorded file. */
    static String text(String name) {
        try (InputStream in = Recorded.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The non-blank lines of a recorded file. */
    static List<String> lines(String name) {
        return text(name).lines().filter(line -> !line.isBlank()).toList();
    }

    /** The parsed messages of a recorded JSON lines file. */
    static List<BpftraceMessage> messages(String name) {
        return lines(name).stream().map(BpftraceJsonParser::parse).toList();
    }
}
