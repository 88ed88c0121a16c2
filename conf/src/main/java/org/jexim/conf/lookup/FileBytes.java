package org.jexim.conf.lookup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.ConcurrentHashMap;

/** The contents of lookup files (cdb, dbm, json), read once and again only when they change. */
final class FileBytes {
    private record Entry(long modified, long size, byte[] bytes) {
    }

    private static final ConcurrentHashMap<Path, Entry> CACHE = new ConcurrentHashMap<>();
    /** Files larger than this are read each time rather than kept in memory. */
    private static final long MAX_CACHED = 64L * 1024 * 1024;

    private FileBytes() {
    }

    static byte[] read(Path p) throws IOException {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        long m = a.lastModifiedTime().toMillis();
        Entry e = CACHE.get(p);
        if (e != null && e.modified == m && e.size == a.size()) {
            return e.bytes;
        }
        byte[] b = Files.readAllBytes(p);
        if (b.length <= MAX_CACHED) {
            if (CACHE.size() > 1000) {
                CACHE.clear();
            }
            CACHE.put(p, new Entry(m, a.size(), b));
        }
        return b;
    }
}
