package dev.asios.observe.ebpf;

import java.util.List;
import java.util.Set;

/**
 * The fixed half of a {@link ProbePart}: its name, script, requirements and maps, given once;
 * subclasses add what they do with the printed maps.
 */
abstract class ScriptedPart implements ProbePart {

    private final String name;
    private final String script;
    private final List<ProbeRequirement> requirements;
    private final Set<String> maps;
    private final List<String> scratchMaps;

    ScriptedPart(String name, String script, List<ProbeRequirement> requirements, Set<String> maps, List<String> scratchMaps) {
        this.name = name;
        this.script = script;
        this.requirements = List.copyOf(requirements);
        this.maps = Set.copyOf(maps);
        this.scratchMaps = List.copyOf(scratchMaps);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String script() {
        return script;
    }

    @Override
    public final List<ProbeRequirement> requirements() {
        return requirements;
    }

    @Override
    public final Set<String> maps() {
        return maps;
    }

    @Override
    public final List<String> scratchMaps() {
        return scratchMaps;
    }
}
