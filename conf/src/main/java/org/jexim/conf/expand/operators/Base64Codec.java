package org.jexim.conf.expand.operators;

import java.util.Base64;

/** Exim's base64 (b64encode, and the lenient b64decode that skips white space). */
final class Base64Codec {
    private static final String ENC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private Base64Codec() {
    }

    /** Encodes the bytes of a Latin-1 string. */
    static String encode(String s) {
        byte[] b = new byte[s.length()];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) s.charAt(i);
        }
        return Base64.getEncoder().encodeToString(b);
    }

    private static int dec(int c) {
        if (c < 0 || c > 127) {
            return -1;
        }
        return ENC.indexOf(c);
    }

    private static boolean space(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
    }

    /** Decodes as Exim's b64decode(); null when malformed. */
    static String decode(String code) {
        StringBuilder r = new StringBuilder();
        int[] p = {0};
        while (true) {
            int x = get(code, p);
            if (x == 0) {
                return r.toString();
            }
            if (space(x)) {
                continue;
            }
            if ((x = dec(x)) < 0) {
                return null;
            }
            int y = skip(code, p);
            if ((y = dec(y)) < 0) {
                return null;
            }
            r.append((char) (((x << 2) | (y >> 4)) & 0xff));
            x = skip(code, p);
            if (x == '=') {
                x = skip(code, p);
                if (x != '=') {
                    return null;
                }
                y = skip(code, p);
                return y != 0 ? null : r.toString();
            }
            if ((x = dec(x)) < 0) {
                return null;
            }
            r.append((char) (((y << 4) | (x >> 2)) & 0xff));
            y = skip(code, p);
            if (y == '=') {
                y = skip(code, p);
                return y != 0 ? null : r.toString();
            }
            if ((y = dec(y)) < 0) {
                return null;
            }
            r.append((char) (((x << 6) | y) & 0xff));
        }
    }

    private static int get(String s, int[] p) {
        return p[0] < s.length() ? s.charAt(p[0]++) : 0;
    }

    private static int skip(String s, int[] p) {
        int c;
        do {
            c = get(s, p);
        } while (space(c));
        return c;
    }
}
