package org.jexim.submit;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The header fix-ups Exim applies to a locally submitted message (spec 48, "Message
 * processing"; receive.c): a From: that is just the caller's login gets the full name; Sender:
 * is removed for untrusted callers; Message-Id:, From: and Date: are added when missing, in that
 * order at the end; a Sender: is added when an untrusted caller's From: is not their own
 * address; unqualified addresses in address headers are qualified.
 */
public final class LocalFixups {
    private static final Set<String> SENDER_HEADERS = Set.of("from", "sender", "reply-to",
        "resent-from", "resent-sender", "resent-reply-to");
    private static final Set<String> RECIPIENT_HEADERS = Set.of("to", "cc", "bcc", "resent-to", "resent-cc",
        "resent-bcc");

    private final Context c;

    /**
     * What the fix-ups depend on.
     *
     * @param local true unless a trusted caller gave -oMa (a message "from a host" gets no local fix-ups)
     * @param senderLocal Exim's sender_local: not a trusted caller's -f
     * @param sender the envelope sender, empty for {@code <>}
     * @param senderForced a trusted caller set the sender with -f
     * @param nameForced -F was given
     */
    public record Context(String login, String originatorName, String qualifyDomain, String qualifyRecipient,
                          String primaryHostname, boolean trusted, boolean local, boolean senderLocal,
                          String sender, boolean senderForced, boolean nameForced, boolean localFromCheck,
                          boolean localSenderRetain, Optional<String> messageIdText,
                          Optional<String> messageIdDomain, String messageId, String date) {
    }

    public LocalFixups(Context context) {
        this.c = context;
    }

    /** The fix-ups Exim makes while reading the header, before -t takes the recipients. */
    public void beforeExtraction(HeaderSection h) {
        boolean resent = h.anyResent();
        for (String field : h.fields()) {
            String name = HeaderSection.nameOf(field).toLowerCase(Locale.ROOT);
            boolean applies = !resent || name.startsWith("resent-");
            if ((name.equals("from") || name.equals("resent-from")) && applies
                && HeaderSection.valueOf(field).strip().equalsIgnoreCase(c.login())) {
                h.removeField(field);
                h.add(HeaderSection.nameOf(field) + ": " + c.originatorName() + " <" + c.login() + "@"
                    + c.qualifyDomain() + ">");
            }
            if ((name.equals("sender") || name.equals("resent-sender")) && applies && !c.localSenderRetain()
                && c.senderLocal() && !c.trusted()) {
                h.removeField(field);
            }
        }
    }

    /** The fix-ups after -t: Message-Id:, From:, Sender:, qualification, Date:. */
    public void afterExtraction(HeaderSection h) {
        boolean resent = h.anyResent();
        String prefix = resent ? "Resent-" : "";
        if (c.local() && !h.has(prefix + "Message-Id")) {
            String text = c.messageIdText().filter(t -> !t.isEmpty()).map(t -> "." + t).orElse("");
            String domain = c.messageIdDomain().filter(d -> !d.isEmpty()).orElse(c.primaryHostname());
            String field = prefix + "Message-Id: <E" + c.messageId() + text + "@" + domain + ">";
            if (resent) {
                h.addFirst(field);
            } else {
                h.add(field);
            }
        }
        Optional<String> from = h.first(prefix + "From");
        if (from.isEmpty() && c.local()) {
            String name = !c.trusted() || c.nameForced() || !c.senderForced() ? c.originatorName() : "";
            String open = name.isEmpty() ? "" : name + " <";
            String close = name.isEmpty() ? "" : ">";
            if (c.sender().isEmpty()) {
                if (c.senderLocal()) {
                    h.add(prefix + "From: " + open + c.login() + "@" + c.qualifyDomain() + close);
                }
            } else {
                h.add(prefix + "From: " + open + c.sender() + close);
            }
            from = h.first(prefix + "From");
        }
        if (from.isPresent() && c.localFromCheck() && c.senderLocal() && !c.trusted() && c.local()) {
            String generated = c.login() + "@" + c.qualifyDomain();
            java.util.List<String> addresses = AddressList.addresses(HeaderSection.valueOf(from.get()));
            boolean own = addresses.size() == 1 && (addresses.get(0).equalsIgnoreCase(generated)
                || addresses.get(0).equalsIgnoreCase(c.login()));
            if (!own) {
                h.add(prefix + "Sender: " + c.originatorName() + " <" + generated + ">");
            }
        }
        qualify(h);
        if (c.local() && !h.has(prefix + "Date")) {
            String field = prefix + "Date: " + c.date();
            if (resent) {
                h.addFirst(field);
            } else {
                h.add(field);
            }
        }
    }

    /** Local messages have the unqualified addresses of their address headers qualified. */
    private void qualify(HeaderSection h) {
        for (String field : h.fields()) {
            String name = HeaderSection.nameOf(field).toLowerCase(Locale.ROOT);
            String domain = SENDER_HEADERS.contains(name) ? c.qualifyDomain()
                : RECIPIENT_HEADERS.contains(name) ? c.qualifyRecipient() : null;
            if (domain == null) {
                continue;
            }
            if (AddressList.hasUnqualified(HeaderSection.valueOf(field))) {
                h.replace(field, AddressList.qualifyField(field, domain));
            }
        }
    }
}
