package org.jexim.queuetools;

import java.util.Locale;

/** The time on queue as -bp shows it: minutes up to 90, then hours up to 72, then days. */
public final class MessageAge {
    private MessageAge() {
    }

    public static String of(long seconds) {
        long i = seconds / 60;
        if (i > 90) {
            i = (i + 30) / 60;
            return i > 72 ? String.format(Locale.ROOT, "%2dd", (i + 12) / 24) : String.format(Locale.ROOT, "%2dh", i);
        }
        return String.format(Locale.ROOT, "%2dm", i);
    }
}
