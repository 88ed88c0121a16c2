package org.jexim.routing;

import java.util.Optional;
import org.jexim.address.AddressItem;
import org.jexim.address.Precondition;
import org.jexim.address.RoutingContext;
import org.jexim.address.RoutingException;

/**
 * {@code local_part_prefix} / {@code local_part_suffix} (with {@code _optional}): the first
 * item of the list that the local part starts (ends) with is removed from $local_part and set
 * in $local_part_prefix (_suffix); a {@code *} item end is a wildcard whose text is the _v variable.
 */
final class AffixPrecondition implements Precondition {
    private final boolean prefix;
    private final String list;
    private final boolean optional;

    AffixPrecondition(boolean prefix, String list, boolean optional) {
        this.prefix = prefix;
        this.list = list;
        this.optional = optional;
    }

    @Override
    public Optional<AddressItem> test(AddressItem address, RoutingContext context) throws RoutingException {
        Optional<String> expandedList = RouteExpansion.expandList(list, address, context);
        if (expandedList.isEmpty()) {
            return Optional.empty();
        }
        String expanded = expandedList.get();
        String local = RouteVariables.localPart(address);
        String name = prefix ? "local_part_prefix" : "local_part_suffix";
        for (String item : org.jexim.conf.lists.ExiList.items(expanded)) {
            int len = prefix ? prefixLength(local, item) : suffixLength(local, item);
            if (len < 0) {
                continue;
            }
            String affix = prefix ? local.substring(0, len) : local.substring(local.length() - len);
            String rest = prefix ? local.substring(len) : local.substring(0, local.length() - len);
            String wild = "";
            if (prefix && item.startsWith("*")) {
                wild = affix.substring(0, affix.length() - (item.length() - 1));
            } else if (!prefix && item.endsWith("*")) {
                wild = affix.substring(item.length() - 1);
            }
            return Optional.of(address.with("local_part", rest).with(name, affix).with(name + "_v", wild));
        }
        return optional ? Optional.of(address.with(name, "").with(name + "_v", "")) : Optional.empty();
    }

    /** Exim's route_check_prefix: a leading * matches the longest possible text. */
    static int prefixLength(String local, String item) {
        if (item.startsWith("*")) {
            String p = item.substring(1);
            for (int i = local.length() - p.length(); i >= 0; i--) {
                if (local.regionMatches(true, i, p, 0, p.length())) {
                    return i + p.length();
                }
            }
            return -1;
        }
        return item.length() <= local.length() && local.regionMatches(true, 0, item, 0, item.length())
                ? item.length() : -1;
    }

    /** Exim's route_check_suffix: a trailing * matches the longest possible text. */
    static int suffixLength(String local, String item) {
        if (item.endsWith("*")) {
            String s = item.substring(0, item.length() - 1);
            for (int i = 0; i + s.length() <= local.length(); i++) {
                if (local.regionMatches(true, i, s, 0, s.length())) {
                    return local.length() - i;
                }
            }
            return -1;
        }
        int start = local.length() - item.length();
        return start >= 0 && local.regionMatches(true, start, item, 0, item.length()) ? item.length() : -1;
    }
}
