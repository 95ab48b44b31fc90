package dev.asios.agent.json;

import static dev.asios.agent.json.InspectJson.putInt;
import static dev.asios.agent.json.InspectJson.putLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.asios.host.block.BlockDevice;
import dev.asios.host.pci.AcsState;
import dev.asios.host.pci.PciDevice;
import dev.asios.host.pci.PciLink;
import dev.asios.host.pci.RdmaDevice;
import dev.asios.host.pci.RdmaPort;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** The device part of the {@code --json} schema: PCI functions, RDMA devices, block devices. */
final class DeviceJson {

    private final ObjectMapper mapper;

    DeviceJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ArrayNode pciDevices(List<PciDevice> devices) {
        ArrayNode array = mapper.createArrayNode();
        for (PciDevice device : devices) {
            ObjectNode node = array.addObject();
            node.put("address", device.address().toString());
            node.put("kind", device.kind().name().toLowerCase());
            node.put("classCode", device.classCode().isPresent() ? String.format("0x%06x", device.classCode().getAsInt()) : null);
            node.put("className", device.className());
            node.put("vendorId", hex(device.ids().vendorId()));
            node.put("deviceId", hex(device.ids().deviceId()));
            node.put("subsystemVendorId", hex(device.ids().subsystemVendorId()));
            node.put("subsystemDeviceId", hex(device.ids().subsystemDeviceId()));
            node.put("driver", device.driver().orElse(null));
            putInt(node, "numaNode", device.numaNode());
            node.put("localCpus", device.localCpus().map(Object::toString).orElse(null));
            link(node.putObject("link"), device.link());
            node.put("pciBridge", device.pciBridge());
            node.put("portType", device.portType().map(t -> t.name().toLowerCase()).orElse(null));
            acs(node, device.acs());
            ArrayNode bridges = node.putArray("upstreamBridges");
            device.upstreamBridges().forEach(b -> bridges.add(b.toString()));
            ArrayNode nets = node.putArray("netDevices");
            device.netDevices().forEach(nets::add);
            device.nvmeController().ifPresentOrElse(c -> {
                ObjectNode nvme = node.putObject("nvme");
                nvme.put("controller", c.name());
                ArrayNode namespaces = nvme.putArray("namespaces");
                c.namespaceBlockDevices().forEach(namespaces::add);
            }, () -> node.putNull("nvme"));
        }
        return array;
    }

    ArrayNode rdmaDevices(List<RdmaDevice> devices) {
        ArrayNode array = mapper.createArrayNode();
        for (RdmaDevice device : devices) {
            ObjectNode node = array.addObject();
            node.put("name", device.name());
            node.put("pciAddress", device.pciAddress().map(Object::toString).orElse(null));
            ArrayNode nets = node.putArray("netDevices");
            device.netDevices().forEach(nets::add);
            ArrayNode ports = node.putArray("ports");
            for (RdmaPort port : device.ports()) {
                ObjectNode p = ports.addObject();
                p.put("number", port.number());
                p.put("state", port.state().orElse(null));
                p.put("physicalState", port.physicalState().orElse(null));
                p.put("linkLayer", port.linkLayer().orElse(null));
                port.rate().ifPresentOrElse(r -> p.put("rateGbPerSec", r.gbPerSec()), () -> p.putNull("rateGbPerSec"));
                p.put("netDevice", port.netDevice().orElse(null));
            }
        }
        return array;
    }

    ArrayNode blockDevices(List<BlockDevice> devices) {
        ArrayNode array = mapper.createArrayNode();
        for (BlockDevice device : devices) {
            ObjectNode node = array.addObject();
            node.put("name", device.name());
            putLong(node, "sizeBytes", device.sizeBytes());
            putBoolean(node, "rotational", device.rotational());
            node.put("scheduler", device.scheduler().map(s -> s.active()).orElse(null));
            ArrayNode available = node.putArray("availableSchedulers");
            device.scheduler().ifPresent(s -> s.available().forEach(available::add));
            putLong(node, "queueDepth", device.requestQueueDepth());
            putLong(node, "readAheadKib", device.readAheadKib());
            node.put("model", device.model().orElse(null));
            putBoolean(node, "removable", device.removable());
            node.put("virtual", device.virtual());
            node.put("pciAddress", device.pciAddress().map(Object::toString).orElse(null));
        }
        return array;
    }

    private static void link(ObjectNode node, PciLink link) {
        putDouble(node, "currentSpeedGtPerSec", link.currentSpeedGtPerSec());
        putInt(node, "currentWidth", link.currentWidthLanes());
        putDouble(node, "maxSpeedGtPerSec", link.maxSpeedGtPerSec());
        putInt(node, "maxWidth", link.maxWidthLanes());
    }

    private void acs(ObjectNode node, Optional<AcsState> acs) {
        if (acs.isEmpty()) {
            node.putNull("acs");
            return;
        }
        ObjectNode a = node.putObject("acs");
        a.put("present", acs.get().present());
        a.put("p2pRequestRedirect", acs.get().p2pRequestRedirect());
        a.put("p2pCompletionRedirect", acs.get().p2pCompletionRedirect());
        a.put("sourceValidation", acs.get().sourceValidation());
        a.put("upstreamForwarding", acs.get().upstreamForwarding());
        a.put("p2pEgressControl", acs.get().p2pEgressControl());
        a.put("directTranslatedP2p", acs.get().directTranslatedP2p());
    }

    private static String hex(OptionalInt id) {
        return id.isPresent() ? String.format("0x%04x", id.getAsInt()) : null;
    }

    private static void putDouble(ObjectNode node, String field, OptionalDouble value) {
        if (value.isPresent()) {
            node.put(field, value.getAsDouble());
        } else {
            node.putNull(field);
        }
    }

    private static void putBoolean(ObjectNode node, String field, Optional<Boolean> value) {
        if (value.isPresent()) {
            node.put(field, value.get());
        } else {
            node.putNull(field);
        }
    }
}
