package org.jexim.conf.expand.items;

import java.util.Map;

/** Items of the ListItems family. */
final class ListItems {
    private ListItems() {
    }

    static void register(Map<String, ItemParser> m) {
    }
}
