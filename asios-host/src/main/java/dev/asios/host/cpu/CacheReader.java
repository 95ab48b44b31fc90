package dev.asios.host.cpu;

import dev.asios.host.parse.CpuSet;
import dev.asios.host.parse.ParseException;
import dev.asios.host.sysroot.SysrootValues;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads every cache instance from {@code /sys/devices/system/cpu/cpuN/cache/indexM}. An instance
 * is identified by the first usable CPU of its {@code shared_cpu_map}, so each one is counted once.
 * An all-zero map (some virtual machines) means the cache is private to the core.
 */
final class CacheReader {

    private final SysrootValues values;

    CacheReader(SysrootValues values) {
        this.values = values;
    }

    List<Cache> read(CpuSet usable) {
        List<Cache> caches = new ArrayList<>();
        usable.stream().forEach(cpu -> {
            String cacheDir = "/sys/devices/system/cpu/cpu" + cpu + "/cache";
            for (String index : values.sysroot().list(cacheDir)) {
                if (index.startsWith("index")) {
                    readOne(cpu, cacheDir + "/" + index + "/", usable).ifPresent(caches::add);
                }
            }
        });
        caches.sort(Comparator.comparingInt(Cache::level).thenComparing(Cache::type).thenComparingInt(c -> c.cpus().first()));
        return caches;
    }

    private Optional<Cache> readOne(int cpu, String dir, CpuSet usable) {
        Optional<CpuSet> shared = values.cpuMask(dir + "shared_cpu_map");
        if (shared.isEmpty()) {
            shared = values.cpuList(dir + "shared_cpu_list");
        }
        if (shared.isEmpty()) {
            return Optional.empty();
        }
        CpuSet cpus = shared.get();
        if (cpus.isEmpty()) {
            String topo = "/sys/devices/system/cpu/cpu" + cpu + "/topology/";
            cpus = values.cpuMask(topo + "core_cpus").or(() -> values.cpuMask(topo + "thread_siblings")).orElse(CpuSet.of(cpu));
        }
        cpus = cpus.and(usable);
        if (cpus.first() != cpu) {
            return Optional.empty();
        }
        var level = values.longValue(dir + "level");
        if (level.isEmpty()) {
            return Optional.empty();
        }
        Optional<CacheType> type = values.parsed(dir + "type", CacheReader::parseType);
        long sizeBytes = values.parsed(dir + "size", CacheReader::parseSizeBytes).orElse(0L);
        int lineSize = (int) values.longValue(dir + "coherency_line_size").orElse(0);
        int ways = (int) values.longValue(dir + "ways_of_associativity").orElse(0);
        return Optional.of(new Cache((int) level.getAsLong(), type.orElse(CacheType.UNIFIED), sizeBytes, lineSize, ways, cpus));
    }

    // Format: "Data", "Instruction" or "Unified"
    static CacheType parseType(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "data" -> CacheType.DATA;
            case "instruction" -> CacheType.INSTRUCTION;
            case "unified" -> CacheType.UNIFIED;
            default -> throw new ParseException("cache type '" + text.strip() + "' is not Data, Instruction or Unified");
        };
    }

    // Format: "32K", "1024K", "30720K", sometimes "2M" or plain bytes
    static long parseSizeBytes(String text) {
        String t = text.strip();
        long multiplier = 1;
        if (t.endsWith("K")) {
            multiplier = 1024;
        } else if (t.endsWith("M")) {
            multiplier = 1024 * 1024;
        } else if (t.endsWith("G")) {
            multiplier = 1024L * 1024 * 1024;
        }
        String digits = multiplier == 1 ? t : t.substring(0, t.length() - 1);
        if (digits.isEmpty() || digits.length() > 12 || !digits.chars().allMatch(Character::isDigit)) {
            throw new ParseException("cache size '" + t + "' is not a number of at most 12 digits with an optional K, M or G suffix");
        }
        return Long.parseLong(digits) * multiplier;
    }
}
