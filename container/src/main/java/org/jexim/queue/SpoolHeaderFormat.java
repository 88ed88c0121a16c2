package org.jexim.queue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Writes and reads the -H file format of Exim 4.96 (spec chapter "Format of spool files"). */
public final class SpoolHeaderFormat {
    private static final Pattern ACL_VARIABLE = Pattern.compile("(acl|aclc|aclm) (\\S+) (\\d+)");
    private static final Pattern HEADER_PREFIX = Pattern.compile("(\\d+)(.) ");

    private SpoolHeaderFormat() {
    }

    public static void write(SpoolHeader h, OutputStream out) throws IOException {
        StringBuilder sb = new StringBuilder(512);
        sb.append(h.id()).append("-H\n");
        sb.append(h.login()).append(' ').append(h.uid()).append(' ').append(h.gid()).append('\n');
        sb.append('<').append(h.sender()).append(">\n");
        sb.append(h.receivedSeconds()).append(' ').append(h.warningCount()).append('\n');
        for (SpoolOption o : h.options()) {
            sb.append('-').append(o.line()).append('\n');
            if (o.data() != null) {
                sb.append(o.data()).append('\n');
            }
        }
        writeTree(sb, h.nonRecipients());
        sb.append(h.recipients().size()).append('\n');
        for (String r : h.recipients()) {
            sb.append(r).append(h.recipientData().getOrDefault(r, "")).append('\n');
        }
        sb.append('\n');
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        for (HeaderLine line : h.headers()) {
            out.write(String.format("%03d%c ", line.text().length, line.flag()).getBytes(StandardCharsets.US_ASCII));
            out.write(line.text());
        }
    }

    /** A flattened tree: each node's left branch is empty and its right branch the rest of the list. */
    private static void writeTree(StringBuilder sb, List<String> addresses) {
        if (addresses.isEmpty()) {
            sb.append("XX\n");
            return;
        }
        for (int i = 0; i < addresses.size(); i++) {
            sb.append('N').append(i + 1 < addresses.size() ? 'Y' : 'N').append(' ').append(addresses.get(i)).append('\n');
        }
    }

    public static byte[] toBytes(SpoolHeader h) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try {
            write(h, out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    public static SpoolHeader read(InputStream in) throws IOException {
        return new Reader(in.readAllBytes()).read();
    }

    public static SpoolHeader read(byte[] bytes) throws IOException {
        return new Reader(bytes).read();
    }

    private static final class Reader {
        private final byte[] b;
        private int pos;

        Reader(byte[] bytes) {
            this.b = bytes;
        }

        SpoolHeader read() throws IOException {
            String first = line();
            if (!first.endsWith("-H")) {
                throw new IOException("spool format error: first line is not an -H file name: " + first);
            }
            String id = first.substring(0, first.length() - 2);
            String[] owner = line().split(" ");
            if (owner.length != 3) {
                throw new IOException("spool format error: bad owner line in " + id);
            }
            String senderLine = line();
            if (!senderLine.startsWith("<") || !senderLine.endsWith(">")) {
                throw new IOException("spool format error: bad sender line in " + id);
            }
            String[] times = line().split(" ");
            List<SpoolOption> options = new ArrayList<>();
            String l = line();
            while (l.startsWith("-")) {
                options.add(option(l.substring(1)));
                l = line();
            }
            List<String> nonRecipients = new ArrayList<>();
            if (!l.equals("XX")) {
                while (l.length() > 3 && (l.charAt(0) == 'Y' || l.charAt(0) == 'N')
                    && (l.charAt(1) == 'Y' || l.charAt(1) == 'N') && l.charAt(2) == ' ') {
                    nonRecipients.add(l.substring(3));
                    l = line();
                }
            } else {
                l = line();
            }
            int count = Integer.parseInt(l.trim());
            List<String> recipients = new ArrayList<>(count);
            java.util.Map<String, String> recipientData = new java.util.LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String line = line();
                String address = SpoolRecipient.addressOf(line);
                recipients.add(address);
                if (line.length() > address.length()) {
                    recipientData.put(address, line.substring(address.length()));
                }
            }
            String blank = line();
            if (!blank.isEmpty()) {
                throw new IOException("spool format error: no blank line before the headers in " + id);
            }
            List<HeaderLine> headers = new ArrayList<>();
            while (pos < b.length) {
                String prefix = headerPrefix();
                Matcher m = HEADER_PREFIX.matcher(prefix);
                if (!m.matches()) {
                    throw new IOException("spool format error: bad header prefix '" + prefix + "' in " + id);
                }
                int length = Integer.parseInt(m.group(1));
                if (pos + length > b.length) {
                    throw new IOException("spool format error: truncated header in " + id);
                }
                byte[] text = new byte[length];
                System.arraycopy(b, pos, text, 0, length);
                pos += length;
                headers.add(new HeaderLine(m.group(2).charAt(0), text));
            }
            return new SpoolHeader(id, owner[0], Long.parseLong(owner[1]), Long.parseLong(owner[2]),
                senderLine.substring(1, senderLine.length() - 1), Long.parseLong(times[0]),
                times.length > 1 ? Integer.parseInt(times[1]) : 0, options, nonRecipients, recipients, headers,
                recipientData);
        }

        private SpoolOption option(String text) throws IOException {
            Matcher acl = ACL_VARIABLE.matcher(text);
            if (acl.matches()) {
                int length = Integer.parseInt(acl.group(3));
                String data = new String(b, pos, length, StandardCharsets.UTF_8);
                pos += length;
                line(); // the newline after the value
                return new SpoolOption(acl.group(1), acl.group(2) + " " + acl.group(3), data);
            }
            boolean tainted = text.startsWith("-");
            String line = tainted ? text.substring(1) : text;
            if (tainted && line.startsWith("(") && line.indexOf(')') > 0) {
                line = line.substring(line.indexOf(')') + 1); // the quoter of a value from a lookup
            }
            int space = line.indexOf(' ');
            return space < 0 ? new SpoolOption(line, null, null, tainted)
                : new SpoolOption(line.substring(0, space), line.substring(space + 1), null, tainted);
        }

        private String line() throws IOException {
            if (pos >= b.length) {
                throw new IOException("spool format error: unexpected end of -H file");
            }
            int start = pos;
            while (pos < b.length && b[pos] != '\n') {
                pos++;
            }
            String s = new String(b, start, pos - start, StandardCharsets.UTF_8);
            pos++;
            return s;
        }

        /** The "NNNc " before each header: its length, its flag letter (possibly a space), a space. */
        private String headerPrefix() {
            int start = pos;
            while (pos < b.length && Character.isDigit(b[pos]) && pos - start < 10) {
                pos++;
            }
            pos = Math.min(pos + 2, b.length);
            return new String(b, start, pos - start, StandardCharsets.US_ASCII);
        }
    }
}
