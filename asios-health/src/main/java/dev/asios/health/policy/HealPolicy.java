package dev.asios.health.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The operator's limits on self-healing: the mode, and for each {@link RemediationKind} whether it
 * is enabled, its rate limits, cooldown and settings. The built-in policy
 * ({@code default-policy.yaml} next to this class, documented field by field) is dry-run with
 * conservative limits; a policy file changes only the fields it sets. Immutable and thread-safe.
 *
 * @param mode off, dry-run or enforce
 * @param rules one rule for every remediation kind
 * @param source where the policy came from: the file's path, or {@value #BUILT_IN}
 */
public record HealPolicy(HealMode mode, Map<RemediationKind, RemediationRule> rules, String source) {

    /** The {@link #source()} of the built-in policy. */
    public static final String BUILT_IN = "built-in";

    /** The largest policy file read; no policy comes near it. */
    public static final long MAX_FILE_BYTES = 1 << 20;

    private static final String RESOURCE = "default-policy.yaml";

    /**
     * Checks that every kind has its rule.
     *
     * @throws IllegalArgumentException if a kind has no rule, or a rule sits under another kind
     */
    public HealPolicy {
        EnumMap<RemediationKind, RemediationRule> copy = new EnumMap<>(RemediationKind.class);
        copy.putAll(rules);
        for (RemediationKind kind : RemediationKind.values()) {
            RemediationRule rule = copy.get(kind);
            if (rule == null || rule.kind() != kind) {
                throw new IllegalArgumentException("a heal policy needs a rule for " + kind.wireName() + ", given " + rule);
            }
        }
        rules = Collections.unmodifiableMap(copy);
    }

    /** The built-in policy, read once from its resource. */
    public static HealPolicy builtIn() {
        return BuiltIn.POLICY;
    }

    /** The built-in policy's YAML with its comments: the starting point of a policy file of one's own. */
    public static String builtInText() {
        return BuiltIn.TEXT;
    }

    /**
     * Reads a policy file over the built-in policy.
     *
     * @throws PolicyException naming the file, and the line and field where it can, for a file that
     *     is missing, unreadable, too large, not UTF-8, or not a valid policy
     */
    public static HealPolicy load(Path file) {
        String name = file.toString();
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw PolicyException.at(name, 0, "", "the file is larger than 1 MiB, which no heal policy needs", "Check that the path names a policy file");
            }
            return parse(Files.readString(file, StandardCharsets.UTF_8), name);
        } catch (NoSuchFileException e) {
            throw PolicyException.at(name, 0, "", "the file does not exist", "Check the path, or leave the policy file out to use the built-in policy");
        } catch (AccessDeniedException e) {
            throw PolicyException.at(name, 0, "", "the file cannot be read: permission denied", "Make it readable by the user the agent runs as");
        } catch (MalformedInputException e) {
            throw PolicyException.at(name, 0, "", "the file is not UTF-8 text", "Save it as UTF-8");
        } catch (IOException e) {
            throw PolicyException.at(name, 0, "", "the file cannot be read: " + e.getMessage(), "Check the path and the disk");
        }
    }

    /**
     * Reads policy text over the built-in policy.
     *
     * @param text the YAML
     * @param file the name its messages give the text
     * @throws PolicyException naming the file, line and field of the first problem
     */
    public static HealPolicy parse(String text, String file) {
        return PolicyParser.parse(text, file, builtIn());
    }

    /** The rule of {@code kind}. */
    public RemediationRule rule(RemediationKind kind) {
        return rules.get(kind);
    }

    /** This policy in another mode: {@code asios up --heal MODE} over the file's mode. */
    public HealPolicy withMode(HealMode newMode) {
        return new HealPolicy(newMode, rules, source);
    }

    /**
     * The policy in a few lines, for the {@code policy-loaded} audit event and the API: the mode,
     * the source, and one {@link RemediationRule#summary()} per kind, in the kinds' order.
     */
    public Map<String, String> summary() {
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("mode", mode.wireName());
        lines.put("source", source);
        rules.forEach((kind, rule) -> lines.put(kind.wireName(), rule.summary()));
        return Collections.unmodifiableMap(lines);
    }

    /** The built-in policy, read when first asked for. */
    private static final class BuiltIn {

        static final String TEXT = readResource();
        static final HealPolicy POLICY = PolicyParser.parse(TEXT, BUILT_IN, null);

        private static String readResource() {
            try (InputStream in = HealPolicy.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the built-in heal policy " + RESOURCE + " is missing from the class path");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the built-in heal policy " + RESOURCE, e);
            }
        }
    }
}
