package org.jexim.conf.expand.items;

import java.util.Map;

/** Items of the SystemItems family. */
final class SystemItems {
    private SystemItems() {
    }

    static void register(Map<String, ItemParser> m) {
    }
}
