package dev.asios.host.pci;

/**
 * Access Control Services of one PCI Express function: whether it has the ACS capability, what it
 * can control and which controls are on. On a switch downstream port or root port, P2P Request
 * Redirect sends peer-to-peer traffic between GPUs up to the root complex (and the IOMMU) instead
 * of across the switch, which costs bandwidth and latency. Immutable.
 *
 * @param present whether the function has an ACS extended capability at all
 * @param capabilityBits the ACS Capability register (which controls the function implements)
 * @param controlBits the ACS Control register (which controls are enabled); bit 0 Source
 *     Validation, 1 Translation Blocking, 2 P2P Request Redirect, 3 P2P Completion Redirect, 4
 *     Upstream Forwarding, 5 P2P Egress Control, 6 Direct Translated P2P
 */
public record AcsState(boolean present, int capabilityBits, int controlBits) {

    /** A function without the ACS capability. */
    public static final AcsState ABSENT = new AcsState(false, 0, 0);

    /** Source Validation enabled (control bit 0). */
    public boolean sourceValidation() {
        return enabled(0);
    }

    /** Translation Blocking enabled (control bit 1). */
    public boolean translationBlocking() {
        return enabled(1);
    }

    /** P2P Request Redirect enabled (control bit 2): peer requests go up to the root complex. */
    public boolean p2pRequestRedirect() {
        return enabled(2);
    }

    /** P2P Completion Redirect enabled (control bit 3). */
    public boolean p2pCompletionRedirect() {
        return enabled(3);
    }

    /** Upstream Forwarding enabled (control bit 4). */
    public boolean upstreamForwarding() {
        return enabled(4);
    }

    /** P2P Egress Control enabled (control bit 5). */
    public boolean p2pEgressControl() {
        return enabled(5);
    }

    /** Direct Translated P2P enabled (control bit 6). */
    public boolean directTranslatedP2p() {
        return enabled(6);
    }

    /** True if peer-to-peer requests or completions are redirected upstream instead of routed directly. */
    public boolean redirectsPeerToPeer() {
        return p2pRequestRedirect() || p2pCompletionRedirect();
    }

    private boolean enabled(int bit) {
        return (controlBits & (1 << bit)) != 0;
    }
}
