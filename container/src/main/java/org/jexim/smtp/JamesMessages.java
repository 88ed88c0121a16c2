package org.jexim.smtp;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import javax.mail.MessagingException;
import org.apache.mailet.Mail;
import org.jexim.acl.AclMessage;
import org.jexim.acl.ReceivedMessage;

/**
 * The received James mail as the DATA ACL sees it: its MIME text with LF line ends, read from
 * the mail (a temporary file for a large message) each time a condition asks, never copied whole
 * into memory unless a condition wants the bytes.
 */
final class JamesMessages implements AclMessage {
    private final Mail mail;
    private final byte[] header;
    private final List<String> headerLines;
    private long size = -1;

    private JamesMessages(Mail mail, byte[] header) {
        this.mail = mail;
        this.header = header;
        this.headerLines = ReceivedMessage.parseHeaders(new String(header, StandardCharsets.ISO_8859_1));
    }

    static AclMessage of(Mail mail) {
        try {
            StringBuilder h = new StringBuilder();
            for (String line : Collections.list(mail.getMessage().getAllHeaderLines())) {
                h.append(line.replace("\r\n", "\n")).append('\n');
            }
            return new JamesMessages(mail, h.append('\n').toString().getBytes(StandardCharsets.ISO_8859_1));
        } catch (MessagingException e) {
            return new ReceivedMessage(new byte[0]);
        }
    }

    @Override
    public List<String> headerLines() {
        return headerLines;
    }

    @Override
    public InputStream open() throws IOException {
        try {
            return new SequenceInputStream(new ByteArrayInputStream(header),
                    new CrlfToLf(mail.getMessage().getRawInputStream()));
        } catch (MessagingException e) {
            throw new IOException("cannot read message " + mail.getName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] bytes() throws IOException {
        try (InputStream in = open()) {
            return in.readAllBytes();
        }
    }

    @Override
    public synchronized long size() {
        if (size < 0) {
            try (InputStream in = open()) {
                size = in.transferTo(java.io.OutputStream.nullOutputStream());
            } catch (IOException e) {
                return header.length;
            }
        }
        return size;
    }

    /** CRLF read as LF (a lone CR stays). */
    private static final class CrlfToLf extends FilterInputStream {
        CrlfToLf(InputStream in) {
            super(new PushbackInputStream(new java.io.BufferedInputStream(in, 16384), 1));
        }

        @Override
        public int read() throws IOException {
            int c = in.read();
            if (c == '\r') {
                int n = in.read();
                if (n == '\n') {
                    return '\n';
                }
                if (n >= 0) {
                    ((PushbackInputStream) in).unread(n);
                }
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            int n = 0;
            while (n < len) {
                int c = read();
                if (c < 0) {
                    return n == 0 ? -1 : n;
                }
                b[off + n++] = (byte) c;
                if (in.available() == 0) {
                    break;
                }
            }
            return n;
        }
    }
}
