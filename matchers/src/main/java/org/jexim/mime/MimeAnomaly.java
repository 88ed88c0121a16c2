package org.jexim.mime;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * {@code $mime_anomaly_level} and {@code $mime_anomaly_text} as Exim's decoder (mime.c) sets
 * them while it decodes a part (decode, mime_regex): level 2 "Broken BASE64 encoding detected"
 * for a character outside the base64 alphabet, level 1 "Broken Quoted-Printable encoding
 * detected" for an '=' followed neither by two hex digits nor by a line end; the last found wins.
 */
final class MimeAnomaly {
    static final String BASE64 = "Broken BASE64 encoding detected";
    static final String QP = "Broken Quoted-Printable encoding detected";

    private MimeAnomaly() {
    }

    /** Sets the two variables in {@code vars} when decoding {@code raw} finds an anomaly; leaves them otherwise. */
    static void detect(String transferEncoding, byte[] raw, Map<String, String> vars) {
        String cte = transferEncoding.strip().toLowerCase(Locale.ROOT);
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        boolean broken = switch (cte) {
            case "base64" -> brokenBase64(text);
            case "quoted-printable" -> brokenQp(text);
            default -> false;
        };
        if (broken) {
            vars.put("mime_anomaly_level", cte.equals("base64") ? "2" : "1");
            vars.put("mime_anomaly_text", cte.equals("base64") ? BASE64 : QP);
        }
    }

    private static boolean brokenBase64(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                    || c == '+' || c == '/' || c == '=' || c == '\r' || c == '\n';
            if (!ok) {
                return true;
            }
        }
        return false;
    }

    private static boolean brokenQp(String text) {
        for (int i = text.indexOf('='); i >= 0; i = text.indexOf('=', i + 1)) {
            if (i + 2 < text.length() + 0 && hex(text.charAt(i + 1)) && hex(text.charAt(i + 2))) {
                continue;
            }
            int j = i + 1;
            while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\t' || text.charAt(j) == '\r')) {
                j++;
            }
            // a soft line break; Exim reads the part line by line, so its last line ends there too
            if (j >= text.length() || text.charAt(j) == '\n') {
                continue;
            }
            return true;
        }
        return false;
    }

    private static boolean hex(char c) {
        return Character.digit(c, 16) >= 0 && c < 128;
    }
}
