package dev.asios.bench.storage;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.asios.host.parse.ParseException;

/**
 * Parses fio's {@code --output-format=json} output into a {@link FioResult}. Pure; thread-safe.
 * Text before the first <code>{</code> (fio's notes, on the same stream) and after the JSON value is ignored.
 */
public final class FioJsonParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FioJsonParser() {
    }

    // {"fio version": "fio-3.33", "jobs": [{"jobname": "seqread", "error": 0,
    //   "read": {"io_bytes": 1073741824, "bw_bytes": 2246321807, "runtime": 478, ...}, "write": {...}, ...}], ...}
    /**
     * The traffic of all jobs in {@code output}.
     *
     * @throws ParseException if there is no JSON object, it has no jobs, a job reports an error, or
     *     a traffic field is missing, not a whole number, negative or too big; the message quotes it
     */
    public static FioResult parse(String output) {
        int start = output.indexOf('{');
        if (start < 0) {
            throw new ParseException("fio printed no JSON object: \"" + excerpt(output) + "\"");
        }
        JsonNode root;
        try {
            root = JSON.readTree(output.substring(start));
        } catch (JacksonException e) {
            throw new ParseException("fio printed bad JSON (" + e.getOriginalMessage() + "): \"" + excerpt(output.substring(start)) + "\"");
        }
        JsonNode jobs = root.path("jobs");
        if (!jobs.isArray() || jobs.isEmpty()) {
            throw new ParseException("fio's JSON has no \"jobs\" array with a job: \"" + excerpt(output.substring(start)) + "\"");
        }
        FioResult.Throughput read = FioResult.Throughput.NONE;
        FioResult.Throughput write = FioResult.Throughput.NONE;
        for (JsonNode job : jobs) {
            long error = whole(job, "error", "job");
            if (error != 0) {
                throw new ParseException("fio job \"" + job.path("jobname").asText("") + "\" reported error " + error);
            }
            read = plus(read, traffic(job, "read"));
            write = plus(write, traffic(job, "write"));
        }
        JsonNode version = root.path("fio version");
        return new FioResult(version.isTextual() ? version.asText() : "", read, write);
    }

    private static FioResult.Throughput traffic(JsonNode job, String direction) {
        JsonNode node = job.path(direction);
        if (!node.isObject()) {
            throw new ParseException("fio job \"" + job.path("jobname").asText("") + "\" has no \"" + direction + "\" object");
        }
        return new FioResult.Throughput(whole(node, "io_bytes", direction), whole(node, "runtime", direction), whole(node, "bw_bytes", direction));
    }

    private static FioResult.Throughput plus(FioResult.Throughput a, FioResult.Throughput b) {
        try {
            return new FioResult.Throughput(Math.addExact(a.ioBytes(), b.ioBytes()), Math.max(a.runtimeMs(), b.runtimeMs()),
                    Math.addExact(a.bandwidthBytesPerSecond(), b.bandwidthBytesPerSecond()));
        } catch (ArithmeticException e) {
            throw new ParseException("fio's traffic overflows a long when summed over its jobs: " + a + " + " + b);
        }
    }

    private static long whole(JsonNode parent, String field, String where) {
        JsonNode value = parent.path(field);
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
            throw new ParseException("fio's " + where + " \"" + field + "\" is not a whole number from 0 to 2^63-1: " + excerpt(value.toString()));
        }
        return value.asLong();
    }

    private static String excerpt(String text) {
        String line = text.strip().replace('\n', ' ');
        return line.length() <= 80 ? line : line.substring(0, 80) + "...";
    }
}
