package dev.asios.bench.e2e;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A multi-layer perceptron held in memory: fully connected float32 layers, ReLU after every layer
 * but the last. Its weights are generated from a seed, so every run builds the same model and
 * nothing is downloaded or shipped. Layer {@code l} maps {@code widths[l]} inputs to
 * {@code widths[l + 1]} outputs with one row of weights per input ({@code w[i][j]} joins input
 * {@code i} to output {@code j}), so that inference runs as {@code out[j] += w[i][j] * x[i]}: an
 * axpy over contiguous memory at the same index on both arrays, which C2 vectorizes. (A flat
 * {@code w[i * n + j]} is not vectorized by the JDK 25 C2: it cannot rule out that {@code w} and
 * {@code out} are the same array at different offsets; the standard model ran 3.5 times slower
 * that way, a layer that fits in L2 9 times.) Immutable and thread-safe; each thread runs it
 * through its own {@link MlpInference}.
 */
public final class MlpModel {

    /** The standard model's seed. */
    public static final long DEFAULT_SEED = 20_251_125L;

    private final MlpShape shape;
    private final int[] widths;
    private final float[][][] weights;
    private final float[][] biases;

    private MlpModel(MlpShape shape, float[][][] weights, float[][] biases) {
        this.shape = shape;
        this.widths = shape.widths().stream().mapToInt(Integer::intValue).toArray();
        this.weights = weights;
        this.biases = biases;
    }

    /** The standard model: {@link MlpShape#STANDARD} from {@link #DEFAULT_SEED}. */
    public static MlpModel standard() {
        return generate(MlpShape.STANDARD, DEFAULT_SEED);
    }

    /** The standard model in words, for a measurement's method, without building it. */
    public static String describeStandard() {
        return MlpShape.STANDARD.describe() + ", its weights generated in memory from seed " + DEFAULT_SEED;
    }

    /**
     * A model of {@code shape} whose weights and biases are drawn from {@code seed} as PyTorch
     * initializes {@code nn.Linear}: uniform in {@code [-1/sqrt(in), 1/sqrt(in)]}.
     */
    public static MlpModel generate(MlpShape shape, long seed) {
        List<Integer> widths = shape.widths();
        SplittableRandom random = new SplittableRandom(seed);
        float[][][] weights = new float[widths.size() - 1][][];
        float[][] biases = new float[widths.size() - 1][];
        for (int l = 0; l < weights.length; l++) {
            int in = widths.get(l);
            int out = widths.get(l + 1);
            double bound = 1 / Math.sqrt(in);
            weights[l] = new float[in][];
            for (int i = 0; i < in; i++) {
                weights[l][i] = uniform(random, out, bound);
            }
            biases[l] = uniform(random, out, bound);
        }
        return new MlpModel(shape, weights, biases);
    }

    /**
     * A model of {@code shape} with the given weights ({@code weights[l][i][j]} joins input {@code i}
     * of layer {@code l} to its output {@code j}) and biases; the arrays are copied.
     *
     * @throws IllegalArgumentException if an array's length does not fit the shape
     */
    static MlpModel of(MlpShape shape, float[][][] weights, float[][] biases) {
        List<Integer> widths = shape.widths();
        if (weights.length != widths.size() - 1 || biases.length != widths.size() - 1) {
            throw new IllegalArgumentException(widths.size() + " widths make " + (widths.size() - 1) + " layers, not " + weights.length
                    + " weight and " + biases.length + " bias arrays");
        }
        float[][][] copy = new float[weights.length][][];
        for (int l = 0; l < weights.length; l++) {
            int out = widths.get(l + 1);
            if (weights[l].length != widths.get(l) || Arrays.stream(weights[l]).anyMatch(row -> row.length != out) || biases[l].length != out) {
                throw new IllegalArgumentException("layer " + l + " needs " + widths.get(l) + " rows of " + out + " weights and " + out + " biases");
            }
            copy[l] = deepCopy(weights[l]);
        }
        return new MlpModel(shape, copy, deepCopy(biases));
    }

    /** The model's shape. */
    public MlpShape shape() {
        return shape;
    }

    /** The inputs one inference takes. */
    public int inputs() {
        return widths[0];
    }

    /** A fresh set of activation buffers for one thread's inferences. */
    public MlpInference newInference() {
        return new MlpInference(this);
    }

    /**
     * Computes layer {@code layer} of input {@code x} into {@code out}: bias, weighted inputs, then
     * ReLU unless it is the last layer. Allocates nothing.
     */
    void layer(int layer, float[] x, float[] out) {
        int in = widths[layer];
        int n = widths[layer + 1];
        float[][] w = weights[layer];
        System.arraycopy(biases[layer], 0, out, 0, n);
        for (int i = 0; i < in; i++) {
            float xi = x[i];
            float[] row = w[i];
            for (int j = 0; j < n; j++) {
                out[j] += row[j] * xi;
            }
        }
        if (layer + 2 < widths.length) {
            for (int j = 0; j < n; j++) {
                out[j] = Math.max(out[j], 0f);
            }
        }
    }

    /** The number of layers. */
    int layers() {
        return weights.length;
    }

    private static float[] uniform(SplittableRandom random, int count, double bound) {
        float[] values = new float[count];
        for (int k = 0; k < count; k++) {
            values[k] = (float) random.nextDouble(-bound, bound);
        }
        return values;
    }

    private static float[][] deepCopy(float[][] arrays) {
        float[][] copy = new float[arrays.length][];
        for (int k = 0; k < arrays.length; k++) {
            copy[k] = arrays[k].clone();
        }
        return copy;
    }
}
