/* Preloaded into a run started with `asios run --mlock`: locks every page the process has and
 * will have, before main() runs. asios raises RLIMIT_MEMLOCK for the run first. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

__attribute__((constructor)) static void asios_mlockall(void) {
    if (mlockall(MCL_CURRENT | MCL_FUTURE) != 0) {
        fprintf(stderr, "asios: mlockall failed: %s; memory of this process is not locked\n", strerror(errno));
    }
}
