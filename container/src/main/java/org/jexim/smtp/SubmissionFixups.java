package org.jexim.smtp;

import java.util.List;
import java.util.Locale;
import org.jexim.submit.AddressList;
import org.jexim.submit.HeaderSection;

/**
 * {@code control = submission[/sender_retain][/domain=D][/name=N]} acted on as receive.c does for
 * a message from a host in submission mode: Sender: dropped (unless sender_retain), Message-Id:
 * and Date: added when missing, From: made from the envelope sender (or the authenticated id
 * for a bounce) when missing, and, when the client authenticated, a Sender: with the
 * authenticated address when From: is someone else, the envelope sender becoming that address.
 */
final class SubmissionFixups {
    /** The control's options as ControlModifier keeps them ("sender_retain/domain=x/name=Joe"). */
    record Options(boolean senderRetain, String domain, String name) {
        static Options parse(String value) {
            boolean retain = false;
            String domain = null;
            String name = null;
            String rest = value == null ? "" : value;
            while (!rest.isEmpty()) {
                if (rest.startsWith("sender_retain")) {
                    retain = true;
                    rest = rest.substring(13);
                } else if (rest.startsWith("domain=")) {
                    int slash = rest.indexOf('/');
                    domain = slash < 0 ? rest.substring(7) : rest.substring(7, slash);
                    rest = slash < 0 ? "" : rest.substring(slash);
                } else if (rest.startsWith("name=")) {
                    name = rest.substring(5); // the name is the rest of the text, slashes included
                    rest = "";
                }
                rest = rest.startsWith("/") ? rest.substring(1) : rest.isEmpty() ? rest : "";
            }
            return new Options(retain, domain, name);
        }
    }

    /** The fixed header section and the envelope sender afterwards. */
    record Result(HeaderSection headers, String sender) {
    }

    /** What the fix-ups need besides the headers. */
    record Context(String sender, String authenticatedId, String qualifyDomainSender, String primaryHostname,
                   String messageId, String date) {
    }

    private SubmissionFixups() {
    }

    /** Exim's tod_full, the Date: it adds. */
    static String now() {
        return java.time.format.DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss xx", Locale.ROOT)
                .format(java.time.ZonedDateTime.now());
    }

    /** The header fields of lines as received (LF ends, continuation lines kept with their field). */
    static HeaderSection section(List<String> headerLines) {
        HeaderSection h = new HeaderSection();
        StringBuilder field = null;
        for (String l : headerLines) {
            if (field != null && (l.startsWith(" ") || l.startsWith("\t"))) {
                field.append(l).append('\n');
                continue;
            }
            if (field != null) {
                h.add(field.toString());
            }
            field = new StringBuilder(l).append('\n');
        }
        if (field != null) {
            h.add(field.toString());
        }
        return h;
    }

    /** Applies the fix-ups to a received James message's header; the envelope sender afterwards. */
    static String applyTo(javax.mail.internet.MimeMessage message, Options o, Context c)
            throws javax.mail.MessagingException {
        List<String> lines = new java.util.ArrayList<>();
        for (String l : java.util.Collections.list(message.getAllHeaderLines())) {
            lines.addAll(List.of(l.replace("\r\n", "\n").split("\n")));
        }
        Result r = apply(section(lines), o, c);
        for (String old : java.util.Collections.list(message.getAllHeaderLines())) {
            int colon = old.indexOf(':');
            if (colon > 0) {
                message.removeHeader(old.substring(0, colon));
            }
        }
        for (String field : r.headers().fields()) {
            message.addHeaderLine(field.substring(0, field.length() - 1).replace("\n", "\r\n"));
        }
        return r.sender();
    }

    static Result apply(HeaderSection h, Options o, Context c) {
        boolean resent = h.anyResent();
        String prefix = resent ? "Resent-" : "";
        if (!o.senderRetain()) {
            h.remove(prefix + "Sender");
        }
        if (!h.has(prefix + "Message-Id")) {
            String field = prefix + "Message-Id: <E" + c.messageId() + "@" + c.primaryHostname() + ">";
            if (resent) {
                h.addFirst(field);
            } else {
                h.add(field);
            }
        }
        String auth = c.authenticatedId() == null || c.authenticatedId().isEmpty() ? null : c.authenticatedId();
        String name = o.name() == null ? "" : o.name();
        String generated = auth == null ? null : o.domain() == null ? auth + "@" + c.qualifyDomainSender()
                : o.domain().isEmpty() ? auth : auth + "@" + o.domain();
        String sender = c.sender();
        if (!h.has(prefix + "From")) {
            String open = name.isEmpty() ? "" : name + " <";
            String close = name.isEmpty() ? "" : ">";
            if (!sender.isEmpty()) {
                h.add(prefix + "From: " + open + sender + close);
            } else if (auth != null) {
                h.add(prefix + "From: " + open + generated + close);
            }
        }
        boolean fromCheck = !o.senderRetain(); // sender_retain turns local_from_check off
        if (fromCheck && generated != null && h.has(prefix + "From")) {
            List<String> from = AddressList.addresses(HeaderSection.valueOf(h.first(prefix + "From").get()));
            boolean own = from.size() == 1 && from.get(0).toLowerCase(Locale.ROOT).equals(generated.toLowerCase(Locale.ROOT));
            if (!own) {
                h.add(prefix + "Sender: " + (o.name() == null ? generated : o.name() + " <" + generated + ">"));
            }
            if (!sender.isEmpty()) {
                sender = generated;
            }
        }
        if (!h.has(prefix + "Date")) {
            String field = prefix + "Date: " + c.date();
            if (resent) {
                h.addFirst(field);
            } else {
                h.add(field);
            }
        }
        return new Result(h, sender);
    }
}
