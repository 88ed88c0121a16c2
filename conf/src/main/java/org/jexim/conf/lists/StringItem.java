package org.jexim.conf.lists;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jexim.conf.expand.Pcre;
import org.jexim.conf.lookup.LookupException;
import org.jexim.conf.lookup.LookupSpec;
import org.jexim.conf.lookup.Lookups;

/**
 * Exim's check_string(): one item of a domain, local part or plain string list: a regex
 * ({@code ^...}), a tail match ({@code *.example.com}), {@code @}, {@code @[]},
 * {@code @mx_any/primary/secondary}, a lookup ({@code lsearch;FILE}), or a literal.
 */
final class StringItem implements ItemTest {
    private final boolean atIsSpecial;
    private final boolean usePartial;

    StringItem(boolean atIsSpecial, boolean usePartial) {
        this.atIsSpecial = atIsSpecial;
        this.usePartial = usePartial;
    }

    @Override
    public int test(String pattern, MatchState st) {
        st.value = null;
        String s = pattern.startsWith("^") ? st.origSubject : st.subject;
        int setup = st.expandSetup;
        String[] caps = new String[Math.max(10, setup + 3)];
        if (setup == 0) {
            caps[0] = s;
        } else if (setup > 0) {
            setup--;
        }
        if (pattern.startsWith("^")) {
            Pattern re;
            try {
                re = Pcre.compile(pattern, st.caseless);
            } catch (Pcre.RegexError e) {
                st.error = "regular expression error in \"" + pattern + "\": " + e.getMessage() + " at offset " + e.offset();
                return DEFER;
            }
            Matcher m = Pcre.matcher(re, s);
            try {
                if (!m.find()) {
                    return FAIL;
                }
            } catch (Pcre.MatchLimitException e) {
                return FAIL;
            }
            if (setup >= 0) {
                String[] c = new String[setup + m.groupCount() + 1];
                System.arraycopy(caps, 0, c, 0, setup + 1);
                for (int i = 1; i <= m.groupCount(); i++) {
                    c[setup + i] = m.group(i) == null ? "" : m.group(i);
                }
                for (int i = 0; i < c.length; i++) {
                    if (c[i] == null) {
                        c[i] = "";
                    }
                }
                st.captures = c;
            }
            st.value = pattern;
            return OK;
        }
        if (pattern.startsWith("*")) {
            String tail = pattern.substring(1);
            int slen = s.length();
            int plen = tail.length();
            if (plen > slen) {
                return FAIL;
            }
            String end = s.substring(slen - plen);
            if (st.caseless ? !Ascii.equalsIgnoreCase(end, tail) : !end.equals(tail)) {
                return FAIL;
            }
            if (setup >= 0) {
                caps[++setup] = s.substring(0, slen - plen);
                st.captures = trim(caps, setup);
            }
            st.value = pattern;
            return OK;
        }
        String pat = pattern;
        if (atIsSpecial && pattern.startsWith("@")) {
            if (pattern.length() == 1) {
                pat = st.env.primaryHostname();
            } else if (pattern.equals("@[]")) {
                if (!s.startsWith("[") && !s.endsWith("]")) {
                    return FAIL;
                }
                String inner = s.length() >= 2 ? s.substring(1, s.length() - 1) : "";
                for (String ip : st.env.interfaceAddresses()) {
                    if (ip.equals(inner)) {
                        if (setup >= 0) {
                            st.captures = trim(caps, setup);
                        }
                        st.value = pattern;
                        return OK;
                    }
                }
                return FAIL;
            } else if (pattern.regionMatches(true, 0, "@mx_", 0, 4)) {
                int r = MxItem.test(pattern, s, st);
                if (r == OK) {
                    if (setup >= 0) {
                        st.captures = trim(caps, setup);
                    }
                    st.value = pattern;
                }
                if (r != -1) {
                    return r;
                }
            }
        }
        int semi = pat.indexOf(';');
        if (semi < 0) {
            if (st.caseless ? !Ascii.equalsIgnoreCase(s, pat) : !s.equals(pat)) {
                return FAIL;
            }
            if (setup >= 0) {
                st.captures = trim(caps, setup);
            }
            st.value = pat;
            return OK;
        }
        Lookups lookups = st.env.lookups();
        LookupSpec spec;
        try {
            spec = LookupSpec.parse(pat.substring(0, semi), lookups);
        } catch (LookupException e) {
            st.error = e.getMessage();
            return DEFER;
        }
        if (!usePartial && spec.partial() >= 0) {
            spec = new LookupSpec(spec.text(), spec.type(), -1, null, spec.star(), spec.starAt(), spec.opts());
        }
        String[] fk = LookupArgs.fileAndKey(spec, s, pat.substring(semi + 1));
        try {
            Lookups.Found f = lookups.find(spec, fk[0], fk[1], st.env.lookupEnv());
            if (f == null) {
                return FAIL;
            }
            st.value = f.value();
            if (setup >= 0) {
                if (f.wild() != null) {
                    caps[setup + 1] = f.wild();
                    caps[setup + 2] = f.fixed();
                    setup += 2;
                }
                st.captures = trim(caps, setup);
            }
            return OK;
        } catch (LookupException e) {
            st.error = e.getMessage();
            return DEFER;
        }
    }

    private static String[] trim(String[] caps, int nmax) {
        String[] c = new String[nmax + 1];
        System.arraycopy(caps, 0, c, 0, nmax + 1);
        for (int i = 0; i < c.length; i++) {
            if (c[i] == null) {
                c[i] = "";
            }
        }
        return c;
    }
}
