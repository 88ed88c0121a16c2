package org.jexim.queuetools;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jexim.conf.options.EximTime;

/**
 * The queue options given to the daemon on its command line: {@code -q<flags><time>} starts a
 * queue run every interval, as {@code exim -bd -q30m} does ({@code -qf30m} forces each run,
 * {@code -qff30m} also delivers frozen messages, {@code -qi30m} only first deliveries), and
 * {@code -odq}/{@code -odi}/{@code -odb} set or clear queue_only (clearing needs
 * queue_only_override, Exim's default).
 *
 * @param interval the time between queue runs, if periodic runs were asked for
 * @param runFlags the letters between {@code -q} and the time (such as {@code f})
 * @param queueOnly what -odq/-odi/-odb asked of queue_only, if one was given
 */
public record DaemonQueueOptions(Optional<Duration> interval, String runFlags, Optional<Boolean> queueOnly) {
    private static final Pattern PERIODIC = Pattern.compile("-q(q?i?f{0,2}l?)(\\d.*)");
    /** No periodic runs, queue_only as the configure says. */
    public static final DaemonQueueOptions NONE = new DaemonQueueOptions(Optional.empty(), "", Optional.empty());

    /** The options among the daemon's command line flags. */
    public static DaemonQueueOptions of(Map<String, String> flags) {
        Optional<Duration> interval = Optional.empty();
        String runFlags = "";
        Optional<Boolean> queueOnly = Optional.empty();
        for (String flag : flags.keySet()) {
            Matcher m = PERIODIC.matcher(flag);
            if (m.matches() && EximTime.read(m.group(2)) > 0) {
                interval = Optional.of(Duration.ofSeconds(EximTime.read(m.group(2))));
                runFlags = m.group(1);
            } else if (flag.equals("-odq")) {
                queueOnly = Optional.of(true);
            } else if (flag.equals("-odi") || flag.equals("-odb") || flag.equals("-odf")) {
                queueOnly = Optional.of(false);
            }
        }
        return new DaemonQueueOptions(interval, runFlags, queueOnly);
    }

    /** The flags to hand on to the daemon's foreground process. */
    public java.util.List<String> arguments() {
        java.util.List<String> args = new java.util.ArrayList<>();
        interval.ifPresent(i -> args.add("-q" + runFlags + EximTime.format(i.toSeconds())));
        queueOnly.ifPresent(q -> args.add(q ? "-odq" : "-odi"));
        return args;
    }

    /** Whether periodic runs ignore retry times. */
    boolean forced() {
        return runFlags.contains("f");
    }

    /** Whether periodic runs thaw frozen messages. */
    boolean thawing() {
        return runFlags.contains("ff");
    }

    /** Whether periodic runs only take messages never tried. */
    boolean firstOnly() {
        return runFlags.contains("i");
    }
}
