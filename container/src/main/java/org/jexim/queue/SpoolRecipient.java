package org.jexim.queue;

/**
 * The address of a recipient line of a -H file, found as spool_in.c finds it: after the address
 * Exim may append {@code orcpt len,dsn_flags errors_to len,pno#3} (DSN and errors_to), or the
 * older {@code  pno} and {@code  x,pno,y} forms, all read from the right.
 */
public final class SpoolRecipient {
    private SpoolRecipient() {
    }

    /** The address of the line. */
    public static String addressOf(String line) {
        int p = line.length() - 1;
        while (p >= 0 && Character.isDigit(line.charAt(p))) {
            p--;
        }
        if (p < 0) {
            return line;
        }
        char c = line.charAt(p);
        if (c == ',') {
            while (p > 0 && (Character.isDigit(line.charAt(p - 1)) || line.charAt(p - 1) == ',')) {
                p--;
            }
            p--;
            return p >= 0 && line.charAt(p) == ' ' ? line.substring(0, p) : line;
        }
        if (c == ' ') {
            return line.substring(0, p);
        }
        if (c != '#') {
            return line;
        }
        int flags = Integer.parseInt(line.substring(p + 1).isEmpty() ? "0" : line.substring(p + 1));
        if ((flags & 1) != 0) {
            p = skipNumbers(line, p);
            int len = Integer.parseInt(line.substring(p + 1, line.indexOf(',', p + 1)));
            p -= len;
        }
        p--; // the space before the errors_to part
        if ((flags & 2) != 0) {
            p = skipNumbers(line, p);
            int len = Integer.parseInt(line.substring(p + 1, line.indexOf(',', p + 1)));
            p -= len;
        }
        p--; // the space before the orcpt part
        return line.substring(0, Math.max(p, 0));
    }

    /** Back from position p over "len,number" (digits, commas, minus); returns the position before them. */
    private static int skipNumbers(String s, int p) {
        p--;
        while (p >= 0 && (Character.isDigit(s.charAt(p)) || s.charAt(p) == ',' || s.charAt(p) == '-')) {
            p--;
        }
        return p;
    }
}
