package org.jexim.queuetools;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Exim's string_format_size: a message size in exactly five characters, as -bp prints it. */
public final class SizeFormat {
    private SizeFormat() {
    }

    public static String of(long size) {
        if (size == 0) {
            return "     ";
        }
        if (size < 1024) {
            return String.format(Locale.ROOT, "%5d", size);
        }
        if (size < 10 * 1024) {
            return oneDecimal(size / 1024.0) + "K";
        }
        if (size < 1024 * 1024) {
            return String.format(Locale.ROOT, "%4dK", (size + 512) / 1024);
        }
        if (size < 10 * 1024 * 1024) {
            return oneDecimal(size / (1024.0 * 1024.0)) + "M";
        }
        return String.format(Locale.ROOT, "%4dM", (size + 512 * 1024) / (1024 * 1024));
    }

    /** C's "%4.1f": the exact binary value rounded half-even (Java's %f would round 1.25 up). */
    private static String oneDecimal(double value) {
        String digits = new BigDecimal(value).setScale(1, RoundingMode.HALF_EVEN).toPlainString();
        return " ".repeat(Math.max(0, 4 - digits.length())) + digits;
    }
}
