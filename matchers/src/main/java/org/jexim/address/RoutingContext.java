package org.jexim.address;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jexim.conf.expand.Expander;
import org.jexim.conf.expand.ExpansionContext;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.expand.HeaderKind;
import org.jexim.conf.expand.Headers;
import org.jexim.conf.expand.operators.Rfc2047;
import org.jexim.lists.ListContext;

/**
 * What routing one address can see besides the address: the configuration's lists and
 * qualify domain, and the message's variables ($sender_address, $message_id ...).
 */
public final class RoutingContext {
    private final ListContext lists;
    private final String qualifyRecipient;
    private final Map<String, String> messageVariables;
    private MessageContent message;
    private java.util.function.Consumer<String> mainLog = line -> { };
    private java.util.function.Consumer<String> submission;

    public RoutingContext(ListContext lists, String qualifyRecipient, Map<String, String> messageVariables) {
        this.lists = lists;
        this.qualifyRecipient = qualifyRecipient;
        this.messageVariables = messageVariables;
    }

    /** The same context with the message's content, which filters read; -bt and -bv have none. */
    public RoutingContext withMessage(MessageContent content) {
        RoutingContext c = copy();
        c.message = content;
        return c;
    }

    /** The same context writing its main log lines ("r1 router: skipped error: ...") to {@code sink}. */
    public RoutingContext withMainLog(java.util.function.Consumer<String> sink) {
        RoutingContext c = copy();
        c.mainLog = sink;
        return c;
    }

    /**
     * The same context able to send the messages routing generates (syntax_errors_to): {@code sink}
     * takes a message's text, LF line ends, as Exim's -t child would read it. -bt and verification have none.
     */
    public RoutingContext withSubmission(java.util.function.Consumer<String> sink) {
        RoutingContext c = copy();
        c.submission = sink;
        return c;
    }

    private RoutingContext copy() {
        RoutingContext c = new RoutingContext(lists, qualifyRecipient, messageVariables);
        c.message = message;
        c.mainLog = mainLog;
        c.submission = submission;
        return c;
    }

    /** Writes a line to the main log, as routing does for the errors skip_syntax_errors skips. */
    public void mainLog(String line) {
        mainLog.accept(line);
    }

    /** Whether messages can be sent from here (a delivery, not -bt or verification). */
    public boolean submits() {
        return submission != null;
    }

    /** Sends a generated message (text with LF line ends, recipients in its To:); only when {@link #submits()}. */
    public void submit(String message) {
        submission.accept(message);
    }

    /** The message's content, when a message is being routed. */
    public Optional<MessageContent> message() {
        return Optional.ofNullable(message);
    }

    public ListContext lists() {
        return lists;
    }

    public String qualifyRecipient() {
        return qualifyRecipient;
    }

    /** The variables an expansion sees for this address, Exim's names without the $. */
    public ExpansionContext variablesFor(AddressItem address) {
        Map<String, String> v = new HashMap<>(messageVariables);
        v.put("primary_hostname", lists.primaryHostname());
        v.put("qualify_domain", qualifyRecipient);
        v.put("local_part", address.localPart());
        v.put("domain", address.domain());
        address.parent().ifPresent(p -> {
            v.put("parent_local_part", p.localPart());
            v.put("parent_domain", p.domain());
        });
        v.putAll(address.variables());
        return new ExpansionContext() {
            @Override
            public Optional<String> variable(String name) {
                return Optional.ofNullable(v.get(name));
            }

            @Override
            public Optional<String> option(String name) {
                return lists.mainOption(name);
            }

            @Override
            public boolean tainted(String name) {
                return TAINTED.contains(name);
            }

            @Override
            public Optional<String> header(String name, HeaderKind kind) {
                // routers' conditions and transports see the message's headers ($h_X-Spam-Flag: ...)
                return message == null ? Optional.empty() : Optional.ofNullable(Headers.value(message.headerLines(),
                        name, kind, lists.mainOption("headers_charset").orElse(Rfc2047.HEADERS_CHARSET)));
            }
        };
    }

    /**
     * Exim taints what comes from the message, the envelope or the SMTP client: the address's
     * parts, the sender, what the client said. What a lookup or list match returned
     * ($local_part_data, $domain_data) is not.
     */
    private static final java.util.Set<String> TAINTED = java.util.Set.of("local_part", "domain",
            "local_part_prefix", "local_part_suffix", "local_part_prefix_v", "local_part_suffix_v",
            "parent_local_part", "parent_domain", "original_local_part", "original_domain", "sender_address",
            "sender_address_local_part", "sender_address_domain", "return_path", "sender_helo_name",
            "sender_ident", "message_body", "message_body_end", "message_headers", "message_headers_raw");

    /** Expands an option's text for this address; texts without $ or \ are themselves. */
    public String expand(String text, AddressItem address) throws ExpansionException {
        if (text == null || (text.indexOf('$') < 0 && text.indexOf('\\') < 0)) {
            return text;
        }
        return Expander.expand(text, variablesFor(address));
    }
}
