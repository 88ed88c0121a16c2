package org.jexim.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * appendfile's {@code mbx_format} as Exim 4.96 writes it (copy_mbx_message): a new mailbox gets
 * the 2048-byte "*mbx*" header block; each message is written first to a temporary file (its
 * size goes in the separator line), then appended after
 * "DD-Mon-YYYY HH:MM:SS +ZZZZ,SIZE;000000000000-00000000" and CRLF.
 */
final class MbxFormat {
    private static final int HEADER_SIZE = 2048;
    private static final int USER_FLAGS = 30;
    private static final DateTimeFormatter TOD_MBX = DateTimeFormatter.ofPattern("dd-MMM-yyyy HH:mm:ss xx", Locale.ROOT);

    /** Writes a message to a file channel, returning the bytes written. */
    @FunctionalInterface
    interface Writer {
        long write(FileChannel out) throws IOException;
    }

    private MbxFormat() {
    }

    /** Appends one message to the mailbox, which held {@code before} bytes; the bytes appended. */
    static long append(FileChannel mailbox, long before, ZonedDateTime now, Writer message) throws IOException {
        Path temp = Files.createTempFile("jexim-mbx", null);
        try (FileChannel t = FileChannel.open(temp, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = message.write(t);
            long written = 0;
            if (before == 0) {
                written += writeAll(mailbox, header(now));
            }
            written += writeAll(mailbox, (TOD_MBX.format(now) + "," + size + ";000000000000-00000000\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            long copied = 0;
            while (copied < size) {
                copied += t.transferTo(copied, size - copied, mailbox);
            }
            return written + copied;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The header block of a new MBX mailbox: "*mbx*", the UID validity (the time) and last UID, empty user flags. */
    static byte[] header(ZonedDateTime now) {
        StringBuilder h = new StringBuilder("*mbx*\r\n").append(String.format(Locale.ROOT, "%08x", now.toEpochSecond()))
                .append("00000000\r\n");
        h.append("\r\n".repeat(USER_FLAGS));
        byte[] out = new byte[HEADER_SIZE];
        byte[] text = h.toString().getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, out, 0, text.length);
        return out;
    }

    private static long writeAll(FileChannel ch, byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
            ch.write(b);
        }
        return bytes.length;
    }
}
