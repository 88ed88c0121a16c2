package org.jexim.conf.expand.items;

import java.nio.charset.StandardCharsets;
import org.jexim.conf.expand.ExpansionException;

/** Exim's imap_utf7_encode(): IMAP modified UTF-7 folder names, input in UTF-8 (headers_charset). */
final class ImapUtf7 {
    private static final String B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,";

    private ImapUtf7() {
    }

    static String encode(String string, char sep, String specials) throws ExpansionException {
        if (specials == null) {
            specials = "";
        }
        int start = 0;
        int s = 0;
        for (; s < string.length(); s++) {
            char c = string.charAt(s);
            if (s == start && c == sep) {
                start++;
            }
            if (c >= 0x7f || c < 0x20 || "./&".indexOf(c) >= 0 || c == sep || specials.indexOf(c) >= 0) {
                break;
            }
        }
        if (s >= string.length()) {
            return string.substring(start);
        }
        String unicode = new String(string.substring(start).getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        byte[] u16 = unicode.getBytes(StandardCharsets.UTF_16BE);
        StringBuilder out = new StringBuilder();
        boolean base64 = false;
        boolean lastsep = false;
        int i = 0;
        int c = 0;
        for (int k = 0; k + 1 < u16.length; k += 2) {
            int hi = u16[k] & 0xff;
            int lo = u16[k + 1] & 0xff;
            if (hi != 0 || lo >= 0x7f || lo < 0x20 || (specials.indexOf(lo) >= 0 && lo != sep)) {
                lastsep = false;
                if (!base64) {
                    out.append('&');
                    base64 = true;
                    i = 0;
                }
                for (int b : new int[] {hi, lo}) {
                    switch (i++) {
                        case 0 -> {
                            out.append(B64.charAt((b >> 2) & 0x3f));
                            c = b & 0x03;
                        }
                        case 1 -> {
                            out.append(B64.charAt((c << 4) | ((b >> 4) & 0x0f)));
                            c = b & 0x0f;
                        }
                        default -> {
                            out.append(B64.charAt((c << 2) | ((b >> 6) & 0x03)));
                            out.append(B64.charAt(b & 0x3f));
                            i = 0;
                        }
                    }
                }
            } else if ((lo != '.' && lo != '/') || lo == sep) {
                if (base64) {
                    if (i == 1) {
                        out.append(B64.charAt(c << 4));
                    } else if (i == 2) {
                        out.append(B64.charAt(c << 2));
                    }
                    out.append('-');
                    base64 = false;
                }
                if (lo == sep) {
                    if (!lastsep) {
                        out.append('.');
                        lastsep = true;
                    }
                } else {
                    out.append((char) lo);
                    if (lo == '&') {
                        out.append('-');
                    }
                    lastsep = false;
                }
            } else {
                throw new ExpansionException("imapfolder: illegal character '" + (char) lo + "'");
            }
        }
        if (base64) {
            if (i == 1) {
                out.append(B64.charAt(c << 4));
            } else if (i == 2) {
                out.append(B64.charAt(c << 2));
            }
            out.append('-');
        }
        if (out.length() > 0 && out.charAt(out.length() - 1) == '.') {
            out.setLength(out.length() - 1);
        }
        return out.toString();
    }
}
