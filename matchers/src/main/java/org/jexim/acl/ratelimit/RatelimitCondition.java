package org.jexim.acl.ratelimit;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jexim.acl.AclCondition;
import org.jexim.acl.AclOutcome;
import org.jexim.acl.AclSubject;
import org.jexim.acl.AclWhere;
import org.jexim.conf.lists.ExiList;
import org.jexim.conf.model.AclItem;
import org.jexim.conf.options.EximTime;

/**
 * {@code ratelimit = LIMIT / PERIOD / options / KEY}, as Exim's acl_ratelimit(): an
 * exponentially smoothed rate per key in the hints database, true when the rate is at or over
 * the limit; leaky (default) does not record over-limit events, strict does, readonly and
 * noupdate never write; per_conn/per_mail/per_rcpt/per_byte/per_cmd/per_addr choose what is
 * counted, count= and unique= refine it. Sets $sender_rate, $sender_rate_limit and
 * $sender_rate_period.
 */
public final class RatelimitCondition implements AclCondition {
    private final RateStore store;
    private final java.util.function.LongSupplier clockMicros;

    public RatelimitCondition(RateStore store) {
        this(store, () -> System.currentTimeMillis() * 1000);
    }

    /** {@code clockMicros}: microseconds since the epoch (tests pass their own). */
    public RatelimitCondition(RateStore store, java.util.function.LongSupplier clockMicros) {
        this.store = store;
        this.clockMicros = clockMicros;
    }

    @Override
    public AclOutcome test(String arg, AclItem item, AclSubject subject) throws IOException {
        List<String> list = new java.util.ArrayList<>(ExiList.items(arg, '/'));
        if (list.isEmpty()) {
            return error("sender rate limit not set");
        }
        String limitText = list.remove(0);
        subject.set("sender_rate_limit", limitText);
        double limit = number(limitText);
        if (Double.isNaN(limit)) {
            return error("\"" + limitText + "\" is not a positive number");
        }
        String periodText = list.isEmpty() ? null : list.remove(0);
        subject.set("sender_rate_period", periodText);
        double period = periodText == null ? -1 : EximTime.read(periodText);
        if (period <= 0) {
            return error("\"" + periodText + "\" is not a time value");
        }
        AclWhere where = subject.where();
        Options o = new Options();
        for (String ss : list) {
            String lower = ss.toLowerCase(Locale.ROOT);
            switch (lower) {
                case "leaky" -> o.leaky = true;
                case "strict" -> o.strict = true;
                case "noupdate" -> o.noupdate = true;
                case "readonly" -> o.readonly = true;
                case "per_cmd" -> o.set("per_cmd");
                case "per_conn" -> {
                    o.set("per_conn");
                    o.badacl |= where == AclWhere.NOTSMTP || where == AclWhere.NOTSMTP_START;
                }
                case "per_mail" -> {
                    o.set("per_mail");
                    o.badacl |= !where.inMessage();
                }
                case "per_rcpt" -> {
                    if (where == AclWhere.RCPT) {
                        o.set("per_rcpt");
                    } else if (where.ordinal() >= AclWhere.PREDATA.ordinal() && where.inMessage()) {
                        o.set("per_allrcpts");
                        o.count = Double.parseDouble(subject.variable("recipients_count").orElse("0"));
                    } else {
                        o.set("per_rcpt");
                        o.badacl = true;
                    }
                }
                case "per_byte" -> {
                    o.set("per_mail");
                    if (!where.inMessage()) {
                        o.badacl = true;
                    } else {
                        o.count = subject.variable("message_size").map(Double::parseDouble).filter(d -> d >= 0).orElse(0.0);
                    }
                }
                case "per_addr" -> {
                    o.set("per_rcpt");
                    if (where != AclWhere.RCPT) {
                        o.badacl = true;
                        o.unique = "*";
                    } else {
                        o.unique = subject.localPart() + "@" + subject.domain();
                    }
                }
                default -> {
                    if (lower.startsWith("count=")) {
                        o.count = number(ss.substring(6));
                        if (Double.isNaN(o.count)) {
                            return error("\"" + ss + "\" is not a positive number");
                        }
                    } else if (lower.startsWith("unique=")) {
                        o.unique = ss.substring(7);
                    } else {
                        o.key = o.key == null ? ss : o.key + "/" + ss;
                    }
                }
            }
        }
        if (o.mode.equals("!")) {
            return error("conflicting per_* options");
        }
        if ((o.leaky ? 1 : 0) + (o.strict ? 1 : 0) + (o.readonly ? 1 : 0) > 1) {
            return error("conflicting update modes");
        }
        if (o.badacl && (o.leaky || o.strict) && !o.noupdate) {
            return error("\"" + o.modeName() + "\" must not have /leaky or /strict option, or cannot be used in "
                    + where.eximName() + " ACL");
        }
        if (o.noupdate) {
            o.readonly = true;
            o.leaky = false;
            o.strict = false;
        }
        if (o.badacl) {
            o.readonly = true;
        }
        if (o.readonly) {
            o.count = 0;
        }
        if (!o.strict && !o.readonly) {
            o.leaky = true;
        }
        if (o.mode.equals("?")) {
            o.mode = "per_mail";
        }
        String key = o.key != null ? o.key : subject.clientIp() == null ? "" : subject.clientIp();
        key = periodText + "/" + o.modeName() + "/" + (o.unique == null ? "" : "unique/") + key;
        Map<String, Double> cache = subject.effects().rates(o.readonly ? "cmd" : switch (o.mode) {
            case "per_conn" -> "conn";
            case "per_mail", "per_allrcpts" -> "mail";
            default -> "cmd";
        });
        Double cached = cache.get(key);
        if (cached != null) {
            subject.set("sender_rate", String.format(Locale.ROOT, "%.1f", cached));
            return AclOutcome.of(cached >= limit);
        }
        double[] rate = {0};
        boolean[] over = {false};
        final double count0 = o.count;
        final boolean leaky = o.leaky;
        final boolean strict = o.strict;
        final String unique = o.unique;
        final boolean readonly = o.readonly;
        store.update(key, old -> {
            long now = clockMicros.getAsLong();
            double count = count0;
            RateRecord rec = old;
            byte[] bloom = rec == null ? null : rec.bloom();
            long epoch = rec == null ? now / 1_000_000 : rec.bloomEpoch();
            if (unique != null && (bloom == null || now / 1_000_000 > epoch + period)) {
                bloom = new byte[Math.max(16, (int) limit * 2)];
                epoch = now / 1_000_000;
            }
            if (unique != null && !readonly && seen(bloom, unique)) {
                count = 0;
            }
            double r;
            if (rec == null) {
                r = count;
            } else {
                double interval = now - rec.timeMicros() <= 0 ? 1e-9 : (now - rec.timeMicros()) / 1e6;
                double iOverP = interval / period;
                double a = Math.exp(-iOverP);
                r = (1 - a) * count / iOverP + a * rec.rate();
                if (r < count) {
                    r = count;
                }
            }
            rate[0] = r;
            over[0] = r >= limit;
            boolean write = (!over[0] && leaky) || strict;
            return write ? new RateRecord(now, r, epoch, bloom) : null;
        });
        cache.put(key, rate[0]);
        subject.set("sender_rate", String.format(Locale.ROOT, "%.1f", rate[0]));
        return AclOutcome.of(over[0]);
    }

    /** Records {@code event} in the Bloom filter; true when all its bits were already set. */
    private static boolean seen(byte[] bloom, String event) {
        byte[] md5;
        try {
            md5 = MessageDigest.getInstance("MD5").digest(event.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long hash = (md5[0] & 0xff) | (md5[1] & 0xff) << 8 | (md5[2] & 0xff) << 16 | ((long) md5[3] & 0xff) << 24;
        long hinc = (md5[4] & 0xff) | (md5[5] & 0xff) << 8 | (md5[6] & 0xff) << 16 | ((long) md5[7] & 0xff) << 24;
        boolean seen = true;
        for (int n = 0; n < 8; n++, hash = (hash + hinc) & 0xffffffffL) {
            int bit = 1 << (int) (hash % 8);
            int index = (int) ((hash / 8) % bloom.length);
            if ((bloom[index] & bit) == 0) {
                bloom[index] |= (byte) bit;
                seen = false;
            }
        }
        return seen;
    }

    /** A number with an optional K/M/G suffix; NaN when it is not one or negative. */
    private static double number(String s) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)([kKmMgG]?)")
                .matcher(s.strip());
        if (!m.matches()) {
            return Double.NaN;
        }
        double v = Double.parseDouble(m.group(1));
        switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> v *= 1024;
            case "m" -> v *= 1024 * 1024;
            case "g" -> v *= 1024.0 * 1024 * 1024;
            default -> {
            }
        }
        return v;
    }

    private static AclOutcome error(String text) {
        return AclOutcome.error("error in arguments to \"ratelimit\" condition: " + text);
    }

    /** The options read so far. */
    private static final class Options {
        boolean leaky;
        boolean strict;
        boolean noupdate;
        boolean readonly;
        boolean badacl;
        String mode = "?";
        String key;
        String unique;
        double count = 1.0;

        void set(String m) {
            mode = mode.equals("?") ? m : "!";
        }

        String modeName() {
            return mode.equals("per_allrcpts") ? "per_rcpt" : mode;
        }
    }
}
