package org.jexim.smtp;

import java.util.ArrayList;
import java.util.List;

/**
 * One SMTP reply as Exim words it: a code, a text (several lines when it holds newlines, sent
 * as {@code 550-first} ... {@code 550 last}), and whether the connection closes after it.
 */
public record SmtpReply(String code, String text, boolean closes) {
    public static SmtpReply of(String code, String text) {
        return new SmtpReply(code, text, false);
    }

    public SmtpReply closing() {
        return new SmtpReply(code, text, true);
    }

    /** The text's lines, without the code. */
    public List<String> textLines() {
        return List.of(text.split("\n", -1));
    }

    /** The lines as sent on the wire, without CRLF. */
    public List<String> wireLines() {
        List<String> texts = textLines();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            out.add(code + (i == texts.size() - 1 ? " " : "-") + texts.get(i));
        }
        return out;
    }

    public boolean positive() {
        return code.charAt(0) == '2' || code.charAt(0) == '3';
    }
}
