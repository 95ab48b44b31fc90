package dev.asios.health.forecast;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.IntToDoubleFunction;

/**
 * When a forecast quantity reaches its limit: where the point forecast, and each edge of the
 * interval, first crosses the limit, linearly interpolated within the step. The interval's edges
 * give the band of the time: for a rising quantity the upper edge crosses first (the earliest time
 * that is still likely), the lower edge last. Pure functions; thread-safe.
 */
public final class Exhaustion {

    private Exhaustion() {
    }

    /**
     * What the forecaster's current forecast says about the target's limit.
     *
     * @param limit the limit, in the target's unit; NaN when not known
     */
    public static ExhaustionFinding assess(ForecastTarget target, Forecaster forecaster, double limit) {
        Optional<Forecast> forecast = forecaster.forecast();
        if (forecast.isEmpty()) {
            return notEnoughHistory(target, forecaster);
        }
        if (Double.isNaN(limit)) {
            Forecast f = forecast.get();
            return finding(target, f, ExhaustionStatus.NO_LIMIT, target.label() + ": no limit known yet, so no time to reach it", limit,
                    Crossings.NONE);
        }
        return assess(target, forecast.get(), limit);
    }

    /**
     * What {@code forecast} says about {@code limit}.
     *
     * @param limit the limit, in the target's unit, a finite number
     */
    public static ExhaustionFinding assess(ForecastTarget target, Forecast forecast, double limit) {
        LimitDirection direction = target.direction();
        double now = forecast.lastValue();
        String unit = target.unit();
        if (direction.reached(now, limit)) {
            return finding(target, forecast, ExhaustionStatus.AT_LIMIT, target.label() + " at its limit now: "
                    + Quantities.format(now, unit) + ", limit " + Quantities.format(limit, unit), limit, Crossings.NONE);
        }
        Crossings crossings = Crossings.of(forecast, limit, direction);
        String horizon = Quantities.duration(forecast.horizonMs() / 1000.0);
        if (crossings.point.isPresent()) {
            return finding(target, forecast, ExhaustionStatus.WITHIN_HORIZON, target.label() + " " + target.outcome() + " in ~"
                    + Quantities.duration(crossings.point.getAsDouble()) + " at this rate (" + band(forecast, crossings, horizon) + ")", limit,
                    crossings);
        }
        String levels = Quantities.format(now, unit) + " now, ~" + Quantities.format(forecast.value(forecast.horizonSteps() - 1), unit) + " in "
                + horizon + ", limit " + Quantities.format(limit, unit);
        if (crossings.earliest.isPresent()) {
            return finding(target, forecast, ExhaustionStatus.POSSIBLE_WITHIN_HORIZON, target.label() + " " + target.outcome()
                    + ": not within the horizon (" + horizon + ") at this rate, but possibly in ~" + Quantities.duration(crossings.earliest.getAsDouble())
                    + " (edge of the " + percent(forecast) + " band); " + levels, limit, crossings);
        }
        return finding(target, forecast, ExhaustionStatus.NOT_WITHIN_HORIZON, target.label() + " " + target.outcome()
                + ": not within the horizon (" + horizon + ") at this rate; " + levels, limit, crossings);
    }

    private static ExhaustionFinding notEnoughHistory(ForecastTarget target, Forecaster forecaster) {
        ForecastSettings settings = forecaster.settings();
        long neededSeconds = forecaster.stepsNeeded() * settings.stepMs() / 1000;
        String text = target.label() + ": not enough history to forecast yet; " + Quantities.duration(neededSeconds) + " more needed (forecasts start after "
                + settings.outputAfterSteps() + " steps of " + Quantities.duration(settings.stepMs() / 1000.0) + ")";
        return new ExhaustionFinding(target.id(), ExhaustionStatus.NOT_ENOUGH_HISTORY, text, forecaster.lastEpochMs(), OptionalDouble.empty(),
                OptionalDouble.empty(), target.unit(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                settings.horizonMs() / 1000, settings.bandCoverage(), false, neededSeconds);
    }

    private static String band(Forecast forecast, Crossings crossings, String horizon) {
        if (crossings.earliest.isEmpty()) {
            return "no interval yet";
        }
        double earliest = crossings.earliest.getAsDouble();
        String range = crossings.latest.isPresent()
                ? Quantities.durationRange(earliest, crossings.latest.getAsDouble())
                : Quantities.duration(earliest) + " to beyond " + horizon;
        return percent(forecast) + " band " + range + (forecast.bandCalibrated() ? "" : ", provisional");
    }

    private static String percent(Forecast forecast) {
        return Math.round(forecast.bandCoverage() * 100) + "%";
    }

    private static ExhaustionFinding finding(ForecastTarget target, Forecast forecast, ExhaustionStatus status, String text, double limit,
            Crossings crossings) {
        return new ExhaustionFinding(target.id(), status, text, forecast.originMs(), OptionalDouble.of(forecast.lastValue()),
                Double.isNaN(limit) ? OptionalDouble.empty() : OptionalDouble.of(limit), target.unit(), crossings.point, crossings.earliest,
                crossings.latest, forecast.horizonMs() / 1000, forecast.bandCoverage(), forecast.bandCalibrated(), 0);
    }

    /** The first crossings of the limit by the point forecast and by the interval's edges, in seconds from the origin. */
    private record Crossings(OptionalDouble point, OptionalDouble earliest, OptionalDouble latest) {

        static final Crossings NONE = new Crossings(OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());

        static Crossings of(Forecast forecast, double limit, LimitDirection direction) {
            OptionalDouble point = first(forecast, forecast::value, limit, direction);
            if (!forecast.hasBand()) {
                return new Crossings(point, OptionalDouble.empty(), OptionalDouble.empty());
            }
            OptionalDouble near = first(forecast, direction == LimitDirection.RISING ? forecast::upper : forecast::lower, limit, direction);
            OptionalDouble far = first(forecast, direction == LimitDirection.RISING ? forecast::lower : forecast::upper, limit, direction);
            return new Crossings(point, near, far);
        }

        /** Where {@code path}, starting from the last value at the origin, first reaches the limit. */
        private static OptionalDouble first(Forecast forecast, IntToDoubleFunction path, double limit, LimitDirection direction) {
            double previous = forecast.lastValue();
            for (int i = 0; i < forecast.horizonSteps(); i++) {
                double value = path.applyAsDouble(i);
                if (direction.reached(value, limit)) {
                    double fraction = Math.clamp((limit - previous) / (value - previous), 0.0, 1.0);
                    return OptionalDouble.of((i + fraction) * forecast.stepMs() / 1000.0);
                }
                previous = value;
            }
            return OptionalDouble.empty();
        }
    }
}
