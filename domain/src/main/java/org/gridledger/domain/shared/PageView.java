package org.gridledger.domain.shared;

import java.util.List;

/** One page of a list result: the items, the page asked for, and how many items there are in all. */
public record PageView<T>(List<T> items, int page, int size, long totalItems) {

    public long totalPages() {
        return size == 0 ? 0 : (totalItems + size - 1) / size;
    }
}
