package org.jexim.mime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The MIME ACL's {@code decode} condition (Exim's mime_decode): writes the current part's
 * decoded body to a file and sets {@code $mime_decoded_filename} and
 * {@code $mime_content_size} (kilobytes, rounded up). The expanded value is "0"/"false" (no
 * decoding: false), "default" (SPOOL/scan/ID/ID-NNNNN), an absolute directory (sequential
 * names in it), an absolute file name, or a file name in the default directory.
 */
public final class MimeDecoder {
    private final Path scanDirectory;
    private final String messageId;
    private int sequence;

    /** {@code scanDirectory}: SPOOL/scan/MESSAGE_ID, made when first needed. */
    public MimeDecoder(Path scanDirectory, String messageId) {
        this.scanDirectory = scanDirectory;
        this.messageId = messageId;
    }

    /** Decodes {@code part} as {@code spec} says; the variables go into {@code vars}. False when nothing was decoded. */
    public boolean decode(MimePart part, String spec, Map<String, String> vars) throws IOException {
        String s = spec.strip();
        if (s.isEmpty() || s.equals("0") || s.equalsIgnoreCase("false")) {
            return false;
        }
        Path target;
        if (s.equalsIgnoreCase("default")) {
            target = next(scanDirectory);
        } else if (s.startsWith("/")) {
            Path p = Path.of(s);
            target = Files.isDirectory(p) ? next(p) : p;
        } else {
            Files.createDirectories(scanDirectory);
            target = scanDirectory.resolve(s);
        }
        Files.write(target, part.decodedBody());
        long size = part.decodedBody().length;
        vars.put("mime_decoded_filename", target.toString());
        vars.put("mime_content_size", Long.toString((size + 1023) / 1024));
        MimeAnomaly.detect(part.variable("mime_content_transfer_encoding"), part.rawBody(), vars);
        return true;
    }

    /** The next free sequential name ID-NNNNN in dir. */
    private Path next(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path p;
        do {
            p = dir.resolve(String.format("%s-%05d", messageId, sequence++));
        } while (Files.exists(p));
        return p;
    }
}
