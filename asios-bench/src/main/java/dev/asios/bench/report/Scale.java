package dev.asios.bench.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/** A numeric axis of a chart: where a value falls between the axis's ends, and the values its ticks stand at. */
sealed interface Scale permits LinearScale, LogScale {

    /** Where {@code value} falls: 0 at the lower end, 1 at the upper one; values outside are clamped to the ends. */
    double fraction(double value);

    /** The values the ticks stand at, rising, all within the ends. */
    List<Double> ticks();

    /** A tick value as text: at most six significant digits, no exponent, no trailing zeros. */
    static String label(double value) {
        return BigDecimal.valueOf(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
