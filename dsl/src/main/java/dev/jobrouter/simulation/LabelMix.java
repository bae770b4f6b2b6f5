package dev.jobrouter.simulation;

import dev.jobrouter.core.RouterException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The labels arriving jobs carry, as a weighted mix: one caller in five a VIP, say, so that a rule
 * about VIPs can be simulated. Each arrival draws one variant, with a chance proportional to its
 * weight.
 *
 * <pre>{@code
 * LabelMix.of(4, Map.of("tier", "standard")).or(1, Map.of("tier", "vip", "vip", true))
 * }</pre>
 *
 * Immutable; {@link #or} returns a changed copy. Label values are strings, numbers or booleans, as on
 * a job.
 *
 * @param variants the variants, at least one
 */
public record LabelMix(List<Variant> variants) {

    /**
     * Labels that a share of the arrivals carry.
     *
     * @param weight how often this variant comes relative to the others: finite, above 0
     * @param labels the labels, possibly none
     */
    public record Variant(double weight, Map<String, Object> labels) {
        /**
         * The canonical constructor: checks the components and keeps immutable copies of collections.
         *
         * @param weight how often this variant comes relative to the others: finite, above 0
         * @param labels the labels, possibly none
         *     /
         */
        public Variant {
            if (!(weight > 0) || Double.isInfinite(weight)) {
                throw RouterException.invalid("a label variant needs a finite weight above 0, not " + weight);
            }
            if (labels == null) {
                throw RouterException.invalid("the labels of a variant must not be null (use an empty map for none)");
            }
            labels.forEach((key, value) -> {
                if (key == null || !(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                    throw RouterException.invalid("label " + key + " of a variant must have a string, number or "
                            + "boolean value, not " + value);
                }
            });
            labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        }
    }

    /**
     * The canonical constructor: checks the components and keeps immutable copies of collections.
     *
     * @param variants the variants, at least one
     *     /
     */
    public LabelMix {
        if (variants == null || variants.isEmpty()) {
            throw RouterException.invalid("a label mix needs at least one variant");
        }
        variants = List.copyOf(variants);
    }

    /**
     * @param weight the weight
     * @param labels the labels: string, number or boolean values
     * @return a mix of one variant so far: {@code labels} with weight {@code weight}
     */
    public static LabelMix of(double weight, Map<String, ?> labels) {
        return new LabelMix(List.of(variant(weight, labels)));
    }

    /**
     * @param labels the labels: string, number or boolean values
     * @return every arrival with these labels
     */
    public static LabelMix always(Map<String, ?> labels) {
        return of(1, labels);
    }

    /**
     * @param weight the weight
     * @param labels the labels: string, number or boolean values
     * @return this mix with one more variant
     */
    public LabelMix or(double weight, Map<String, ?> labels) {
        List<Variant> more = new ArrayList<>(variants);
        more.add(variant(weight, labels));
        return new LabelMix(more);
    }

    /** @return the labels of one arrival; draws nothing when there is only one variant */
    Map<String, Object> draw(RandomGenerator random) {
        if (variants.size() == 1) {
            return variants.get(0).labels();
        }
        double total = variants.stream().mapToDouble(Variant::weight).sum();
        double point = random.nextDouble() * total;
        for (Variant variant : variants) {
            point -= variant.weight();
            if (point < 0) {
                return variant.labels();
            }
        }
        return variants.get(variants.size() - 1).labels();   // rounding at the very top of the range
    }

    private static Variant variant(double weight, Map<String, ?> labels) {
        return new Variant(weight, labels == null ? null : new LinkedHashMap<>(labels));
    }
}
