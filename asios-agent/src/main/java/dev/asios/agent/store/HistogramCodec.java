package dev.asios.agent.store;

import dev.asios.host.parse.ParseException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * The compact forms the store keeps histograms in. Bucket counts: the number of buckets, then
 * each count, all as unsigned LEB128 varints, so a small count takes one byte. Bucket bounds: one
 * big-endian IEEE 754 double per bound. Stateless.
 */
final class HistogramCodec {

    /** More buckets than any histogram of ASIOS has; a longer blob is corrupt. */
    static final int MAX_BUCKETS = 4096;

    private HistogramCodec() {
    }

    /** The blob of non-negative bucket counts. */
    static byte[] encodeCounts(long[] counts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 + counts.length * 2);
        writeVarint(counts.length, out);
        for (long count : counts) {
            writeVarint(count, out);
        }
        return out.toByteArray();
    }

    /**
     * The bucket counts in a blob.
     *
     * @throws ParseException if the blob is not what {@link #encodeCounts} writes
     */
    static long[] decodeCounts(byte[] blob) {
        int[] position = {0};
        long buckets = readVarint(blob, position);
        if (buckets < 1 || buckets > MAX_BUCKETS) {
            throw new ParseException("histogram blob: " + buckets + " buckets, expected 1 to " + MAX_BUCKETS);
        }
        long[] counts = new long[(int) buckets];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = readVarint(blob, position);
            if (counts[i] < 0) {
                throw new ParseException("histogram blob: bucket " + i + " count overflows a long");
            }
        }
        if (position[0] != blob.length) {
            throw new ParseException("histogram blob: " + (blob.length - position[0]) + " bytes after the last bucket");
        }
        return counts;
    }

    /** The blob of bucket upper bounds. */
    static byte[] encodeBounds(double[] bounds) {
        ByteBuffer buffer = ByteBuffer.allocate(bounds.length * Double.BYTES);
        for (double bound : bounds) {
            buffer.putDouble(bound);
        }
        return buffer.array();
    }

    /**
     * The bucket upper bounds in a blob.
     *
     * @throws ParseException if the blob's length is not a whole number of doubles
     */
    static double[] decodeBounds(byte[] blob) {
        if (blob.length % Double.BYTES != 0) {
            throw new ParseException("histogram bounds blob of " + blob.length + " bytes is not a list of doubles");
        }
        double[] bounds = new double[blob.length / Double.BYTES];
        ByteBuffer.wrap(blob).asDoubleBuffer().get(bounds);
        return bounds;
    }

    private static void writeVarint(long value, ByteArrayOutputStream out) {
        long rest = value;
        while ((rest & ~0x7FL) != 0) {
            out.write((int) (rest & 0x7F) | 0x80);
            rest >>>= 7;
        }
        out.write((int) rest);
    }

    // Unsigned LEB128: seven bits per byte, low bits first, the high bit set on all but the last byte.
    private static long readVarint(byte[] blob, int[] position) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (position[0] >= blob.length) {
                throw new ParseException("histogram blob: ends inside a number at byte " + position[0]);
            }
            byte b = blob[position[0]++];
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw new ParseException("histogram blob: a number longer than ten bytes at byte " + position[0]);
    }
}
