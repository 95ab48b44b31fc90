package dev.asios.observe.gpu;

/**
 * The {@code nvmlReturn_t} codes the bindings act on, from {@code nvml.h}. Any other code is an
 * error that {@link Nvml#errorText} puts in words.
 */
final class NvmlReturn {

    /** {@code NVML_SUCCESS}. */
    static final int SUCCESS = 0;
    /** {@code NVML_ERROR_INVALID_ARGUMENT}: also what a link index past the device's last link gives. */
    static final int INVALID_ARGUMENT = 2;
    /** {@code NVML_ERROR_NOT_SUPPORTED}: this device has no such reading, so no series. */
    static final int NOT_SUPPORTED = 3;
    /** {@code NVML_ERROR_TIMEOUT}: no event waiting. */
    static final int TIMEOUT = 10;
    /** {@code NVML_ERROR_FUNCTION_NOT_FOUND}: this driver's library lacks the function, so no series. */
    static final int FUNCTION_NOT_FOUND = 13;

    private NvmlReturn() {
    }

    /** Whether {@code code} means "this reading does not exist here" rather than "it failed". */
    static boolean absent(int code) {
        return code == NOT_SUPPORTED || code == FUNCTION_NOT_FOUND;
    }
}
