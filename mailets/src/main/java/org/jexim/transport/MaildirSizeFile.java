package org.jexim.transport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * The maildir++ "maildirsize" file as Exim 4.96 keeps it with {@code maildir_use_size_file}
 * (tf_maildir.c): a first line "QUOTAS,COUNTC", then "SIZE COUNT" lines, one "SIZE 1" appended
 * per delivery. The file is rebuilt from the folders' contents when it is missing, longer than
 * 5120 bytes, unreadable, written for another quota, or says the maildir is over quota while
 * holding more than one entry or being older than 15 minutes.
 */
final class MaildirSizeFile {
    private static final int MAX_FILE_SIZE = 5120;
    private final Path file;

    private MaildirSizeFile(Path file) {
        this.file = file;
    }

    /**
     * Makes sure the maildirsize file of {@code maildir} is current and returns it with the
     * maildir's size as it records it.
     */
    static Sized ensure(Path maildir, long quota, int countQuota, long messageSize, boolean inclusive,
            Pattern dirRegex, int mode, String host, Clock clock) throws IOException {
        Path file = maildir.resolve("maildirsize");
        Sized cached = read(file, quota, countQuota, messageSize, inclusive, clock);
        if (cached != null) {
            return cached;
        }
        MailboxSize size = MailboxSize.ofMaildir(maildir, dirRegex);
        Instant now = clock.instant();
        Path tmp = maildir.resolve("tmp").resolve(now.getEpochSecond() + ".H" + now.getNano() / 1000 + "P"
                + ProcessHandle.current().pid() + "." + host);
        Files.writeString(tmp, quota + "S," + countQuota + "C\n" + size.bytes() + " " + size.files() + "\n",
                StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        Files.setPosixFilePermissions(tmp, FileOwner.permissions(mode));
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return new Sized(new MaildirSizeFile(file), size.bytes(), size.files());
    }

    /** The file's record when it may be used as it is, or null when it must be rebuilt. */
    private static Sized read(Path file, long quota, int countQuota, long messageSize, boolean inclusive, Clock clock)
            throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        }
        if (bytes.length >= MAX_FILE_SIZE) {
            return null;
        }
        String[] lines = new String(bytes, StandardCharsets.US_ASCII).split("\n", -1);
        long cachedQuota = 0;
        long cachedCount = 0;
        for (String item : lines[0].split(",", -1)) {
            if (!item.matches("-?\\d+[A-Za-z]")) {
                return null;
            }
            long n = Long.parseLong(item.substring(0, item.length() - 1));
            char kind = item.charAt(item.length() - 1);
            if (kind == 'S') {
                cachedQuota = n;
            } else if (kind == 'C') {
                cachedCount = n;
            }
        }
        if (cachedQuota != quota || cachedCount != countQuota) {
            return null;
        }
        long size = 0;
        long count = 0;
        int entries = 0;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isEmpty() && i == lines.length - 1) {
                break;
            }
            String[] parts = lines[i].split(" ");
            if (parts.length != 2 || !parts[0].matches("-?\\d+") || !parts[1].matches("-?\\d+")) {
                return null;
            }
            size += Long.parseLong(parts[0]);
            count += Long.parseLong(parts[1]);
            entries++;
        }
        if (size < 0 || count < 0) {
            return null;
        }
        if (quota > 0 && size + (inclusive ? messageSize : 0) > quota) {
            boolean old = Duration.between(Files.getLastModifiedTime(file).toInstant(), clock.instant())
                    .compareTo(Duration.ofMinutes(15)) > 0;
            if (entries > 1 || old) {
                return null;
            }
        }
        return new Sized(new MaildirSizeFile(file), size, (int) count);
    }

    /** Records one delivered message of {@code size} bytes. */
    void record(long size) throws IOException {
        Files.writeString(file, size + " 1\n", StandardCharsets.US_ASCII, StandardOpenOption.APPEND);
    }

    /** The file and the maildir's size and message count it gives. */
    record Sized(MaildirSizeFile file, long bytes, int files) {
    }
}
