package org.jexim.dnslists;

/**
 * One item of a {@code dnslists} list, split as Exim's verify_check_dnsbl splits it:
 * {@code [TXTDOMAIN,]DOMAIN[!][=|==|&|=&]IPLIST[/KEYS]}.
 *
 * @param domain    the list domain asked for A records
 * @param txtDomain the domain asked for the TXT record and put in $dnslist_domain (the
 *                  same as {@code domain} unless a comma gave another)
 * @param keys      the explicit keys after the slash (a sublist), or null for the client's address
 * @param ipList    the comma-separated return values to compare with, or null for any
 * @param bitmask   whether the values are bit masks ({@code &}) rather than addresses ({@code =})
 * @param all       whether every returned address must match ({@code ==}, {@code =&})
 * @param negated   whether the comparison is inverted ({@code !=}, {@code !&})
 */
public record DnsListItem(String domain, String txtDomain, String keys, String ipList, boolean bitmask,
                          boolean all, boolean negated) {

    /** Reads one list item (not a {@code +..._unknown} setting). */
    public static DnsListItem parse(String item) {
        String keys = null;
        int slash = item.indexOf('/');
        String domain = item;
        if (slash >= 0) {
            keys = item.substring(slash + 1);
            domain = item.substring(0, slash);
        }
        boolean bitmask = false;
        boolean all = false;
        boolean negated = false;
        String ipList = null;
        int eq = domain.indexOf('=');
        if (eq < 0) {
            eq = domain.indexOf('&');
            bitmask = eq >= 0;
        }
        if (eq >= 0) {
            ipList = domain.substring(eq + 1);
            String head = domain.substring(0, eq);
            if (head.endsWith("!")) {
                negated = true;
                head = head.substring(0, head.length() - 1);
            }
            if (!bitmask && !ipList.isEmpty() && (ipList.charAt(0) == '=' || ipList.charAt(0) == '&')) {
                bitmask = ipList.charAt(0) == '&';
                all = true;
                ipList = ipList.substring(1);
            }
            domain = head;
        }
        String txtDomain = domain;
        int comma = domain.indexOf(',');
        if (comma >= 0) {
            txtDomain = domain.substring(0, comma);
            domain = domain.substring(comma + 1);
        }
        return new DnsListItem(domain, txtDomain, keys, ipList, bitmask, all, negated);
    }
}
