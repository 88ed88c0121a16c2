package org.jexim.matchers;

import java.util.Map;
import org.apache.mailet.Mail;
import org.jexim.address.RoutingContext;
import org.jexim.runtime.JeximRuntime;

/** The routing context of a James mail, shared by precondition matchers and router mailets. */
public final class RouterContexts {
    /** The variable that marks a recipient whose precondition could not be decided: its router defers it. */
    public static final String DEFER_MARK = "_precondition_defer";

    private RouterContexts() {
    }

    public static RoutingContext of(JeximRuntime runtime, Mail mail) {
        String sender = mail.getMaybeSender().asString("");
        return new RoutingContext(runtime, runtime.qualifyRecipient(),
                Map.of("sender_address", sender, "return_path", sender, "message_id", mail.getName()));
    }
}
