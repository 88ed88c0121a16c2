package org.jexim.cli;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jexim.conf.options.EximTime;

/** Exim's -bP renderings of typed option values (readconf.c print_ol and string_printing2). */
final class OptionValueText {
    private OptionValueText() {
    }

    /** An integer shown with a K or M suffix when it is an exact multiple (opt_mkint). */
    static String mkint(long x) {
        int v = (int) x;
        if (v != 0 && (v & 1023) == 0) {
            char c = 'K';
            v >>= 10;
            if ((v & 1023) == 0) {
                c = 'M';
                v >>= 10;
            }
            return v + String.valueOf(c);
        }
        return Integer.toString(v);
    }

    /** A number of kilobytes (opt_Kint). */
    static String kint(long x) {
        if (x == 0) {
            return "0";
        }
        if ((x & ((1L << 30) - 1)) == 0) {
            return (x >> 30) + "T";
        }
        if ((x & ((1L << 20) - 1)) == 0) {
            return (x >> 20) + "G";
        }
        if ((x & ((1L << 10) - 1)) == 0) {
            return (x >> 10) + "M";
        }
        return x + "K";
    }

    /** printf("%#o"). */
    static String octal(long x) {
        int v = (int) x;
        return v == 0 ? "0" : "0" + Integer.toOctalString(v);
    }

    /** Thousandths as Exim prints a fixed-point value: at least one decimal, no trailing zeros. */
    static String fixed(long x) {
        int v = (int) x;
        StringBuilder b = new StringBuilder().append(v / 1000).append('.');
        int f = v % 1000;
        int d = 100;
        do {
            b.append(f / d);
            f %= d;
            d /= 10;
        } while (f != 0);
        return b.toString();
    }

    static String time(long seconds) {
        return EximTime.format((int) seconds);
    }

    static String timeList(List<?> values) {
        StringBuilder b = new StringBuilder();
        for (Object v : values) {
            if (b.length() > 0) {
                b.append(':');
            }
            b.append(time(((Number) v).longValue()));
        }
        return b.toString();
    }

    /**
     * string_printing2: non-printing bytes become escapes (\n, \t, \ooo); with {@code tabs}
     * (SP_TAB) a tab is escaped too. Bytes above 126 are escaped unless print_topbitchars is set.
     */
    static String printing(String s, boolean tabs, boolean topBitChars) {
        // the reader decodes the configure as UTF-8: these are the file's bytes again
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        StringBuilder b = new StringBuilder();
        for (byte by : bytes) {
            int c = by & 0xff;
            boolean printable = (c >= 32 && c < 127) || (topBitChars && c > 127);
            if (printable && !(tabs && c == '\t')) {
                b.append((char) c);
                continue;
            }
            b.append('\\');
            switch (c) {
                case '\n' -> b.append('n');
                case '\r' -> b.append('r');
                case '\b' -> b.append('b');
                case 0x0b -> b.append('v');
                case '\f' -> b.append('f');
                case '\t' -> b.append('t');
                default -> b.append(String.format("%03o", c));
            }
        }
        return b.toString();
    }
}
