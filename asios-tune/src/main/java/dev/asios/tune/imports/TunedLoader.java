package dev.asios.tune.imports;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Loads a tuned profile with the profiles it includes and merges them as tuned does: each
 * included profile (and what it includes) first, each profile loaded once; a later section of
 * the same name adds to an earlier one and its options win, or replaces it with
 * {@code replace=1}. Then {@code [variables]} are defined in order and expanded into every
 * value. Not thread-safe (one per import).
 */
final class TunedLoader {

    private static final Pattern PROFILE_NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern INCLUDE_SEPARATOR = Pattern.compile("\\s*[,;]\\s*");
    private static final String PROFILE_DIR = "${i:PROFILE_DIR}/";
    private static final String MAIN = "main";
    private static final String VARIABLES = "variables";
    private static final String INCLUDE = "include";

    private final TunedSource source;
    private final Set<String> seen = new HashSet<>();
    private final List<Loaded> chain = new ArrayList<>();
    private final List<SkippedSetting> skipped = new ArrayList<>();

    private TunedLoader(TunedSource source) {
        this.source = source;
    }

    /**
     * The profile {@code name}, read from {@code conf}, merged with what it includes.
     *
     * @throws TunedConfException when an included profile or variables file is not INI
     */
    static MergedProfile load(String name, TunedConf conf, TunedSource source) {
        TunedLoader loader = new TunedLoader(source);
        loader.add(name, conf);
        return loader.merge(name);
    }

    private record Loaded(String name, TunedConf conf) {
    }

    private void add(String name, TunedConf conf) {
        seen.add(name);
        conf.section(MAIN).flatMap(main -> main.options().stream().filter(o -> o.key().equals(INCLUDE)).findFirst())
                .ifPresent(include -> include(setting(MAIN, include, name, conf.file()), conf));
        chain.add(new Loaded(name, conf));
    }

    private void include(TunedSetting include, TunedConf conf) {
        TunedVariables own = new TunedVariables();
        conf.section(VARIABLES).ifPresent(section -> section.options().stream().filter(o -> !o.key().equals(INCLUDE))
                .forEach(o -> own.define(o.key(), o.value(), setting(VARIABLES, o, include.origin(), conf.file()))));
        String names = own.expand(include.value(), include).strip();
        Optional<String> unresolved = TunedVariables.unresolved(names);
        if (unresolved.isPresent()) {
            skipped.add(SkippedSetting.of(include.withValue(names), unresolved.get() + "; the profiles it names are not imported"));
            return;
        }
        for (String included : INCLUDE_SEPARATOR.split(names)) {
            TunedSetting one = include.withValue(included);
            if (included.isEmpty() || seen.contains(included)) {
                continue;
            }
            if (!PROFILE_NAME.matcher(included).matches() || included.matches("\\.+")) {
                skipped.add(SkippedSetting.of(one, "not a tuned profile name (letters, digits and _.-)"));
                continue;
            }
            source.profile(included).ifPresentOrElse(text -> add(included, TunedConf.parse(text.text(), text.label())),
                    () -> skipped.add(SkippedSetting.of(one, "no tuned profile '" + included
                            + "' next to the imported one; its settings are not imported (import it on its own, or put it next to this one)")));
        }
    }

    private MergedProfile merge(String name) {
        Map<String, Map<String, TunedSetting>> sections = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        for (Loaded profile : chain) {
            for (TunedConf.Section section : profile.conf().sections()) {
                headers.put(section.name(), profile.name() + ":" + section.line());
                Map<String, TunedSetting> unit = sections.computeIfAbsent(section.name(), n -> new LinkedHashMap<>());
                if (section.value("replace").filter(TunedValues::isTrue).isPresent()) {
                    unit.clear();
                }
                section.options().stream().filter(o -> !(section.name().equals(MAIN) && o.key().equals(INCLUDE)))
                        .forEach(o -> unit.put(o.key(), setting(section.name(), o, profile.name(), profile.conf().file())));
            }
        }
        TunedVariables variables = variables(sections.remove(VARIABLES));
        Map<String, TunedSetting> main = sections.remove(MAIN);
        Optional<String> summary = Optional.empty();
        for (TunedSetting option : main == null ? List.<TunedSetting>of() : main.values()) {
            if (option.key().equals("summary")) {
                summary = Optional.of(variables.expand(option.value(), option)).filter(s -> !s.isBlank());
            } else {
                skipped.add(SkippedSetting.of(option, "a [main] option that has no meaning in an ASIOS profile"));
            }
        }
        List<TunedUnit> units = new ArrayList<>();
        sections.forEach((section, options) -> {
            List<TunedSetting> expanded = options.values().stream().map(o -> o.withValue(variables.expand(o.value(), o))).toList();
            String type = expanded.stream().filter(o -> o.key().equals("type")).map(TunedSetting::value).findFirst().orElse(section);
            units.add(new TunedUnit(section, type, headers.get(section), expanded));
        });
        return new MergedProfile(name, chain.stream().map(Loaded::name).toList(), summary, units, skipped);
    }

    private TunedVariables variables(Map<String, TunedSetting> declared) {
        TunedVariables variables = new TunedVariables();
        for (TunedSetting variable : declared == null ? List.<TunedSetting>of() : declared.values()) {
            if (variable.key().equals(INCLUDE)) {
                variablesFile(variable, variables);
            } else {
                define(variable, variables);
            }
        }
        return variables;
    }

    private void define(TunedSetting variable, TunedVariables variables) {
        if (!variables.define(variable.key(), variable.value(), variable)) {
            skipped.add(SkippedSetting.of(variable, "not a variable name (letters, digits and _)"));
            return;
        }
        int function = variable.value().indexOf("${f:");
        if (function >= 0) {
            skipped.add(SkippedSetting.of(variable, TunedVariables.unresolved(variable.value().substring(function)).orElseThrow()
                    + "; settings that use ${" + variable.key() + "} are not imported"));
        }
    }

    private void variablesFile(TunedSetting include, TunedVariables variables) {
        String path = variables.expand(include.value(), include);
        if (path.startsWith(PROFILE_DIR)) {
            path = path.substring(PROFILE_DIR.length());
        }
        TunedSetting named = include.withValue(path);
        Optional<String> unresolved = TunedVariables.unresolved(path);
        if (unresolved.isPresent()) {
            skipped.add(SkippedSetting.of(named, unresolved.get() + "; the variables it defines stay undefined"));
            return;
        }
        Optional<TunedSource.Text> file = source.file(include.origin(), path);
        if (file.isEmpty()) {
            skipped.add(SkippedSetting.of(named, "file not found; the variables it defines stay undefined, and settings that use them are not imported"));
            return;
        }
        String label = file.get().label();
        TunedConf.parseVariables(file.get().text(), label).forEach(o -> define(setting(VARIABLES, o, label, label), variables));
    }

    private static TunedSetting setting(String section, TunedConf.Option option, String origin, String file) {
        return new TunedSetting(section, option.key(), option.value(), origin, file, option.line());
    }
}
