package org.jexim.conf.reader;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jexim.conf.ConfigurationException;
import org.jexim.conf.model.ListKind;
import org.jexim.conf.model.NamedList;

/** Reads named list definitions ({@code [hide] domainlist NAME = value}), as Exim's read_named_list(). */
final class NamedListReader {
    /** Exim's MAX_NAMED_LIST, as the reference build sets it. */
    private static final int MAX_PER_KIND = 32;

    private final Map<ListKind, Map<String, NamedList>> lists = new EnumMap<>(ListKind.class);

    /** The list kind a main-section line defines, or null when it defines none. */
    static ListKind kindOf(String text) {
        for (ListKind kind : ListKind.values()) {
            if (text.startsWith(kind.keyword())) {
                return kind;
            }
        }
        return null;
    }

    /** Reads {@code rest}, the text after the keyword. */
    void read(LogicalLine line, ListKind kind, String rest, boolean hidden) throws ConfigurationException {
        String what = switch (kind) {
            case DOMAIN -> "domain list";
            case HOST -> "host list";
            case ADDRESS -> "address list";
            case LOCAL_PART -> "local part list";
        };
        String s = rest;
        if (s.startsWith("_cache")) {
            s = s.substring(6);
        }
        if (!Ascii.isSpace(Ascii.at(s, 0))) {
            throw new ConfigurationException(line.last(), "unrecognized configuration line");
        }
        Map<String, NamedList> ofKind = lists.computeIfAbsent(kind, k -> new LinkedHashMap<>());
        if (ofKind.size() >= MAX_PER_KIND) {
            throw new ConfigurationException(line.last(), "too many named " + what + "s (max is " + MAX_PER_KIND + ")\n");
        }
        int i = Ascii.skipSpace(s, 0);
        int start = i;
        while (Ascii.isNameChar(Ascii.at(s, i))) {
            i++;
        }
        String name = s.substring(start, i);
        i = Ascii.skipSpace(s, i);
        if (ofKind.containsKey(name)) {
            throw new ConfigurationException(line.last(), "duplicate name \"" + name + "\" for a named " + what);
        }
        if (Ascii.at(s, i++) != '=') {
            throw new ConfigurationException(line.last(), "missing '=' after \"" + name + "\"");
        }
        String value;
        try {
            value = OptionValueReader.string(s.substring(Ascii.skipSpace(s, i)), name);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(line.last(), e.getMessage());
        }
        ofKind.put(name, new NamedList(kind, name, value, hidden, line.start()));
    }

    Map<ListKind, Map<String, NamedList>> lists() {
        return lists;
    }
}
