package org.jexim.queuetools;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/** -Mar, -Mmd, -Mmad and -Mes: edit a message's envelope in its -H file, with Exim's texts and log lines. */
public final class EnvelopeEdit {
    /** The edits that take addresses, with the words Exim's messages use for them. */
    public enum Edit {
        ADD_RECIPIENT("adding recipient"), MARK_DELIVERED("marking as delivered"), EDIT_SENDER("editing sender");

        final String doing;

        Edit(String doing) {
            this.doing = doing;
        }
    }

    private final Spool spool;
    private final QueueLog log;
    private final String user;

    public EnvelopeEdit(Spool spool, QueueLog log, String user) {
        this.spool = spool;
        this.log = log;
        this.user = user;
    }

    /** -Mmad: every recipient joins the non-recipients tree. */
    public boolean markAllDelivered(String id, PrintStream out) {
        try (LockedMessage message = LockedMessage.open(spool, id, false, log, out).orElse(null)) {
            if (message == null) {
                return false;
            }
            Latin1.print(out, "Message " + id + " ");
            List<String> recipients = message.header.recipientAddresses();
            recipients.forEach(message.header::markDelivered);
            try {
                spool.write(message.header);
            } catch (IOException e) {
                Latin1.print(out, "- could not mark all delivered: " + Errors.text(e) + "\n");
                return false;
            }
            Latin1.print(out, "has been modified\n");
            recipients.forEach(r -> log.write(id, "address <" + r + "> marked delivered by " + user));
            return true;
        }
    }

    /** -Mar, -Mmd, -Mes with the addresses that followed the message id. */
    public boolean edit(Edit edit, String id, List<String> addresses, PrintStream out) {
        try (LockedMessage message = LockedMessage.open(spool, id, false, log, out).orElse(null)) {
            if (message == null) {
                return false;
            }
            Latin1.print(out, "Message " + id + " ");
            if (edit == Edit.EDIT_SENDER && addresses.size() > 1) {
                Latin1.print(out, "- only one sender address can be specified\n");
                return false;
            }
            if (addresses.isEmpty()) {
                Latin1.print(out, "- error while " + edit.doing + ": no address given\n");
                return false;
            }
            boolean ok = true;
            for (String argument : addresses) {
                ok &= apply(edit, message, argument, out);
            }
            if (!ok) {
                return false;
            }
            try {
                spool.write(message.header);
            } catch (IOException e) {
                Latin1.print(out, "- while " + edit.doing + ": " + Errors.text(e) + "\n");
                return false;
            }
            Latin1.print(out, "has been modified\n");
            return true;
        }
    }

    private boolean apply(Edit edit, LockedMessage message, String argument, PrintStream out) {
        AddressArgument.Parsed parsed = AddressArgument.parse(Latin1.fromArgument(argument), edit == Edit.EDIT_SENDER);
        if (!parsed.ok() || (!parsed.address().isEmpty() && !parsed.hasDomain())) {
            Latin1.print(out, "- error while " + edit.doing + ":\n  bad address " + argument + ": "
                + (parsed.ok() ? "domain missing" : parsed.error()) + "\n");
            return false;
        }
        String address = parsed.address();
        switch (edit) {
            case ADD_RECIPIENT -> {
                message.header.addRecipient(address);
                log.write(message.id, "recipient <" + address + "> added by " + user);
            }
            case MARK_DELIVERED -> {
                if (!message.header.recipientAddresses().contains(address)) {
                    Latin1.print(out, "- error while " + edit.doing + ":\n  " + address
                        + " is not a recipient: message not updated\n");
                    return false;
                }
                message.header.markDelivered(address);
                log.write(message.id, "address <" + address + "> marked delivered by " + user);
            }
            case EDIT_SENDER -> {
                message.header.setSender(address);
                log.write(message.id, "sender address changed to <" + address + "> by " + user);
            }
            default -> throw new IllegalStateException(edit.name());
        }
        return true;
    }
}
