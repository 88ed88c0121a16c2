package org.jexim.routing;

/** IPv6 addresses as Exim prints them: lower case, the longest run of zero groups as "::". */
final class Ipv6Text {
    private Ipv6Text() {
    }

    static String compress(String ip) {
        if (!ip.contains(":")) {
            return ip;
        }
        String[] g = ip.toLowerCase(java.util.Locale.ROOT).split(":");
        for (int i = 0; i < g.length; i++) {
            g[i] = g[i].replaceFirst("^0+(?=.)", "");
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < g.length; i++) {
            int j = i;
            while (j < g.length && g[j].equals("0")) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
        }
        if (bestStart < 0) {
            return String.join(":", g);
        }
        String head = String.join(":", java.util.Arrays.copyOfRange(g, 0, bestStart));
        String tail = String.join(":", java.util.Arrays.copyOfRange(g, bestStart + bestLen, g.length));
        return head + "::" + tail;
    }
}
