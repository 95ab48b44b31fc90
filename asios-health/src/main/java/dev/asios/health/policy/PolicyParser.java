package dev.asios.health.policy;

import static dev.asios.health.policy.ParametersReader.from;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a policy file over a policy underneath: every field the file sets replaces the one
 * underneath, every field it leaves out keeps it. The built-in policy is read over nothing, so it
 * must set every field. Stateless; every refusal is a {@link PolicyException}.
 */
final class PolicyParser {

    private static final Set<String> TOP_KEYS = Set.of("mode", "remediations");
    private static final Set<String> LIMIT_KEYS = Set.of("max", "per");
    private static final Set<String> RULE_KEYS = Set.of("enabled", "per-subject", "overall", "cooldown");

    private PolicyParser() {
    }

    /**
     * The policy {@code text} (the content of {@code file}) makes of {@code base}.
     *
     * @param base the policy underneath, or null when the text must set every field
     */
    static HealPolicy parse(String text, String file, HealPolicy base) {
        PolicyNode root = PolicyNode.root(YamlDocument.read(text, file), TOP_KEYS);
        HealMode mode = root.choice("mode", HealMode.class, from(base, HealPolicy::mode));
        Set<String> kindNames = new LinkedHashSet<>();
        for (RemediationKind kind : RemediationKind.values()) {
            kindNames.add(kind.wireName());
        }
        Optional<PolicyNode> section = root.mapping("remediations", kindNames, "remediation");
        if (section.isEmpty() && base == null) {
            throw root.missing("remediations");
        }
        Map<RemediationKind, RemediationRule> rules = new EnumMap<>(RemediationKind.class);
        for (RemediationKind kind : RemediationKind.values()) {
            RemediationRule under = base == null ? null : base.rule(kind);
            Optional<PolicyNode> node = section.flatMap(s -> s.mapping(kind.wireName(), ruleKeys(kind), "key"));
            if (node.isEmpty() && under == null) {
                throw section.orElseThrow().missing(kind.wireName());
            }
            rules.put(kind, node.map(n -> rule(kind, n, under)).orElse(under));
        }
        return new HealPolicy(mode, rules, file);
    }

    private static Set<String> ruleKeys(RemediationKind kind) {
        Set<String> keys = new HashSet<>(RULE_KEYS);
        keys.addAll(ParametersReader.keys(kind));
        return keys;
    }

    private static RemediationRule rule(RemediationKind kind, PolicyNode node, RemediationRule base) {
        return new RemediationRule(kind, node.bool("enabled", from(base, RemediationRule::enabled)),
                limit(node, "per-subject", from(base, RemediationRule::perSubject)), limit(node, "overall", from(base, RemediationRule::overall)),
                node.duration("cooldown", Duration.ZERO, RemediationRule.MAX_COOLDOWN, from(base, RemediationRule::cooldown)),
                ParametersReader.read(kind, node, from(base, RemediationRule::parameters)));
    }

    /** {@code { max: N, per: DURATION }}; either may be left out to keep the value underneath. */
    private static RateLimit limit(PolicyNode node, String key, RateLimit base) {
        Optional<PolicyNode> limit = node.mapping(key, LIMIT_KEYS, "key");
        if (limit.isEmpty()) {
            if (base == null) {
                throw node.missing(key);
            }
            return base;
        }
        return new RateLimit(limit.get().integer("max", RateLimit.MIN_MAX, RateLimit.MAX_MAX, from(base, RateLimit::max)),
                limit.get().duration("per", RateLimit.MIN_PER, RateLimit.MAX_PER, from(base, RateLimit::per)));
    }
}
