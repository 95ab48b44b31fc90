package dev.asios.bench.e2e;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A multi-layer perceptron held in memory: fully connected float32 layers, ReLU after every layer
 * but the last. Its weights are generated from a seed, so every run builds the same model and
 * nothing is downloaded or shipped. Layer {@code l} maps {@code widths[l]} inputs to
 * {@code widths[l + 1]} outputs with one row of weights per input ({@code w[i][j]} joins input
 * {@code i} to output {@code j}), so that inference runs as {@code out[j] += w[i][j] * x[i]}: an
 * axpy over contiguous memory at the same index on both arrays, which C2 vectorizes. (A flat
 * {@code w[i * n + j]} is not vectorized by the JDK 25 C2: it cannot rule out that {@code w} and
 * {@code out} are the same array at different offsets, and runs 8 to 10 times slower.) Immutable
 * and thread-safe; each thread runs it through its own {@link MlpInference}.
 */
public final class MlpModel {

    /** The default model's layer widths: 512 inputs, two hidden layers of 2048, 512 outputs. */
    private static final int[] DEFAULT_WIDTHS = {512, 2048, 2048, 512};

    /** The default model's seed. */
    public static final long DEFAULT_SEED = 20_251_125L;

    private final int[] widths;
    private final float[][][] weights;
    private final float[][] biases;

    private MlpModel(int[] widths, float[][][] weights, float[][] biases) {
        this.widths = widths;
        this.weights = weights;
        this.biases = biases;
    }

    /** The default model (512-2048-2048-512, {@link #DEFAULT_SEED}): 6,291,456 multiply-adds per inference. */
    public static MlpModel standard() {
        return generate(DEFAULT_WIDTHS, DEFAULT_SEED);
    }

    /**
     * A model of these layer widths whose weights and biases are drawn from {@code seed} as PyTorch
     * initializes {@code nn.Linear}: uniform in {@code [-1/sqrt(in), 1/sqrt(in)]}.
     *
     * @throws IllegalArgumentException if there are fewer than 2 widths or a width is below 1
     */
    public static MlpModel generate(int[] widths, long seed) {
        checkWidths(widths);
        SplittableRandom random = new SplittableRandom(seed);
        float[][][] weights = new float[widths.length - 1][][];
        float[][] biases = new float[widths.length - 1][];
        for (int l = 0; l < weights.length; l++) {
            double bound = 1 / Math.sqrt(widths[l]);
            weights[l] = new float[widths[l]][];
            for (int i = 0; i < widths[l]; i++) {
                weights[l][i] = uniform(random, widths[l + 1], bound);
            }
            biases[l] = uniform(random, widths[l + 1], bound);
        }
        return new MlpModel(widths.clone(), weights, biases);
    }

    /**
     * A model with the given weights ({@code weights[l][i][j]} joins input {@code i} of layer
     * {@code l} to its output {@code j}) and biases; the arrays are copied.
     *
     * @throws IllegalArgumentException if the widths are bad or an array's length does not fit them
     */
    static MlpModel of(int[] widths, float[][][] weights, float[][] biases) {
        checkWidths(widths);
        if (weights.length != widths.length - 1 || biases.length != widths.length - 1) {
            throw new IllegalArgumentException(widths.length + " widths make " + (widths.length - 1) + " layers, not " + weights.length
                    + " weight and " + biases.length + " bias arrays");
        }
        float[][][] copy = new float[weights.length][][];
        for (int l = 0; l < weights.length; l++) {
            int out = widths[l + 1];
            if (weights[l].length != widths[l] || Arrays.stream(weights[l]).anyMatch(row -> row.length != out) || biases[l].length != out) {
                throw new IllegalArgumentException("layer " + l + " needs " + widths[l] + " rows of " + out + " weights and " + out + " biases");
            }
            copy[l] = deepCopy(weights[l]);
        }
        return new MlpModel(widths.clone(), copy, deepCopy(biases));
    }

    /** The layer widths, inputs first. */
    public int[] widths() {
        return widths.clone();
    }

    /** The inputs one inference takes. */
    public int inputs() {
        return widths[0];
    }

    /** The outputs one inference gives. */
    public int outputs() {
        return widths[widths.length - 1];
    }

    /** The multiply-adds of one inference (batch 1): the sum over layers of inputs times outputs. */
    public long macsPerInference() {
        long macs = 0;
        for (int l = 0; l + 1 < widths.length; l++) {
            macs += (long) widths[l] * widths[l + 1];
        }
        return macs;
    }

    /** The weights and biases, in bytes (4 each). */
    public long parameterBytes() {
        long parameters = macsPerInference();
        for (int l = 1; l < widths.length; l++) {
            parameters += widths[l];
        }
        return parameters * Float.BYTES;
    }

    /** The model in words, for a measurement's method: widths, activation, size and multiply-adds. */
    public String describe() {
        return "an MLP of " + String.join("-", Arrays.stream(widths).mapToObj(Integer::toString).toList()) + " float32 (ReLU between layers, "
                + parameterBytes() / (1024 * 1024) + " MiB of weights generated in memory, " + macsPerInference() + " multiply-adds an inference)";
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

    private static void checkWidths(int[] widths) {
        if (widths.length < 2) {
            throw new IllegalArgumentException("an MLP needs at least 2 widths (inputs and outputs), not " + widths.length);
        }
        for (int width : widths) {
            if (width < 1) {
                throw new IllegalArgumentException("MLP widths are at least 1, not " + Arrays.toString(widths));
            }
        }
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
