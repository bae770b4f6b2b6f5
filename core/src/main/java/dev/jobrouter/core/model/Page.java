package dev.jobrouter.core.model;

import java.util.List;

/**
 * One page of a list ordered by id.
 *
 * @param items the page's items, in id order
 * @param continueAfter the id to ask for the next page after, or {@code null} when this is the last page
 * @param <T> the items
 */
public record Page<T>(List<T> items, String continueAfter) {
    /**
     * The canonical constructor: checks the components and keeps immutable copies of collections.
     *
     * @param items the page's items, in id order
     * @param continueAfter the id to ask for the next page after, or {@code null} when this is the last page
     */
    public Page {
        items = List.copyOf(items);
    }
}
