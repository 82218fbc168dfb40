package org.gridledger.identity.ca;

import java.util.LinkedHashMap;
import java.util.Map;

/** A thread-safe set that keeps only its {@code capacity} most recently added elements. */
final class RecentSet<E> {

    private final Map<E, Boolean> elements;

    RecentSet(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.elements = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<E, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized boolean contains(E element) {
        return elements.containsKey(element);
    }

    synchronized void add(E element) {
        elements.put(element, Boolean.TRUE);
    }

    synchronized int size() {
        return elements.size();
    }
}
