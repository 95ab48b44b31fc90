package dev.asios.host.numa;

/**
 * The hugepages of one size on one NUMA node (or on the whole machine).
 *
 * @param pageSizeBytes the page size, for example 2097152 for 2 MiB pages
 * @param total pages reserved ({@code nr_hugepages})
 * @param free pages not in use ({@code free_hugepages})
 * @param surplus pages allocated beyond the reservation ({@code surplus_hugepages})
 */
public record HugepagePool(long pageSizeBytes, long total, long free, long surplus) {
}
