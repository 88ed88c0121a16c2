package org.jexim.mime;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.RecursionMode;

/**
 * Parses a message into a tree of {@link MimeEntity} with Apache mime4j's token stream.
 * Attached messages (message/rfc822) are not entered: the walker decodes and parses them on
 * their own, as Exim does.
 */
final class MimeParser {
    private MimeParser() {
    }

    static MimeEntity parse(byte[] message) throws IOException {
        MimeTokenStream stream = new MimeTokenStream(MimeConfig.PERMISSIVE);
        stream.setRecursionMode(RecursionMode.M_NO_RECURSE);
        stream.parse(new ByteArrayInputStream(message));
        Deque<Builder> open = new ArrayDeque<>();
        MimeEntity root = null;
        try {
            for (EntityState s = stream.getState(); s != EntityState.T_END_OF_STREAM; s = stream.next()) {
                switch (s) {
                    case T_START_MESSAGE, T_START_BODYPART -> open.push(new Builder());
                    case T_FIELD -> {
                        Field f = stream.getField();
                        open.peek().fields.add(new String[] {f.getName(), unfold(f.getBody())});
                        open.peek().rawHeader.writeBytes(f.getRaw().toByteArray());
                        open.peek().rawHeader.writeBytes(CRLF);
                    }
                    case T_START_MULTIPART -> open.peek().boundary = stream.getBodyDescriptor().getBoundary();
                    case T_PREAMBLE -> open.peek().container.writeBytes(lines(stream.getInputStream().readAllBytes()));
                    case T_EPILOGUE -> {
                        Builder b = open.peek();
                        b.container.writeBytes(("--" + b.boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
                        b.container.writeBytes(stream.getInputStream().readAllBytes());
                    }
                    case T_BODY -> {
                        open.peek().raw = stream.getInputStream().readAllBytes();
                        open.peek().decoded = decode(open.peek());
                    }
                    case T_END_MESSAGE, T_END_BODYPART -> {
                        Builder b = open.pop();
                        if (b.boundary != null) {
                            // a multipart's body as the regex condition reads it: preamble, parts, boundaries, epilogue
                            b.raw = b.container.toByteArray();
                        }
                        MimeEntity e = new MimeEntity(List.copyOf(b.fields), b.raw, b.decoded, List.copyOf(b.children));
                        if (open.isEmpty()) {
                            root = e;
                        } else {
                            Builder parent = open.peek();
                            parent.children.add(e);
                            parent.container.writeBytes(("--" + parent.boundary + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                            parent.container.writeBytes(b.rawHeader.toByteArray());
                            parent.container.writeBytes(CRLF);
                            parent.container.writeBytes(lines(b.raw));
                        }
                    }
                    default -> {
                        // preamble, epilogue, multipart markers: nothing to keep
                    }
                }
            }
        } catch (MimeException e) {
            throw new IOException(e.getMessage(), e);
        }
        return root;
    }

    private static byte[] decode(Builder b) throws IOException {
        String cte = "";
        for (String[] f : b.fields) {
            if (f[0].equalsIgnoreCase("Content-Transfer-Encoding")) {
                cte = f[1].strip().toLowerCase(java.util.Locale.ROOT);
            }
        }
        var in = new ByteArrayInputStream(b.raw);
        return switch (cte) {
            case "base64" -> new org.apache.james.mime4j.codec.Base64InputStream(in).readAllBytes();
            case "quoted-printable" -> new org.apache.james.mime4j.codec.QuotedPrintableInputStream(in).readAllBytes();
            default -> b.raw;
        };
    }

    private static final byte[] CRLF = {'\r', '\n'};

    /** The bytes ending with a line end (mime4j gives bodies without the CRLF before the boundary). */
    private static byte[] lines(byte[] b) {
        if (b.length == 0 || b[b.length - 1] == '\n') {
            return b;
        }
        byte[] out = java.util.Arrays.copyOf(b, b.length + 2);
        out[b.length] = '\r';
        out[b.length + 1] = '\n';
        return out;
    }

    private static String unfold(String value) {
        return value.replaceAll("\r?\n(?=[ \t])", "");
    }

    private static final class Builder {
        final List<String[]> fields = new ArrayList<>();
        final List<MimeEntity> children = new ArrayList<>();
        final java.io.ByteArrayOutputStream rawHeader = new java.io.ByteArrayOutputStream();
        final java.io.ByteArrayOutputStream container = new java.io.ByteArrayOutputStream();
        String boundary;
        byte[] raw = new byte[0];
        byte[] decoded = new byte[0];
    }
}
