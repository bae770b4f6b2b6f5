package dev.jobrouter.core.model;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Label values as the router compares and indexes them. */
public final class LabelValues {
    private LabelValues() {}

    /**
     * @param value a label value
     * @return a key equal for values a selector's {@code EQUAL} treats as equal: a finite number as its
     *     decimal without trailing zeros ({@code 5}, {@code 5.0} and {@code 5L} share one), anything else as it is
     */
    public static Object canonical(Object value) {
        if (value instanceof Number number) {
            BigDecimal decimal = decimal(number);
            return decimal == null ? Double.valueOf(number.doubleValue()) : decimal.stripTrailingZeros();
        }
        return value;
    }

    /** @return the number as an exact decimal, or {@code null} for NaN and the infinities */
    static BigDecimal decimal(Number number) {
        if (number instanceof BigDecimal decimal) {
            return decimal;
        }
        if (number instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
        }
        return BigDecimal.valueOf(number.longValue());
    }
}
