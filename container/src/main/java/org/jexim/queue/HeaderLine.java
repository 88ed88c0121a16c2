package org.jexim.queue;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * One header of a spooled message as the -H file keeps it: Exim's flag letter and the raw header
 * text, folded lines included, ending in LF.
 */
public record HeaderLine(char flag, byte[] text) {
    /** The flag of a header Exim keeps for debugging but no longer transmits. */
    public static final char DELETED = '*';

    private static final Map<String, Character> FLAGS = Map.of(
        "bcc", 'B', "cc", 'C', "from", 'F', "message-id", 'I', "received", 'P',
        "reply-to", 'R', "sender", 'S', "to", 'T');

    /** A header with the flag Exim gives its name (P for Received:, F for From:, ...). */
    public static HeaderLine of(byte[] text) {
        return new HeaderLine(flagFor(nameOf(text)), text);
    }

    public static char flagFor(String name) {
        return FLAGS.getOrDefault(name.toLowerCase(Locale.ROOT), ' ');
    }

    static String nameOf(byte[] text) {
        int colon = 0;
        while (colon < text.length && text[colon] != ':' && text[colon] != '\n') {
            colon++;
        }
        return new String(text, 0, colon, StandardCharsets.ISO_8859_1).trim();
    }

    public String name() {
        return nameOf(text);
    }

    public boolean deleted() {
        return flag == DELETED;
    }
}
