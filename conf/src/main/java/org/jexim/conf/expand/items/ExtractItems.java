package org.jexim.conf.expand.items;

import java.util.Map;

/** Items of the ExtractItems family. */
final class ExtractItems {
    private ExtractItems() {
    }

    static void register(Map<String, ItemParser> m) {
    }
}
