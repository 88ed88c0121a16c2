package org.jexim.conf.lists;

import org.jexim.conf.lookup.LookupSpec;
import org.jexim.conf.lookup.LookupType;

/** Exim's search_args(): the file and key (or query) of a lookup item in a list. */
public final class LookupArgs {
    private LookupArgs() {
    }

    /** {file, key}: for single-key lookups the key is the subject; file is null for queries. */
    public static String[] fileAndKey(LookupSpec spec, String subject, String query) {
        String q = query.stripLeading();
        LookupType.Style style = spec.type().style();
        if (style == LookupType.Style.ABSFILE_QUERY) {
            if (spec.opts() != null) {
                for (String o : ExiList.items(spec.opts(), ',')) {
                    if (o.startsWith("file=")) {
                        return new String[] {o.substring(5), q};
                    }
                }
            }
            if (q.startsWith("/")) {
                int i = 0;
                while (i < q.length() && !Character.isWhitespace(q.charAt(i))) {
                    i++;
                }
                return new String[] {q.substring(0, i), q.substring(i).stripLeading()};
            }
            return new String[] {null, q};
        }
        if (style == LookupType.Style.SINGLE_KEY) {
            return new String[] {q, subject};
        }
        return new String[] {null, q};
    }
}
