package org.jexim.conf.lookup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** cdb: D. J. Bernstein's constant database. */
final class CdbLookup implements LookupType {
    private static final int HASH_TABLE = 2048;

    @Override
    public String name() {
        return "cdb";
    }

    @Override
    public Style style() {
        return Style.SINGLE_KEY;
    }

    private static long u32(byte[] b, long off) {
        int o = (int) off;
        return (b[o] & 0xffL) | (b[o + 1] & 0xffL) << 8 | (b[o + 2] & 0xffL) << 16 | (b[o + 3] & 0xffL) << 24;
    }

    /** The cdb hash (djb's h = h*33 ^ c). */
    static long hash(byte[] key) {
        long h = 5381;
        for (byte c : key) {
            h = ((h + (h << 5)) ^ (c & 0xff)) & 0xffffffffL;
        }
        return h;
    }

    @Override
    public String find(String file, String key, String opts, LookupEnv env) throws LookupException {
        Path p = Path.of("/").resolve(file);
        if (Files.isDirectory(p)) {
            throw LookupException.open(file + " is not a regular file (cdb lookup)");
        }
        byte[] db;
        try {
            db = FileBytes.read(p);
        } catch (IOException e) {
            throw LookupException.open(Errors.openFailed(file + " for cdb lookup", e));
        }
        if (db.length < HASH_TABLE) {
            throw LookupException.open("failed to open " + file + " too short for cdb lookup: No such file or directory");
        }
        byte[] k = key.getBytes(StandardCharsets.ISO_8859_1);
        long h = hash(k);
        long entry = 8 * (h & 255);
        long hashOffset = u32(db, entry);
        long hashLen = u32(db, entry + 4);
        if (hashLen == 0) {
            return null;
        }
        if (hashOffset + hashLen * 8 > db.length) {
            throw LookupException.defer("cdb: corrupt cdb file " + file + " (too short)");
        }
        long slot = (h >>> 8) % hashLen;
        for (long i = 0; i < hashLen; i++) {
            long pos = hashOffset + ((slot + i) % hashLen) * 8;
            long itemHash = u32(db, pos);
            long itemPos = u32(db, pos + 4);
            if (itemPos == 0) {
                return null;
            }
            if (itemHash != h) {
                continue;
            }
            if (itemPos + 8 > db.length) {
                throw LookupException.defer("cdb: corrupt cdb file " + file + " (too short)");
            }
            long klen = u32(db, itemPos);
            long dlen = u32(db, itemPos + 4);
            if (itemPos + 8 + klen + dlen > db.length) {
                throw LookupException.defer("cdb: corrupt cdb file " + file + " (too short)");
            }
            if (klen != k.length) {
                continue;
            }
            boolean same = true;
            for (int j = 0; j < klen; j++) {
                if (db[(int) (itemPos + 8 + j)] != k[j]) {
                    same = false;
                    break;
                }
            }
            if (same) {
                return new String(db, (int) (itemPos + 8 + klen), (int) dlen, StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }
}
