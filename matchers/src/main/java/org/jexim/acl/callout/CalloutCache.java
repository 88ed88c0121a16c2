package org.jexim.acl.callout;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Exim's callout hints database, SPOOL/db/callout: domain records (whether the domain's servers
 * accepted the connection and MAIL FROM, the postmaster check and the random local part, each
 * with its time) and address records (whether RCPT was accepted), read with Exim's expiry
 * rules (get_callout_cache_record) and locked with callout.lockfile as Exim locks its hints.
 */
public final class CalloutCache {
    /** Exim's ccache_* values. */
    public static final int UNKNOWN = 0;
    public static final int ACCEPT = 1;
    public static final int REJECT = 2;
    public static final int REJECT_MFNULL = 3;

    private final Path file;
    private final Path lock;

    /** The database under {@code spoolDirectory}/db; null gives a cache that is never available. */
    public CalloutCache(Path spoolDirectory) {
        this.file = spoolDirectory == null ? null : spoolDirectory.resolve("db").resolve("callout");
        this.lock = file == null ? null : file.resolveSibling("callout.lockfile");
    }

    /** One record: for an address only {@code result} and {@code stamp} count; times in seconds. */
    public record Entry(int result, long stamp, int postmaster, long postmasterStamp, int random, long randomStamp) {
        static Entry address(int result, long stamp) {
            return new Entry(result, stamp, UNKNOWN, 0, UNKNOWN, 0);
        }
    }

    /** The four expiry times of the main options callout_domain_positive_expire etc., in seconds. */
    public record Expiry(long domainPositive, long domainNegative, long positive, long negative) {
        public static final Expiry DEFAULT = new Expiry(7 * 86400, 3 * 3600, 86400, 2 * 3600);
    }

    /** The unexpired domain record, its postmaster and random parts forgotten when they are older than the expiry. */
    Entry domain(String domain, Expiry expiry, long now) throws IOException {
        Entry e = read(domain);
        if (e == null) {
            return null;
        }
        boolean negative = e.result() != ACCEPT || e.postmaster() == REJECT;
        long expire = negative ? expiry.domainNegative() : expiry.domainPositive();
        if (now - e.stamp() > expire) {
            return null;
        }
        if (e.result() != REJECT) {
            int pm = now - e.postmasterStamp() > expire ? UNKNOWN : e.postmaster();
            int random = now - e.randomStamp() > expire ? UNKNOWN : e.random();
            e = new Entry(e.result(), e.stamp(), pm, e.postmasterStamp(), random, e.randomStamp());
        }
        return e;
    }

    /** The unexpired address record's result, or null. */
    Integer address(String key, Expiry expiry, long now) throws IOException {
        Entry e = read(key);
        if (e == null) {
            return null;
        }
        long expire = e.result() != ACCEPT ? expiry.negative() : expiry.positive();
        return now - e.stamp() > expire ? null : e.result();
    }

    /** Stores the records that are not null. */
    void write(String domain, Entry domainRecord, String addressKey, Entry addressRecord) throws IOException {
        if (file == null || domainRecord == null && addressRecord == null) {
            return;
        }
        Files.createDirectories(file.getParent());
        try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = ch.lock()) {
            Map<String, Entry> all = readAll();
            if (domainRecord != null) {
                all.put(domain, domainRecord);
            }
            if (addressRecord != null) {
                all.put(addressKey, addressRecord);
            }
            StringBuilder sb = new StringBuilder();
            all.forEach((k, e) -> sb.append(k.replace('\n', ' ').replace('\t', ' ')).append('\t').append(e.result())
                    .append('\t').append(e.stamp()).append('\t').append(e.postmaster()).append('\t')
                    .append(e.postmasterStamp()).append('\t').append(e.random()).append('\t').append(e.randomStamp())
                    .append('\n'));
            Path tmp = file.resolveSibling("callout.tmp");
            Files.writeString(tmp, sb, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private Entry read(String key) throws IOException {
        if (file == null) {
            return null;
        }
        Files.createDirectories(file.getParent());
        try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = ch.lock()) {
            return readAll().get(key);
        }
    }

    private Map<String, Entry> readAll() throws IOException {
        Map<String, Entry> out = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return out;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            if (f.length == 7) {
                try {
                    out.put(f[0], new Entry(Integer.parseInt(f[1]), Long.parseLong(f[2]), Integer.parseInt(f[3]),
                            Long.parseLong(f[4]), Integer.parseInt(f[5]), Long.parseLong(f[6])));
                } catch (NumberFormatException e) {
                    // a damaged record is forgotten, as Exim treats a bad hints record
                }
            }
        }
        return out;
    }
}
