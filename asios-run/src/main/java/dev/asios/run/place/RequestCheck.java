package dev.asios.run.place;

/**
 * Checks the numbers of a {@link PlacementRequest} before anything is placed, naming the option,
 * the bound and the value. Thread-safe.
 */
final class RequestCheck {

    private RequestCheck() {
    }

    /**
     * @throws PlacementException if a count is out of range or options contradict each other
     */
    static void check(PlacementRequest request) throws PlacementException {
        if (request.gpuCount() < 0) {
            throw new PlacementException("--gpus " + request.gpuCount() + ": the number of GPUs must be 0 or more");
        }
        if (!request.gpus().isEmpty() && request.gpuCount() != request.gpus().size()) {
            throw new PlacementException("--gpus names " + request.gpus().size() + " GPUs but the request asks " + request.gpuCount(),
                    "--gpus " + String.join(",", request.gpus()));
        }
        if (request.cpus().isPresent() && request.cpusPerGpu().isPresent()) {
            throw new PlacementException("give --cpus or --cpus-per-gpu, not both",
                    "--cpus " + request.cpus().getAsInt());
        }
        if (request.cpus().isPresent() && request.cpus().getAsInt() < 1) {
            throw new PlacementException("--cpus " + request.cpus().getAsInt() + ": must be 1 or more");
        }
        if (request.cpusPerGpu().isPresent() && request.cpusPerGpu().getAsInt() < 1) {
            throw new PlacementException("--cpus-per-gpu " + request.cpusPerGpu().getAsInt() + ": must be 1 or more");
        }
        if (request.cpusPerGpu().isPresent() && request.gpuCount() == 0) {
            throw new PlacementException("--cpus-per-gpu needs GPUs; this request asks none", "--cpus " + request.cpusPerGpu().getAsInt());
        }
        if (request.memoryBytes().isPresent() && request.memoryBytes().getAsLong() < 1) {
            throw new PlacementException("--memory " + request.memoryBytes().getAsLong() + " bytes: must be more than 0");
        }
        if (request.hugepages() < 0) {
            throw new PlacementException("--hugepages " + request.hugepages() + ": must be 0 or more");
        }
        if (request.hugepages() > 0 && request.hugepageSizeKib() < 4) {
            throw new PlacementException("hugepage size " + request.hugepageSizeKib() + " kB: give a size the kernel offers, such as 2048 or 1048576");
        }
    }
}
