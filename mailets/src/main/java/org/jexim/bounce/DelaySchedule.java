package org.jexim.bounce;

import java.util.ArrayList;
import java.util.List;
import org.jexim.conf.options.EximTime;

/**
 * The {@code delay_warning} time list: after how long on the queue a deferred message gets its
 * warnings; after the last time, warnings go on at the last interval. For a message that has
 * been {@code queueSeconds} on the queue, {@link #due} says how many warnings it should have had
 * by now and the delay the latest one names, as Exim's deliver.c computes them.
 */
public final class DelaySchedule {
    /** Exim's default: one warning after a day on the queue, then daily. */
    public static final DelaySchedule DEFAULT = parse("24h");

    private final List<Integer> times;

    private DelaySchedule(List<Integer> times) {
        this.times = times;
    }

    /** Parses a colon-separated list of times; an empty list, or a time of 0, turns the warnings off. */
    public static DelaySchedule parse(String list) {
        List<Integer> times = new ArrayList<>();
        for (String item : list.strip().split("\\s*:\\s*")) {
            if (item.isEmpty()) {
                continue;
            }
            int t = EximTime.read(item);
            if (t <= 0) {
                return new DelaySchedule(List.of());
            }
            times.add(t);
        }
        return new DelaySchedule(List.copyOf(times));
    }

    /** How many warnings are due by {@code queueSeconds}, and the time the last of them announces. */
    public record Due(int count, int showSeconds) {
        /** How Exim words the delay: minutes below two hours on the queue, else hours. */
        public String words(long queueSeconds) {
            return queueSeconds < 120 * 60 ? showSeconds / 60 + " minutes" : showSeconds / 3600 + " hours";
        }
    }

    public boolean off() {
        return times.isEmpty();
    }

    public Due due(long queueSeconds) {
        int n = times.size();
        int count = 0;
        while (count < n && queueSeconds >= times.get(count)) {
            count++;
        }
        int show = count == 0 ? 0 : times.get(count - 1);
        if (count >= n) {
            int lastGap = show;
            if (count > 1) {
                lastGap -= times.get(count - 2);
            }
            long extra = (queueSeconds - times.get(count - 1)) / lastGap;
            show += (int) (lastGap * extra);
            count += (int) extra;
        }
        return new Due(count, show);
    }
}
