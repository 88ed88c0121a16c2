package org.jexim.conf.expand.items;

import java.util.Map;

/** Items of the SigningItems family. */
final class SigningItems {
    private SigningItems() {
    }

    static void register(Map<String, ItemParser> m) {
    }
}
