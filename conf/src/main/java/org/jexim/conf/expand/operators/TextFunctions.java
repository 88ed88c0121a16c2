package org.jexim.conf.expand.operators;

import org.jexim.conf.expand.ExpansionException;

/** Exim's extract_substr(), compute_hash() and compute_nhash(), for the operators and items of those names. */
public final class TextFunctions {
    private static final String HASHCODES = "abcdefghijklmnopqrtsuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final int[] PRIME = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67,
        71, 73, 79, 83, 89, 97, 101, 103, 107, 109, 113};

    private TextFunctions() {
    }

    /** Exim's extract_substr(). */
    public static String substr(String s, int value1, int value2) {
        int sublen = s.length();
        if (value1 < 0) {
            value1 += sublen;
            if (value1 < 0) {
                value2 += value1;
                if (value2 < 0) {
                    value2 = 0;
                }
                value1 = 0;
            } else if (value2 < 0) {
                value2 = value1;
                value1 = 0;
            }
        } else {
            if (value1 > sublen) {
                value1 = sublen;
                value2 = 0;
            } else if (value2 < 0) {
                value2 = sublen;
            }
        }
        if ((long) value1 + value2 > sublen) {
            value2 = sublen - value1;
        }
        return s.substring(value1, value1 + value2);
    }

    /** Exim's compute_hash(). */
    public static String hash(String s, int value1, int value2) throws ExpansionException {
        if (value2 < 0) {
            value2 = 26;
        } else if (value2 > HASHCODES.length()) {
            throw new ExpansionException("hash count \"" + value2 + "\" too big");
        }
        int sublen = s.length();
        if (value1 >= sublen) {
            return s;
        }
        int[] b = new int[sublen];
        for (int k = 0; k < sublen; k++) {
            b[k] = s.charAt(k) & 0xff;
        }
        int i = 0;
        int j = value1;
        while (j < sublen) {
            int c = b[j];
            int shift = (c + j++) & 7;
            b[i] = (b[i] ^ ((c << shift) | (c >> (8 - shift)))) & 0xff;
            if (++i >= value1) {
                i = 0;
            }
        }
        StringBuilder r = new StringBuilder();
        for (i = 0; i < value1; i++) {
            r.append(HASHCODES.charAt(b[i] % value2));
        }
        return r.toString();
    }

    /** Exim's compute_nhash(). */
    public static String nhash(String s, int value1, int value2) throws ExpansionException {
        long total = 0;
        int i = 0;
        for (int k = 0; k < s.length(); k++) {
            if (i == 0) {
                i = PRIME.length - 1;
            }
            total += (long) PRIME[i--] * (s.charAt(k) & 0xff);
        }
        if (value2 < 0) {
            if (value1 == 0) {
                throw new ExpansionException("nhash divisor is zero");
            }
            return Long.toUnsignedString(Long.remainderUnsigned(total, value1));
        }
        long div = (long) value1 * value2;
        if (div == 0) {
            throw new ExpansionException("nhash divisor is zero");
        }
        total = total % div;
        return total / value2 + "/" + total % value2;
    }
}
