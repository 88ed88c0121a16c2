package org.jexim.conf.reader;

/** C's strtol(): optional sign, then decimal, 0x hex or 0 octal (base 0), or the given base. */
record Strtol(long value, int end, boolean overflow) {

    static Strtol parse(String s, int base) {
        int i = Ascii.skipSpace(s, 0);
        boolean negative = false;
        if (Ascii.at(s, i) == '+' || Ascii.at(s, i) == '-') {
            negative = s.charAt(i) == '-';
            i++;
        }
        int b = base;
        if ((b == 0 || b == 16) && Ascii.at(s, i) == '0' && (Ascii.at(s, i + 1) == 'x' || Ascii.at(s, i + 1) == 'X')
                && Character.digit(Ascii.at(s, i + 2), 16) >= 0) {
            i += 2;
            b = 16;
        } else if (b == 0) {
            b = Ascii.at(s, i) == '0' ? 8 : 10;
        }
        int start = i;
        long v = 0;
        boolean overflow = false;
        while (i < s.length()) {
            int d = Character.digit(s.charAt(i), b);
            if (d < 0 || s.charAt(i) > 'z') {
                break;
            }
            if (v > (Long.MAX_VALUE - d) / b) {
                overflow = true;
            } else {
                v = v * b + d;
            }
            i++;
        }
        if (i == start) {
            return new Strtol(0, 0, false);
        }
        return new Strtol(negative ? -v : v, i, overflow);
    }
}
