package org.jexim.conf.lists;

import org.jexim.conf.model.ListKind;

/**
 * Exim's check_address(): one item of an address list: a regex on the whole address, a
 * whole-address lookup ({@code lsearch*@;FILE}), {@code @@lookup} split lookups, or
 * {@code local@domain} / {@code *tail@domain} / a domain item.
 */
final class AddressItem implements ItemTest {
    @Override
    public int test(String pattern, MatchState st) {
        // As in Exim, $value keeps what an earlier item left unless this item sets it.
        String subject = st.subject;
        int sdomain = subject.lastIndexOf('@');
        if (sdomain < 0 && !subject.isEmpty()) {
            return FAIL;
        }
        if (pattern.startsWith("^")) {
            String keep = st.value;
            int rc = single(subject, pattern, st.expandSetup, true, st.caseless, false, st);
            st.value = keep;
            return rc;
        }
        int s = 0;
        while (s < pattern.length() && (Character.isLetterOrDigit(pattern.charAt(s)) || pattern.charAt(s) == '-')) {
            s++;
        }
        if (s < pattern.length() && pattern.charAt(s) == '*') {
            s++;
        }
        if (s < pattern.length() && pattern.charAt(s) == '@') {
            s++;
        }
        if (s < pattern.length() && pattern.charAt(s) == ';') {
            return single(subject, pattern, -1, false, st.caseless, false, st);
        }
        if (subject.isEmpty()) {
            return pattern.isEmpty() ? OK : FAIL;
        }
        if (pattern.startsWith("@@")) {
            return splitLookup(pattern, subject, sdomain, st);
        }
        int pdomain = pattern.lastIndexOf('@');
        String value = null;
        int expandInc = 0;
        String[] caps = null;
        if (pdomain >= 0) {
            String after = pattern.substring(pdomain + 1);
            if (pdomain > 0 && pattern.charAt(pdomain - 1) == '@' && (after.isEmpty() || after.equals("[]")
                    || after.equals("mx_any") || after.equals("mx_primary") || after.equals("mx_secondary"))) {
                pdomain--;
            }
            int pllen = pdomain;
            int sllen = sdomain;
            if (pattern.startsWith("*")) {
                int cllen = pllen - 1;
                if (sllen < cllen) {
                    return FAIL;
                }
                String a = subject.substring(sllen - cllen, sllen);
                String b = pattern.substring(1, 1 + cllen);
                if (st.caseless ? !Ascii.equalsIgnoreCase(a, b) : !a.equals(b)) {
                    return FAIL;
                }
                if (st.expandSetup > 0) {
                    caps = new String[st.expandSetup + 1];
                    caps[st.expandSetup] = subject.substring(0, sllen - cllen);
                    expandInc = 1;
                }
            } else {
                if (sllen != pllen) {
                    return FAIL;
                }
                String a = subject.substring(0, sllen);
                String b = pattern.substring(0, sllen);
                if (st.caseless ? !Ascii.equalsIgnoreCase(a, b) : !a.equals(b)) {
                    return FAIL;
                }
            }
            value = pattern.substring(0, Math.min(sllen, pattern.length()));
        }
        String dsubject = subject.substring(sdomain + 1);
        MatchState dst = new MatchState(st.env, st.origSubject.substring(st.origSubject.lastIndexOf('@') + 1),
                st.caseless, st.expandSetup < 0 ? -1 : st.expandSetup + expandInc);
        dst.subject = st.caseless ? Ascii.lower(dsubject) : dsubject;
        String dpattern = pdomain >= 0 ? pattern.substring(pdomain + 1) : pattern;
        st.value = null;
        int rc = ListMatcher.check(dpattern, ExiList.SINGLE_ITEM, ListKind.DOMAIN, new StringItem(true, true), dst);
        if (rc == DEFER) {
            st.error = dst.error;
        }
        if (value != null || dst.value != null) {
            st.value = (value == null ? "" : value) + "@" + (dst.value == null ? "" : dst.value);
        }
        if (rc == OK) {
            // as Exim's shared expand_nstring: the local part's wild part stays below the domain's
            st.captures = merge(caps, dst.captures);
        }
        return rc;
    }

    private static String[] merge(String[] low, String[] high) {
        if (low == null) {
            return high;
        }
        String[] out = java.util.Arrays.copyOf(high == null ? new String[0] : high, Math.max(low.length,
                high == null ? 0 : high.length));
        for (int i = 0; i < low.length; i++) {
            if (low[i] != null && (out[i] == null || out[i].isEmpty())) {
                out[i] = low[i];
            }
        }
        for (int i = 0; i < out.length; i++) {
            if (out[i] == null) {
                out[i] = "";
            }
        }
        return out;
    }

    private static int single(String subject, String pattern, int setup, boolean usePartial, boolean caseless,
            boolean atSpecial, MatchState outer) {
        MatchState st = new MatchState(outer.env, subject, caseless, setup);
        int rc = new StringItem(atSpecial, usePartial).test(pattern, st);
        outer.value = st.value;
        outer.captures = st.captures;
        outer.error = st.error;
        return rc;
    }

    private static int splitLookup(String pattern, String subject, int sdomain, MatchState st) {
        if (sdomain == 1 && subject.charAt(0) == '*') {
            return FAIL;
        }
        String key = subject.substring(sdomain + 1);
        String local = subject.substring(0, sdomain);
        for (int watchdog = 50; key != null && watchdog-- > 0; ) {
            MatchState ls = new MatchState(st.env, key, false, -1);
            int rc = new StringItem(true, true).test(pattern.substring(2), ls);
            if (rc != OK) {
                st.error = ls.error;
                return rc;
            }
            String list = ls.value;
            int colon = list.lastIndexOf(':');
            int ss = colon < 0 ? 0 : colon + 1;
            while (ss < list.length() && Character.isWhitespace(list.charAt(ss))) {
                ss++;
            }
            if (ss < list.length() && list.charAt(ss) == '>') {
                key = list.substring(ss + 1).strip();
                list = list.substring(0, ss);
            } else {
                key = null;
            }
            for (String item : ExiList.items(list)) {
                int localYield = OK;
                if (item.startsWith("!")) {
                    localYield = FAIL;
                    item = item.substring(1).stripLeading();
                }
                MatchState is = new MatchState(st.env, local, st.caseless, -1);
                int r = new StringItem(true, true).test(item, is);
                if (r == OK) {
                    st.value = is.value;
                    return localYield;
                }
                if (r == DEFER) {
                    st.error = is.error;
                    return DEFER;
                }
            }
        }
        return FAIL;
    }
}
