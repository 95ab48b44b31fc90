package dev.asios.agent.store;

/**
 * A counter's mean rate of increase between the point before and this one. A counter that went
 * down was reset (its source restarted) and is taken as counting again from zero, as Prometheus'
 * {@code rate()} does.
 *
 * @param tsMs the end of the interval, in milliseconds since the epoch
 * @param perSecond the increase per second, in the family's unit
 */
public record Rate(long tsMs, double perSecond) {
}
