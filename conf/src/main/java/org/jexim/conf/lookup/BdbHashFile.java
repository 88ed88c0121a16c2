package org.jexim.conf.lookup;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A read-only reader of Berkeley DB hash databases (format version 8-10, as Debian's Exim and
 * exim_dbmbuild write them with DB 5.3): meta page, buckets, overflow items. Duplicates and
 * encryption are not supported.
 */
final class BdbHashFile {
    private static final int HASH_MAGIC = 0x061561;
    private static final int PAGE_HEADER = 26;
    private static final int H_KEYDATA = 1;
    private static final int H_OFFPAGE = 3;

    private final ByteBuffer buf;
    private final int pageSize;
    private final int maxBucket;
    private final int highMask;
    private final int lowMask;
    private final int[] spares = new int[32];

    private BdbHashFile(ByteBuffer buf) {
        this.buf = buf;
        this.pageSize = buf.getInt(20);
        this.maxBucket = buf.getInt(72);
        this.highMask = buf.getInt(76);
        this.lowMask = buf.getInt(80);
        for (int i = 0; i < 32; i++) {
            spares[i] = buf.getInt(96 + 4 * i);
        }
    }

    static BdbHashFile open(String file) throws LookupException {
        Path p = Path.of("/").resolve(file);
        if (Files.isDirectory(p)) {
            throw LookupException.open(file + " is not a regular file (dbm lookup)");
        }
        byte[] bytes;
        try {
            bytes = FileBytes.read(p);
        } catch (IOException e) {
            throw LookupException.open(Errors.openFailed(file + " as a db (v4.1+) file", e));
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 512) {
            throw LookupException.open("failed to open " + file + " as a db (v4.1+) file: Invalid argument");
        }
        if (b.getInt(12) != HASH_MAGIC) {
            b.order(ByteOrder.BIG_ENDIAN);
            if (b.getInt(12) != HASH_MAGIC) {
                throw LookupException.open("failed to open " + file + " as a db (v4.1+) file: Invalid argument");
            }
        }
        if ((bytes[24] & 0xff) != 0) {
            throw LookupException.open("failed to open " + file + " as a db (v4.1+) file: encrypted databases are not supported");
        }
        return new BdbHashFile(b);
    }

    /** DB's default hash (__ham_func5, FNV-1 without offset basis). */
    static int hash(byte[] k) {
        int h = 0;
        for (byte c : k) {
            h *= 16777619;
            h ^= c & 0xff;
        }
        return h;
    }

    private static int log2(int num) {
        int i = 0;
        long limit = 1;
        while (limit < (num & 0xffffffffL)) {
            limit <<= 1;
            i++;
        }
        return i;
    }

    private int u16(int off) {
        return buf.getShort(off) & 0xffff;
    }

    /** The value stored under {@code key} (Latin-1 bytes), or null. */
    String get(String key) throws LookupException {
        byte[] k = key.getBytes(StandardCharsets.ISO_8859_1);
        int bucket = hash(k) & highMask;
        if (Integer.compareUnsigned(bucket, maxBucket) > 0) {
            bucket &= lowMask;
        }
        long pgno = (bucket & 0xffffffffL) + (spares[log2(bucket + 1)] & 0xffffffffL);
        int guard = 0;
        while (pgno != 0 && guard++ < 100000) {
            int base = (int) (pgno * pageSize);
            if (base + pageSize > buf.capacity()) {
                throw LookupException.defer("dbm: corrupt database (page " + pgno + " beyond end of file)");
            }
            int entries = u16(base + 20);
            for (int i = 0; i + 1 < entries; i += 2) {
                int keyOff = u16(base + PAGE_HEADER + 2 * i);
                int keyEnd = i == 0 ? pageSize : u16(base + PAGE_HEADER + 2 * (i - 1));
                byte[] itemKey = item(base, keyOff, keyEnd);
                if (itemKey != null && Arrays.equals(itemKey, k)) {
                    int dataOff = u16(base + PAGE_HEADER + 2 * (i + 1));
                    byte[] data = item(base, dataOff, keyOff);
                    return data == null ? null : new String(data, StandardCharsets.ISO_8859_1);
                }
            }
            pgno = buf.getInt(base + 16) & 0xffffffffL;
        }
        return null;
    }

    /** One hash item: inline data or an overflow chain. */
    private byte[] item(int base, int off, int end) {
        int type = buf.get(base + off) & 0xff;
        if (type == H_KEYDATA) {
            byte[] b = new byte[end - off - 1];
            buf.get(base + off + 1, b);
            return b;
        }
        if (type == H_OFFPAGE) {
            long pg = buf.getInt(base + off + 4) & 0xffffffffL;
            int total = buf.getInt(base + off + 8);
            byte[] b = new byte[total];
            int got = 0;
            int guard = 0;
            while (pg != 0 && got < total && guard++ < 100000) {
                int pb = (int) (pg * pageSize);
                int len = u16(pb + 22);
                len = Math.min(len, total - got);
                buf.get(pb + PAGE_HEADER, b, got, len);
                got += len;
                pg = buf.getInt(pb + 16) & 0xffffffffL;
            }
            return b;
        }
        return null;
    }
}
