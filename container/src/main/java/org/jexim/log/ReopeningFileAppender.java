package org.jexim.log;

import java.io.IOException;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Function;

import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/**
 * A log4j2 appender that appends to one of Exim's log files as Exim does: before each line it
 * checks the file's name, and if the file was moved away (rotation) or removed, or the datestamp
 * changed, it opens the file afresh, creating it with mode 0640.
 */
public final class ReopeningFileAppender extends AbstractAppender {
    private final Function<LocalDate, Path> fileForDay;
    private FileChannel channel;
    private Path openPath;
    private Object openKey;

    public ReopeningFileAppender(String name, Layout<? extends Serializable> layout, Function<LocalDate, Path> fileForDay) {
        super(name, null, layout, true, Property.EMPTY_ARRAY);
        this.fileForDay = fileForDay;
    }

    @Override
    public synchronized void append(LogEvent event) {
        byte[] bytes = getLayout().toByteArray(event);
        LocalDate day = LocalDate.ofInstant(java.time.Instant.ofEpochMilli(event.getTimeMillis()), ZoneId.systemDefault());
        try {
            ensureOpen(fileForDay.apply(day));
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (IOException e) {
            error("cannot write " + openPath + ": " + e.getMessage(), event, e);
        }
    }

    private void ensureOpen(Path path) throws IOException {
        if (channel != null && path.equals(openPath) && Objects.equals(currentKey(path), openKey)) {
            return;
        }
        closeChannel();
        Files.createDirectories(path.toAbsolutePath().getParent());
        if (!Files.exists(path)) {
            try {
                Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r-----")));
            } catch (java.nio.file.FileAlreadyExistsException ignored) {
                // another process created it first
            } catch (UnsupportedOperationException e) {
                Files.createFile(path);
            }
        }
        channel = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        openPath = path;
        openKey = currentKey(path);
    }

    private static Object currentKey(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    private void closeChannel() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the file is being abandoned anyway
            }
            channel = null;
        }
    }

    @Override
    public synchronized void stop() {
        closeChannel();
        super.stop();
    }
}
