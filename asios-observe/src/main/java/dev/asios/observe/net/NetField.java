package dev.asios.observe.net;

import dev.asios.observe.collect.Column;

/** The {@code /proc/net/dev} counters exposed, each with its field's index and its family, labelled {@code interface}. */
enum NetField {
    RECEIVE_BYTES(0, Column.counter("asios_network_receive_bytes", "Bytes received by the interface.", "bytes")),
    RECEIVE_PACKETS(1, Column.counter("asios_network_receive_packets", "Packets received by the interface.", null)),
    RECEIVE_ERRORS(2, Column.counter("asios_network_receive_errors", "Receive errors the driver counted (bad frames, FIFO overruns, CRC errors).", null)),
    RECEIVE_DROPS(3, Column.counter("asios_network_receive_drops", "Received packets dropped, for lack of buffers or because no one took them.", null)),
    TRANSMIT_BYTES(NetDevParser.TRANSMIT, Column.counter("asios_network_transmit_bytes", "Bytes sent by the interface.", "bytes")),
    TRANSMIT_PACKETS(NetDevParser.TRANSMIT + 1, Column.counter("asios_network_transmit_packets", "Packets sent by the interface.", null)),
    TRANSMIT_ERRORS(NetDevParser.TRANSMIT + 2, Column.counter("asios_network_transmit_errors", "Transmit errors the driver counted (carrier, FIFO, collisions).", null)),
    TRANSMIT_DROPS(NetDevParser.TRANSMIT + 3, Column.counter("asios_network_transmit_drops", "Packets dropped on the way out, for lack of queue space.", null));

    /** All fields, without the copy {@code values()} makes. */
    static final NetField[] FIELDS = values();

    private final int index;
    private final Column column;

    NetField(int index, Column column) {
        this.index = index;
        this.column = column;
    }

    /** The field's index among the 16 counters of a line. */
    int index() {
        return index;
    }

    /** The family it feeds. */
    Column column() {
        return column;
    }
}
