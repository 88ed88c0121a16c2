package org.jexim.queue;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Makes and checks Exim 4.96 message ids: {@code XXXXXX-YYYYYY-ZZ} in base 62 (time, process, 1/2000 s). */
public final class EximMessageId {
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final long SIX_DIGITS = 62L * 62 * 62 * 62 * 62 * 62;
    /** Exim's id resolution without localhost_number: 1/2000 of a second. */
    private static final int RESOLUTION_MICROS = 500;
    private static final long PID = ProcessHandle.current().pid();
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private EximMessageId() {
    }

    /**
     * A new id for this instant. Exim's middle part is the pid, unique because each Exim process
     * receives one message per clock tick; one JVM receives many, so the middle part mixes the pid
     * with a per-process sequence number (creation with O_EXCL catches the unlikely clash).
     */
    public static String next(Instant now) {
        long processPart = (PID * 65_536L + SEQUENCE.getAndIncrement()) % SIX_DIGITS;
        int fraction = now.getNano() / 1000 / RESOLUTION_MICROS;
        return encode(now.getEpochSecond(), 6) + "-" + encode(processPart, 6) + "-" + encode(fraction, 2);
    }

    public static String next() {
        return next(Instant.now());
    }

    public static boolean isValid(String id) {
        if (id == null || id.length() != 16 || id.charAt(6) != '-' || id.charAt(13) != '-') {
            return false;
        }
        for (int i = 0; i < 16; i++) {
            char c = id.charAt(i);
            if (i != 6 && i != 13 && !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }

    /** The arrival time the id records, to its 1/2000 s (Exim's received_time, for QT= of "Completed"). */
    public static Instant arrival(String id) {
        return Instant.ofEpochSecond(epochSecond(id), decode(id.substring(14, 16)) * RESOLUTION_MICROS * 1000L);
    }

    /** The arrival second encoded in the first part of the id. */
    public static long epochSecond(String id) {
        return decode(id.substring(0, 6));
    }

    static String encode(long value, int width) {
        char[] out = new char[width];
        long v = value;
        for (int i = width - 1; i >= 0; i--) {
            out[i] = BASE62.charAt((int) (v % 62));
            v /= 62;
        }
        return new String(out);
    }

    static long decode(String digits) {
        long v = 0;
        for (int i = 0; i < digits.length(); i++) {
            v = v * 62 + BASE62.indexOf(digits.charAt(i));
        }
        return v;
    }
}
