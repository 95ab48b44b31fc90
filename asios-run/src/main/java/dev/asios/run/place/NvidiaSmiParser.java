package dev.asios.run.place;

import dev.asios.host.parse.ParseException;
import dev.asios.host.pci.PciAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Pure parsers of {@code nvidia-smi} output: the link matrix of {@code nvidia-smi topo -m} and the
 * index-to-bus-id list of {@code nvidia-smi --query-gpu=index,pci.bus_id --format=csv,noheader}.
 * Both throw {@link ParseException}, quoting the bad text, and nothing else. Thread-safe.
 */
public final class NvidiaSmiParser {

    private static final Pattern ESCAPE = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]");
    private static final Pattern GPU = Pattern.compile("GPU(\\d{1,4})");
    private static final Pattern NVLINK = Pattern.compile("NV(\\d{1,4})");
    private static final Pattern INDEX = Pattern.compile("\\d{1,4}");

    private NvidiaSmiParser() {
    }

    // Format of topo -m: a header "\tGPU0\tGPU1\tNIC0\tCPU Affinity\tNUMA Affinity\tGPU NUMA ID",
    // one row per GPU "GPU0\t X \tNV12\tPXB\t0-47\t0\t\tN/A", rows per NIC, then "Legend:".
    // Older drivers name NIC columns by device (mlx5_0) and say SOC for SYS.
    /**
     * The NVLink counts between the GPUs of a {@code nvidia-smi topo -m} matrix, by nvidia-smi
     * index, lower index first, sorted. Pairs without NVLink are left out. Terminal escapes are
     * ignored.
     *
     * @throws ParseException if there is no {@code GPU0} header, a GPU row is short, repeated or
     *     names a GPU the header lacks, a GPU-to-GPU cell is not {@code X}, {@code NV#}, {@code PIX},
     *     {@code PXB}, {@code PHB}, {@code NODE}, {@code SYS} or {@code SOC}, or the two cells of a
     *     pair disagree
     */
    public static List<NvlinkCount> parseNvlinks(String text) {
        List<String[]> lines = matrixLines(ESCAPE.matcher(text).replaceAll(""));
        String[] columns = deviceColumns(lines.getFirst());
        Map<List<Integer>, Integer> cells = new LinkedHashMap<>();
        Set<Integer> rows = new HashSet<>();
        for (String[] row : lines.subList(1, lines.size())) {
            var gpu = GPU.matcher(row[0]);
            if (!gpu.matches()) {
                continue;
            }
            int index = Integer.parseInt(gpu.group(1));
            if (!Arrays.asList(columns).contains(row[0]) || !rows.add(index)) {
                throw new ParseException("row " + row[0] + " is " + (rows.contains(index) ? "repeated" : "not a column of the header") + " in '" + abbreviate(text) + "'");
            }
            if (row.length < columns.length + 1) {
                throw new ParseException("row " + row[0] + " has " + (row.length - 1) + " cells for " + columns.length + " columns: '" + String.join(" ", row) + "'");
            }
            for (int c = 0; c < columns.length; c++) {
                readCell(row[0], columns[c], row[c + 1], cells);
            }
        }
        return cells.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(e -> new NvlinkCount(e.getKey().get(0), e.getKey().get(1), e.getValue()))
                .sorted(Comparator.comparingInt(NvlinkCount::gpuA).thenComparingInt(NvlinkCount::gpuB))
                .toList();
    }

    // Format: "0, 00000000:3B:00.0" per line; nvidia-smi pads the domain to 8 digits
    /**
     * The PCI address of each nvidia-smi GPU index. Blank lines are skipped; no lines is no GPUs.
     *
     * @throws ParseException if a line is not {@code index, bus id}, or an index or address repeats
     */
    public static Map<Integer, PciAddress> parseBusIds(String text) {
        Map<Integer, PciAddress> byIndex = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split(",", -1);
            if (parts.length != 2 || !INDEX.matcher(parts[0].strip()).matches()) {
                throw new ParseException("'" + abbreviate(line) + "' is not 'index, bus id' like '0, 00000000:3B:00.0'");
            }
            PciAddress address = PciAddress.parse(parts[1]);
            int index = Integer.parseInt(parts[0].strip());
            if (byIndex.containsKey(index) || byIndex.containsValue(address)) {
                throw new ParseException("GPU " + index + " or " + address + " appears twice in '" + abbreviate(text) + "'");
            }
            byIndex.put(index, address);
        }
        return Map.copyOf(byIndex);
    }

    private static List<String[]> matrixLines(String text) {
        List<String[]> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.strip().startsWith("Legend")) {
                break;
            }
            String[] tokens = line.strip().split("\\s+");
            if (lines.isEmpty() && !tokens[0].startsWith("GPU")) {
                continue;
            }
            if (!tokens[0].isEmpty()) {
                lines.add(tokens);
            }
        }
        if (lines.isEmpty()) {
            throw new ParseException("no header with GPU0 in '" + abbreviate(text) + "'");
        }
        return lines;
    }

    private static String[] deviceColumns(String[] header) {
        List<String> columns = new ArrayList<>();
        for (String token : header) {
            if (token.equals("CPU") || token.equals("NUMA")) {
                break;
            }
            if (columns.contains(token)) {
                throw new ParseException("column " + token + " repeats in the header '" + String.join(" ", header) + "'");
            }
            columns.add(token);
        }
        return columns.toArray(String[]::new);
    }

    private static void readCell(String rowName, String column, String cell, Map<List<Integer>, Integer> cells) {
        var other = GPU.matcher(column);
        if (!other.matches()) {
            return;
        }
        int row = Integer.parseInt(rowName.substring(3));
        int col = Integer.parseInt(other.group(1));
        var nvlink = NVLINK.matcher(cell);
        int links;
        if (nvlink.matches() && Integer.parseInt(nvlink.group(1)) > 0) {
            links = Integer.parseInt(nvlink.group(1));
        } else if (cell.equals("X") || LinkClass.ofPcieLabel(cell).isPresent()) {
            links = 0;
        } else {
            throw new ParseException("cell '" + abbreviate(cell) + "' of " + rowName + "/" + column + " is not X, NV#, PIX, PXB, PHB, NODE or SYS");
        }
        if (row == col) {
            return;
        }
        List<Integer> pair = List.of(Math.min(row, col), Math.max(row, col));
        Integer earlier = cells.putIfAbsent(pair, links);
        if (earlier != null && earlier != links) {
            throw new ParseException(rowName + "/" + column + " says " + cell + " but the other cell of the pair says "
                    + (earlier == 0 ? "no NVLink" : "NV" + earlier));
        }
    }

    private static String abbreviate(String text) {
        String oneLine = text.strip().replace('\n', ' ');
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "...";
    }
}
