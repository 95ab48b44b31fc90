package dev.asios.run.place;

/**
 * The NVLinks between two GPUs as {@code nvidia-smi topo -m} numbers them.
 *
 * @param gpuA the lower nvidia-smi GPU index
 * @param gpuB the higher nvidia-smi GPU index
 * @param links the number of bonded NVLinks (the 12 of {@code NV12}), at least 1
 */
public record NvlinkCount(int gpuA, int gpuB, int links) {
}
