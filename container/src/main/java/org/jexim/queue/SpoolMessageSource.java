package org.jexim.queue;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.james.server.core.MimeMessageSource;

/**
 * A message read back from the spool for James: the live headers of the -H file and the -D body,
 * streamed from disk with CRLF line ends (never held whole in memory).
 */
final class SpoolMessageSource implements MimeMessageSource {
    private final String sourceId;
    private final byte[] headerSection;
    private final Path dataFile;
    private final long dataOffset;
    private final long bodyNewlines;
    private final Supplier<Optional<SpoolDataLock>> lock;

    /**
     * @param bodyNewlines the number of LFs in the body, or -1 when unknown
     * @param lock the -D lock when this process holds it: closing another descriptor of a locked
     *             file would drop the lock, so reads then go through the locked one
     */
    SpoolMessageSource(String sourceId, List<HeaderLine> headers, Path dataFile, String id, long bodyNewlines,
                       Supplier<Optional<SpoolDataLock>> lock) {
        this.lock = lock;
        this.sourceId = sourceId;
        this.headerSection = crlfHeaders(headers);
        this.dataFile = dataFile;
        this.dataOffset = id.length() + 3; // the "ID-D\n" first line
        this.bodyNewlines = bodyNewlines;
    }

    private static byte[] crlfHeaders(List<HeaderLine> headers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        for (HeaderLine h : headers) {
            if (h.deleted()) {
                continue;
            }
            for (byte c : h.text()) {
                if (c == '\n') {
                    out.write('\r');
                }
                out.write(c);
            }
        }
        out.write('\r');
        out.write('\n');
        return out.toByteArray();
    }

    @Override
    public String getSourceId() {
        return sourceId;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        Optional<SpoolDataLock> held = lock.get();
        InputStream body;
        if (held.isPresent()) {
            body = held.get().inputStream(dataOffset);
        } else {
            body = Files.newInputStream(dataFile);
            body.skipNBytes(dataOffset);
        }
        return new SequenceInputStream(new ByteArrayInputStream(headerSection),
            new LfToCrlfInputStream(new BufferedInputStream(body, 16384)));
    }

    @Override
    public long getMessageSize() throws IOException {
        if (bodyNewlines < 0) {
            return MimeMessageSource.super.getMessageSize();
        }
        Optional<SpoolDataLock> held = lock.get();
        long fileSize = held.isPresent() ? held.get().size() : Files.size(dataFile);
        return headerSection.length + (fileSize - dataOffset) + bodyNewlines;
    }
}
