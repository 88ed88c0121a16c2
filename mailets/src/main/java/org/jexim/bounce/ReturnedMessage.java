package org.jexim.bounce;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a bounce can return of the failed message, read once as the message streams by and never
 * held whole: the header in memory, the size of the rest and its longest line (for
 * bounce_return_size_limit and bounce_return_linesize_limit), and the rest itself only while the
 * bounce may still return it, in memory up to a small size and in a temporary file beyond. Lines
 * end in LF, as on Exim's spool. {@link #close} removes the file.
 */
public final class ReturnedMessage implements AutoCloseable {
    /** Past this many bytes the rest goes to a temporary file. */
    static final int IN_MEMORY = 64 * 1024;
    private final byte[] head;
    private final long restLength;
    private final int longestLine;
    private final Rest rest;

    /** The rest of the message after its header (the blank line and the body), when kept. */
    private interface Rest {
        void writeTo(OutputStream out) throws IOException;

        void discard();
    }

    private ReturnedMessage(byte[] head, long restLength, int longestLine, Rest rest) {
        this.head = head;
        this.restLength = restLength;
        this.longestLine = longestLine;
        this.rest = rest;
    }

    /** A message given whole (CRLF or LF lines). */
    public static ReturnedMessage of(byte[] message) {
        Collector c = new Collector(Long.MAX_VALUE);
        c.write(message, 0, message.length);
        return c.finish();
    }

    /** The header lines (LF), without the blank line that ends them. */
    public byte[] head() {
        return head;
    }

    /** The size of what follows the header: the blank line and the body, LF lines. */
    public long restLength() {
        return restLength;
    }

    /** The longest line of the message, without its LF. */
    public int longestLine() {
        return longestLine;
    }

    /** Whether the body was kept (it is not once it is past what a bounce may return). */
    public boolean hasRest() {
        return rest != null;
    }

    /** Writes the blank line and the body. */
    public void writeRest(OutputStream out) throws IOException {
        if (rest == null) {
            throw new IllegalStateException("the body of the message was not kept");
        }
        rest.writeTo(out);
    }

    @Override
    public void close() {
        if (rest != null) {
            rest.discard();
        }
    }

    /**
     * Reads a message as it is written: CRLF becomes LF, the header is kept, the rest is kept while
     * it is at most {@code keepRest} bytes, and counted in any case.
     */
    public static final class Collector extends OutputStream {
        private final long keepRest;
        private final ByteArrayOutputStream head = new ByteArrayOutputStream();
        private ByteArrayOutputStream memory = new ByteArrayOutputStream();
        private Path file;
        private OutputStream fileOut;
        private boolean dropped;
        private boolean inRest;
        private boolean pendingCr;
        private boolean lineStart = true;
        private long restLength;
        private int line;
        private int longest;

        public Collector(long keepRest) {
            this.keepRest = keepRest;
        }

        @Override
        public void write(int b) {
            if (pendingCr) {
                pendingCr = false;
                if (b != '\n') {
                    put('\r');
                }
            }
            if (b == '\r') {
                pendingCr = true;
                return;
            }
            put(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }

        private void put(int b) {
            if (b == '\n') {
                longest = Math.max(longest, line);
                line = 0;
            } else {
                line++;
            }
            if (!inRest) {
                if (b == '\n' && lineStart) {
                    inRest = true; // the blank line ending the header
                } else {
                    head.write(b);
                    lineStart = b == '\n';
                    return;
                }
            }
            restLength++;
            if (dropped) {
                return;
            }
            if (restLength > keepRest) {
                drop();
                return;
            }
            try {
                if (fileOut != null) {
                    fileOut.write(b);
                } else {
                    memory.write(b);
                    if (memory.size() > IN_MEMORY) {
                        file = Files.createTempFile("jexim-bounce", ".rest");
                        fileOut = new java.io.BufferedOutputStream(Files.newOutputStream(file));
                        memory.writeTo(fileOut);
                        memory = null;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void drop() {
            dropped = true;
            memory = null;
            closeFile();
            deleteFile(file);
            file = null;
        }

        private void closeFile() {
            if (fileOut != null) {
                try {
                    fileOut.close();
                } catch (IOException e) {
                    // the file is removed or read next; a failed close shows there
                }
                fileOut = null;
            }
        }

        /** What was read; a message without a blank line has an empty rest. */
        public ReturnedMessage finish() {
            if (pendingCr) {
                pendingCr = false;
                put('\r');
            }
            longest = Math.max(longest, line);
            closeFile();
            Rest rest = null;
            if (!dropped) {
                if (file != null) {
                    Path kept = file;
                    rest = new Rest() {
                        @Override
                        public void writeTo(OutputStream out) throws IOException {
                            try (InputStream in = Files.newInputStream(kept)) {
                                in.transferTo(out);
                            }
                        }

                        @Override
                        public void discard() {
                            deleteFile(kept);
                        }
                    };
                } else {
                    byte[] bytes = memory.toByteArray();
                    rest = new Rest() {
                        @Override
                        public void writeTo(OutputStream out) throws IOException {
                            out.write(bytes);
                        }

                        @Override
                        public void discard() {
                        }
                    };
                }
            }
            return new ReturnedMessage(head.toByteArray(), restLength, longest, rest);
        }
    }

    private static void deleteFile(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temporary file left behind holds nothing the spool does not
            }
        }
    }
}
