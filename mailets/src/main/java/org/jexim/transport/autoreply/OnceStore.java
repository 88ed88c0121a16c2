package org.jexim.transport.autoreply;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The "once" file of the autoreply transport: when a reply last went to each To: value. Exim
 * keeps a DBM file (or with once_file_size a fixed-size circular file); jexim keeps a text file
 * of "EPOCH-SECONDS TAB ADDRESS" lines, locked while it is read and rewritten. With a size limit
 * the oldest entries go first, as in Exim's circular buffer.
 */
public final class OnceStore {
    private final Path file;
    private final long maxSize;

    public OnceStore(Path file, long maxSize) {
        this.file = file;
        this.maxSize = maxSize;
    }

    /** When a reply was last sent to {@code to}, in epoch seconds; 0 when never. */
    public long lastSent(String to) throws IOException {
        return read().getOrDefault(to, 0L);
    }

    /** Records a reply to {@code to} at {@code now}. */
    public void record(String to, long now, int mode) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = ch.lock()) {
            Map<String, Long> entries = read();
            entries.remove(to);
            entries.put(to, now);
            List<String> lines = new ArrayList<>();
            entries.forEach((k, v) -> lines.add(v + "\t" + k + "\n"));
            long size = lines.stream().mapToLong(String::length).sum();
            while (maxSize > 0 && size > maxSize && lines.size() > 1) {
                size -= lines.remove(0).length();
            }
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, String.join("", lines), StandardCharsets.ISO_8859_1);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            FileModes.apply(file, mode);
        }
    }

    private Map<String, Long> read() throws IOException {
        Map<String, Long> m = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return m;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                try {
                    m.put(line.substring(tab + 1), Long.parseLong(line.substring(0, tab)));
                } catch (NumberFormatException e) {
                    // not one of ours: ignored
                }
            }
        }
        return m;
    }
}
