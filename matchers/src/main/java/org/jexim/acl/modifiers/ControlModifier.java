package org.jexim.acl.modifiers;

import static org.jexim.acl.AclWhere.CONNECT;
import static org.jexim.acl.AclWhere.DATA;
import static org.jexim.acl.AclWhere.HELO;
import static org.jexim.acl.AclWhere.MAIL;
import static org.jexim.acl.AclWhere.MIME;
import static org.jexim.acl.AclWhere.NOTQUIT;
import static org.jexim.acl.AclWhere.NOTSMTP;
import static org.jexim.acl.AclWhere.NOTSMTP_START;
import static org.jexim.acl.AclWhere.PRDR;
import static org.jexim.acl.AclWhere.PREDATA;
import static org.jexim.acl.AclWhere.RCPT;
import static org.jexim.acl.AclWhere.VRFY;

import java.util.List;
import java.util.Set;
import org.jexim.acl.AclCondition;
import org.jexim.acl.AclOutcome;
import org.jexim.acl.AclSubject;
import org.jexim.acl.AclWhere;
import org.jexim.conf.model.AclItem;

/**
 * {@code control = NAME[/options]}: Exim 4.96's controls_list as Debian builds it (no DMARC, no
 * Brightmail): where each may be used, whether it takes options, and what it records in the
 * message's {@link org.jexim.acl.AclEffects} for the server to act on (freeze, queue,
 * submission, fakereject, no_multiline_responses ...). Unknown names and stray options are
 * Exim's {@code syntax error in "control=..."}.
 */
public final class ControlModifier implements AclCondition {
    /** Exim's default text of fakereject/fakedefer. */
    public static final String FAKE_TEXT = "Your message has been rejected but is being kept for evaluation.\n"
            + "If it was a legitimate message, it may still be delivered to the target recipient(s).";

    private record Control(String name, boolean hasOption, boolean sessionWide, Set<AclWhere> forbidden) {
    }

    private static final Set<AclWhere> NOT_LOCAL = Set.of(NOTSMTP, NOTSMTP_START);
    private static final List<Control> CONTROLS = List.of(
            new Control("allow_auth_unadvertised", false, true, AclWhere.allBut(CONNECT, HELO)),
            new Control("caseful_local_part", false, false, AclWhere.allBut(RCPT)),
            new Control("caselower_local_part", false, false, AclWhere.allBut(RCPT)),
            new Control("cutthrough_delivery", true, false, Set.of()),
            new Control("debug", true, true, Set.of()),
            new Control("dkim_disable_verify", false, false, Set.of(DATA, NOTSMTP, PRDR, NOTSMTP_START)),
            new Control("dscp", true, true, Set.of(NOTSMTP, NOTSMTP_START, NOTQUIT)),
            new Control("enforce_sync", false, true, NOT_LOCAL),
            new Control("error", false, false, Set.of()),
            new Control("fakedefer", true, false, AclWhere.allBut(MAIL, RCPT, PREDATA, DATA, PRDR, MIME)),
            new Control("fakereject", true, false, AclWhere.allBut(MAIL, RCPT, PREDATA, DATA, PRDR, MIME)),
            new Control("freeze", true, false, AclWhere.allBut(MAIL, RCPT, PREDATA, DATA, NOTSMTP, MIME)),
            new Control("no_callout_flush", false, true, NOT_LOCAL),
            new Control("no_delay_flush", false, true, NOT_LOCAL),
            new Control("no_enforce_sync", false, true, NOT_LOCAL),
            new Control("no_mbox_unspool", false, false, AclWhere.allBut(MAIL, RCPT, PREDATA, DATA, MIME)),
            new Control("no_multiline_responses", false, true, NOT_LOCAL),
            new Control("no_pipelining", false, true, NOT_LOCAL),
            new Control("queue", true, false, AclWhere.allBut(MAIL, RCPT, PREDATA, DATA, NOTSMTP, MIME)),
            new Control("submission", true, false, AclWhere.allBut(MAIL, RCPT, PREDATA)),
            new Control("suppress_local_fixups", false, false, AclWhere.allBut(MAIL, RCPT, PREDATA, NOTSMTP_START)),
            new Control("utf8_downconvert", true, false, AclWhere.allBut(RCPT, VRFY)));

    @Override
    public AclOutcome test(String arg, AclItem item, AclSubject subject) {
        Control control = CONTROLS.stream().filter(c -> arg.startsWith(c.name())).findFirst().orElse(null);
        String rest = control == null ? null : arg.substring(control.name().length());
        if (control == null || !rest.isEmpty() && (!control.hasOption() || rest.charAt(0) != '/' && rest.charAt(0) != '_')) {
            return AclOutcome.error("syntax error in \"control=" + arg + "\"");
        }
        if (control.forbidden().contains(subject.where())) {
            return AclOutcome.error("cannot use \"control=" + control.name() + "\" in " + subject.where().eximName()
                    + " ACL");
        }
        String error = options(control.name(), rest, arg);
        if (error != null) {
            return AclOutcome.error(error);
        }
        switch (control.name()) {
            case "error" -> {
                return AclOutcome.error(null); // Exim's undocumented CONTROL_ERROR: an error with no text
            }
            case "caselower_local_part" -> {
                subject.effects().clearControl("caseful_local_part");
                subject.set("local_part", subject.localPart() == null ? null
                        : subject.localPart().toLowerCase(java.util.Locale.ROOT));
            }
            case "caseful_local_part" -> {
                subject.effects().clearControl("caselower_local_part");
                subject.set("local_part", subject.localPart());
            }
            case "enforce_sync" -> subject.effects().clearControl("no_enforce_sync");
            case "no_enforce_sync" -> subject.effects().clearControl("enforce_sync");
            case "fakereject" -> subject.effects().clearControl("fakedefer");
            case "fakedefer" -> subject.effects().clearControl("fakereject");
            default -> {
            }
        }
        String value = switch (control.name()) {
            case "fakereject", "fakedefer" -> rest.startsWith("/") ? rest.substring(1) : FAKE_TEXT;
            default -> rest.startsWith("/") ? rest.substring(1) : rest;
        };
        if (control.sessionWide()) {
            subject.effects().setSessionControl(control.name(), value);
        } else {
            subject.effects().setControl(control.name(), value);
        }
        return AclOutcome.TRUE;
    }

    /** Checks a control's options as acl.c does; the error text, or null when they are fine. */
    private static String options(String name, String rest, String arg) {
        String syntax = "syntax error in \"control=" + arg + "\"";
        switch (name) {
            case "freeze":
                return rest.isEmpty() || rest.equals("/no_tell") ? null : syntax;
            case "queue":
                if (rest.equals("_only")) {
                    return null;
                }
                return rest.replace("/only", "").replace("/first_pass_route", "").isEmpty() ? null : null;
            case "submission": {
                String p = rest;
                while (p.startsWith("/")) {
                    if (p.startsWith("/sender_retain")) {
                        p = p.substring(14);
                    } else if (p.startsWith("/domain=")) {
                        int next = p.indexOf('/', 8);
                        p = next < 0 ? "" : p.substring(next);
                    } else if (p.startsWith("/name=")) {
                        p = "";
                    } else {
                        break;
                    }
                }
                return p.isEmpty() ? null : syntax;
            }
            case "dscp":
                return rest.startsWith("/") ? null : syntax;
            case "utf8_downconvert":
                if (rest.isEmpty() || rest.startsWith("/1") || rest.startsWith("/0") || rest.startsWith("/-1")) {
                    return null;
                }
                return "bad option value for control=utf8_downconvert";
            default:
                return null;
        }
    }
}
