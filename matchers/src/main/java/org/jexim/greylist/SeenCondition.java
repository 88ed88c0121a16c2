package org.jexim.greylist;

import java.io.IOException;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import org.jexim.conf.lists.ExiList;
import org.jexim.conf.options.EximTime;

/**
 * Exim 4.96's {@code seen} condition, the building block of greylisting
 * ({@code defer !seen = -5m / key=${sender_host_address}_$local_part@$domain}):
 * {@code [-]INTERVAL[/key=K][/readonly|/write][/refresh=T]} over the "seen" hints database.
 * Without a minus it is true when the key was seen within the interval; with a minus, when it
 * was seen before it. A record is written (time now) for a "since" test, for a new key, or
 * always with {@code write}, never with {@code readonly}; a passing "before" test on a record
 * older than the refresh time (10 days by default) moves it to the test time.
 */
public final class SeenCondition {
    private static final long DEFAULT_REFRESH = 10L * 24 * 3600;
    private final HintsFile db;
    private final LongSupplier clock;

    /** {@code clock}: seconds since the epoch (tests pass their own). */
    public SeenCondition(HintsFile db, LongSupplier clock) {
        this.db = db;
        this.clock = clock;
    }

    public SeenCondition(HintsFile db) {
        this(db, () -> System.currentTimeMillis() / 1000);
    }

    /** A {@code seen} argument Exim refuses (bad time, unknown option). */
    public static final class SeenException extends Exception {
        public SeenException(String message) {
            super(message);
        }
    }

    /** Evaluates the expanded argument; {@code defaultKey} is $sender_host_address. */
    public boolean test(String argument, String defaultKey) throws SeenException, IOException {
        ExiList list = new ExiList(argument, '/');
        String first = list.next();
        String interval = first == null ? "" : first.strip();
        boolean before = interval.startsWith("-");
        if (before) {
            interval = interval.substring(1).strip();
        }
        long seconds = EximTime.read(interval);
        if (seconds < 0) {
            throw new SeenException("bad time value in ACL condition \"seen " + argument + "\"");
        }
        String key = defaultKey;
        boolean readonly = false;
        boolean write = false;
        long refresh = DEFAULT_REFRESH;
        for (String ele; (ele = list.next()) != null; ) {
            String e = ele.strip();
            if (e.startsWith("key=")) {
                key = e.substring(4);
            } else if (e.equals("readonly")) {
                readonly = true;
                write = false;
            } else if (e.equals("write")) {
                write = true;
                readonly = false;
            } else if (e.startsWith("refresh=")) {
                refresh = EximTime.read(e.substring(8));
                if (refresh < 0) {
                    throw new SeenException("bad refresh time in ACL condition \"seen " + argument + "\"");
                }
            } else {
                throw new SeenException("unknown option \"" + e + "\" in ACL condition \"seen " + argument + "\"");
            }
        }
        if (key == null || key.isEmpty()) {
            return false; // no host address (local message) and no key: nothing to remember
        }
        long now = clock.getAsLong();
        long testTime = now - seconds;
        boolean[] yield = {false};
        final boolean isBefore = before;
        final boolean ro = readonly;
        final boolean wr = write;
        final long refreshSeconds = refresh;
        db.update(key, stored -> {
            if (stored.isPresent()) {
                long t = stored.getAsLong();
                yield[0] = isBefore ? t < testTime : t >= testTime;
            }
            if (wr || (!ro && (!isBefore || stored.isEmpty()))) {
                return OptionalLong.of(now);
            }
            if (!ro && yield[0] && isBefore && stored.getAsLong() < now - refreshSeconds) {
                return OptionalLong.of(testTime);
            }
            return OptionalLong.empty();
        });
        return yield[0];
    }
}
