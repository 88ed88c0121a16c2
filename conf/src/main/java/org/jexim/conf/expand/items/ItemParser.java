package org.jexim.conf.expand.items;

import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.expand.ExpansionParser;
import org.jexim.conf.expand.Node;

/** Parses one expansion item, the cursor just after its name. */
@FunctionalInterface
public interface ItemParser {
    Node parse(ExpansionParser p, String name) throws ExpansionException;
}
