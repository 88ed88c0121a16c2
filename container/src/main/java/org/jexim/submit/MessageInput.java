package org.jexim.submit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a message from standard input as Exim's non-SMTP reception does: CRLF and LF line ends
 * both become LF, and unless -i/-oi was given a line holding a single dot ends the message.
 * The header section stops at an empty line or at the first line that is not a header.
 */
public final class MessageInput {
    private MessageInput() {
    }

    /** The message as header fields and body (LF line ends). */
    public static ReadMessage read(InputStream in, boolean dotEnds) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream(8192);
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        int longest = 0;
        int b;
        boolean eof = false;
        while (!eof) {
            line.reset();
            while ((b = in.read()) >= 0 && b != '\n') {
                line.write(b);
            }
            eof = b < 0;
            byte[] bytes = line.toByteArray();
            int length = bytes.length;
            if (length > 0 && bytes[length - 1] == '\r') {
                length--;
            }
            if (eof && length == 0) {
                break;
            }
            if (dotEnds && length == 1 && bytes[0] == '.') {
                break;
            }
            longest = Math.max(longest, length);
            all.write(bytes, 0, length);
            all.write('\n');
        }
        return split(all.toByteArray(), longest);
    }

    static ReadMessage split(byte[] message, int longestLine) {
        HeaderSection headers = new HeaderSection();
        int pos = 0;
        StringBuilder field = null;
        while (pos < message.length) {
            int end = pos;
            while (end < message.length && message[end] != '\n') {
                end++;
            }
            String text = new String(message, pos, end - pos, java.nio.charset.StandardCharsets.ISO_8859_1);
            boolean continuation = !text.isEmpty() && (text.charAt(0) == ' ' || text.charAt(0) == '\t');
            if (text.isEmpty()) {
                pos = Math.min(message.length, end + 1);
                break;
            }
            if (continuation && field != null) {
                field.append(text).append('\n');
            } else if (!continuation && isHeader(text)) {
                if (field != null) {
                    headers.add(field.toString());
                }
                field = new StringBuilder(text).append('\n');
            } else {
                break; // not a header: the body starts here, as in Exim
            }
            pos = end + 1;
        }
        if (field != null) {
            headers.add(field.toString());
        }
        byte[] body = java.util.Arrays.copyOfRange(message, Math.min(pos, message.length), message.length);
        return new ReadMessage(headers, body, longestLine);
    }

    /** A header line: a name of printing characters other than colon, then a colon (white space may come before it). */
    public static boolean isHeader(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0) {
            return false;
        }
        for (int i = 0; i < colon; i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c > '~') {
                return text.substring(i, colon).isBlank() && i > 0; // "Name :" is allowed
            }
        }
        return true;
    }

    /** A message as read: its header section, its body, and its longest line. */
    public record ReadMessage(HeaderSection headers, byte[] body, int longestLine) {
    }
}
