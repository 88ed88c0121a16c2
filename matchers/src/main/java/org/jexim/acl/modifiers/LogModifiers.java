package org.jexim.acl.modifiers;

import java.util.EnumSet;
import java.util.Set;
import org.jexim.acl.AclCondition;
import org.jexim.acl.AclLog;
import org.jexim.acl.AclOutcome;
import org.jexim.conf.lists.ExiList;

/**
 * {@code logwrite = [:main,reject,panic:] TEXT} writes a line at once (main log by default);
 * {@code log_reject_target = main : reject : panic} chooses the logs of this ACL's rejection
 * (empty: none), recorded as the control "log_reject_target".
 */
public final class LogModifiers {
    private LogModifiers() {
    }

    public static AclCondition logwrite(AclLog log) {
        return (value, item, subject) -> {
            Set<AclLog.Target> targets = EnumSet.noneOf(AclLog.Target.class);
            String s = value;
            if (s.startsWith(":")) {
                int end = s.indexOf(':', 1);
                String names = end < 0 ? s.substring(1) : s.substring(1, end);
                for (String n : names.split(",")) {
                    switch (n.strip()) {
                        case "main" -> targets.add(AclLog.Target.MAIN);
                        case "panic" -> targets.add(AclLog.Target.PANIC);
                        case "reject" -> targets.add(AclLog.Target.REJECT);
                        default -> {
                            targets.add(AclLog.Target.MAIN);
                            targets.add(AclLog.Target.PANIC);
                        }
                    }
                }
                s = end < 0 ? "" : s.substring(end + 1);
            }
            if (targets.isEmpty()) {
                targets.add(AclLog.Target.MAIN);
            }
            log.write(targets, printing(s.stripLeading()));
            return AclOutcome.TRUE;
        };
    }

    public static AclCondition logRejectTarget(AclLog log) {
        return (value, item, subject) -> {
            StringBuilder kept = new StringBuilder();
            for (String n : ExiList.items(value)) {
                switch (n) {
                    case "main", "panic", "reject" -> kept.append(kept.length() > 0 ? ":" : "").append(n);
                    default -> {
                        kept.append(kept.length() > 0 ? ":" : "").append("main:reject");
                        log.panic("unknown log name \"" + n + "\" in \"log_reject_target\" in "
                                + subject.where().eximName() + " ACL");
                    }
                }
            }
            subject.effects().setControl("log_reject_target", kept.toString());
            return AclOutcome.TRUE;
        };
    }

    /** Exim's string_printing(): control characters as escapes, so a log line stays one line. */
    static String printing(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 32 || c == 127) {
                        out.append(String.format("\\%03o", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
