package org.jexim.dnslists;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * DNS list answers remembered for one SMTP connection, as Exim's dnsbl cache lives in the
 * process that serves one connection (bounded by the records' TTL, at most an hour): the A
 * lookup's outcome and addresses, and the TXT text once asked for. The answers are kept in a
 * store of the connection (the session's variables, under names no configure can write), so
 * that a new connection asks the DNS again.
 */
public final class DnsListCache {
    /** The prefix of the session entries; ':' cannot appear in a variable name of a configure. */
    private static final String PREFIX = "dnslist-cache:";

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

        String encode() {
            return status + "\t" + expiresAtMillis + "\t" + String.join(",", addresses) + "\t"
                    + (textSet ? (text == null ? "N" : "T" + text) : "-");
        }

        static Entry decode(String s) {
            String[] f = s.split("\t", 4);
            Entry e = new Entry(Lookup.valueOf(f[0]), f[2].isEmpty() ? List.of() : List.of(f[2].split(",")),
                    Long.parseLong(f[1]));
            e.textSet = !f[3].equals("-");
            e.text = f[3].startsWith("T") ? f[3].substring(1) : null;
            return e;
        }
    }

    /** How a list lookup ended. */
    enum Lookup { FOUND, NOT_FOUND, AGAIN }

    private final Function<String, Optional<String>> read;
    private final BiConsumer<String, String> write;

    /** A cache of its own (one connection, or a test). */
    public DnsListCache() {
        Map<String, String> entries = new ConcurrentHashMap<>();
        this.read = k -> Optional.ofNullable(entries.get(k));
        this.write = (k, v) -> {
            if (v == null) {
                entries.remove(k);
            } else {
                entries.put(k, v);
            }
        };
    }

    /** A cache kept in a connection's store: {@code read} and {@code write} (null removes) its entries. */
    public DnsListCache(Function<String, Optional<String>> read, BiConsumer<String, String> write) {
        this.read = read;
        this.write = write;
    }

    Entry get(String query, long now) {
        Optional<String> s = read.apply(PREFIX + query);
        if (s.isEmpty()) {
            return null;
        }
        Entry e = Entry.decode(s.get());
        if (e.expiresAtMillis <= now) {
            write.accept(PREFIX + query, null);
            return null;
        }
        return e;
    }

    void put(String query, Entry e) {
        write.accept(PREFIX + query, e.encode());
    }
}
