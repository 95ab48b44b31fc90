package dev.asios.health.signal;

import dev.asios.health.signal.SignalNames.Nic;

/**
 * {@code nic/NAME} for every interface of {@code asios_network_receive_bytes_total{interface}}:
 * bytes and drops each way per second, and receive and transmit errors together per second.
 */
final class NicKind extends SignalKind {

    static final String RECEIVE_BYTES = "asios_network_receive_bytes";
    static final String TRANSMIT_BYTES = "asios_network_transmit_bytes";
    static final String RECEIVE_DROPS = "asios_network_receive_drops";
    static final String TRANSMIT_DROPS = "asios_network_transmit_drops";
    static final String RECEIVE_ERRORS = "asios_network_receive_errors";
    static final String TRANSMIT_ERRORS = "asios_network_transmit_errors";

    NicKind() {
        super(RECEIVE_BYTES, TRANSMIT_BYTES, RECEIVE_DROPS, TRANSMIT_DROPS, RECEIVE_ERRORS, TRANSMIT_ERRORS);
    }

    @Override
    void build(KindBuild build) {
        SeriesLookup lookup = build.lookup();
        for (String nic : lookup.firstLabels(RECEIVE_BYTES)) {
            build.group(Nic.KIND, nic)
                    .add(Nic.RX_BYTES_PER_SECOND, build.rate(lookup.series(RECEIVE_BYTES, nic)))
                    .add(Nic.TX_BYTES_PER_SECOND, build.rate(lookup.series(TRANSMIT_BYTES, nic)))
                    .add(Nic.RX_DROPS_PER_SECOND, build.rate(lookup.series(RECEIVE_DROPS, nic)))
                    .add(Nic.TX_DROPS_PER_SECOND, build.rate(lookup.series(TRANSMIT_DROPS, nic)))
                    .add(Nic.ERRORS_PER_SECOND, build.rate(lookup.series(RECEIVE_ERRORS, nic), lookup.series(TRANSMIT_ERRORS, nic)))
                    .done();
        }
    }
}
