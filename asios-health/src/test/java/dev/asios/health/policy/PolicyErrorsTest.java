package dev.asios.health.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every refusal of a policy file names the file, the line, the field, what was expected and what to do. */
class PolicyErrorsTest {

    private static final String RULE = "mode: dry-run\nremediations:\n  reapply-drift:\n";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown top key        | mode: dry-run\\nremediaton: {}\\n  | 2 | remediaton | unknown key 'remediaton' | Did you mean 'remediations'? The keys allowed at the top level are: mode, remediations
            unknown remediation    | remediations:\\n  restart-crashed-runs: {}\\n | 2 | remediations.restart-crashed-runs | unknown remediation 'restart-crashed-runs' | Did you mean 'restart-crashed-run'?
            far remediation        | remediations:\\n  reboot: {}\\n | 2 | remediations.reboot | unknown remediation 'reboot' | Remove it. The remediations allowed in remediations are: adaptive-io-scheduler,
            unknown rule key       | RULE    cooldwn: 5s\\n | 4 | remediations.reapply-drift.cooldwn | unknown key 'cooldwn' | Did you mean 'cooldown'?
            other kind's key       | RULE    max-attempts: 3\\n | 4 | remediations.reapply-drift.max-attempts | unknown key 'max-attempts' | The keys allowed in remediations.reapply-drift are: cooldown, enabled, overall, per-subject
            duration in words      | RULE    cooldown: 10 minutes\\n | 4 | remediations.reapply-drift.cooldown | expected a duration such as 30s, 10m, 1h or 1h30m (units ms, s, m, h, d), found '10 minutes' | Write a whole number with a unit
            duration fraction      | RULE    cooldown: 1.5m\\n | 4 | remediations.reapply-drift.cooldown | found '1.5m' | such as 90s rather than 1.5m
            duration without unit  | RULE    cooldown: 30\\n | 4 | remediations.reapply-drift.cooldown | found 30 | Write a whole number with a unit
            duration too long      | RULE    per-subject: { max: 3, per: 8d }\\n | 4 | remediations.reapply-drift.per-subject.per | expected a duration from 1s to 7d, found 8d | Write a duration from 1s to 7d
            zero max               | RULE    per-subject:\\n      max: 0\\n | 5 | remediations.reapply-drift.per-subject.max | expected a whole number from 1 to 10000, found 0 | Write a whole number from 1 to 10000
            huge max               | RULE    overall: { max: 99999999999999999999 }\\n | 4 | remediations.reapply-drift.overall.max | found 99999999999999999999 | from 1 to 10000
            decimal max            | RULE    overall: { max: 2.5 }\\n | 4 | remediations.reapply-drift.overall.max | expected a whole number from 1 to 10000, found 2.5 | Write a whole number
            bad boolean            | RULE    enabled: sometimes\\n | 4 | remediations.reapply-drift.enabled | expected true or false, found 'sometimes' | Write true or false
            yaml 1.1 boolean       | RULE    enabled: yes\\n | 4 | remediations.reapply-drift.enabled | expected true or false, found 'yes' | Write true or false
            empty value            | RULE    enabled:\\n | 4 | remediations.reapply-drift.enabled | expected true or false, found nothing | Write true or false
            limit as scalar        | RULE    overall: 5\\n | 4 | remediations.reapply-drift.overall | expected a mapping, found 5 | Write the keys of 'overall' indented below it
            rule as list           | remediations:\\n  reapply-drift: [1]\\n | 2 | remediations.reapply-drift | expected a mapping, found a list | indented below it
            bad mode               | mode: enforcing\\n | 1 | mode | expected one of off, dry-run, enforce, found 'enforcing' | Write one of off, dry-run, enforce
            percent out of range   | remediations:\\n  hugepage-pools:\\n    headroom-percent: 150\\n | 3 | remediations.hugepage-pools.headroom-percent | expected a number from 0 to 100, found 150 | Write a number
            backoff max below init | remediations:\\n  restart-crashed-run:\\n    backoff-initial: 1m\\n    backoff-max: 30s\\n | 4 | remediations.restart-crashed-run.backoff-max | expected a duration from 1m to 1d, found 30s | Write a duration from 1m to 1d
            kept value now invalid | remediations:\\n  restart-crashed-run:\\n    backoff-initial: 20m\\n | 2 | remediations.restart-crashed-run.backoff-max | the value it keeps from the built-in policy, 5m, is not from 20m to 1d | Set 'backoff-max' in this file too
            duplicate key          | RULE    cooldown: 5s\\n    cooldown: 6s\\n | 5 | '' | a key is written twice: 'cooldown' | Keep one of the two
            tab indent             | mode: dry-run\\n\\tremediations: {}\\n | 2 | '' | not valid YAML | indent with spaces
            open bracket           | remediations: [\\n | 2 | '' | not valid YAML | close brackets
            second document        | mode: off\\n---\\nmode: enforce\\n | 3 | '' | a second YAML document, after a '---' line, starts here | remove the '---'
            root is a list         | - mode\\n | 1 | '' | expected a mapping of keys (mode, remediations), found a list | Start the file with 'mode: dry-run'
            protect not a list     | remediations:\\n  throttle-noisy-neighbour:\\n    protect: /batch\\n | 3 | remediations.throttle-noisy-neighbour.protect | expected a list of cgroup paths, found '/batch' | such as [/system.slice/sshd.service, /batch/**]
            protect relative       | remediations:\\n  throttle-noisy-neighbour:\\n    protect: [batch/**]\\n | 3 | remediations.throttle-noisy-neighbour.protect | 'batch/**' does not start with / | such as /batch/**
            protect bad glob       | remediations:\\n  throttle-noisy-neighbour:\\n    protect: ["/batch/[a"]\\n | 3 | remediations.throttle-noisy-neighbour.protect | '/batch/[a' is not a valid glob | or [] for none
            protect number         | remediations:\\n  throttle-noisy-neighbour:\\n    protect: [7]\\n | 3 | remediations.throttle-noisy-neighbour.protect | expected a list of cgroup paths, found a list | Write a list of cgroup paths
            empty file             | '# nothing\\n' | 1 | '' | the file is empty | leave the policy file out to use the built-in policy
            """)
    void refusesWithPlaceAndFix(String name, String yaml, int line, String field, String problem, String fix) {
        String text = yaml.replace("RULE", RULE).replace("\\n", "\n").replace("\\t", "\t");
        PolicyException e = catchThrowableOfType(PolicyException.class, () -> HealPolicy.parse(text, "heal.yaml"));
        assertThat(e).as(name).isNotNull();
        assertThat(e.file()).isEqualTo("heal.yaml");
        assertThat(e.line()).as("line of " + e.getMessage()).isEqualTo(line);
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.problem()).contains(problem);
        assertThat(e.fix()).contains(fix);
        String place = "heal.yaml:" + line + ": " + (field.isEmpty() ? "" : field + ": ");
        assertThat(e.getMessage()).startsWith(place).contains(e.problem() + ". " + e.fix());
    }
}
