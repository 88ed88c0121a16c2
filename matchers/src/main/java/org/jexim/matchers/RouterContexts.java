package org.jexim.matchers;

import java.util.Map;
import org.apache.mailet.AttributeName;
import org.apache.mailet.Mail;
import org.jexim.address.RoutingContext;
import org.jexim.runtime.JeximRuntime;

/** The routing context of a James mail, shared by precondition matchers and router mailets. */
public final class RouterContexts {
    /** The variable that marks a recipient whose precondition could not be decided: its router defers it. */
    public static final String DEFER_MARK = "_precondition_defer";

    private RouterContexts() {
    }

    /** The attribute where jexim's spool queue keeps the Exim message id. */
    static final AttributeName MESSAGE_ID = AttributeName.of("exim.message_id");

    public static RoutingContext of(JeximRuntime runtime, Mail mail) {
        String sender = mail.getMaybeSender().asString("");
        return new RoutingContext(runtime, runtime.qualifyRecipient(),
                Map.of("sender_address", sender, "return_path", sender, "message_id", messageId(mail)));
    }

    /** The Exim message id ($message_id, the log lines' first field); James's mail name when there is none. */
    public static String messageId(Mail mail) {
        return mail.getAttribute(MESSAGE_ID).map(a -> String.valueOf(a.getValue().value())).orElse(mail.getName());
    }
}
