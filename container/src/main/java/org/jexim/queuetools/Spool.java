package org.jexim.queuetools;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jexim.queue.EximMessageId;
import org.jexim.queue.SpoolDataLock;

/**
 * The files of one spool_directory as the queue tools see them: input/ID-H, input/ID-D and
 * msglog/ID, or under the one-character subdirectory input/X/ that split_spool_directory uses
 * (X is the sixth character of the id); both places are searched, as Exim searches them.
 */
public final class Spool {
    private final Path root;

    public Spool(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** The message's file in {@code dir} (input or msglog) with this suffix, split or not; the unsplit path if neither exists. */
    public Path file(String dir, String id, String suffix) {
        Path flat = root.resolve(dir).resolve(id + suffix);
        if (Files.exists(flat) || id.length() < 6) {
            return flat;
        }
        Path split = root.resolve(dir).resolve(id.substring(5, 6)).resolve(id + suffix);
        return Files.exists(split) ? split : flat;
    }

    public Path headerFile(String id) {
        return file("input", id, "-H");
    }

    public Path dataFile(String id) {
        return file("input", id, "-D");
    }

    public Path messageLog(String id) {
        return file("msglog", id, "");
    }

    /** The ids of all messages (those with a -H file), sorted as Exim's -bp sorts them, or in directory order. */
    public List<String> messageIds(boolean sorted) throws IOException {
        List<String> ids = new ArrayList<>();
        collect(root.resolve("input"), ids, true);
        if (sorted) {
            ids.sort(Comparator.naturalOrder());
        }
        return ids;
    }

    /** File names as strings (java.io's list makes no Path per entry: a spool may hold 100 000). */
    private static void collect(Path dir, List<String> ids, boolean top) throws IOException {
        String[] names = dir.toFile().list();
        if (names == null) {
            return; // no input directory: an empty queue
        }
        for (String name : names) {
            if (name.length() == 18 && name.endsWith("-H") && EximMessageId.isValid(name.substring(0, 16))) {
                ids.add(name.substring(0, 16));
            } else if (top && name.length() == 1 && Files.isDirectory(dir.resolve(name))) {
                collect(dir.resolve(name), ids, false);
            }
        }
    }

    public HeaderFile read(String id) throws IOException {
        return HeaderFile.parse(Files.readAllBytes(headerFile(id)));
    }

    /**
     * Replaces the -H file as Exim does: written to hdr.ID beside it, fsync'd, renamed over the
     * old one, and the directory fsync'd.
     */
    public void write(HeaderFile header) throws IOException {
        Path target = headerFile(header.id());
        Path temp = target.resolveSibling("hdr." + header.id());
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(java.nio.ByteBuffer.wrap(header.toBytes()));
            channel.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel dir = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // some file systems cannot sync a directory; Exim ignores that too
        }
    }

    /** Exim's lock on the message; empty when another process holds it. */
    public Optional<SpoolDataLock> lock(String id) throws IOException {
        return SpoolDataLock.tryLock(dataFile(id));
    }
}
