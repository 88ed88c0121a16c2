package org.jexim.bounce;

import java.time.ZonedDateTime;

/** An id in Exim's XXXXXX-YYYYYY-ZZ form (base 62 time, pid, fraction) for a bounce's Message-Id. */
public final class BounceIds {
    private static final String DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private BounceIds() {
    }

    public static String next(ZonedDateTime now) {
        long fraction = now.getNano() / 1000 / (1_000_000 / (62 * 62));
        return base62(now.toEpochSecond(), 6) + "-" + base62(ProcessHandle.current().pid(), 6) + "-"
                + base62(Math.min(fraction, 62 * 62 - 1), 2);
    }

    static String base62(long value, int width) {
        char[] c = new char[width];
        long v = value;
        for (int i = width - 1; i >= 0; i--) {
            c[i] = DIGITS.charAt((int) (v % 62));
            v /= 62;
        }
        return new String(c);
    }
}
