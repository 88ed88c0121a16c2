package org.jexim.retry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Exim's retry database: host hints ("T:host:ip[:port]", when a host could not be reached),
 * and address records ("R:domain", "R:local@domain[:&lt;sender&gt;]" for routing and RCPT
 * deferrals, "T:local@domain" for local transports, see {@link RetryKeys}): the time of the first
 * failure, the last try and the next try, so that later deliveries skip them until then. Kept in one text file on the spool
 * ({@code db/jexim-retry}), one record a line, rewritten atomically; absent means "no hints".
 */
public final class HostRetryHints {
    /** One record: Exim's key, its error number and text, first failure, last and next try. */
    public record Hint(String key, int errno, String message, Instant firstFailed, Instant lastTry, Instant nextTry) {
    }

    private static final java.util.concurrent.ConcurrentMap<Path, HostRetryHints> SHARED =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final Path file;

    public HostRetryHints(Path file) {
        this.file = file;
    }

    /**
     * The one instance for that file in this JVM: its updates (read, change, rewrite) are made
     * under one monitor, so concurrent deliveries do not lose each other's records.
     */
    public static HostRetryHints at(Path file) {
        return SHARED.computeIfAbsent(file.toAbsolutePath().normalize(), HostRetryHints::new);
    }

    /** The directory holding the hints file; empty when hints are not kept. */
    public Optional<Path> directory() {
        return Optional.ofNullable(file).map(Path::getParent);
    }

    /** Exim's key for a host: {@code T:name:ip}, with {@code :port} when the port is not 25. */
    public static String key(String name, String ip, int port) {
        return "T:" + name + ":" + ip + (port == 25 ? "" : ":" + port);
    }

    public synchronized Optional<Hint> get(String key) {
        return Optional.ofNullable(read().get(key));
    }

    public synchronized void put(Hint hint) {
        Map<String, Hint> all = read();
        all.put(hint.key(), hint);
        write(all);
    }

    public synchronized void remove(String key) {
        Map<String, Hint> all = read();
        if (all.remove(key) != null) {
            write(all);
        }
    }

    /** Removes the records under these keys (one rewrite, none when there was none). */
    public synchronized void removeAll(java.util.Collection<String> keys) {
        Map<String, Hint> all = read();
        if (all.keySet().removeAll(keys)) {
            write(all);
        }
    }

    public synchronized List<Hint> all() {
        return new ArrayList<>(read().values());
    }

    /** The records as last read or written, and the file's modification time then: a delivery reads a stat only. */
    private Map<String, Hint> cache = Map.of();
    private java.nio.file.attribute.FileTime cachedAt;

    private Map<String, Hint> read() {
        Map<String, Hint> all = new LinkedHashMap<>();
        if (file == null || !Files.exists(file)) {
            return all;
        }
        try {
            java.nio.file.attribute.FileTime modified = Files.getLastModifiedTime(file);
            if (modified.equals(cachedAt)) {
                return new LinkedHashMap<>(cache);
            }
            cachedAt = modified;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split(" ", 6);
                if (f.length == 6) {
                    all.put(f[0], new Hint(f[0], Integer.parseInt(f[1]), f[5], Instant.ofEpochSecond(Long.parseLong(f[2])),
                            Instant.ofEpochSecond(Long.parseLong(f[3])), Instant.ofEpochSecond(Long.parseLong(f[4]))));
                }
            }
            cache = new LinkedHashMap<>(all);
        } catch (IOException | RuntimeException e) {
            // hints are only hints: an unreadable file is an empty one, as Exim treats a broken db
            cachedAt = null;
        }
        return all;
    }

    private void write(Map<String, Hint> all) {
        if (file == null) {
            return;
        }
        StringBuilder b = new StringBuilder();
        for (Hint h : all.values()) {
            b.append(h.key()).append(' ').append(h.errno()).append(' ').append(h.firstFailed().getEpochSecond()).append(' ')
                    .append(h.lastTry().getEpochSecond()).append(' ').append(h.nextTry().getEpochSecond()).append(' ')
                    .append(h.message().replace('\n', ' ')).append('\n');
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, b, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            cache = new LinkedHashMap<>(all);
            cachedAt = Files.getLastModifiedTime(file);
        } catch (IOException e) {
            // as Exim: failing to write a hint only means trying the host sooner
            cachedAt = null;
        }
    }
}
