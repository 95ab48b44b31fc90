package dev.asios.agent.health;

import dev.asios.agent.store.StateBlobs;
import dev.asios.health.anomaly.DetectorStateRepository;
import java.util.Optional;

/** The learned detectors' saved state, one blob per signal group in {@code health.db}, named {@code detector/GROUP}. Thread-safe. */
final class DetectorStates implements DetectorStateRepository {

    private final StateBlobs blobs;

    DetectorStates(StateBlobs blobs) {
        this.blobs = blobs;
    }

    @Override
    public Optional<byte[]> load(String groupId) {
        return blobs.load("detector/" + groupId);
    }

    @Override
    public void save(String groupId, byte[] state) {
        blobs.save("detector/" + groupId, state, System.currentTimeMillis());
    }
}
