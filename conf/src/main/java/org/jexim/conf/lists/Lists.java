package org.jexim.conf.lists;

import org.jexim.conf.model.ListKind;

/**
 * The list-matching entry points routers, ACLs and expansions use (Exim's match_isinlist,
 * match_address_list, verify_check_this_host). Lists are given already expanded.
 */
public final class Lists {
    private Lists() {
    }

    /** A domain list ({@code domains =}, {@code match_domain}): caseless, {@code @} items, $0/$1.. set. */
    public static ListMatch domain(String domain, String list, ListEnv env) {
        MatchState st = new MatchState(env, domain, true, 0);
        return result(ListMatcher.check(list, 0, ListKind.DOMAIN, new StringItem(true, true), st), st);
    }

    /** A local part list ({@code local_parts =}); caseless unless {@code caseful} (or +caseful in the list). */
    public static ListMatch localPart(String localPart, String list, ListEnv env, boolean caseless) {
        MatchState st = new MatchState(env, localPart, caseless, 0);
        return result(ListMatcher.check(list, 0, ListKind.LOCAL_PART, new StringItem(false, true), st), st);
    }

    /** A plain string list (MCL_STRING): regexes, tails, lookups and literals. */
    public static ListMatch string(String subject, String list, boolean caseless) {
        MatchState st = new MatchState(ListEnv.of(NamedLists.NONE, ""), subject, caseless, -1);
        return result(ListMatcher.check(list, 0, null, new StringItem(false, true), st), st);
    }

    /** A single string-list item, as wildlsearch keys use it (numbered variables set). */
    public static ListMatch stringItem(String subject, String item, boolean caseless, ListEnv env) {
        MatchState st = new MatchState(env, subject, caseless, 0);
        return result(ListMatcher.check(item, ExiList.SINGLE_ITEM, null, new StringItem(false, true), st), st);
    }

    /**
     * An address list ({@code senders =}, {@code match_address}): the domain and, when
     * {@code caseless}, the local part are lower-cased.
     */
    public static ListMatch address(String address, String list, ListEnv env, boolean caseless) {
        String lowered = lowerAddress(address, caseless);
        MatchState st = new MatchState(env, address, false, -1);
        st.subject = lowered;
        st.caseless = caseless;
        return result(ListMatcher.check(list, 0, ListKind.ADDRESS, new AddressItem(), st), st);
    }

    /**
     * One address-list item matched as a rewrite rule's pattern is (Exim's match_address_list
     * with expand_setup 0): local parts case-sensitive, $0 the whole address, $1.. the wild
     * parts or the regex's groups.
     */
    public static ListMatch addressPattern(String address, String item, ListEnv env) {
        MatchState st = new MatchState(env, address, false, 1);
        st.subject = lowerAddress(address, false);
        int rc = ListMatcher.check(item, ExiList.SINGLE_ITEM, ListKind.ADDRESS, new AddressItem(), st);
        ListMatch m = result(rc, st);
        if (!m.matched()) {
            return m;
        }
        String[] caps = m.captures() == null || m.captures().length == 0 ? new String[1] : m.captures().clone();
        if (caps[0] == null || caps[0].isEmpty()) {
            caps[0] = address;
        }
        return new ListMatch(m.outcome(), m.value(), caps, null);
    }

    static String lowerAddress(String address, boolean caseless) {
        char[] a = address.toCharArray();
        for (int p = a.length - 1; p >= 0; p--) {
            if (!caseless && a[p] == '@') {
                break;
            }
            if (a[p] >= 'A' && a[p] <= 'Z') {
                a[p] += 32;
            }
        }
        return new String(a);
    }

    /**
     * A host list ({@code hosts =}, {@code match_ip}): {@code name} is the host's name, null to
     * look it up by reverse DNS when an item needs it, or "" to match IP addresses only.
     */
    public static ListMatch host(String address, String name, String list, ListEnv env) {
        MatchState st = new MatchState(env, address, false, -1);
        HostItem test = new HostItem(address, name);
        return result(ListMatcher.check(list, 0, ListKind.HOST, test, st), st);
    }

    private static ListMatch result(int rc, MatchState st) {
        return switch (rc) {
            case ItemTest.OK -> new ListMatch(ListMatch.Outcome.MATCH, st.value, st.captures, null);
            case ItemTest.DEFER -> ListMatch.defer(st.error);
            default -> new ListMatch(ListMatch.Outcome.NO_MATCH, st.value, null, null);
        };
    }
}
