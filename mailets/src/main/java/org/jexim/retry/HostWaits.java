package org.jexim.retry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Exim's wait-TRANSPORT hints: for each host, the messages whose delivery there was deferred
 * (host unreachable or not due), so that a connection that delivered a message to the host can
 * carry them next (connection_max_messages). Kept in one text file on the spool, a line
 * {@code host id id ...}; without a file (tests, -bt) only in memory.
 */
public final class HostWaits {
    private static final ConcurrentMap<Path, HostWaits> SHARED = new ConcurrentHashMap<>();
    private final Path file;

    private HostWaits(Path file) {
        this.file = file;
    }

    /** The one instance for that file in this JVM; a new in-memory one for null. */
    public static HostWaits at(Path file) {
        return file == null ? new HostWaits(null) : SHARED.computeIfAbsent(file.toAbsolutePath().normalize(), HostWaits::new);
    }

    private final Map<String, Set<String>> memory = new LinkedHashMap<>();

    public synchronized void add(String host, String id) {
        Map<String, Set<String>> all = read();
        if (all.computeIfAbsent(host, h -> new LinkedHashSet<>()).add(id)) {
            write(all);
        }
    }

    public synchronized void remove(String host, String id) {
        Map<String, Set<String>> all = read();
        Set<String> ids = all.get(host);
        if (ids != null && ids.remove(id)) {
            if (ids.isEmpty()) {
                all.remove(host);
            }
            write(all);
        }
    }

    /** Whether message {@code id} waits for {@code host}. */
    public synchronized boolean waiting(String host, String id) {
        return read().getOrDefault(host, Set.of()).contains(id);
    }

    /** Whether a message other than {@code id} waits for {@code host}. */
    public synchronized boolean othersWaiting(String host, String id) {
        return read().getOrDefault(host, Set.of()).stream().anyMatch(other -> !other.equals(id));
    }

    /** The messages other than {@code id} that wait for {@code host}. */
    public synchronized Set<String> others(String host, String id) {
        Set<String> ids = new LinkedHashSet<>(read().getOrDefault(host, Set.of()));
        ids.remove(id);
        return ids;
    }

    private Map<String, Set<String>> read() {
        if (file == null) {
            return memory;
        }
        Map<String, Set<String>> all = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return all;
        }
        try {
            java.nio.file.attribute.FileTime modified = Files.getLastModifiedTime(file);
            if (modified.equals(cachedAt)) {
                return copy(cache);
            }
            cachedAt = modified;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split(" ");
                if (f.length > 1) {
                    all.put(f[0], new LinkedHashSet<>(java.util.List.of(f).subList(1, f.length)));
                }
            }
            cache = copy(all);
        } catch (IOException | RuntimeException e) {
            // hints only: an unreadable file means no message waits
            cachedAt = null;
        }
        return all;
    }

    /** The hints as last read or written, and the file's modification time then: a delivery reads a stat only. */
    private Map<String, Set<String>> cache = Map.of();
    private java.nio.file.attribute.FileTime cachedAt;

    private static Map<String, Set<String>> copy(Map<String, Set<String>> all) {
        Map<String, Set<String>> c = new LinkedHashMap<>();
        all.forEach((host, ids) -> c.put(host, new LinkedHashSet<>(ids)));
        return c;
    }

    private void write(Map<String, Set<String>> all) {
        if (file == null) {
            return;
        }
        StringBuilder b = new StringBuilder();
        all.forEach((host, ids) -> b.append(host).append(' ').append(String.join(" ", ids)).append('\n'));
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, b, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            cache = copy(all);
            cachedAt = Files.getLastModifiedTime(file);
        } catch (IOException e) {
            // as Exim: a lost hint only means a message gets a connection of its own
            cachedAt = null;
        }
    }
}
