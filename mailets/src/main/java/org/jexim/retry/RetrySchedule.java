package org.jexim.retry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jexim.conf.model.RetryRule;

/**
 * Exim's retry rules applied to one failed address (retry.c): the first rule whose pattern
 * matches the address (or its domain) and whose error matches; then the first parameter set
 * whose cutoff, counted from the first failure, is not yet reached, gives the next interval
 * (F fixed; G the last gap times the factor, at least the interval; H the interval plus a random
 * part of what G would add), capped by retry_interval_max. The last gap is Exim's: the shorter of
 * the gap last predicted and the time since the last try (a forced early try does not make the
 * intervals grow). Past the last cutoff the address fails: "retry timeout exceeded".
 */
public final class RetrySchedule {
    /** Exim's error text for an address whose retry time ran out. */
    public static final String TIMEOUT = "retry timeout exceeded";

    private final List<RetryRule> rules;
    private final Duration intervalMax;

    public RetrySchedule(List<RetryRule> rules, Duration intervalMax) {
        this.rules = rules;
        this.intervalMax = intervalMax;
    }

    /** What to do after a temporary failure: retry at {@code next}, or give up. */
    public record Decision(Optional<Instant> next, long intervalSeconds) {
        public boolean giveUp() {
            return next.isEmpty();
        }
    }

    /**
     * The decision for {@code address} (local@domain) failing temporarily with {@code error}
     * ("*" when unclassified) at {@code now}, first failed at {@code firstFailed}, whose last
     * gap was {@code lastInterval} seconds (0 on the first failure; see {@link #lastGap}). No
     * matching rule: give up.
     */
    public Decision decide(String address, String error, Instant firstFailed, long lastInterval, Instant now) {
        Optional<RetryRule> rule = find(address, error);
        if (rule.isEmpty()) {
            return new Decision(Optional.empty(), 0);
        }
        long elapsed = Duration.between(firstFailed, now).getSeconds();
        for (RetryRule.Parameters p : rule.get().parameters()) {
            if (elapsed >= p.cutoffSeconds()) {
                continue;
            }
            long nextGap = (long) (lastInterval * p.factor());
            long interval = switch (p.algorithm()) {
                case 'G' -> lastInterval < p.intervalSeconds() ? p.intervalSeconds() : nextGap;
                case 'H' -> p.intervalSeconds() + (nextGap > p.intervalSeconds()
                        ? (long) (Math.random() * (nextGap - p.intervalSeconds())) / 2 + (nextGap - p.intervalSeconds()) / 2 : 0);
                default -> p.intervalSeconds();
            };
            interval = Math.min(interval, intervalMax.getSeconds());
            return new Decision(Optional.of(now.plusSeconds(interval)), interval);
        }
        return new Decision(Optional.empty(), 0);
    }

    /**
     * Exim's last gap (retry.c): the shorter of the gap last predicted (next try minus last try)
     * and the time since the last try.
     */
    public static long lastGap(long predicted, Instant lastTry, Instant now) {
        return Math.max(0, Math.min(predicted, Duration.between(lastTry, now).getSeconds()));
    }

    /** The first rule for the address and error, as Exim's retry_find_config looks it up. */
    public Optional<RetryRule> find(String address, String error) {
        for (RetryRule r : rules) {
            if (matches(r.pattern(), address) && (r.error().equals("*") || r.error().equalsIgnoreCase(error))) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    static boolean matches(String pattern, String address) {
        String a = address.toLowerCase(Locale.ROOT);
        String domain = a.substring(a.lastIndexOf('@') + 1);
        String p = pattern.toLowerCase(Locale.ROOT);
        if (p.equals("*")) {
            return true;
        }
        if (p.startsWith("^")) {
            return Pattern.compile(pattern, Pattern.CASE_INSENSITIVE).matcher(p.contains("@") ? a : domain).find()
                    || Pattern.compile(pattern, Pattern.CASE_INSENSITIVE).matcher(a).find();
        }
        if (p.contains("@")) {
            String local = p.substring(0, p.lastIndexOf('@'));
            String dom = p.substring(p.lastIndexOf('@') + 1);
            String aLocal = a.substring(0, Math.max(0, a.lastIndexOf('@')));
            return (local.equals("*") || local.equals(aLocal)) && domainMatches(dom, domain);
        }
        return domainMatches(p, domain);
    }

    private static boolean domainMatches(String p, String domain) {
        if (p.equals("*")) {
            return true;
        }
        if (p.startsWith("*")) {
            return domain.endsWith(p.substring(1));
        }
        return p.equals(domain);
    }
}
