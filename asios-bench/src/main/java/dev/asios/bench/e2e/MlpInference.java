package dev.asios.bench.e2e;

import java.util.List;

/**
 * One thread's inferences of an {@link MlpModel}, batch 1: the activation buffers are made once
 * here, so {@link #run} allocates nothing. Not thread-safe: one per worker.
 */
public final class MlpInference {

    private final MlpModel model;
    private final float[][] activations;

    MlpInference(MlpModel model) {
        this.model = model;
        List<Integer> widths = model.shape().widths();
        activations = new float[widths.size() - 1][];
        for (int l = 1; l < widths.size(); l++) {
            activations[l - 1] = new float[widths.get(l)];
        }
    }

    /**
     * Infers the outputs of {@code input}.
     *
     * @return the outputs, in a buffer this inference reuses: valid until the next call
     * @throws IllegalArgumentException if {@code input} does not have {@link MlpModel#inputs()} values
     */
    public float[] run(float[] input) {
        if (input.length != model.inputs()) {
            throw new IllegalArgumentException("the model takes " + model.inputs() + " inputs, not " + input.length);
        }
        float[] x = input;
        for (int l = 0; l < model.layers(); l++) {
            model.layer(l, x, activations[l]);
            x = activations[l];
        }
        return x;
    }
}
