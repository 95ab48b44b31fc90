package dev.asios.tune.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each kind of bad profile is refused with the file, the line and the reason. */
class ProfileValidationTest {

    private static final String FILE = "/etc/asios/profiles/p.yaml";
    private static final String HEAD = "name: p\ndescription: test\n";

    private static ProfileDocument parse(String text) {
        return ProfileParser.parse(text, FILE, "p", ProfileSource.USER);
    }

    private static void refused(String text, int line, String reason) {
        assertThatThrownBy(() -> parse(text))
                .isInstanceOf(ProfileException.class)
                .hasMessage(FILE + ":" + line + ": " + reason);
    }

    @Test
    void everySettingIsRead() {
        Profile p = parse(HEAD + """
                cpu:
                  isolate: 2-7
                  housekeepingPerNode: 2
                  governor: performance
                  energyPerformancePreference: balance_performance
                  boost: false
                  maxCstateLatencyUs: 0
                memory:
                  thp: always
                  thpDefrag: defer+madvise
                  khugepagedDefrag: false
                  numaBalancing: true
                  swappiness: 200
                  zoneReclaimMode: 7
                  hugepages:
                    - {sizeKib: 1048576, perNode: 4}
                    - {sizeKib: 2048, perNode: 0}
                  minFreeKbytes: 1048576
                  dirtyRatio: 40
                  dirtyBackgroundRatio: 10
                irq: {steerOffIsolated: true, pinDevicesToLocalNode: false, irqbalanceBanIsolated: true}
                noise:
                  workqueueOffIsolated: true
                  timerMigration: false
                  statIntervalSeconds: 1
                  nmiWatchdog: false
                  rtThrottling: true
                  ksm: false
                  holdCpuDmaLatencyUs: 0
                io: {nvmeScheduler: none, rotationalScheduler: mq-deadline, readAheadKib: 0, nrRequests: 1}
                network: {busyPollUs: 0, socketBufferBytes: 4096, rpsOffIsolated: true}
                boot: {isolcpus: true, nohzFull: true, rcuNocbs: false, iommuPassthrough: true, skewTick: true, hugepages1g: 8, maxCstate: 1}
                """).profile();

        assertThat(p.cpu()).isEqualTo(new CpuSettings(java.util.Optional.of("2-7"), java.util.Optional.of(2),
                java.util.Optional.of("performance"), java.util.Optional.of("balance_performance"), java.util.Optional.of(false), java.util.Optional.of(0)));
        assertThat(p.memory().thp()).contains(ThpMode.ALWAYS);
        assertThat(p.memory().thpDefrag()).contains(ThpDefrag.DEFER_MADVISE);
        assertThat(p.memory().hugepages()).contains(List.of(new HugepageReservation(1048576, 4), new HugepageReservation(2048, 0)));
        assertThat(p.memory().minFreeKbytes()).contains(1048576L);
        assertThat(p.noise().holdCpuDmaLatencyUs()).contains(0);
        assertThat(p.io().rotationalScheduler()).contains("mq-deadline");
        assertThat(p.network().socketBufferBytes()).contains(4096);
        assertThat(p.boot().hugepages1g()).contains(8);
        assertThat(p.boot().maxCstate()).contains(1);
    }

    @Test
    void unknownTopLevelKey() {
        refused(HEAD + "cpus:\n  governor: performance\n", 3, "unknown key 'cpus' at the top level; did you mean 'cpu'?");
    }

    @Test
    void unknownKeyWithoutNearMatchListsKnownKeys() {
        refused(HEAD + "io:\n  elevator: none\n", 4, "unknown key 'elevator' in io; known: nrRequests, nvmeScheduler, readAheadKib, rotationalScheduler");
    }

    @Test
    void wrongTypeNamesSettingBoundAndValue() {
        refused(HEAD + "memory:\n  swappiness: high\n", 4, "memory.swappiness: expected an integer 0..200, found 'high'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "memory:\\n  swappiness: 201|memory.swappiness: expected an integer 0..200, found '201'",
        "memory:\\n  zoneReclaimMode: -1|memory.zoneReclaimMode: expected an integer 0..7, found '-1'",
        "memory:\\n  dirtyRatio: 101|memory.dirtyRatio: expected an integer 0..100, found '101'",
        "memory:\\n  thp: sometimes|memory.thp: expected one of always, madvise, never, found 'sometimes'",
        "memory:\\n  thpDefrag: 1|memory.thpDefrag: expected one of always, defer, defer+madvise, madvise, never, found '1'",
        "memory:\\n  minFreeKbytes: 99999999999999999999|memory.minFreeKbytes: expected an integer >= 0, found '99999999999999999999'",
        "cpu:\\n  housekeepingPerNode: 0|cpu.housekeepingPerNode: expected an integer >= 1, found '0'",
        "cpu:\\n  boost: yes please|cpu.boost: expected true or false, found 'yes please'",
        "cpu:\\n  maxCstateLatencyUs: 2.5|cpu.maxCstateLatencyUs: expected an integer >= 0, found '2.5'",
        "cpu:\\n  governor: per formance|cpu.governor: expected a name of letters, digits and _+.-, found 'per formance'",
        "cpu:\\n  governor:|cpu.governor: expected a name of letters, digits and _+.-, found nothing",
        "noise:\\n  statIntervalSeconds: 0|noise.statIntervalSeconds: expected an integer >= 1, found '0'",
        "io:\\n  nrRequests: 0|io.nrRequests: expected an integer >= 1, found '0'",
        "network:\\n  socketBufferBytes: 4095|network.socketBufferBytes: expected an integer >= 4096, found '4095'",
        "boot:\\n  nohzFull: \"true\"|boot.nohzFull: expected true or false, found 'true'",
        "irq:\\n  steerOffIsolated: [true]|irq.steerOffIsolated: expected true or false, found a list",
    })
    void outOfRangeAndWrongTypedValuesAreRefusedOnTheirLine(String section, String reason) {
        refused(HEAD + section.replace("\\n", "\n") + "\n", 4, reason);
    }

    @Test
    void sectionMustBeAMapping() {
        refused(HEAD + "memory: 3\n", 3, "memory: expected a mapping of settings, found '3'");
    }

    @Test
    void hugepageSizeMustBeOneTheKernelHas() {
        refused(HEAD + "memory:\n  hugepages:\n    - sizeKib: 4096\n      perNode: 1\n", 5,
                "memory.hugepages[0].sizeKib: expected 2048 or 1048576, found '4096'");
    }

    @Test
    void hugepagePoolNeedsPerNode() {
        refused(HEAD + "memory:\n  hugepages:\n    - sizeKib: 2048\n", 5, "memory.hugepages[0].perNode: missing; expected an integer >= 0");
    }

    @Test
    void hugepagePoolListedTwice() {
        refused(HEAD + "memory:\n  hugepages:\n    - {sizeKib: 2048, perNode: 1}\n    - {sizeKib: 2048, perNode: 2}\n", 6,
                "memory.hugepages: size 2048 KiB is listed twice");
    }

    @Test
    void dirtyBackgroundAboveDirtyRatio() {
        refused(HEAD + "memory:\n  dirtyRatio: 10\n  dirtyBackgroundRatio: 20\n", 5,
                "memory.dirtyBackgroundRatio 20 is above memory.dirtyRatio 10; background writeback must start first");
    }

    @Test
    void isolateMustBeNoneAutoOrACpuList() {
        refused(HEAD + "cpu:\n  isolate: everything\n", 4,
                "cpu.isolate: expected none, auto or a CPU list such as 2-7,10; 'everything' is not a CPU number in 'everything'");
        refused(HEAD + "cpu:\n  isolate: 7-2\n", 4, "cpu.isolate: expected none, auto or a CPU list such as 2-7,10; CPU range 7-2 runs backwards in '7-2'");
    }

    @Test
    void isolateAcceptsASingleNumber() {
        assertThat(parse(HEAD + "cpu:\n  isolate: 3\n").profile().cpu().isolate()).contains("3");
    }

    @Test
    void nameMustMatchTheFile() {
        refused("description: x\nname: q\n", 2, "name 'q' does not match the file name; it must be 'p'");
    }

    @Test
    void nameIsRequired() {
        refused("description: x\n", 1, "missing 'name'; it must be 'p'");
    }

    @Test
    void descriptionIsRequired() {
        refused("name: p\ncpu:\n  boost: true\n", 1, "missing 'description': say in one line what the profile is for");
    }

    @Test
    void includeMustBeAListOfNames() {
        refused(HEAD + "include: training\n", 3, "include: expected a list of profile names, found 'training'");
        refused(HEAD + "include:\n  - {name: training}\n", 4, "include: expected a profile name, found a mapping");
        refused(HEAD + "include: [Training]\n", 3, "include: 'Training' is not a profile name (lower case letters, digits, dashes)");
    }

    @Test
    void yamlSyntaxErrorNamesItsLine() {
        refused(HEAD + "cpu:\n  governor: [performance\nmemory: {}\n", 5,
                "YAML syntax error: expected ',' or ']', but got : (while parsing a flow sequence from line 4)");
    }

    @Test
    void tabIndentationIsASyntaxError() {
        assertThatThrownBy(() -> parse(HEAD + "cpu:\n\tgovernor: performance\n"))
                .isInstanceOfSatisfying(ProfileException.class, e -> {
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.reason()).startsWith("YAML syntax error: ");
                });
    }

    @Test
    void duplicateKeyIsRefused() {
        refused(HEAD + "memory:\n  swappiness: 1\n  swappiness: 10\n", 5, "key 'swappiness' appears twice (first on line 4)");
    }

    @Test
    void emptyFileIsRefused() {
        refused("", 1, "the file is empty; a profile needs at least name and description");
        refused("# only a comment\n", 1, "the file is empty; a profile needs at least name and description");
    }

    @Test
    void rootMustBeAMapping() {
        refused("- name: p\n", 1, "a profile is a mapping of keys (name, description, ...), found a list");
    }

    @Test
    void secondDocumentIsRefused() {
        assertThatThrownBy(() -> parse(HEAD + "---\nname: q\n"))
                .isInstanceOf(ProfileException.class)
                .hasMessageContaining("a second YAML document");
    }

    @Test
    void deepNestingIsRefused() {
        assertThatThrownBy(() -> parse(HEAD + "cpu: " + "[".repeat(20) + "]".repeat(20) + "\n"))
                .isInstanceOf(ProfileException.class)
                .hasMessageContaining("nested deeper than");
    }
}
