package org.jexim.acl;

/**
 * Exim's acl_warn(): what a {@code warn} statement whose conditions are true does with its
 * messages: the log message goes to the main log once per connection ("H=... Warning: ..."),
 * the user message becomes a header of the message (an old form of {@code add_header}).
 */
final class WarnEffects {
    private final AclLog log;

    WarnEffects(AclLog log) {
        this.log = log;
    }

    void apply(AclSubject subject, String userMessage, String logMessage) {
        // the same reference means no log_message was given: the user message stood in for it
        if (logMessage != null && logMessage != userMessage) {
            String line = hostAndIdent(subject) + " Warning: " + logMessage;
            if (subject.effects().firstWarning(line)) {
                log.main(line);
            }
        }
        if (userMessage == null) {
            return;
        }
        if (!subject.where().inMessage()) {
            log.panic("ACL \"warn\" with \"message\" setting found in a non-message (" + subject.where().eximName()
                    + ") ACL: cannot specify header lines here: message ignored");
            return;
        }
        HeaderText.add(userMessage, subject.effects());
    }

    /** Exim's host_and_ident(TRUE) as the subject knows it: "H=(helo) [ip]", or "U=user" locally. */
    static String hostAndIdent(AclSubject subject) {
        return subject.variable("host_and_ident").orElseGet(() -> {
            String ip = subject.clientIp();
            if (ip == null) {
                return "U=" + subject.variable("sender_ident").orElse("");
            }
            String helo = subject.variable("sender_helo_name").orElse(null);
            return "H=" + (helo == null ? "" : "(" + helo + ") ") + "[" + ip + "]";
        });
    }
}
