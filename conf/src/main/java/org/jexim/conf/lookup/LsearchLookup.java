package org.jexim.conf.lookup;

import org.jexim.conf.lists.ExiList;
import org.jexim.conf.lists.IpAddress;
import org.jexim.conf.lists.ListEnv;
import org.jexim.conf.lists.Lists;
import org.jexim.conf.lists.Ascii;

/** lsearch, wildlsearch, nwildlsearch, iplsearch: linear search of a key/data file. */
final class LsearchLookup implements LookupType {
    /** How keys are compared. */
    enum Kind {
        LSEARCH("lsearch"), WILDLSEARCH("wildlsearch"), NWILDLSEARCH("nwildlsearch"), IPLSEARCH("iplsearch");

        final String typeName;

        Kind(String typeName) {
            this.typeName = typeName;
        }
    }

    private final Kind kind;

    LsearchLookup(Kind kind) {
        this.kind = kind;
    }

    @Override
    public String name() {
        return kind.typeName;
    }

    @Override
    public Style style() {
        return Style.SINGLE_KEY;
    }

    @Override
    public String find(String file, String key, String opts, LookupEnv env) throws LookupException {
        LinearFile f = LinearFile.open(file, "linear search", "lsearch");
        boolean retFull = false;
        if (opts != null) {
            for (String o : ExiList.items(opts, ',')) {
                if (o.equals("ret=full")) {
                    retFull = true;
                    break;
                }
            }
        }
        if (kind == Kind.IPLSEARCH) {
            if (IpAddress.version(key) == 0 && !key.equals("*")) {
                throw LookupException.defer("\"" + key + "\" is not a valid iplsearch key (an IP "
                        + "address, with optional CIDR mask, is wanted): in a host list, use net-iplsearch as the search type");
            }
        }
        for (LinearFile.Entry e : f.entries) {
            if (!matches(e.key(), key, env)) {
                continue;
            }
            return retFull ? e.full() : e.data();
        }
        return null;
    }

    private boolean matches(String lineKey, String key, LookupEnv env) throws LookupException {
        switch (kind) {
            case LSEARCH:
                return lineKey.length() == key.length() && Ascii.equalsIgnoreCase(lineKey, key);
            case WILDLSEARCH:
            case NWILDLSEARCH: {
                String pattern;
                try {
                    pattern = kind == Kind.WILDLSEARCH ? env.expand(lineKey) : lineKey;
                } catch (LookupException e) {
                    // Exim logs the failed expansion; the lookup defers without a message
                    throw LookupException.defer("");
                }
                return Lists.stringItem(key, pattern, true, ListEnv.of(org.jexim.conf.lists.NamedLists.NONE, "")).matched();
            }
            default: {
                if (lineKey.equals("*")) {
                    return key.equals("*");
                }
                if (key.equals("*")) {
                    return false;
                }
                int[] v = IpAddress.check(lineKey, true);
                return v[0] != 0 && IpAddress.inNet(key, lineKey, v[1]);
            }
        }
    }
}
