package org.jexim.queuetools;

import org.jexim.queue.OptionOrder;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A -H spool file read as Exim's spool_read_header reads it, keeping every line as written so
 * that an edit (-Mf, -Mt, -Mar, -Mmd, -Mes) rewrites only what it changes. Text is held as
 * ISO-8859-1, so every byte goes back unchanged; the message's headers stay raw bytes.
 */
public final class HeaderFile {
    private static final Pattern ACL_VARIABLE = Pattern.compile("-?acl[cm]? \\S+ (\\d+)");
    private static final Pattern OLD_ACL_VARIABLE = Pattern.compile("-?acl \\d+ (\\d+)");
    private static final Pattern OWNER = Pattern.compile("(.*) (-?\\d+) (-?\\d+)\\s*");
    private static final Pattern TIME = Pattern.compile("(-?\\d+) (-?\\d+).*");

    private final String id;
    private final String ownerLine;
    private final String login;
    private final long uid;
    private String sender;
    private final String timeLine;
    private final long receivedSeconds;
    private final List<OptionLine> options;
    private final NonRecipientTree delivered;
    private final List<RecipientLine> recipients;
    private final byte[] headers;
    private final long headerSize;
    private final boolean headersMalformed;

    private HeaderFile(Reader r) throws SpoolFormatException {
        String first = r.line();
        if (!first.endsWith("-H") || first.length() != 18) {
            throw new SpoolFormatException("first line is not the file's name");
        }
        id = first.substring(0, first.length() - 2);
        ownerLine = r.line();
        Matcher owner = OWNER.matcher(ownerLine);
        if (!owner.matches()) {
            throw new SpoolFormatException("bad owner line");
        }
        login = owner.group(1);
        uid = Long.parseLong(owner.group(2));
        String senderLine = r.line();
        if (senderLine.length() < 2 || senderLine.charAt(0) != '<' || !senderLine.endsWith(">")) {
            throw new SpoolFormatException("bad sender line");
        }
        sender = senderLine.substring(1, senderLine.length() - 1);
        timeLine = r.line();
        Matcher time = TIME.matcher(timeLine);
        if (!time.matches()) {
            throw new SpoolFormatException("bad time line");
        }
        receivedSeconds = Long.parseLong(time.group(1));
        options = new ArrayList<>();
        String line = r.line();
        while (line.startsWith("-")) {
            String text = line.substring(1);
            Matcher acl = ACL_VARIABLE.matcher(text);
            Matcher old = OLD_ACL_VARIABLE.matcher(text);
            if (acl.matches() || old.matches()) {
                int count = Integer.parseInt(acl.matches() ? acl.group(1) : old.group(1));
                options.add(new OptionLine(text, r.bytes(count + 1)));
            } else {
                options.add(OptionLine.of(text));
            }
            line = r.line();
        }
        List<String> tree = new ArrayList<>();
        if (!line.equals("XX")) {
            tree.add(line);
            int needed = treeChildren(line);
            while (needed > 0) {
                String next = r.line();
                tree.add(next);
                needed += treeChildren(next) - 1;
            }
        }
        delivered = NonRecipientTree.read(tree);
        int count;
        try {
            count = Integer.parseInt(r.line().trim());
        } catch (NumberFormatException e) {
            throw new SpoolFormatException("bad recipient count");
        }
        recipients = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            recipients.add(RecipientLine.parse(r.line()));
        }
        if (!r.line().isEmpty()) {
            throw new SpoolFormatException("no blank line before the headers");
        }
        headers = r.rest();
        long size = 0;
        boolean malformed = false;
        try {
            size = headerSize(headers);
        } catch (SpoolFormatException e) {
            malformed = true;
        }
        headerSize = size;
        headersMalformed = malformed;
    }

    private static int treeChildren(String line) throws SpoolFormatException {
        if (line.length() < 4 || "YN".indexOf(line.charAt(0)) < 0 || "YN".indexOf(line.charAt(1)) < 0) {
            throw new SpoolFormatException("bad non-recipient line");
        }
        return (line.charAt(0) == 'Y' ? 1 : 0) + (line.charAt(1) == 'Y' ? 1 : 0);
    }

    /** The sum of the lengths of the headers that are transmitted (not flagged '*'), as -bp counts it. */
    private static long headerSize(byte[] b) throws SpoolFormatException {
        long size = 0;
        int pos = 0;
        while (pos < b.length) {
            int start = pos;
            while (pos < b.length && b[pos] >= '0' && b[pos] <= '9') {
                pos++;
            }
            if (pos == start || pos + 2 > b.length) {
                throw new SpoolFormatException("bad header length");
            }
            int n = Integer.parseInt(new String(b, start, pos - start, StandardCharsets.US_ASCII));
            char flag = (char) b[pos];
            pos += 2;
            if (pos + n > b.length) {
                throw new SpoolFormatException("truncated header");
            }
            for (int i = pos; i < pos + n; i++) {
                if (b[i] == 0) {
                    throw new SpoolFormatException("zero byte in a header");
                }
            }
            pos += n;
            if (flag != '*') {
                size += n;
            }
        }
        return size;
    }

    public static HeaderFile parse(byte[] bytes) throws SpoolFormatException {
        return new HeaderFile(new Reader(bytes));
    }

    public String id() {
        return id;
    }

    public String login() {
        return login;
    }

    public long uid() {
        return uid;
    }

    /** The envelope sender without its angle brackets; empty for a bounce. */
    public String sender() {
        return sender;
    }

    public long receivedSeconds() {
        return receivedSeconds;
    }

    public List<RecipientLine> recipients() {
        return List.copyOf(recipients);
    }

    public List<String> recipientAddresses() {
        return recipients.stream().map(RecipientLine::address).toList();
    }

    public NonRecipientTree delivered() {
        return delivered;
    }

    public List<OptionLine> options() {
        return List.copyOf(options);
    }

    /** The headers' bytes as kept after the blank line: "NNNf text" for each. */
    public byte[] headerBytes() {
        return headers.clone();
    }

    /** Transmitted header bytes: Exim's message_size before the body is added. */
    public long headerSize() {
        return headerSize;
    }

    /** True when the header portion is malformed (Exim's spool_read_hdrerror). */
    public boolean headersMalformed() {
        return headersMalformed;
    }

    public boolean has(String option) {
        return options.stream().anyMatch(o -> o.name().equals(option));
    }

    public boolean frozen() {
        return has("frozen");
    }

    /** -f was used by an untrusted caller: -bp then shows the login after the sender. */
    public boolean senderSetUntrusted() {
        return has("sender_set_untrusted");
    }

    /** -Mf: "-frozen TIME" in Exim's place, and no "-manual_thaw". */
    public void freeze(long nowSeconds) {
        remove("manual_thaw");
        remove("frozen");
        insert(OptionLine.of("frozen " + nowSeconds));
    }

    /** -Mt: no "-frozen", and "-manual_thaw" in Exim's place. */
    public void thaw() {
        remove("frozen");
        if (!has("manual_thaw")) {
            insert(OptionLine.of("manual_thaw"));
        }
    }

    /** Sets the option {@code -name value} (jexim's own options go after Exim's). */
    public void setOption(String name, String value) {
        remove(name);
        insert(OptionLine.of(name + " " + value));
    }

    public void setSender(String address) {
        sender = address;
    }

    /** -Mar: a new recipient with no parent, errors address or DSN data. */
    public void addRecipient(String address) {
        recipients.add(RecipientLine.of(address));
    }

    /** -Mmd: the address joins the non-recipients tree. */
    public void markDelivered(String address) {
        delivered.add(address);
    }

    private void remove(String name) {
        options.removeIf(o -> o.name().equals(name));
    }

    private void insert(OptionLine line) {
        int rank = OptionOrder.rank(line.name());
        int at = options.size();
        for (int i = 0; i < options.size(); i++) {
            if (OptionOrder.rank(options.get(i).name()) > rank) {
                at = i;
                break;
            }
        }
        options.add(at, line);
    }

    /** The file's bytes, as spool_write_header would lay them out. */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024 + headers.length);
        StringBuilder sb = new StringBuilder();
        sb.append(id).append("-H\n").append(ownerLine).append('\n').append('<').append(sender).append(">\n")
            .append(timeLine).append('\n');
        write(out, sb);
        for (OptionLine o : options) {
            sb.append('-').append(o.text()).append('\n');
            write(out, sb);
            if (o.data() != null) {
                out.writeBytes(o.data());
            }
        }
        delivered.lines().forEach(l -> sb.append(l).append('\n'));
        sb.append(recipients.size()).append('\n');
        recipients.forEach(r -> sb.append(r.raw()).append('\n'));
        sb.append('\n');
        write(out, sb);
        out.writeBytes(headers);
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, StringBuilder sb) {
        out.writeBytes(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
        sb.setLength(0);
    }

    /** Lines and byte blocks of a -H file. */
    private static final class Reader {
        private final byte[] b;
        private int pos;

        Reader(byte[] b) {
            this.b = b;
        }

        String line() throws SpoolFormatException {
            if (pos >= b.length) {
                throw new SpoolFormatException("unexpected end of file");
            }
            int start = pos;
            while (pos < b.length && b[pos] != '\n') {
                pos++;
            }
            if (pos >= b.length) {
                throw new SpoolFormatException("unexpected end of file");
            }
            String s = new String(b, start, pos - start, StandardCharsets.ISO_8859_1);
            pos++;
            return s;
        }

        byte[] bytes(int n) throws SpoolFormatException {
            if (pos + n > b.length) {
                throw new SpoolFormatException("unexpected end of file");
            }
            byte[] out = new byte[n];
            System.arraycopy(b, pos, out, 0, n);
            pos += n;
            return out;
        }

        byte[] rest() {
            byte[] out = new byte[b.length - pos];
            System.arraycopy(b, pos, out, 0, out.length);
            pos = b.length;
            return out;
        }
    }
}
