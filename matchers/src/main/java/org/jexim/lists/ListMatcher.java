package org.jexim.lists;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.jexim.conf.translate.ListSplitter;
import org.jexim.conf.model.ListKind;

/**
 * Matches a value against an Exim list of one kind: walks the items in order, the first
 * item that matches decides (a negated one means "no"; when nothing matches, a list ending in a
 * negated item matches), named lists ({@code +name}) are
 * followed, {@code lsearch;FILE} items look the value up. What an item means beyond that is
 * the kind's business ({@link DomainItems}, {@link LocalPartItems}, {@link HostItems}).
 */
public final class ListMatcher {
    /** How one kind of list matches a plain (non-list, non-lookup) item. */
    public interface ItemRule {
        boolean matches(String item, String value, ListContext context) throws ListException;

        /** The key a lookup item looks up for this value. */
        default String lookupKey(String value) {
            return value;
        }
    }

    private final ListKind kind;
    private final ItemRule rule;
    private final ListContext context;

    public ListMatcher(ListKind kind, ItemRule rule, ListContext context) {
        this.kind = kind;
        this.rule = rule;
        this.context = context;
    }

    public static ListMatcher domains(ListContext context) {
        return new ListMatcher(ListKind.DOMAIN, new DomainItems(), context);
    }

    public static ListMatcher localParts(ListContext context) {
        return new ListMatcher(ListKind.LOCAL_PART, new LocalPartItems(), context);
    }

    public static ListMatcher hosts(ListContext context) {
        return new ListMatcher(ListKind.HOST, new HostItems(), context);
    }

    /** Matches {@code value} (null for "no value", e.g. a local sender host) against {@code list}. */
    public ListMatch match(String list, String value) throws ListException {
        return match(list, value, new ArrayDeque<>());
    }

    private ListMatch match(String list, String value, Deque<String> following) throws ListException {
        boolean lastNegated = false;
        for (String raw : ListSplitter.items(list)) {
            String item = raw;
            boolean negated = false;
            while (item.startsWith("!")) {
                negated = !negated;
                item = item.substring(1).strip();
            }
            Optional<ListMatch> hit = matchItem(item, value, following);
            if (hit.isPresent()) {
                return negated ? ListMatch.NO : hit.get();
            }
            lastNegated = negated;
        }
        // a list that ends with a negative item matches what nothing in it matched
        return lastNegated ? ListMatch.YES : ListMatch.NO;
    }

    private Optional<ListMatch> matchItem(String item, String value, Deque<String> following) throws ListException {
        if (item.startsWith("+") && item.length() > 1) {
            String name = item.substring(1);
            String list = context.namedList(kind, name)
                    .orElseThrow(() -> new ListException("unknown named " + kind.keyword() + " \"+" + name + "\""));
            if (following.contains(name)) {
                throw new ListException("named list \"+" + name + "\" refers to itself");
            }
            following.push(name);
            ListMatch m = match(list, value, following);
            following.pop();
            return m.matched() ? Optional.of(m) : Optional.empty();
        }
        int semi = item.indexOf(';');
        if (semi > 0 && item.substring(0, semi).matches("[a-z0-9_-]+") && !item.startsWith("^")) {
            if (value == null) {
                return Optional.empty();
            }
            return lookup(item.substring(0, semi), item.substring(semi + 1).strip(), rule.lookupKey(value))
                    .map(ListMatch::withData);
        }
        if (value == null && !item.isEmpty()) {
            return Optional.empty();
        }
        return rule.matches(item, value, context) ? Optional.of(ListMatch.YES) : Optional.empty();
    }

    private Optional<String> lookup(String type, String argument, String key) throws ListException {
        if (!type.equals("lsearch")) {
            throw new ListException("lookup type \"" + type + "\" in lists is not supported yet");
        }
        return LsearchFile.lookup(Path.of(argument), key);
    }
}
