package dev.asios.tune.imports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ASIOS settings an import has gathered so far, each with the tuned settings it came from,
 * and what was not imported. A second tuned setting for the same ASIOS setting is imported too
 * when it agrees and skipped when it does not. Not thread-safe (one per import).
 */
final class ProfileDraft {

    /** Every ASIOS setting an import can write, in profile order. */
    static final List<String> KEYS = List.of(
            "cpu.isolate", "cpu.governor", "cpu.energyPerformancePreference", "cpu.boost", "cpu.maxCstateLatencyUs",
            "memory.thp", "memory.thpDefrag", "memory.khugepagedDefrag", "memory.numaBalancing", "memory.swappiness",
            "memory.zoneReclaimMode", "memory.minFreeKbytes", "memory.dirtyRatio", "memory.dirtyBackgroundRatio",
            "irq.irqbalanceBanIsolated",
            "noise.timerMigration", "noise.statIntervalSeconds", "noise.nmiWatchdog", "noise.rtThrottling", "noise.ksm",
            "io.nvmeScheduler", "io.rotationalScheduler", "io.readAheadKib",
            "network.busyPollUs", "network.socketBufferBytes",
            "boot.isolcpus", "boot.nohzFull", "boot.rcuNocbs", "boot.iommuPassthrough", "boot.skewTick", "boot.hugepages1g", "boot.maxCstate");

    private final Map<String, Object> values = new HashMap<>();
    private final List<ImportedSetting> imported = new ArrayList<>();
    private final List<SkippedSetting> skipped = new ArrayList<>();
    private final Isolation isolation = new Isolation();

    /**
     * Sets {@code key} (one of {@link #KEYS}) to {@code value}, an Integer, Long, Boolean or
     * String, from {@code from}; {@code note} says how the meaning differs, or is empty.
     */
    void set(String key, Object value, TunedSetting from, String note) {
        if (!KEYS.contains(key)) {
            throw new IllegalArgumentException("not an importable ASIOS setting: " + key);
        }
        Object current = values.putIfAbsent(key, value);
        if (current != null && !current.equals(value)) {
            ImportedSetting first = entries(key).getFirst();
            skip(from, "conflicts with " + first.setting() + " (" + first.source() + "), which sets " + key + " to " + current
                    + "; ASIOS has one value for both");
            return;
        }
        imported.add(new ImportedSetting(from.describe(), from.source(), key, String.valueOf(value), note));
    }

    /** Records that {@code from} was not imported, and why. */
    void skip(TunedSetting from, String reason) {
        skipped.add(SkippedSetting.of(from, reason));
    }

    /** Records entries that were not imported. */
    void skipAll(List<SkippedSetting> entries) {
        skipped.addAll(entries);
    }

    /** The value of {@code key}, if it is set. */
    Optional<Object> value(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** How many settings are imported so far; a mark for {@link #noteSince}. */
    int mark() {
        return imported.size();
    }

    /** Adds {@code note} to every setting imported since {@code mark}. */
    void noteSince(int mark, String note) {
        for (int i = mark; i < imported.size(); i++) {
            ImportedSetting entry = imported.get(i);
            String joined = entry.note().isEmpty() ? note : entry.note() + "; " + note;
            imported.set(i, new ImportedSetting(entry.setting(), entry.source(), entry.asiosKey(), entry.value(), joined));
        }
    }

    /** The CPU isolation settings, which are decided together at {@link #finish}. */
    Isolation isolation() {
        return isolation;
    }

    /** Decides CPU isolation and drops values that could not load together. */
    void finish() {
        isolation.decide(this);
        Optional<Object> ratio = value("memory.dirtyRatio");
        Optional<Object> background = value("memory.dirtyBackgroundRatio");
        if (ratio.isPresent() && background.isPresent() && (Integer) background.get() > (Integer) ratio.get()) {
            drop("memory.dirtyBackgroundRatio", "above memory.dirtyRatio " + ratio.get() + "; ASIOS requires background writeback to start first");
        }
    }

    /** The values set, by key, in profile order. */
    Map<String, Object> values() {
        Map<String, Object> ordered = new LinkedHashMap<>();
        KEYS.stream().filter(values::containsKey).forEach(key -> ordered.put(key, values.get(key)));
        return ordered;
    }

    /** The tuned settings behind {@code key}, in the order they were imported. */
    List<ImportedSetting> entries(String key) {
        return imported.stream().filter(i -> i.asiosKey().equals(key)).toList();
    }

    /** Every imported setting, in profile order. */
    List<ImportedSetting> imported() {
        return imported.stream().sorted(Comparator.comparingInt(i -> KEYS.indexOf(i.asiosKey()))).toList();
    }

    /** Everything not imported, in the order met. */
    List<SkippedSetting> skipped() {
        return List.copyOf(skipped);
    }

    private void drop(String key, String reason) {
        values.remove(key);
        List<ImportedSetting> dropped = entries(key);
        imported.removeAll(dropped);
        dropped.forEach(i -> skipped.add(new SkippedSetting(i.setting(), i.source(), reason)));
    }
}
