package org.jexim.acl;

import java.util.List;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.model.AclItem;
import org.jexim.conf.model.AclVerb;
import org.jexim.lists.ListException;

/**
 * Exim's acl_check_condition(): the conditions and modifiers of one statement in order, until
 * one is not TRUE; then the statement's {@code message} and {@code log_message}, expanded only
 * when the result is the one they serve (msgcond[]).
 */
final class StatementCheck {
    private final AclConditionTable table;

    StatementCheck(AclConditionTable table) {
        this.table = table;
    }

    /** The result code; {@code endpass[0]} tells whether endpass was met; messages go to {@code msgs}. */
    AclOutcome.Code check(AclVerb verb, List<AclItem> items, AclSubject subject, boolean[] endpass, AclMessages msgs) {
        String userMessage = null;
        String logMessage = null;
        AclOutcome.Code rc = AclOutcome.Code.OK;
        for (AclItem item : items) {
            switch (item.name()) {
                case "message" -> {
                    userMessage = item.value();
                    continue;
                }
                case "log_message" -> {
                    logMessage = item.value();
                    continue;
                }
                case "endpass" -> {
                    endpass[0] = true;
                    continue;
                }
                default -> {
                }
            }
            AclConditionDef def = table.get(item.name());
            if (def == null) {
                msgs.log = "ACL condition \"" + item.name() + "\" is not implemented in jexim";
                return AclOutcome.Code.ERROR;
            }
            String arg = item.value();
            if (def.expandAtTop()) {
                try {
                    arg = AclEngine.expand(item.value(), subject);
                } catch (ExpansionException e) {
                    if (e.forced()) {
                        continue;
                    }
                    msgs.log = "failed to expand ACL string \"" + item.value() + "\": " + e.getMessage();
                    return AclOutcome.Code.ERROR;
                }
            }
            if (def.forbidden().contains(subject.where())) {
                msgs.log = "cannot " + (def.modifier() ? "use" : "test") + " " + def.name() + " condition in "
                        + subject.where().eximName() + " ACL";
                return AclOutcome.Code.ERROR;
            }
            AclOutcome outcome;
            subject.statementVerb(verb);
            try {
                outcome = def.condition().test(arg, item, subject);
            } catch (ListException e) {
                outcome = AclOutcome.defer(e.getMessage());
            } catch (ExpansionException e) {
                outcome = e.forced() ? AclOutcome.FALSE
                        : AclOutcome.error("failed to expand ACL string \"" + item.value() + "\": " + e.getMessage());
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                outcome = AclOutcome.defer(item.name() + ": " + e.getMessage());
            }
            rc = outcome.code();
            if (def.name().equals("acl")) {
                // a nested ACL hands up its messages as they are, even none (they share Exim's pointers)
                msgs.user = outcome.userMessage();
                msgs.log = outcome.logMessage();
                msgs.tempDetails = outcome.tempDetails();
            } else {
                if (outcome.userMessage() != null) {
                    msgs.user = outcome.userMessage();
                }
                if (outcome.logMessage() != null) {
                    msgs.log = outcome.logMessage();
                }
                msgs.tempDetails |= outcome.tempDetails();
            }
            if (def.name().equals("verify")) {
                if (msgs.user != null) {
                    subject.set("acl_verify_message", msgs.user);
                }
                if (verb == AclVerb.WARN) {
                    msgs.user = null;
                }
            }
            if (!def.modifier() && item.negated()) {
                if (rc == AclOutcome.Code.OK) {
                    rc = AclOutcome.Code.FAIL;
                } else if (rc == AclOutcome.Code.FAIL || rc == AclOutcome.Code.DROP) {
                    rc = AclOutcome.Code.OK;
                }
            }
            if (rc != AclOutcome.Code.OK) {
                break;
            }
        }
        if (endpass[0] && rc == AclOutcome.Code.OK) {
            userMessage = null;
        }
        if (messagesApply(verb, rc)) {
            String oldUser = msgs.user;
            String oldLog = msgs.log != null ? msgs.log : oldUser;
            if (verb == AclVerb.WARN || rc == AclOutcome.Code.OK && (verb == AclVerb.ACCEPT || verb == AclVerb.DISCARD)) {
                msgs.user = null;
                msgs.log = null;
            }
            if (userMessage != null) {
                String expanded = expandMessage(userMessage, oldUser, subject);
                if (expanded != null && !expanded.isEmpty()) {
                    msgs.user = expanded;
                }
            }
            if (logMessage != null) {
                String expanded = expandMessage(logMessage, oldLog, subject);
                if (expanded != null && !expanded.isEmpty()) {
                    msgs.log = msgs.log == null ? expanded : expanded + ": " + msgs.log;
                }
            }
            if (msgs.log == null) {
                msgs.log = msgs.user;
            }
        }
        subject.set("acl_verify_message", null);
        return rc;
    }

    /** msgcond[]: the results for which a verb's message and log_message are used. */
    private static boolean messagesApply(AclVerb verb, AclOutcome.Code rc) {
        boolean ok = rc == AclOutcome.Code.OK;
        boolean fail = rc == AclOutcome.Code.FAIL || rc == AclOutcome.Code.DROP;
        return switch (verb) {
            case ACCEPT, DISCARD -> ok || fail;
            case DEFER, DENY, DROP, WARN -> ok;
            case REQUIRE -> fail;
        };
    }

    /** Expands a message with $acl_verify_message set to what came before; a failure panics and gives null. */
    private String expandMessage(String text, String verifyMessage, AclSubject subject) {
        subject.set("acl_verify_message", verifyMessage);
        try {
            return AclEngine.expand(text, subject);
        } catch (ExpansionException e) {
            if (!e.forced()) {
                table.services().log().panic("failed to expand ACL message \"" + text + "\": " + e.getMessage());
            }
            return null;
        }
    }
}
