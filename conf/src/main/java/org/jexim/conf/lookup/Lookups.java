package org.jexim.conf.lookup;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The lookup types known to jexim, and Exim's search_find(): the verbatim key, then partial
 * matching, {@code *@} and {@code *} defaults, {@code ret=key}, and the per-key result cache.
 */
public final class Lookups {
    private static final Lookups STANDARD = new Lookups(true);

    private final Map<String, LookupType> types = new LinkedHashMap<>();

    private Lookups(boolean standard) {
        if (standard) {
            for (LsearchLookup.Kind k : LsearchLookup.Kind.values()) {
                add(new LsearchLookup(k));
            }
            StandardLookups.addTo(this);
        }
    }

    /** The lookups of a fresh jexim (files, dns, passwd, json, SQL over JDBC). */
    public static Lookups standard() {
        return STANDARD;
    }

    /** An empty registry to fill, for tests and embedders. */
    public static Lookups empty() {
        return new Lookups(false);
    }

    public Lookups add(LookupType t) {
        types.put(t.name(), t);
        return this;
    }

    public LookupType type(String name) {
        return types.get(name);
    }

    /** Exim's message for a lookup type it does not know. */
    public String unknownTypeMessage(String name) {
        return "unknown lookup type \"" + name + "\"";
    }

    /** A successful lookup: the data, and for partial or default matches the wild and fixed parts ($1, $2). */
    public record Found(String value, String wild, String fixed) {
    }

    /**
     * Exim's search_find() for an already parsed type: returns null when nothing matched.
     * {@code file} is null for query-style lookups.
     */
    public Found find(LookupSpec spec, String file, String key, LookupEnv env) throws LookupException {
        boolean retKey = false;
        boolean cacheRead = true;
        StringBuilder rest = new StringBuilder();
        if (spec.opts() != null) {
            for (String ele : org.jexim.conf.lists.ExiList.items(spec.opts(), ',')) {
                if (ele.equals("ret=key")) {
                    retKey = true;
                } else if (ele.equals("cache=no_rd")) {
                    cacheRead = false;
                } else {
                    if (rest.length() > 0) {
                        rest.append(',');
                    }
                    rest.append(ele.replace(",", ",,"));
                }
            }
        }
        String opts = spec.opts() == null ? null : rest.toString();
        LookupType type = spec.type();
        Found found = null;
        boolean nullWild = false;
        String result = one(type, file, key, opts, env, cacheRead);
        if (result != null) {
            nullWild = spec.partial() >= 0;
        } else if (spec.partial() >= 0) {
            String affix = spec.affix();
            int affixlen = affix.length();
            String key2 = affixlen == 0 ? key : affix + key;
            if (affixlen > 0) {
                result = one(type, file, key2, opts, env, cacheRead);
            }
            if (result == null) {
                int dots = 0;
                for (int i = 0; i < key.length(); i++) {
                    if (key.charAt(i) == '.') {
                        dots++;
                    }
                }
                int k3 = 0;
                while (dots-- >= spec.partial()) {
                    while (k3 < key.length() && key.charAt(k3) != '.') {
                        k3++;
                    }
                    String candidate;
                    int al = affixlen;
                    if (k3 >= key.length()) {
                        if (affixlen < 1) {
                            break;
                        }
                        if (affixlen > 1 && affix.charAt(affixlen - 1) == '.') {
                            al = affixlen - 1;
                        }
                        candidate = affix.substring(0, al);
                    } else {
                        candidate = affix + key.substring(k3 + 1);
                    }
                    result = one(type, file, candidate, opts, env, cacheRead);
                    if (result != null) {
                        found = wildFixed(result, key, candidate.length() - al);
                        break;
                    }
                    k3++;
                }
            } else {
                nullWild = true;
            }
        }
        if (result == null && spec.starAt()) {
            int at = key.lastIndexOf('@');
            if (at > 0) {
                String k = "*" + key.substring(at);
                result = one(type, file, k, opts, env, cacheRead);
                if (result != null) {
                    found = new Found(result, key.substring(0, at), "");
                }
            }
        }
        if (result == null && (spec.star() || spec.starAt())) {
            result = one(type, file, "*", opts, env, cacheRead);
            if (result != null) {
                found = new Found(result, key, "");
            }
        }
        if (result == null) {
            return null;
        }
        if (found == null) {
            found = nullWild ? new Found(result, "", key) : new Found(result, null, null);
        }
        if (retKey) {
            found = new Found(key, found.wild(), found.fixed());
        }
        return found;
    }

    private static Found wildFixed(String value, String key, int fixedlength) {
        int wildlength = key.length() - fixedlength - 1;
        String wild = key.substring(0, Math.max(0, Math.min(key.length(), wildlength)));
        String fixed = fixedlength < 0 ? "" : key.substring(Math.max(0, wildlength + 1));
        return new Found(value, wild, fixed);
    }

    private String one(LookupType type, String file, String key, String opts, LookupEnv env, boolean cacheRead)
            throws LookupException {
        if (key.isEmpty()) {
            return null;
        }
        java.util.Map<String, Object> cache = type.cacheable() ? env.cache() : null;
        if (cache == null) {
            return type.find(file, key, opts, env);
        }
        String id = type.name() + '\0' + file + '\0' + key;
        if (cacheRead && cache.get(id) instanceof Cached c && java.util.Objects.equals(c.opts(), opts)) {
            return c.value();
        }
        String value = type.find(file, key, opts, env);
        cache.put(id, new Cached(opts, value));
        return value;
    }

    /** A search cache entry: the options it was looked up with and its result (null: not found). */
    private record Cached(String opts, String value) {
    }
}
