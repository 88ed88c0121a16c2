package org.jexim.conf.lists;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jexim.conf.lookup.Errors;
import org.jexim.conf.model.ListKind;

/**
 * Exim's match_check_list(): walks a list in order; the first item that matches decides
 * (negated with '!'); {@code +name} refers to a named list; an item starting with '/' is a
 * file of items; at the end, the answer is "no" unless the last item was negated.
 */
final class ListMatcher {
    private static final int MAX_NESTING = 20;

    private ListMatcher() {
    }

    /** {@code kind} is null for plain string lists (no named lists, no special items). */
    static int check(String list, int sep, ListKind kind, ItemTest test, MatchState st) {
        if (list == null) {
            return ItemTest.FAIL;
        }
        if (++st.depth > MAX_NESTING) {
            st.error = "named list nesting too deep (loop?)";
            st.depth--;
            return ItemTest.DEFER;
        }
        try {
            return walk(list, sep, kind, test, st);
        } finally {
            st.depth--;
        }
    }

    private static int walk(String list, int sep, ListKind kind, ItemTest test, MatchState st) {
        boolean includeUnknown = false;
        boolean ignoreUnknown = false;
        boolean includeDefer = false;
        boolean ignoreDefer = false;
        int yield = ItemTest.OK;
        ExiList items = new ExiList(list, sep);
        for (String sss; (sss = items.next()) != null; ) {
            String ss = sss;
            if ((kind == ListKind.ADDRESS || kind == ListKind.LOCAL_PART) && ss.equals("+caseful")) {
                if (kind == ListKind.ADDRESS) {
                    int at = st.origSubject.lastIndexOf('@');
                    if (at >= 0) {
                        st.subject = st.origSubject.substring(0, at) + st.subject.substring(at);
                    }
                } else {
                    st.subject = st.origSubject;
                }
                st.caseless = false;
                continue;
            }
            if (kind == ListKind.HOST && ss.startsWith("+")) {
                switch (ss) {
                    case "+include_unknown" -> {
                        includeUnknown = true;
                        ignoreUnknown = false;
                        continue;
                    }
                    case "+ignore_unknown" -> {
                        ignoreUnknown = true;
                        includeUnknown = false;
                        continue;
                    }
                    case "+include_defer" -> {
                        includeDefer = true;
                        ignoreDefer = false;
                        continue;
                    }
                    case "+ignore_defer" -> {
                        ignoreDefer = true;
                        includeDefer = false;
                        continue;
                    }
                    default -> {
                    }
                }
            }
            if (ss.startsWith("!")) {
                yield = ItemTest.FAIL;
                int i = 1;
                while (i < ss.length() && Character.isWhitespace(ss.charAt(i))) {
                    i++;
                }
                ss = ss.substring(i);
            } else {
                yield = ItemTest.OK;
            }
            if (!ss.startsWith("/")) {
                if (ss.startsWith("+") && kind != null) {
                    Optional<String> named = st.env.namedLists().list(kind, ss.substring(1));
                    if (named.isEmpty()) {
                        // Exim writes "unknown named ... list" to the panic log only; the match defers silently.
                        st.error = "";
                        return ItemTest.DEFER;
                    }
                    java.util.Map<String, Object> cache = st.env.namedListCache();
                    String cacheKey = null;
                    if (cache != null && named.get().indexOf('$') < 0) {
                        cacheKey = kind + "\0" + ss + "\0" + st.caseless + "\0" + st.subject;
                        Object hit = cache.get(cacheKey);
                        if (hit instanceof Object[] c) {
                            st.value = (String) c[1];
                            st.captures = (String[]) c[2];
                            if ((Integer) c[0] == ItemTest.OK) {
                                return yield;
                            }
                            continue;
                        }
                    }
                    String text;
                    try {
                        text = st.env.expandNamedList(named.get());
                    } catch (ListEnv.ListExpansionException e) {
                        if (e.forced()) {
                            continue;
                        }
                        st.error = "";
                        return ItemTest.DEFER;
                    }
                    int rc = check(text, 0, kind, test, st);
                    if (rc == ItemTest.DEFER) {
                        return rc;
                    }
                    if (cacheKey != null) {
                        cache.put(cacheKey, new Object[] {rc, st.value, st.captures});
                    }
                    if (rc == ItemTest.OK) {
                        return yield;
                    }
                    continue;
                }
                st.error = null;
                int rc = test.test(ss, st);
                switch (rc) {
                    case ItemTest.OK:
                        return yield;
                    case ItemTest.DEFER:
                        if (st.error == null) {
                            st.error = "DNS lookup of \"" + ss + "\" deferred";
                        }
                        if (ignoreDefer) {
                            break;
                        }
                        if (includeDefer) {
                            return ItemTest.OK;
                        }
                        return ItemTest.DEFER;
                    case ItemTest.ERROR:
                        if (ignoreUnknown) {
                            break;
                        }
                        return includeUnknown ? ItemTest.OK : ItemTest.FAIL;
                    default:
                        break;
                }
            } else {
                int fileYield = yield;
                String text;
                try {
                    text = new String(Files.readAllBytes(Path.of(ss)), StandardCharsets.ISO_8859_1);
                } catch (IOException e) {
                    st.error = Errors.openFailed(sss + " when checking \"" + list + "\"", e);
                    return ItemTest.DEFER;
                }
                for (String raw : text.split("\n")) {
                    String line = stripComment(raw, kind);
                    line = line.strip();
                    if (line.isEmpty()) {
                        continue;
                    }
                    fileYield = yield;
                    if (line.startsWith("!")) {
                        fileYield = fileYield == ItemTest.OK ? ItemTest.FAIL : ItemTest.OK;
                        line = line.substring(1).stripLeading();
                    }
                    st.error = null;
                    int rc = test.test(line, st);
                    if (rc == ItemTest.OK) {
                        if (st.value == null) {
                            st.value = line;
                        }
                        return fileYield;
                    }
                    if (rc == ItemTest.DEFER) {
                        if (ignoreDefer) {
                            continue;
                        }
                        return includeDefer ? ItemTest.OK : ItemTest.DEFER;
                    }
                    if (rc == ItemTest.ERROR && !ignoreUnknown) {
                        return includeUnknown ? ItemTest.OK : ItemTest.FAIL;
                    }
                }
                yield = fileYield;
            }
        }
        return yield == ItemTest.OK ? ItemTest.FAIL : ItemTest.OK;
    }

    private static String stripComment(String line, ListKind kind) {
        int from = 0;
        while (true) {
            int h = line.indexOf('#', from);
            if (h < 0) {
                return line;
            }
            if ((kind != ListKind.ADDRESS && kind != ListKind.LOCAL_PART) || h == 0
                    || Character.isWhitespace(line.charAt(h - 1))) {
                return line.substring(0, h);
            }
            from = h + 1;
        }
    }

    private static String kindWord(ListKind kind) {
        return switch (kind) {
            case DOMAIN -> " domain";
            case HOST -> " host";
            case ADDRESS -> " address";
            case LOCAL_PART -> " local part";
        };
    }
}
