package dev.asios.observe.ebpf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The one bpftrace script of a probe: its parts' scripts one after the other, then an {@code END}
 * probe that clears their scratch maps, in the syntax of the installed release. Also loads the
 * scripts shipped as resources next to this class. Pure.
 */
public final class ProbeScript {

    private ProbeScript() {
    }

    /**
     * The combined script of {@code parts}.
     *
     * @throws IllegalArgumentException if there are no parts, or two parts use the same map
     */
    public static String assemble(List<ProbePart> parts, ScriptDialect dialect) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a probe needs at least one part");
        }
        Set<String> seen = new HashSet<>();
        StringBuilder script = new StringBuilder();
        List<String> scratch = new ArrayList<>();
        for (ProbePart part : parts) {
            List<String> maps = new ArrayList<>(part.maps());
            maps.addAll(part.scratchMaps());
            for (String map : maps) {
                if (!seen.add(map)) {
                    throw new IllegalArgumentException("probe parts share the map " + map + "; each part needs its own maps");
                }
            }
            script.append("// part ").append(part.name()).append('\n').append(part.script().strip()).append("\n\n");
            scratch.addAll(part.scratchMaps());
        }
        if (!scratch.isEmpty()) {
            script.append("END\n{\n");
            for (String map : scratch) {
                script.append("  clear(").append(map).append(");\n");
            }
            script.append("}\n");
        }
        return dialect.render(script.toString());
    }

    /**
     * A script shipped with ASIOS, such as {@code runqueue.bt}.
     *
     * @throws UncheckedIOException if it is missing from the build (a packaging error)
     */
    public static String resource(String name) {
        try (InputStream in = ProbeScript.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("bpftrace script " + name + " is missing from the ASIOS build"));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bpftrace script " + name, e);
        }
    }
}
