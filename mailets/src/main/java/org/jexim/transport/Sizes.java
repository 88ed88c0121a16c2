package org.jexim.transport;

/** Exim's sizes with an optional K, M or G suffix (powers of 1024), as quota is written. */
public final class Sizes {
    private Sizes() {
    }

    public static long parse(String text) {
        String t = text.strip();
        long factor = 1;
        char last = Character.toUpperCase(t.charAt(t.length() - 1));
        if (last == 'K' || last == 'M' || last == 'G') {
            factor = last == 'K' ? 1024L : last == 'M' ? 1024L * 1024 : 1024L * 1024 * 1024;
            t = t.substring(0, t.length() - 1);
        }
        return (long) (Double.parseDouble(t) * factor);
    }
}
