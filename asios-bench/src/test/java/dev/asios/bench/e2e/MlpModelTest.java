package dev.asios.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.lang.management.ManagementFactory;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The MLP computes what a naive reference computes, the same every time for a seed, and allocates nothing per inference. */
class MlpModelTest {

    private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void aTinyModelGivesTheHandComputedOutputs() {
        // layer 0: h = relu([0, 1, -2] + 1 * [1, -1, 0.5] + 2 * [2, 0, -1]) = relu([5, 0, -3.5]) = [5, 0, 0]
        // layer 1 (no ReLU): y = [-10, -0.5] + 5 * [1, 2] = [-5, 9.5]
        MlpModel model = MlpModel.of(MlpShape.of(2, 3, 2),
                new float[][][] {{{1, -1, 0.5f}, {2, 0, -1}}, {{1, 2}, {3, 4}, {5, 6}}},
                new float[][] {{0, 1, -2}, {-10, -0.5f}});

        assertThat(model.newInference().run(new float[] {1, 2})).containsExactly(-5, 9.5f);
        assertThat(model.shape().macsPerInference()).isEqualTo(2 * 3 + 3 * 2);
        assertThat(model.shape().parameterBytes()).isEqualTo((2 * 3 + 3 + 3 * 2 + 2) * 4);
    }

    @Test
    void oddSizesMatchANaiveReference() {
        int[] widths = {37, 65, 19, 3};
        Random random = new Random(7);
        float[][][] weights = new float[widths.length - 1][][];
        float[][] biases = new float[widths.length - 1][];
        for (int l = 0; l < weights.length; l++) {
            weights[l] = new float[widths[l]][widths[l + 1]];
            for (float[] row : weights[l]) {
                fill(row, random);
            }
            biases[l] = fill(new float[widths[l + 1]], random);
        }
        float[] input = fill(new float[widths[0]], random);

        float[] output = MlpModel.of(MlpShape.of(widths), weights, biases).newInference().run(input);

        double[] expected = naive(weights, biases, input);
        for (int j = 0; j < expected.length; j++) {
            assertThat((double) output[j]).isCloseTo(expected[j], within(1e-4 * Math.max(1, Math.abs(expected[j]))));
        }
    }

    @Test
    void theSameSeedGivesTheSameModelAndAnotherSeedAnother() {
        MlpShape shape = MlpShape.of(16, 32, 8);
        float[] input = fill(new float[16], new Random(1));

        float[] first = MlpModel.generate(shape, 42).newInference().run(input).clone();

        assertThat(MlpModel.generate(shape, 42).newInference().run(input)).containsExactly(first);
        assertThat(MlpModel.generate(shape, 43).newInference().run(input)).isNotEqualTo(first);
    }

    @Test
    void theStandardModelIs512By2048By2048By512() {
        MlpShape shape = MlpModel.standard().shape();

        assertThat(shape).isEqualTo(MlpShape.STANDARD);
        assertThat(shape.widths()).containsExactly(512, 2048, 2048, 512);
        assertThat(shape.macsPerInference()).isEqualTo(6_291_456);
        assertThat(MlpModel.describeStandard()).contains("512-2048-2048-512", "6291456 multiply-adds", "24 MiB", "seed 20251125");
    }

    @Test
    void anInferenceAllocatesNothing() throws Exception {
        MlpModel model = MlpModel.generate(MlpShape.of(128, 256, 128), 1);
        float[] input = fill(new float[128], new Random(3));
        CompletableFuture<Long> allocated = new CompletableFuture<>();
        Thread.ofPlatform().start(() -> {
            MlpInference inference = model.newInference();
            for (int i = 0; i < 20_000; i++) {
                inference.run(input);
            }
            long before = THREADS.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 1_000; i++) {
                inference.run(input);
            }
            allocated.complete(THREADS.getCurrentThreadAllocatedBytes() - before);
        }).join();

        assertThat(allocated.get()).isLessThanOrEqualTo(512);
    }

    @Test
    void badShapesAreRefused() {
        assertThatThrownBy(() -> MlpShape.of(4)).hasMessageContaining("at least 2 widths");
        assertThatThrownBy(() -> MlpShape.of(4, 0)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> MlpModel.of(MlpShape.of(2, 1), new float[][][] {{{1}}}, new float[][] {{0}}))
                .hasMessageContaining("layer 0 needs 2 rows of 1 weights");
        assertThatThrownBy(() -> MlpModel.generate(MlpShape.of(4, 2), 1).newInference().run(new float[3]))
                .hasMessageContaining("takes 4 inputs, not 3");
    }

    private static double[] naive(float[][][] weights, float[][] biases, float[] input) {
        double[] x = new double[input.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = input[i];
        }
        for (int l = 0; l < weights.length; l++) {
            double[] y = new double[biases[l].length];
            for (int j = 0; j < y.length; j++) {
                double sum = biases[l][j];
                for (int i = 0; i < x.length; i++) {
                    sum += weights[l][i][j] * x[i];
                }
                y[j] = l + 1 < weights.length ? Math.max(0, sum) : sum;
            }
            x = y;
        }
        return x;
    }

    private static float[] fill(float[] values, Random random) {
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat() * 2 - 1;
        }
        return values;
    }
}
