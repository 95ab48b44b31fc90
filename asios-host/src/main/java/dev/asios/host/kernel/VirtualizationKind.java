package dev.asios.host.kernel;

/** What a {@link Virtualization} check found. */
public enum VirtualizationKind {
    /** Running in a virtual machine. */
    VM,
    /** Running in a container (it may also be inside a VM; that is a separate check). */
    CONTAINER,
    /** Evidence was read and shows no virtualization of this sort. */
    NONE,
    /** No evidence could be read (a recorded tree without the files). */
    UNKNOWN
}
