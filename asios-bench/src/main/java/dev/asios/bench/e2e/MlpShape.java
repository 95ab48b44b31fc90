package dev.asios.bench.e2e;

import java.util.Arrays;
import java.util.List;

/**
 * The layer widths of an {@link MlpModel}, inputs first, and what they cost: multiply-adds per
 * inference and bytes of weights. Immutable.
 *
 * @param widths at least 2 widths, each at least 1
 */
public record MlpShape(List<Integer> widths) {

    /** The standard model: 512 inputs, two hidden layers of 2048, 512 outputs; 6,291,456 multiply-adds an inference. */
    public static final MlpShape STANDARD = new MlpShape(List.of(512, 2048, 2048, 512));

    /**
     * Checks and copies the widths.
     *
     * @throws IllegalArgumentException if there are fewer than 2 widths or a width is below 1
     */
    public MlpShape {
        widths = List.copyOf(widths);
        if (widths.size() < 2) {
            throw new IllegalArgumentException("an MLP needs at least 2 widths (inputs and outputs), not " + widths);
        }
        if (widths.stream().anyMatch(width -> width < 1)) {
            throw new IllegalArgumentException("MLP widths are at least 1, not " + widths);
        }
    }

    /** The shape of these widths. */
    public static MlpShape of(int... widths) {
        return new MlpShape(Arrays.stream(widths).boxed().toList());
    }

    /** The multiply-adds of one inference (batch 1): the sum over layers of inputs times outputs. */
    public long macsPerInference() {
        long macs = 0;
        for (int l = 0; l + 1 < widths.size(); l++) {
            macs += (long) widths.get(l) * widths.get(l + 1);
        }
        return macs;
    }

    /** The weights and biases, in bytes (float32). */
    public long parameterBytes() {
        long parameters = macsPerInference();
        for (int l = 1; l < widths.size(); l++) {
            parameters += widths.get(l);
        }
        return parameters * Float.BYTES;
    }

    /** The shape in words, for a measurement's method: widths, activation, size and multiply-adds. */
    public String describe() {
        return "an MLP of " + String.join("-", widths.stream().map(Object::toString).toList()) + " float32 (ReLU between layers, "
                + parameterBytes() / (1024 * 1024) + " MiB of weights, " + macsPerInference() + " multiply-adds an inference)";
    }
}
