package org.jexim.greylist;

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
import java.util.OptionalLong;

/**
 * A hints database as Exim keeps them in SPOOL/db/NAME: keys with the time they were last
 * written (seconds since the epoch). Readers and writers of all jexim processes take the lock
 * file NAME.lockfile, as Exim does; a write replaces the file atomically. Meant for the small
 * databases of greylisting ({@code seen}), not for millions of keys.
 */
public final class HintsFile {
    private final Path file;
    private final Path lock;

    /** The database NAME under {@code spoolDirectory}/db. */
    public HintsFile(Path spoolDirectory, String name) {
        Path db = spoolDirectory.resolve("db");
        this.file = db.resolve(name);
        this.lock = db.resolve(name + ".lockfile");
    }

    /** A change to one key made under the lock: given the stored time (if any), the new time to store, or empty to leave it. */
    @FunctionalInterface
    public interface Update {
        OptionalLong apply(OptionalLong stored);
    }

    /** Reads the key and, under the same lock, stores what {@code update} answers; returns the stored time read. */
    public OptionalLong update(String key, Update update) throws IOException {
        Files.createDirectories(file.getParent());
        try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = ch.lock()) {
            Map<String, Long> all = read();
            OptionalLong stored = all.containsKey(key) ? OptionalLong.of(all.get(key)) : OptionalLong.empty();
            OptionalLong next = update.apply(stored);
            if (next.isPresent()) {
                all.put(key, next.getAsLong());
                write(all);
            }
            return stored;
        }
    }

    private Map<String, Long> read() throws IOException {
        Map<String, Long> out = new LinkedHashMap<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int tab = line.lastIndexOf('\t');
                if (tab > 0) {
                    out.put(line.substring(0, tab), Long.parseLong(line.substring(tab + 1)));
                }
            }
        }
        return out;
    }

    private void write(Map<String, Long> all) throws IOException {
        StringBuilder sb = new StringBuilder();
        all.forEach((k, v) -> sb.append(k.replace('\n', ' ').replace('\t', ' ')).append('\t').append(v).append('\n'));
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, sb, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
