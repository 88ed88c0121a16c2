package org.jexim.queue;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.apache.james.server.core.MimeMessageWrapper;

/**
 * The files of Exim's spool: {@code input/ID-D} (first line {@code ID-D}, then the body with LF
 * line ends) and {@code input/ID-H}, plus {@code msglog/ID}. A message exists once its -H file
 * does; every write is fsync'd, with directory fsyncs shared between concurrent writers.
 */
public final class SpoolDirectory {
    /** Threads that fsync -D files while their -H files are being written. */
    private static final ExecutorService SYNCERS = Executors.newCachedThreadPool(runnable -> {
        Thread t = new Thread(runnable, "spool-fsync");
        t.setDaemon(true);
        return t;
    });
    /** Off only to measure what the overlap gains: -Djexim.spool.serialDataSync=true. */
    private static final boolean PARALLEL_DATA_SYNC = !Boolean.getBoolean("jexim.spool.serialDataSync");
    private final Path root;
    private final Path input;
    private final Path msglog;
    private final DirectorySync inputSync;
    private final boolean fsync;

    public SpoolDirectory(Path root, boolean fsync) throws IOException {
        this.root = root;
        this.input = root.resolve("input");
        this.msglog = root.resolve("msglog");
        this.fsync = fsync;
        Files.createDirectories(input);
        Files.createDirectories(msglog);
        this.inputSync = new DirectorySync(input);
    }

    public Path root() {
        return root;
    }

    public Path dataFile(String id) {
        return input.resolve(id + "-D");
    }

    public Path headerFile(String id) {
        return input.resolve(id + "-H");
    }

    /** Exim's journal of addresses delivered since the -H file was last written. */
    public Path journalFile(String id) {
        return input.resolve(id + "-J");
    }

    public Path messageLog(String id) {
        return msglog.resolve(id);
    }

    /**
     * Result of writing a -D file: the headers that go to the -H file, the body's counts, and the
     * fsync of the data, which runs while the -H file is written (two fsyncs in flight share a
     * journal commit).
     */
    record Data(List<HeaderLine> headers, SpoolMailCodec.BodyStats body, CompletableFuture<Void> synced) {
        void awaitSynced() throws IOException {
            try {
                synced.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            }
        }
    }

    /**
     * Writes the -D file of a new message. Fails with {@link java.nio.file.FileAlreadyExistsException}
     * when the id is taken, as Exim's O_EXCL open does.
     */
    Data writeNewData(String id, MimeMessage message) throws IOException, MessagingException {
        return writeData(id, dataFile(id), message, StandardOpenOption.CREATE_NEW);
    }

    /** Replaces the -D file of an existing message (its body was changed by a mailet). */
    Data replaceData(String id, MimeMessage message) throws IOException, MessagingException {
        Path temp = input.resolve("tmp." + id + "-D");
        Data data = writeData(id, temp, message, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
        data.awaitSynced();
        Files.move(temp, dataFile(id), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return data;
    }

    private Data writeData(String id, Path file, MimeMessage message, StandardOpenOption... create)
        throws IOException, MessagingException {
        List<StandardOpenOption> options = new ArrayList<>(List.of(create));
        options.add(StandardOpenOption.WRITE);
        FileChannel channel = FileChannel.open(file, options.toArray(new StandardOpenOption[0]));
        try {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 16384);
            out.write((id + "-D\n").getBytes(StandardCharsets.US_ASCII));
            MessageSplitter splitter = new MessageSplitter(out);
            writeRaw(message, splitter);
            splitter.finish();
            out.flush();
            CompletableFuture<Void> synced = fsync && PARALLEL_DATA_SYNC
                ? CompletableFuture.runAsync(() -> forceAndClose(channel), SYNCERS)
                : CompletableFuture.runAsync(() -> forceAndClose(channel), Runnable::run);
            return new Data(splitter.headers(), new SpoolMailCodec.BodyStats(splitter.bodyLineCount(), splitter.bodyNewlines()), synced);
        } catch (IOException | MessagingException | RuntimeException e) {
            channel.close();
            if (!create[0].equals(StandardOpenOption.CREATE_NEW) || !(e instanceof java.nio.file.FileAlreadyExistsException)) {
                Files.deleteIfExists(file);
            }
            throw e;
        }
    }

    private void forceAndClose(FileChannel channel) {
        try (channel) {
            if (fsync) {
                channel.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The message's bytes as received where James still has them: MimeMessageWrapper.writeTo
     * re-encodes header lines as US-ASCII, which would turn 8-bit header bytes into '?'.
     */
    private static void writeRaw(MimeMessage message, OutputStream out) throws IOException, MessagingException {
        if (message instanceof MimeMessageWrapper wrapper) {
            try (InputStream in = wrapper.getMessageInputStream()) {
                in.transferTo(out);
            }
        } else {
            message.writeTo(out);
        }
    }

    /**
     * Writes the -H file through a temporary file and a rename, then makes the rename (and the
     * -D file's directory entry) durable: when this returns, the message is on disk.
     */
    void commitHeader(SpoolHeader header) throws IOException {
        commitHeader(header, null);
    }

    /** As above, once the given -D file's fsync is done too. */
    void commitHeader(SpoolHeader header, Data data) throws IOException {
        Path temp = input.resolve("hdr." + header.id());
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 8192);
            SpoolHeaderFormat.write(header, out);
            out.flush();
            if (fsync) {
                channel.force(false);
            }
        }
        if (data != null) {
            data.awaitSynced();
        }
        Files.move(temp, headerFile(header.id()), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        if (fsync) {
            inputSync.sync();
        }
    }

    SpoolHeader readHeader(String id) throws IOException {
        return SpoolHeaderFormat.read(Files.readAllBytes(headerFile(id)));
    }

    /** Removes a message: the -H file first, so that a crash leaves at most a harmless -D. */
    void delete(String id) throws IOException {
        Files.deleteIfExists(headerFile(id));
        Files.deleteIfExists(dataFile(id));
        Files.deleteIfExists(journalFile(id));
        Files.deleteIfExists(messageLog(id));
        if (fsync) {
            inputSync.sync();
        }
    }

    /**
     * Appends a delivered address to the -J file and fsyncs it (and the directory, when the file is
     * new), so that a crash before the -H file is updated cannot cause a second delivery.
     */
    void appendJournal(String id, String address) throws IOException {
        Path journal = journalFile(id);
        boolean created = !Files.exists(journal);
        try (FileChannel channel = FileChannel.open(journal, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.APPEND)) {
            channel.write(java.nio.ByteBuffer.wrap((address + "\n").getBytes(StandardCharsets.UTF_8)));
            if (fsync) {
                channel.force(false);
            }
        }
        if (created && fsync) {
            inputSync.sync();
        }
    }

    /** The addresses in the -J file; none when there is no such file. */
    List<String> readJournal(String id) throws IOException {
        try {
            return Files.readAllLines(journalFile(id), StandardCharsets.UTF_8).stream().filter(l -> !l.isEmpty()).toList();
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }

    void deleteJournal(String id) throws IOException {
        Files.deleteIfExists(journalFile(id));
    }

    /** Removes a -D file whose -H file was never written. */
    void deleteData(String id) throws IOException {
        Files.deleteIfExists(dataFile(id));
    }

    /**
     * Deletes temporary files a crash left behind (hdr.ID and tmp.ID-D) once they are older than
     * {@code age}, so as not to touch those another jexim process is writing right now.
     */
    void tidyTemporaries(java.time.Duration age) throws IOException {
        java.time.Instant limit = java.time.Instant.now().minus(age);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(input, "{hdr.*,tmp.*}")) {
            for (Path f : files) {
                try {
                    if (Files.getLastModifiedTime(f).toInstant().isBefore(limit)) {
                        Files.deleteIfExists(f);
                    }
                } catch (NoSuchFileException ignored) {
                    // its writer renamed or removed it meanwhile
                }
            }
        }
    }

    /** The ids of the messages on the spool: those with a -H file. */
    public List<String> messageIds() throws IOException {
        List<String> ids = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(input, "*-H")) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                String id = name.substring(0, name.length() - 2);
                if (EximMessageId.isValid(id)) {
                    ids.add(id);
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        }
        return ids;
    }
}
