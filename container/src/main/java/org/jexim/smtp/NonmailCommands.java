package org.jexim.smtp;

import java.util.Locale;

/**
 * Exim's smtp_accept_max_nonmail (default 10) for one connection: NOOP, ETRN, VRFY, EXPN and
 * HELP always count; RSET, HELO/EHLO and STARTTLS count from their second use since the start
 * of a message (smtp_setup_msg frees one of each), AUTH from its second since the session or
 * the last STARTTLS. One command too many is refused with {@code 554 Too many nonmail commands}
 * and the connection ends. Only clients in smtp_accept_max_nonmail_hosts (default *) are counted.
 */
final class NonmailCommands {
    /** Exim's reply to the command that passed the limit. */
    static final SmtpReply TOO_MANY = SmtpReply.of("554", "Too many nonmail commands").closing();

    private final int max;
    private final boolean counted;
    private int count;
    /** The commands whose free occurrence is used up (HELO stands for EHLO too). */
    private final java.util.Set<String> used = new java.util.HashSet<>();
    private String previous = "";

    NonmailCommands(int max, boolean counted) {
        this.max = max;
        this.counted = counted;
    }

    /** The limits of the configure for a client at {@code ip} (null: a local -bs caller). */
    static NonmailCommands of(org.jexim.runtime.JeximRuntime runtime, String ip) {
        int max = runtime.mainOption("smtp_accept_max_nonmail").map(String::strip).map(Integer::parseInt).orElse(10);
        return new NonmailCommands(max, AuthAdvertising.hostIn(runtime, "smtp_accept_max_nonmail_hosts", "*", ip));
    }

    /**
     * The command's verb as Exim's table names it: its first four letters, upper case, when a
     * space or the end follows them (STARTTLS whole); "" for anything else.
     */
    static String verb(String line) {
        if (line.equalsIgnoreCase("STARTTLS")) {
            return "STAR";
        }
        return line.length() == 4 || line.length() > 4 && line.charAt(4) == ' '
                ? line.substring(0, 4).toUpperCase(Locale.ROOT) : "";
    }

    /**
     * Counts {@code line}; true when it is one nonmail command too many. A command after DATA
     * (or BDAT LAST) starts a new message's allowance; one after STARTTLS frees EHLO and AUTH.
     */
    boolean tooMany(String line) {
        String verb = verb(line);
        if (previous.equals("DATA") || previous.equals("BDAT")) {
            used.removeAll(java.util.Set.of("RSET", "HELO", "STAR"));
        } else if (previous.equals("STAR")) {
            used.removeAll(java.util.Set.of("HELO", "AUTH"));
        }
        previous = verb.equals("BDAT") && !line.toUpperCase(Locale.ROOT).endsWith("LAST") ? "" : verb;
        boolean nonmail = switch (verb) {
            case "NOOP", "ETRN", "VRFY", "EXPN", "HELP" -> true;
            case "RSET", "AUTH" -> !used.add(verb);
            case "HELO", "EHLO" -> !used.add("HELO");
            case "STAR" -> !used.add(verb);
            default -> false;
        };
        return nonmail && counted && ++count > max;
    }

    /**
     * Exim's answer to {@code line} when it is one too many: the 554, the main and reject log
     * line naming the command, and $smtp_notquit_reason bad-commands; null to let it through.
     */
    SmtpReply check(SessionState state, String line) {
        if (!tooMany(line)) {
            return null;
        }
        state.ending("bad-commands");
        org.jexim.log.SmtpConnectionLog log = org.jexim.log.SmtpConnectionLog.main();
        log.incompleteTransaction(state.peer(), "too many non-mail commands", state.rawSender(), state.recipients());
        int space = line.indexOf(' ');
        log.droppedForNonmail(state.peer(), space < 0 ? line : line.substring(0, space));
        return TOO_MANY;
    }
}
