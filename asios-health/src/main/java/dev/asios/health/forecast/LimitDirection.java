package dev.asios.health.forecast;

/** Which way a quantity goes to reach its limit. */
public enum LimitDirection {
    /** It rises to the limit: used memory to the capacity, a temperature to its threshold. */
    RISING,
    /** It falls to the limit: free memory or free hugepages to 0. */
    FALLING;

    /** Whether {@code value} has reached {@code limit} from this side. */
    public boolean reached(double value, double limit) {
        return this == RISING ? value >= limit : value <= limit;
    }
}
