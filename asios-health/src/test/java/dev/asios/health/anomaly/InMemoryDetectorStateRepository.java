package dev.asios.health.anomaly;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A repository in memory, for tests: keeps the latest blob per group and counts the saves. */
final class InMemoryDetectorStateRepository implements DetectorStateRepository {

    private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
    private final AtomicInteger saves = new AtomicInteger();

    @Override
    public Optional<byte[]> load(String groupId) {
        return Optional.ofNullable(blobs.get(groupId)).map(byte[]::clone);
    }

    @Override
    public void save(String groupId, byte[] state) {
        blobs.put(groupId, state.clone());
        saves.incrementAndGet();
    }

    /** Puts {@code state} as if it had been saved, without counting a save. */
    void put(String groupId, byte[] state) {
        blobs.put(groupId, state.clone());
    }

    int saves() {
        return saves.get();
    }

    boolean has(String groupId) {
        return blobs.containsKey(groupId);
    }
}
