package org.jexim.submit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import javax.mail.MessagingException;
import javax.mail.internet.AddressException;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.server.core.MailImpl;
import org.apache.james.server.core.MimeMessageInputStreamSource;
import org.apache.james.server.core.MimeMessageWrapper;
import org.apache.mailet.Attribute;
import org.jexim.acl.AclResult;
import org.jexim.acl.AclVerdict;
import org.jexim.conf.expand.ExpansionContext;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.expand.be.BeContext;
import org.jexim.log.Arrival;
import org.jexim.log.SmtpPeer;
import org.jexim.log.EximLog;
import org.jexim.queue.EximMessageId;
import org.jexim.queue.SpoolAttributes;

/**
 * One message submitted on the command line (sendmail -t, -bm, mail, mutt): the sender and trust
 * rules of exim.c, the header fix-ups and -t of receive.c, acl_not_smtp, the Received: header,
 * the spool (the same -H/-D files and queue as SMTP mail) and the {@code <=} log line.
 * Errors go to stderr or back to the sender as a message, as -oe* asks.
 */
public final class LocalSubmission {
    private final SubmitSettings settings;
    private final NotSmtpAcl acl;
    private final Function<Map<String, String>, ExpansionContext> contexts;
    private final Spooler spooler;
    private final Caller caller;
    private final PrintStream err;
    /** For an error report Exim generates: the id of the message it reports on (R= in the log). */
    private Optional<String> bounceOf = Optional.empty();

    /** Where a finished message goes: the spool (in production) or a test's list. */
    public interface Spooler {
        void spool(MailImpl mail) throws IOException, MessagingException;
    }

    /** How the submission ended: the exit status and, when a message was spooled, its id. */
    /**
     * How a submission ended; {@code refusal} is the non-SMTP ACL's reply for a batched SMTP
     * (-bS) message it refused ("550 TEXT"), which the batch reports instead of the usual error.
     */
    public record Outcome(int status, Optional<String> messageId, Optional<String> refusal) {
        public Outcome(int status, Optional<String> messageId) {
            this(status, messageId, Optional.empty());
        }
    }

    public LocalSubmission(SubmitSettings settings, NotSmtpAcl acl, Function<Map<String, String>, ExpansionContext> contexts,
                           Spooler spooler, Caller caller, PrintStream err) {
        this.settings = settings;
        this.acl = acl;
        this.contexts = contexts;
        this.spooler = spooler;
        this.caller = caller;
        this.err = err;
    }

    /** An expansion context over the configure's options and lists, with the given variables. */
    public static Function<Map<String, String>, ExpansionContext> contexts(java.nio.file.Path configFile,
            Map<String, String> options, org.jexim.conf.lists.NamedLists lists) {
        return variables -> {
            BeContext context = new BeContext(configFile, options, lists);
            variables.forEach(context::setVariable);
            return context;
        };
    }

    public Outcome submit(SubmitRequest request, InputStream in) throws IOException {
        boolean trusted = CallerTrust.trusted(caller, settings.option("exim_user"), settings.option("trusted_users"),
            settings.option("trusted_groups"));
        Envelope envelope = Envelope.of(request, caller, trusted, settings).withBounceOf(bounceOf);
        Map<String, String> aclVariables = new HashMap<>();
        List<String> arguments = new ArrayList<>();
        for (String argument : request.recipients()) {
            for (String address : AddressList.addresses(argument)) {
                arguments.add(RecipientExtraction.qualified(address, settings.qualifyRecipient()));
            }
            if (AddressList.addresses(argument).isEmpty() || argument.strip().endsWith("@")) {
                err.println("exim: bad recipient address \"" + argument
                    + "\": missing or malformed local part (expected word or \"<\")");
                return new Outcome(1, Optional.empty());
            }
        }
        if (arguments.isEmpty() && !request.extractRecipients()) {
            UsageText.print(err);
            return new Outcome(1, Optional.empty());
        }
        Map<String, String> variables = envelope.variables(caller);
        variables.put("primary_hostname", settings.primaryHostname());
        variables.put("qualify_domain", settings.qualifyDomain());
        variables.put("qualify_recipient", settings.qualifyRecipient());
        variables.put("recipients", NotSmtpAcl.recipientsVariable(arguments));
        variables.put("recipients_count", Integer.toString(arguments.size()));
        boolean suppressFixups = acl.runStart(variables, aclVariables);

        // Exim's received_time and received_time_complete (-H), whose difference is RT= (receive_time)
        java.time.Instant receiving = java.time.Instant.now();
        MessageInput.ReadMessage read = MessageInput.read(in, request.dotEndsMessage());
        java.time.Instant dataRead = java.time.Instant.now();
        java.time.Duration receiveTime = java.time.Duration.between(receiving, dataRead);
        String id = EximMessageId.next();
        HeaderSection headers = read.headers();
        String date = BeContext.timeOfDay("tod_full");
        LocalFixups fixups = new LocalFixups(new LocalFixups.Context(caller.login(), envelope.originatorName(),
            settings.qualifyDomain(), settings.qualifyRecipient(), settings.primaryHostname(), trusted,
            envelope.hostAddress().isEmpty() && !suppressFixups, envelope.senderLocal(), envelope.sender(), envelope.senderForced(),
            request.fullName().isPresent(), settings.bool("local_from_check"), settings.bool("local_sender_retain"),
            expandOption("message_id_header_text", variables), expandOption("message_id_header_domain", variables),
            id, date));
        fixups.beforeExtraction(headers);
        List<String> recipients = arguments;
        boolean ignored = false;
        if (request.extractRecipients()) {
            RecipientExtraction.Extracted extracted = RecipientExtraction.extract(headers, arguments,
                settings.bool("extract_addresses_remove_arguments"), settings.qualifyRecipient());
            recipients = extracted.recipients();
            ignored = extracted.ignoredSome();
        }
        fixups.afterExtraction(headers);
        variables.put("message_exim_id", id);
        variables.put("message_id", id);
        variables.put("recipients", NotSmtpAcl.recipientsVariable(recipients));
        variables.put("recipients_count", Integer.toString(recipients.size()));
        if (recipients.size() == 1) {
            variables.put("received_for", recipients.get(0));
        }
        Optional<String> received;
        try {
            received = ReceivedHeader.of(settings.option("received_header_text").orElse(""), contexts.apply(variables), date);
        } catch (ExpansionException e) {
            EximLog.main().panic("Expansion of \"" + settings.option("received_header_text").orElse("")
                + "\" (received_header_text) failed: " + e.getMessage());
            return new Outcome(1, Optional.empty());
        }
        received.ifPresent(headers::addFirst);
        variables.remove("received_for");
        LocalErrors errors = new LocalErrors(request.errorMode(), err, envelope.sender(),
            settings.option("dsn_from").map(d -> expand(d, variables)).orElse(""));

        if (recipients.isEmpty()) {
            EximLog.main().panic(id + " " + id + " no recipients found in headers");
            err.println(timestamp() + " " + id + " " + id + " no recipients found in headers");
            return errors.fail(ignored ? LocalErrors.Kind.ALL_OVERRIDDEN : LocalErrors.Kind.NO_RECIPIENTS,
                Optional.empty(), headers, read.body(), this);
        }
        variables.put("message_size", Long.toString(size(headers, read.body())));
        byte[] message = messageBytes(headers, read);
        // the message has its id now: the ACLs' log lines start with it, as Exim's do
        String outerPrefix = EximLog.prefix();
        EximLog.prefixWith(id);
        AclResult mime;
        AclResult verdict;
        try {
            mime = acl.runMime(variables, aclVariables, message);
            if (mime.verdict() == AclVerdict.DISCARD) {
                // receive.c: the MIME ACL's discard leaves the non-SMTP ACL no recipients
                variables.put("recipients", "");
                variables.put("recipients_count", "0");
            }
            verdict = mime.verdict() != AclVerdict.ACCEPT && mime.verdict() != AclVerdict.DISCARD ? mime
                : acl.run(variables, aclVariables, message);
        } finally {
            EximLog.prefixWith(outerPrefix);
        }
        if (mime.verdict() != AclVerdict.ACCEPT && mime.verdict() != AclVerdict.DISCARD) {
            // receive.c run_mime_acl: a non-SMTP message refused there is dropped without a word or a log line
            return new Outcome(1, Optional.empty());
        }
        // receive.c: a MIME ACL discard blackholes the recipients, and the non-SMTP ACL still runs
        String blackholedBy = mime.verdict() == AclVerdict.DISCARD ? "MIME ACL" : null;
        if (verdict.verdict() == AclVerdict.DENY || verdict.verdict() == AclVerdict.DEFER
            || verdict.verdict() == AclVerdict.DROP || verdict.verdict() == AclVerdict.ERROR) {
            String logMessage = verdict.logMessage().or(verdict::message).orElse("");
            String line = id + " F=<" + envelope.sender() + "> rejected by non-SMTP ACL: " + logMessage;
            EximLog.main().mainAndReject(line, line + rejectLogDetail(envelope.sender(), recipients, headers));
            if (request.session().isPresent()) {
                // receive.c: batched SMTP reports "550 TEXT" through moan_smtp_batch, whatever the verb
                return new Outcome(1, Optional.empty(),
                    Optional.of("550 " + verdict.message().orElse("local configuration problem")));
            }
            return errors.fail(LocalErrors.Kind.ACL, Optional.of(verdict.message().orElse("local configuration problem")),
                headers, read.body(), this);
        }
        long size = size(headers, read.body());
        Arrival arrival = Arrival.local(id, envelope.sender(), envelope.ident().orElse(caller.login()),
                envelope.protocol(), size)
            .withSubject(HeaderSection.valueOf(headers.first("Subject").orElse("Subject:")).strip())
            .withRecipients(recipients).withReceiveTime(receiveTime);
        if (envelope.hostAddress().isPresent()) {
            // exim.c: a message "from a host" (-oMa) logs H= as an SMTP one does
            GivenHost host = envelope.hostAddress().get();
            arrival = arrival.withPeer(new SmtpPeer(host.ip(), host.port(), envelope.hostName(), Optional.empty(), Optional.empty()));
        }
        Optional<String> messageId = headers.first("Message-Id").map(h -> HeaderSection.valueOf(h).strip());
        if (messageId.isPresent()) {
            arrival = read.headers().has("Message-Id") && !messageIdWasGenerated(headers, id)
                ? arrival.withMessageId(messageId.get()) : arrival.withCreatedMessageId(messageId.get());
        }
        if (envelope.bounceOf().isPresent()) {
            arrival = arrival.withBounceOf(envelope.bounceOf().get());
        }
        String blackholeLogMessage = "";
        if (verdict.verdict() == AclVerdict.DISCARD) {
            blackholedBy = "non-SMTP ACL";
            blackholeLogMessage = verdict.logMessage().map(m -> ": " + m).orElse("");
        }
        if (blackholedBy != null) {
            EximLog.main().received(arrival);
            EximLog.main().main(id + " => blackhole (" + blackholedBy + " discarded recipients)" + blackholeLogMessage);
            EximLog.main().completed(id);
            // no message id is left: exim4 exits with status 1 (checked in SendmailAgainstEximTest)
            return new Outcome(1, Optional.empty());
        }
        try {
            spooler.spool(mail(id, envelope, recipients, headers, read, request, aclVariables,
                List.of(receiving, dataRead)));
        } catch (IOException | MessagingException e) {
            err.println("exim: spool write failed: " + e.getMessage());
            EximLog.main().panic(id + " spool write failed: " + e.getMessage());
            return new Outcome(1, Optional.empty());
        }
        EximLog.main().received(arrival);
        request.session().filter(SubmitRequest.LocalSmtp::freeze).ifPresent(s -> EximLog.main().main(id + " frozen by ACL"));
        request.session().filter(SubmitRequest.LocalSmtp::queue)
            .ifPresent(s -> EximLog.main().main(id + " no immediate delivery: queued by ACL"));
        return new Outcome(0, Optional.of(id));
    }

    /** A message Exim itself sends (an error report), submitted like a trusted -t -f <> call. */
    Outcome submitGenerated(String message, String causeId) throws IOException {
        SubmitRequest request = new SubmitRequest(List.of(), true, false, Optional.of(""), Optional.empty(),
            SubmitRequest.DeliveryMode.DEFAULT, SubmitRequest.ErrorMode.STDERR, false, Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        Caller exim = new Caller(caller.login(), 0, 0, List.of(), caller.gecos());
        LocalSubmission generated = new LocalSubmission(settings, new NotSmtpAcl(null, Optional.empty(), Optional.empty()),
            contexts, spooler, exim, err);
        generated.bounceOf = Optional.of(causeId);
        return generated.submit(request, new ByteArrayInputStream(message.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private String expand(String text, Map<String, String> variables) {
        try {
            return org.jexim.conf.expand.Expander.expand(text, contexts.apply(variables));
        } catch (ExpansionException e) {
            return "Mail Delivery System <Mailer-Daemon@" + settings.qualifyDomain() + ">";
        }
    }

    private static boolean messageIdWasGenerated(HeaderSection headers, String id) {
        return headers.first("Message-Id").map(f -> f.contains("<E" + id)).orElse(false);
    }

    private static String timestamp() {
        return BeContext.timeOfDay("tod_log");
    }

    private Optional<String> expandOption(String name, Map<String, String> variables) {
        Optional<String> text = settings.option(name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(org.jexim.conf.expand.Expander.expand(text.get(), contexts.apply(variables)));
        } catch (ExpansionException e) {
            if (!e.getMessage().contains("forced failure")) {
                EximLog.main().panic("expansion of \"" + text.get() + "\" (" + name + ") failed: " + e.getMessage());
            }
            return Optional.empty();
        }
    }

    /** Exim's message size: the header lines as transmitted, the blank line, and the body. */
    static long size(HeaderSection headers, byte[] body) {
        return headers.bytes().length + 1L + body.length;
    }

    private static String rejectLogDetail(String sender, List<String> recipients, HeaderSection headers) {
        StringBuilder sb = new StringBuilder("\nEnvelope-from: <").append(sender).append('>');
        recipients.forEach(r -> sb.append("\nEnvelope-to: <").append(r).append('>'));
        for (String field : headers.fields()) {
            sb.append('\n').append(org.jexim.queue.HeaderLine.flagFor(HeaderSection.nameOf(field))).append(' ')
                .append(field.stripTrailing());
        }
        return sb.toString();
    }

    /** The message as the MIME ACL walks it: the header lines, the blank line, the body. */
    private static byte[] messageBytes(HeaderSection headers, MessageInput.ReadMessage read) {
        byte[] head = headers.bytes();
        byte[] all = new byte[head.length + 1 + read.body().length];
        System.arraycopy(head, 0, all, 0, head.length);
        all[head.length] = '\n';
        System.arraycopy(read.body(), 0, all, head.length + 1, read.body().length);
        return all;
    }

    private MailImpl mail(String id, Envelope envelope, List<String> recipients, HeaderSection headers,
                          MessageInput.ReadMessage read, SubmitRequest request, Map<String, String> aclVariables,
                          List<java.time.Instant> times) throws MessagingException {
        byte[] all = messageBytes(headers, read);
        List<MailAddress> addresses = new ArrayList<>();
        for (String r : recipients) {
            try {
                addresses.add(new MailAddress(r));
            } catch (AddressException e) {
                throw new MessagingException("recipient " + r + " is not an address James accepts: " + e.getMessage(), e);
            }
        }
        MaybeSender sender = envelope.sender().isEmpty() ? MaybeSender.nullSender() : MaybeSender.getMailSender(envelope.sender());
        MailImpl.Builder builder = MailImpl.builder().name(id).sender(sender).addRecipients(addresses)
            .addAttributes(attributes(envelope, read, request, aclVariables))
            .addAttribute(new Attribute(SpoolAttributes.RECEIVED_TIME, org.apache.mailet.AttributeValue.of(micros(times.get(0)))))
            .addAttribute(new Attribute(SpoolAttributes.RECEIVED_TIME_COMPLETE,
                org.apache.mailet.AttributeValue.of(micros(times.get(1)))));
        envelope.hostAddress().map(GivenHost::ip).ifPresent(builder::remoteAddr);
        envelope.hostName().ifPresent(builder::remoteHost);
        MailImpl mail = builder.build();
        mail.setMessage(new MimeMessageWrapper(MimeMessageInputStreamSource.create(id, new ByteArrayInputStream(all))));
        return mail;
    }

    private static long micros(java.time.Instant t) {
        return t.getEpochSecond() * 1_000_000 + t.getNano() / 1000;
    }

    /** The -H line of an option; tainted when its value is the one a -oM option gave. */
    private static void option(List<Attribute> a, String name, Optional<String> value, Optional<String> given) {
        value.ifPresent(v -> {
            if (given.filter(v::equals).isPresent()) {
                a.addAll(SpoolAttributes.taintedOption(name, v));
            } else {
                a.add(SpoolAttributes.option(name, v));
            }
        });
    }

    private List<Attribute> attributes(Envelope envelope, MessageInput.ReadMessage read, SubmitRequest request,
                                       Map<String, String> aclVariables) {
        List<Attribute> a = new ArrayList<>();
        a.add(new Attribute(SpoolAttributes.OWNER,
            org.apache.mailet.AttributeValue.of(caller.login() + " " + caller.uid() + " " + caller.gid())));
        // a value a -oM option gave is tainted (written --name value), as Exim has it
        option(a, "ident", envelope.ident(), request.ident());
        option(a, "received_protocol", Optional.of(envelope.protocol()), request.protocol());
        a.add(SpoolAttributes.option("max_received_linelength", Integer.toString(read.longestLine())));
        option(a, "auth_id", envelope.authenticatedId(), request.authenticatedId());
        option(a, "auth_sender", envelope.authenticatedSender(), request.authenticatedSender());
        envelope.heloName().ifPresent(v -> a.addAll(SpoolAttributes.taintedOption("helo_name", v)));
        envelope.hostAddress().ifPresent(v -> a.addAll(SpoolAttributes.taintedOption("host_address", v.spoolForm())));
        option(a, "host_name", envelope.hostName(), request.hostName());
        a.add(SpoolAttributes.flag("allow_unqualified_recipient"));
        a.add(SpoolAttributes.flag("allow_unqualified_sender"));
        if (envelope.senderLocal()) {
            a.add(SpoolAttributes.flag("local"));
        }
        if (envelope.bounceOf().isPresent()) {
            a.add(SpoolAttributes.flag("localerror"));
        }
        if (request.dontDeliver()) {
            a.add(SpoolAttributes.flag("N"));
        }
        request.session().map(SubmitRequest.LocalSmtp::dsn).ifPresent(dsn -> a.addAll(dsn.attributes()));
        if (request.session().map(SubmitRequest.LocalSmtp::freeze).orElse(false)) {
            a.add(SpoolAttributes.option("frozen", Long.toString(java.time.Instant.now().getEpochSecond())));
        }
        aclVariables.forEach((k, v) -> {
            if (k.startsWith("acl_m")) {
                a.add(SpoolAttributes.aclVariable(k, v));
            }
        });
        return a;
    }

    /** The envelope as exim.c settles it from the command line and the caller's trust. */
    record Envelope(String sender, boolean senderLocal, boolean senderForced, String originatorName,
                    Optional<String> ident, String protocol, Optional<GivenHost> hostAddress, Optional<String> hostName,
                    Optional<String> authenticatedId, Optional<String> authenticatedSender, Optional<String> bounceOf,
                    Optional<String> heloName) {

        static Envelope of(SubmitRequest r, Caller caller, boolean trusted, SubmitSettings s) {
            Optional<String> given = r.sender().map(Envelope::stripBrackets);
            boolean senderLocal = given.isEmpty() || !trusted;
            String sender;
            if (given.isPresent() && (trusted || given.get().isEmpty() || untrustedMaySet(given.get(), s))) {
                sender = given.get();
            } else {
                sender = caller.login();
            }
            if (!sender.isEmpty() && !sender.contains("@")) {
                sender = sender + "@" + s.qualifyDomain();
            }
            Optional<String> authId = trusted ? r.authenticatedId() : Optional.empty();
            Optional<String> authSender = trusted ? r.authenticatedSender() : Optional.empty();
            if (senderLocal) {
                authSender = authSender.or(() -> Optional.of(caller.login() + "@" + s.qualifyDomain()));
                authId = authId.or(() -> Optional.of(caller.login()));
            }
            String name = OriginatorName.of(caller, r.fullName(), given.isPresent() && trusted,
                s.option("gecos_pattern"), s.option("gecos_name"));
            Optional<String> ident = trusted && r.ident().isPresent() ? r.ident().filter(v -> !v.isEmpty())
                : Optional.of(caller.login());
            return new Envelope(sender, senderLocal, given.isPresent() && trusted, name, ident,
                trusted && r.protocol().isPresent() ? r.protocol().get()
                    : r.session().map(SubmitRequest.LocalSmtp::protocol).orElse("local"),
                trusted ? r.hostAddress().map(GivenHost::parse) : Optional.empty(), trusted ? r.hostName() : Optional.empty(),
                authId, authSender, Optional.empty(), r.session().flatMap(SubmitRequest.LocalSmtp::helo));
        }

        private static boolean untrustedMaySet(String address, SubmitSettings s) {
            String list = s.option("untrusted_set_sender").orElse("").strip();
            if (list.isEmpty()) {
                return false;
            }
            try {
                return org.jexim.lists.ListMatcher.addresses(new SettingsLists(s)).match(list, address).matched();
            } catch (org.jexim.lists.ListException e) {
                return false;
            }
        }

        private static String stripBrackets(String v) {
            String t = v.strip();
            return t.startsWith("<") && t.endsWith(">") ? t.substring(1, t.length() - 1).strip() : t;
        }

        Envelope withBounceOf(Optional<String> cause) {
            return new Envelope(sender, senderLocal, senderForced, originatorName, ident, protocol, hostAddress,
                hostName, authenticatedId, authenticatedSender, cause, heloName);
        }

        /** The variables an expansion sees during reception. */
        Map<String, String> variables(Caller caller) {
            Map<String, String> v = new LinkedHashMap<>();
            v.put("sender_address", sender);
            int at = sender.lastIndexOf('@');
            v.put("sender_address_local_part", at < 0 ? sender : sender.substring(0, at));
            v.put("sender_address_domain", at < 0 ? "" : sender.substring(at + 1));
            v.put("received_protocol", protocol);
            v.put("originator_name", originatorName);
            v.put("caller_uid", Long.toString(caller.uid()));
            v.put("caller_gid", Long.toString(caller.gid()));
            v.put("originator_uid", Long.toString(caller.uid()));
            v.put("originator_gid", Long.toString(caller.gid()));
            v.put("sender_ident", ident.orElse(""));
            authenticatedId.ifPresent(x -> v.put("authenticated_id", x));
            authenticatedSender.ifPresent(x -> v.put("authenticated_sender", x));
            hostAddress.ifPresent(host -> {
                String x = host.ip();
                v.put("sender_host_address", x);
                v.put("sender_host_port", Integer.toString(host.port()));
                // host.c host_build_sender_fullhost, without HELO (a local submission has none)
                String identity = ident.map(i -> " ident=" + i).orElse("");
                v.put("sender_rcvhost", hostName.map(n -> n + " ([" + x + "]" + identity + ")")
                    .orElse("[" + x + "]" + ident.map(i -> " (ident=" + i + ")").orElse("")));
            });
            hostName.ifPresent(x -> v.put("sender_host_name", x));
            heloName.ifPresent(x -> v.put("sender_helo_name", x));
            if (hostAddress.isEmpty()) {
                v.put("sender_rcvhost", "");
                v.put("sender_host_address", "");
            }
            return v;
        }
    }

    /** Named lists for untrusted_set_sender, from the configure's options (none here). */
    private record SettingsLists(SubmitSettings settings) implements org.jexim.lists.ListContext {
        @Override
        public Optional<String> namedList(org.jexim.conf.model.ListKind kind, String name) {
            return Optional.empty();
        }

        @Override
        public String primaryHostname() {
            return settings.primaryHostname();
        }
    }
}
