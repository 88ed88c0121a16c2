package org.jexim.acl;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** An {@link AclMessage} held in memory: the text received after DATA (dot-unstuffed, LF line ends). */
public final class ReceivedMessage implements AclMessage {
    private final byte[] content;
    private final List<String> headers;

    public ReceivedMessage(byte[] content) {
        this.content = content.clone();
        this.headers = List.copyOf(parseHeaders(new String(this.content, StandardCharsets.ISO_8859_1)));
    }

    /** From the lines of the message as received (without line ends). */
    public static ReceivedMessage ofLines(List<String> lines) {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line).append('\n');
        }
        return new ReceivedMessage(text.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The header block: lines up to the first empty line (or first line that is not a header). */
    public static List<String> parseHeaders(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder current = null;
        int i = 0;
        while (i < text.length()) {
            int nl = text.indexOf('\n', i);
            String line = nl < 0 ? text.substring(i) : text.substring(i, nl + 1);
            i = nl < 0 ? text.length() : nl + 1;
            String bare = line.replaceAll("\r?\n$", "");
            if (bare.isEmpty()) {
                break;
            }
            if ((bare.charAt(0) == ' ' || bare.charAt(0) == '\t') && current != null) {
                current.append(bare).append('\n');
                continue;
            }
            if (current != null) {
                out.add(current.toString());
            }
            if (!bare.matches("[!-9;-~]+:.*")) {
                current = null;
                break;
            }
            current = new StringBuilder(bare).append('\n');
        }
        if (current != null) {
            out.add(current.toString());
        }
        return out;
    }

    @Override
    public List<String> headerLines() {
        return headers;
    }

    @Override
    public InputStream open() {
        return new ByteArrayInputStream(content);
    }

    @Override
    public byte[] bytes() {
        return content.clone();
    }

    @Override
    public long size() {
        return content.length;
    }
}
