/* STREAM-like triad a[i] = b[i] + s * c[i] over three arrays of 8-byte doubles, OpenMP threads
 * (OMP_NUM_THREADS). Prints the best of NTIMES passes in MB/s, as STREAM counts bytes: 24 per
 * element. Arrays are first touched by the threads that use them, so memory lands on their nodes.
 * Usage: stream-triad [MIB-PER-ARRAY] */
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define NTIMES 10

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
    size_t mib = argc > 1 ? strtoul(argv[1], NULL, 10) : 256;
    size_t n = mib * 1024 * 1024 / sizeof(double);
    double *a = malloc(n * sizeof(double)), *b = malloc(n * sizeof(double)), *c = malloc(n * sizeof(double));
    if (!a || !b || !c) {
        fprintf(stderr, "stream-triad: cannot allocate 3 x %zu MiB\n", mib);
        return 1;
    }
#pragma omp parallel for schedule(static)
    for (size_t i = 0; i < n; i++) {
        a[i] = 0.0; b[i] = 1.0; c[i] = 2.0;
    }
    double best = 1e30;
    for (int k = 0; k < NTIMES; k++) {
        double t0 = now();
#pragma omp parallel for schedule(static)
        for (size_t i = 0; i < n; i++) {
            a[i] = b[i] + 3.0 * c[i];
        }
        double t = now() - t0;
        if (t < best) best = t;
    }
    printf("%.0f\n", 24.0 * n / best / 1e6);
    return a[n / 2] == 7.0 ? 0 : 2;
}
