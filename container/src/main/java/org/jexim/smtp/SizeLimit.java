package org.jexim.smtp;

import java.util.Locale;

/** Exim's size values (message_size_limit): a number with an optional K, M or G suffix. */
final class SizeLimit {
    private SizeLimit() {
    }

    /** The bytes {@code text} stands for; 0 when it is not a plain size (an expanded limit). */
    static long bytes(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return 0;
        }
        long unit = switch (Character.toUpperCase(t.charAt(t.length() - 1))) {
            case 'K' -> 1024L;
            case 'M' -> 1024L * 1024;
            case 'G' -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        try {
            return Long.parseLong(unit == 1 ? t : t.substring(0, t.length() - 1).strip()) * unit;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
