package org.jexim.acl.ratelimit;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The ratelimit hints database as a file, SPOOL/db/ratelimit (one line per key: key, time in
 * microseconds, rate, Bloom epoch, Bloom filter in hex), locked with ratelimit.lockfile as
 * Exim locks its hints, and replaced atomically, so it survives restarts and is shared by the
 * daemon and -bh.
 */
public final class RateFile implements RateStore {
    private final Path file;
    private final Path lock;

    public RateFile(Path spoolDirectory) {
        Path db = spoolDirectory.resolve("db");
        this.file = db.resolve("ratelimit");
        this.lock = db.resolve("ratelimit.lockfile");
    }

    @Override
    public void update(String key, UnaryOperator<RateRecord> update) throws IOException {
        Files.createDirectories(file.getParent());
        try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = ch.lock()) {
            Map<String, RateRecord> all = read();
            RateRecord next = update.apply(all.get(key));
            if (next != null) {
                all.put(key, next);
                write(all);
            }
        }
    }

    private Map<String, RateRecord> read() throws IOException {
        Map<String, RateRecord> out = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return out;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            if (f.length == 5) {
                try {
                    out.put(f[0], new RateRecord(Long.parseLong(f[1]), Double.parseDouble(f[2]), Long.parseLong(f[3]),
                            f[4].equals("-") ? null : HexFormat.of().parseHex(f[4])));
                } catch (IllegalArgumentException e) {
                    // a damaged line is forgotten, as Exim treats a bad hints record
                }
            }
        }
        return out;
    }

    private void write(Map<String, RateRecord> all) throws IOException {
        StringBuilder sb = new StringBuilder();
        all.forEach((k, r) -> sb.append(k.replace('\n', ' ').replace('\t', ' ')).append('\t').append(r.timeMicros())
                .append('\t').append(r.rate()).append('\t').append(r.bloomEpoch()).append('\t')
                .append(r.bloom() == null ? "-" : HexFormat.of().formatHex(r.bloom())).append('\n'));
        Path tmp = file.resolveSibling("ratelimit.tmp");
        Files.writeString(tmp, sb, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
