package dev.asios.health.anomaly;

import com.amazon.randomcutforest.parkservices.ThresholdedRandomCutForest;
import com.amazon.randomcutforest.parkservices.state.ThresholdedRandomCutForestMapper;
import com.amazon.randomcutforest.parkservices.state.ThresholdedRandomCutForestState;
import com.amazon.randomcutforest.state.RandomCutForestState;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.asios.health.signal.SignalGroup;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Saves a {@link ForestDetector} as bytes and restores it, for the agent's store. The bytes are a
 * header and a compressed JSON document:
 *
 * <pre>
 * offset 0  "ASAD"             magic
 * offset 4  int32 big-endian   format version ({@value #FORMAT_VERSION})
 * offset 8  int32 big-endian   CRC-32 of the compressed document
 * offset 12 deflate(JSON)      group id, signal names, forest settings, rounds fed and skipped,
 *                              the signals' scaling, and RCF's own state of the forest
 *                              (ThresholdedRandomCutForestMapper, as Jackson writes it)
 * </pre>
 *
 * <p>Restoring checks everything before it builds a forest: the header, the checksum, the size,
 * the document, that it was saved for the same group, the same signals in the same order and the
 * same forest shape (shingle, trees, samples). Anything else — damaged bytes, another version,
 * another group, changed signals or settings — gives a {@link Restoration.Rejected} with the
 * reason, never an exception. The z-factor and the warm-up are taken from the current settings.
 *
 * <p>Thread-safe (stateless).
 */
public final class DetectorStateCodec {

    /** The version of the format written now; other versions are not restored. */
    public static final int FORMAT_VERSION = 1;
    private static final byte[] MAGIC = {'A', 'S', 'A', 'D'};
    private static final int HEADER_BYTES = 12;
    /** The most a document may inflate to; a forest of the largest settings is well below. */
    static final int MAX_DOCUMENT_BYTES = 64 << 20;
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private DetectorStateCodec() {
    }

    /** The saved form of a detector: empty while it still calibrates its first rounds (nothing worth saving). */
    public static Optional<byte[]> encode(ForestDetector detector) {
        return detector.calibratedForest().map(forest -> encode(detector, forest));
    }

    private static byte[] encode(ForestDetector detector, ThresholdedRandomCutForest forest) {
        DetectorStatus status = detector.status();
        SavedDetector saved = new SavedDetector(detector.group().id(), detector.group().signals(), Shape.of(detector.settings()),
                detector.shingleEpochMs(), status.roundsFed(), status.roundsSkipped(), detector.scaling().factors(), new ThresholdedRandomCutForestMapper().toState(forest));
        byte[] document;
        try {
            document = JSON.writeValueAsBytes(saved);
        } catch (JacksonException e) {
            throw new UncheckedIOException("cannot write the state of detector " + detector.group().id(), e);
        }
        return envelope(document);
    }

    /** The header and the compressed {@code document}: the saved form. */
    static byte[] envelope(byte[] document) {
        byte[] compressed = deflate(document);
        CRC32 crc = new CRC32();
        crc.update(compressed);
        return ByteBuffer.allocate(HEADER_BYTES + compressed.length)
                .put(MAGIC).putInt(FORMAT_VERSION).putInt((int) crc.getValue()).put(compressed).array();
    }

    /**
     * Restores the detector of {@code group} from {@code bytes}.
     *
     * @return the detector, or why the bytes cannot be used
     */
    public static Restoration decode(SignalGroup group, DetectorSettings settings, byte[] bytes) {
        try {
            return new Restoration.Restored(restore(group, settings, readDocument(document(bytes))));
        } catch (StateRejected e) {
            return new Restoration.Rejected(e.getMessage());
        }
    }

    /** Restores from the JSON document alone (the header and compression checked), for the fuzz tests. */
    static Restoration decodeDocument(SignalGroup group, DetectorSettings settings, byte[] document) {
        try {
            return new Restoration.Restored(restore(group, settings, readDocument(document)));
        } catch (StateRejected e) {
            return new Restoration.Rejected(e.getMessage());
        }
    }

    private static byte[] document(byte[] bytes) throws StateRejected {
        if (bytes.length < HEADER_BYTES || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new StateRejected("not a saved detector: " + bytes.length + " bytes without the ASAD header");
        }
        ByteBuffer header = ByteBuffer.wrap(bytes, MAGIC.length, HEADER_BYTES - MAGIC.length);
        int version = header.getInt();
        if (version != FORMAT_VERSION) {
            throw new StateRejected("saved in format version " + version + ", this build reads version " + FORMAT_VERSION);
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, HEADER_BYTES, bytes.length - HEADER_BYTES);
        if ((int) crc.getValue() != header.getInt()) {
            throw new StateRejected("the saved state is damaged: its checksum does not match");
        }
        return inflate(bytes, HEADER_BYTES);
    }

    private static SavedDetector readDocument(byte[] document) throws StateRejected {
        try {
            SavedDetector saved = JSON.readValue(document, SavedDetector.class);
            if (saved == null) {
                throw new StateRejected("the saved state is an empty document");
            }
            return saved;
        } catch (IOException e) {
            throw new StateRejected("the saved state is not a detector document: " + firstLine(e.getMessage()));
        }
    }

    private static ForestDetector restore(SignalGroup group, DetectorSettings settings, SavedDetector saved) throws StateRejected {
        saved.check(group, settings);
        ThresholdedRandomCutForest forest;
        try {
            forest = new ThresholdedRandomCutForestMapper().toModel(saved.forest());
            forest.setZfactor(settings.zFactor());
        } catch (RuntimeException e) {
            throw new StateRejected("the saved forest does not restore: " + e.getClass().getSimpleName() + " " + firstLine(e.getMessage()));
        }
        return new ForestDetector(group, settings, forest, new SignalScaling(saved.scaling()), saved.shingleEpochMs(), saved.roundsFed(),
                saved.roundsSkipped());
    }

    private static byte[] deflate(byte[] document) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(document);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(document.length / 4);
            byte[] chunk = new byte[64 << 10];
            while (!deflater.finished()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static byte[] inflate(byte[] bytes, int offset) throws StateRejected {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(bytes, offset, bytes.length - offset);
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length * 4);
            byte[] chunk = new byte[64 << 10];
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new StateRejected("the saved state is damaged: its compressed data ends early");
                }
                out.write(chunk, 0, n);
                if (out.size() > MAX_DOCUMENT_BYTES) {
                    throw new StateRejected("the saved state inflates past " + (MAX_DOCUMENT_BYTES >> 20) + " MiB");
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new StateRejected("the saved state is damaged: " + e.getMessage());
        } finally {
            inflater.end();
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    /** The shape of the forest, which must match to restore. */
    record Shape(int shingleSize, int numberOfTrees, int sampleSize) {
        static Shape of(DetectorSettings settings) {
            return new Shape(settings.shingleSize(), settings.numberOfTrees(), settings.sampleSize());
        }
    }

    /** The saved document. */
    record SavedDetector(String groupId, List<String> signals, Shape shape, long[] shingleEpochMs, long roundsFed, long roundsSkipped, double[] scaling,
            ThresholdedRandomCutForestState forest) {

        void check(SignalGroup group, DetectorSettings settings) throws StateRejected {
            if (!group.id().equals(groupId)) {
                throw new StateRejected("saved for group " + groupId + ", not " + group.id());
            }
            if (!group.signals().equals(signals)) {
                throw new StateRejected("saved for signals " + signals + ", the group now has " + group.signals());
            }
            if (!Shape.of(settings).equals(shape)) {
                throw new StateRejected("saved with " + shape + ", the settings now ask for " + Shape.of(settings));
            }
            if (roundsFed < 0 || roundsSkipped < 0 || scaling == null || scaling.length != signals.size()
                    || shingleEpochMs == null || shingleEpochMs.length != shape.shingleSize()
                    || Arrays.stream(scaling).anyMatch(f -> !(f > 0 && Double.isFinite(f)))) {
                throw new StateRejected("the saved state has bad counts, scaling or shingle times");
            }
            checkForest(group.dimensions() * shape.shingleSize());
        }

        private void checkForest(int dimensions) throws StateRejected {
            RandomCutForestState state = forest == null ? null : forest.getForestState();
            if (state == null || state.getDimensions() != dimensions || state.getShingleSize() != shape.shingleSize()
                    || state.getNumberOfTrees() != shape.numberOfTrees() || state.getSampleSize() != shape.sampleSize()
                    || !state.isInternalShinglingEnabled()) {
                throw new StateRejected("the saved forest does not have the saved shape " + shape + " over " + dimensions + " dimensions");
            }
        }
    }

    /** Why saved bytes cannot be restored; turned into a {@link Restoration.Rejected}. */
    static final class StateRejected extends Exception {
        private static final long serialVersionUID = 1L;

        StateRejected(String reason) {
            super(reason);
        }
    }
}
