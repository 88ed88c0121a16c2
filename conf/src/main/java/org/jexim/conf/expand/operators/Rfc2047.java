package org.jexim.conf.expand.operators;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.lists.Ascii;

/** RFC 2047 encoded words: Exim's parse_quote_2047() and rfc2047_decode2(), into headers_charset. */
public final class Rfc2047 {
    /** Debian's Exim is built with headers_charset UTF-8. */
    public static final String HEADERS_CHARSET = "UTF-8";

    private Rfc2047() {
    }

    static String encode(String s, String ignored) {
        String head = "=?" + HEADERS_CHARSET + "?Q?";
        StringBuilder g = new StringBuilder(head);
        int hlen = head.length();
        int l = hlen;
        boolean coded = false;
        boolean firstByte = false;
        for (int i = 0; i < s.length(); i++) {
            int ch = s.charAt(i) & 0xff;
            if (g.length() - l > 67 && !firstByte) {
                g.append("?= ");
                l = g.length();
                g.append(head);
            }
            if (ch < 33 || ch > 126 || "?=()<>@,;:\\\".[]_".indexOf(ch) >= 0) {
                if (ch == ' ') {
                    g.append('_');
                    firstByte = false;
                } else {
                    g.append(String.format("=%02X", ch));
                    coded = true;
                    firstByte = !firstByte;
                }
            } else {
                g.append((char) ch);
                firstByte = false;
            }
        }
        return coded ? g.append("?=").toString() : s;
    }

    /** One encoded word found: its bounds and decoded bytes. */
    private record Word(int start, int q1, int end, String bytes) {
    }

    private static Word find(String s, int from) {
        int search = from;
        while (true) {
            int mw = s.indexOf("=?", search);
            if (mw < 0) {
                return null;
            }
            int q1 = s.indexOf('?', mw + 2);
            int q2 = q1 < 0 ? -1 : s.indexOf('?', q1 + 1);
            int end = q2 < 0 ? -1 : s.indexOf("?=", q2 + 1);
            if (q1 < 0 || q2 < 0 || end < 0) {
                return null;
            }
            search = mw + 2;
            if (end - mw > 73 || q2 - q1 != 2) {
                continue;
            }
            char enc = Character.toUpperCase(s.charAt(q1 + 1));
            String data = s.substring(q2 + 1, end);
            String decoded = enc == 'B' ? Base64Codec.decode(data) : enc == 'Q' ? qp(data) : null;
            if (decoded != null) {
                return new Word(mw, q1, end, decoded);
            }
        }
    }

    private static String qp(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '_') {
                b.append(' ');
            } else if (c == '=') {
                int a = i + 1 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
                int d = i + 2 < s.length() ? Character.digit(s.charAt(i + 2), 16) : -1;
                if (a < 0 || d < 0) {
                    return null;
                }
                b.append((char) (a * 16 + d));
                i += 2;
            } else if (c == ' ' || c == '\t') {
                return null;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Decodes encoded words into headers_charset (UTF-8). */
    public static String decode(String s) throws ExpansionException {
        return decode(s, true);
    }

    /** Decodes encoded words; without {@code translate}, the bytes are left in their own charset. */
    public static String decode(String s, boolean translate) throws ExpansionException {
        return decode(s, translate ? HEADERS_CHARSET : null);
    }

    /**
     * Decodes encoded words into {@code target} (headers_charset, or a filter's "headers
     * charset"); with a null target the bytes are left in their own charset.
     */
    public static String decode(String s, String target) throws ExpansionException {
        Word w = find(s, 0);
        if (w == null) {
            return s;
        }
        StringBuilder out = new StringBuilder();
        String error = null;
        int pos = 0;
        while (w != null) {
            out.append(s, pos, w.start());
            String charset = s.substring(w.start() + 2, w.q1());
            String data = w.bytes();
            if (target != null && !Ascii.equalsIgnoreCase(charset, target)) {
                Charset cs = null;
                Charset to = null;
                try {
                    cs = Charset.forName(charset);
                    to = Charset.forName(target);
                } catch (RuntimeException e) {
                    error = "iconv_open(\"" + target + "\", \"" + charset
                            + "\") failed: Invalid argument (maybe unsupported conversion)";
                }
                if (to != null) {
                    data = convert(data, cs, to);
                }
            }
            out.append(data.replace('\0', '?'));
            pos = w.end() + 2;
            w = find(s, pos);
            if (w != null) {
                int k = pos;
                while (k < s.length() && org.jexim.conf.expand.ExpansionParser.isSpace(s.charAt(k))) {
                    k++;
                }
                if (k == w.start()) {
                    pos = k;
                }
            }
        }
        out.append(s.substring(pos));
        if (error != null) {
            throw new ExpansionException(error);
        }
        return out.toString();
    }

    private static String convert(String latin1Bytes, Charset from, Charset to) {
        byte[] b = latin1Bytes.getBytes(StandardCharsets.ISO_8859_1);
        try {
            String u = from.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b)).toString();
            return new String(u.getBytes(to), StandardCharsets.ISO_8859_1);
        } catch (CharacterCodingException e) {
            return latin1Bytes;
        }
    }
}
