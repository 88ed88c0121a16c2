package org.jexim.conf.lists;

import java.util.List;

/** {@code @mx_any}, {@code @mx_primary}, {@code @mx_secondary} (with {@code /ignore=LIST}): is this host an MX of the domain? */
final class MxItem {
    private MxItem() {
    }

    /** OK, FAIL, DEFER, or -1 when the pattern is not one of these items. */
    static int test(String pattern, String domain, MatchState st) {
        String ss = pattern.substring(4);
        boolean prim = false;
        boolean secy = false;
        if (ss.regionMatches(true, 0, "any", 0, 3)) {
            ss = ss.substring(3);
        } else if (ss.regionMatches(true, 0, "primary", 0, 7)) {
            ss = ss.substring(7);
            prim = true;
        } else if (ss.regionMatches(true, 0, "secondary", 0, 9)) {
            ss = ss.substring(9);
            secy = true;
        } else {
            return -1;
        }
        String ignore = null;
        if (ss.regionMatches(true, 0, "/ignore=", 0, 8)) {
            ignore = ss.substring(8);
        } else if (!ss.isEmpty()) {
            return -1;
        }
        List<HostResolver.Mx> mxs;
        try {
            mxs = st.env.resolver().mx(domain);
        } catch (HostResolver.TryAgain e) {
            st.error = "DNS lookup of \"" + domain + "\" deferred";
            return ItemTest.DEFER;
        }
        if (mxs.isEmpty()) {
            return ItemTest.FAIL;
        }
        List<String> local = st.env.interfaceAddresses();
        int lowest = mxs.get(0).preference();
        int localPref = Integer.MAX_VALUE;
        try {
            for (HostResolver.Mx mx : mxs) {
                for (String a : st.env.resolver().addresses(mx.host())) {
                    if (ignore != null && Lists.host(a, "", ignore, st.env).matched()) {
                        continue;
                    }
                    if (local.contains(a)) {
                        localPref = Math.min(localPref, mx.preference());
                    }
                }
            }
        } catch (HostResolver.TryAgain e) {
            st.error = "DNS lookup of \"" + domain + "\" deferred";
            return ItemTest.DEFER;
        }
        if (localPref == Integer.MAX_VALUE) {
            return ItemTest.FAIL;
        }
        boolean isPrimary = localPref == lowest;
        if (prim && !isPrimary || secy && isPrimary) {
            return ItemTest.FAIL;
        }
        return ItemTest.OK;
    }
}
