package org.jexim.conf.expand.items;

import java.util.HashMap;
import java.util.Map;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.expand.ExpansionParser;
import org.jexim.conf.expand.Node;

/** The expansion items of Exim 4.96 ({@code ${if}}, {@code ${lookup}}, {@code ${sg}}, ...), by name. */
public final class Items {
    private static final Map<String, ItemParser> ITEMS = new HashMap<>();

    static {
        ITEMS.put("if", IfItem::parse);
        ITEMS.put("lookup", LookupItem::parse);
        StringItems.register(ITEMS);
        ListItems.register(ITEMS);
        ExtractItems.register(ITEMS);
        SystemItems.register(ITEMS);
        SigningItems.register(ITEMS);
    }

    private Items() {
    }

    /** The item's node, or null when {@code name} is not an item. */
    public static Node parse(String name, ExpansionParser p) throws ExpansionException {
        ItemParser ip = ITEMS.get(name);
        return ip == null ? null : ip.parse(p, name);
    }
}
