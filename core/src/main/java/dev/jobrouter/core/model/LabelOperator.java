package dev.jobrouter.core.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How a selector compares a label with its value. Numbers compare as numbers ({@code 5} equals
 * {@code 5.0}); strings and booleans only by equality; the ordered operators hold only between numbers.
 */
public enum LabelOperator {
    /** The label equals the value (numbers as numbers). */
    EQUAL,
    /** The label is present and does not equal the value. */
    NOT_EQUAL,
    /** Both numbers, the label below the value. */
    LESS_THAN,
    /** Both numbers, the label at most the value. */
    LESS_THAN_OR_EQUAL,
    /** Both numbers, the label above the value. */
    GREATER_THAN,
    /** Both numbers, the label at least the value. */
    GREATER_THAN_OR_EQUAL;

    /**
     * @param label the entity's label value, or {@code null} when it lacks the label
     * @param value the selector's value
     * @return whether the label satisfies the selector; never when the label is missing
     */
    public boolean holds(Object label, Object value) {
        if (label == null) {
            return false;
        }
        boolean numbers = label instanceof Number && value instanceof Number;
        return switch (this) {
            case EQUAL -> numbers ? compare((Number) label, (Number) value) == 0 : Objects.equals(label, value);
            case NOT_EQUAL -> numbers ? compare((Number) label, (Number) value) != 0 : !Objects.equals(label, value);
            case LESS_THAN -> numbers && compare((Number) label, (Number) value) < 0;
            case LESS_THAN_OR_EQUAL -> numbers && compare((Number) label, (Number) value) <= 0;
            case GREATER_THAN -> numbers && compare((Number) label, (Number) value) > 0;
            case GREATER_THAN_OR_EQUAL -> numbers && compare((Number) label, (Number) value) >= 0;
        };
    }

    /** @return whether this is one of the four ordered operators */
    public boolean ordered() {
        return this != EQUAL && this != NOT_EQUAL;
    }

    /** Compares as exact decimals when both are finite, else as doubles (so infinities and NaN order too). */
    static int compare(Number a, Number b) {
        BigDecimal x = LabelValues.decimal(a);
        BigDecimal y = LabelValues.decimal(b);
        return x != null && y != null ? x.compareTo(y) : Double.compare(a.doubleValue(), b.doubleValue());
    }
}
