package org.jexim.dnslists;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * DNS list answers remembered for one SMTP connection, as Exim caches them for the session
 * (bounded by the records' TTL): the A lookup's outcome and addresses, and the TXT text once
 * asked for.
 */
public final class DnsListCache {
    /** One query's answer: status, the addresses kept (127/8 only), when it expires, and its TXT text. */
    static final class Entry {
        final Lookup status;
        final List<String> addresses;
        final long expiresAtMillis;
        boolean textSet;
        String text;

        Entry(Lookup status, List<String> addresses, long expiresAtMillis) {
            this.status = status;
            this.addresses = addresses;
            this.expiresAtMillis = expiresAtMillis;
        }
    }

    /** How a list lookup ended. */
    enum Lookup { FOUND, NOT_FOUND, AGAIN }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    Entry get(String query, long now) {
        Entry e = entries.get(query);
        if (e != null && e.expiresAtMillis < now) {
            entries.remove(query);
            return null;
        }
        return e;
    }

    void put(String query, Entry e) {
        entries.put(query, e);
    }

    /** How many answers are remembered (for tests). */
    public int size() {
        return entries.size();
    }
}
