package dev.asios.health.adapt;

/**
 * A change the heuristics predict would help a device, before it is tried.
 *
 * @param setting which queue setting
 * @param current its value now (the active scheduler, the read-ahead in KiB)
 * @param proposed the value to try
 * @param reason the heuristic and the evidence, in one sentence
 */
record Candidate(Setting setting, String current, String proposed, String reason) {

    /** In a few words: {@code scheduler mq-deadline -> none}. */
    String describe() {
        return (setting == Setting.SCHEDULER ? "scheduler " : "read-ahead ") + current + " -> " + proposed + (setting == Setting.READ_AHEAD ? " KiB" : "");
    }
}
