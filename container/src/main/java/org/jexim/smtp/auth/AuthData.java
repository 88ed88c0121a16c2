package org.jexim.smtp.auth;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Exim's reading of authentication data (auths/get_data.c): base64 decoding, {@code =} for an
 * empty initial response, and the split of a decoded string at NULs into $auth1, $auth2 ...
 */
final class AuthData {
    private AuthData() {
    }

    /** The decoded bytes as ISO-8859-1 text, or null when {@code text} is not base64. */
    static String decode(String text) {
        String t = text.strip();
        if (t.equals("=")) {
            return "";
        }
        try {
            return new String(Base64.getDecoder().decode(t), StandardCharsets.ISO_8859_1);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A client's answer to a 334 challenge: its decoded text, or the step that ends the exchange. */
    record Answer(String text, AuthStep end) {
    }

    /** Exim's reading of an answer: "*" cancels (501), text that is not base64 is refused (501). */
    static Answer answer(String line) {
        if (line.strip().equals("*")) {
            return new Answer(null, AuthStep.done(AuthResult.of(AuthResult.Kind.CANCELLED)));
        }
        String decoded = decode(line);
        return decoded == null ? new Answer(null, AuthStep.done(AuthResult.of(AuthResult.Kind.BAD_BASE64)))
                : new Answer(decoded, null);
    }

    static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The NUL-separated values of a decoded string; an empty string is one empty value. */
    static List<String> values(String decoded) {
        List<String> out = new ArrayList<>();
        int start = 0;
        do {
            int nul = decoded.indexOf('\0', start);
            int end = nul < 0 ? decoded.length() : nul;
            out.add(decoded.substring(start, end));
            start = end + 1;
        } while (start < decoded.length());
        return out;
    }

    /** Exim's colon list (a doubled colon is a literal one; nothing follows a final colon), as server_prompts uses it. */
    static List<String> colonList(String list) {
        List<String> out = new ArrayList<>();
        StringBuilder item = new StringBuilder();
        String s = list.strip();
        if (s.isEmpty()) {
            return out;
        }
        boolean separatorLast = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            separatorLast = false;
            if (c == ':' && i + 1 < s.length() && s.charAt(i + 1) == ':') {
                item.append(':');
                i++;
            } else if (c == ':') {
                out.add(item.toString().strip());
                item.setLength(0);
                separatorLast = true;
            } else {
                item.append(c);
            }
        }
        if (!separatorLast) {
            out.add(item.toString().strip());
        }
        return out;
    }
}
