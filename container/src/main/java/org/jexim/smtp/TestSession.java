package org.jexim.smtp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import org.jexim.runtime.JeximRuntime;

/**
 * Exim's {@code -bh IP}: an SMTP dialogue on standard input and output as if from that host,
 * with the configured ACLs deciding through {@link AclGate} and the replies of
 * {@link EximTexts}, exactly as the server answers; nothing is queued or delivered.
 */
public final class TestSession {
    private final JeximRuntime runtime;
    private final EximTexts texts;
    private final HeaderLimits headerLimits;
    private final AclGate gate;
    private final PrintStream out;
    private final AuthCommand auth;
    private MessageSink sink;
    /** Exim's smtp_in.c state: protocol errors, unknown commands, and what the last commands were. */
    private int errors;
    private int unknown;
    private boolean synprot;
    private boolean pipelining;
    private boolean lastWasRcpt;
    private boolean lastWasRejectedMail;
    private String rcptFailure;
    private boolean quit;
    private final AclCommands commands;
    private final MailAuthParameter mailAuth;
    /** S rewrite rules on MAIL and RCPT data, before the ACLs (routing helper's). */
    private final org.jexim.routing.rewrite.SmtpTimeRewrite smtpRewrite;
    private boolean rcptFailuresSame = true;
    /** MAIL asked for PRDR (with prdr_enable set) for the current message. */
    private boolean prdrRequested;

    public TestSession(JeximRuntime runtime, PrintStream out) {
        this(runtime, new AclGate(runtime), out);
    }

    /** {@code gate}: the ACLs to run, e.g. with recipient verification through the routers. */
    public TestSession(JeximRuntime runtime, AclGate gate, PrintStream out) {
        this.runtime = runtime;
        this.texts = new EximTexts(runtime);
        this.headerLimits = HeaderLimits.of(runtime);
        this.gate = gate;
        this.out = out;
        this.commands = new AclCommands(runtime, gate);
        this.mailAuth = new MailAuthParameter(runtime, gate);
        this.auth = new AuthCommand(runtime, gate);
        this.smtpRewrite = org.jexim.routing.rewrite.SmtpTimeRewrite.of(runtime);
    }

    /**
     * The session of -bh for a configure read into {@code config} and translated into
     * {@code translated}: its ACLs, with verify = recipient through its routers.
     */
    public static TestSession of(org.jexim.conf.model.Configuration config, java.nio.file.Path translated, PrintStream out)
            throws IOException {
        return of(config, translated, out, false);
    }

    /** As above; {@code callouts} true for -bhc (verify callouts connect to the hosts routing chose). */
    public static TestSession of(org.jexim.conf.model.Configuration config, java.nio.file.Path translated, PrintStream out,
                                 boolean callouts) throws IOException {
        org.jexim.conf.translate.TranslatedConfiguration tc = org.jexim.conf.translate.TranslatedConfiguration.load(translated);
        JeximRuntime runtime = new JeximRuntime(tc);
        org.jexim.log.EximLog.select(org.jexim.log.LogSelector.parse(runtime.mainOption("log_selector").orElse("")));
        return new TestSession(runtime, new AclGate(AclEngines.create(runtime, config, true, callouts)), out);
    }

    /** Runs the dialogue until QUIT, a dropped connection or the end of input. */
    public void run(String ip, BufferedReader in) throws IOException {
        out.print("\n**** SMTP testing session as if from host " + ip + "\n"
                + "**** but without any ident (RFC 1413) callback.\n"
                + "**** This is not for real!\n\n");
        try {
            SessionState session = new SessionState(ip, 0, runtime.primaryHostname());
            session.prdrCapable(true);
            dialogue(session, in);
        } finally {
            org.jexim.log.EximLog.prefixWith(null);
        }
    }

    /** Where the messages of a real session (-bs) go: spooled, their id returned. */
    public interface MessageSink {
        /** Spools the message (lines without CRLF, dots unstuffed); the id of {@code 250 OK id=}. */
        String accept(SessionState session, String sender, java.util.List<String> recipients,
                      java.util.List<String> lines, MessageTerms terms) throws IOException;
    }

    /**
     * What the session settled for a -bs message besides its envelope: spooled frozen
     * ({@code control = freeze}), kept for a queue run ({@code control = queue}), its DSN requests.
     */
    public record MessageTerms(boolean freeze, boolean queue, org.jexim.queue.MessageDsn dsn) {
    }

    /**
     * Exim's {@code -bs}: the same dialogue as a local process's SMTP session from {@code user}
     * (no client address, "Hello USER at NAME"), each accepted message handed to {@code sink}.
     */
    public void runLocal(String user, MessageSink sink, BufferedReader in) throws IOException {
        this.sink = sink;
        SessionState session = new SessionState(null, 0, runtime.primaryHostname());
        session.protocolVariable("sender_ident", user);
        dialogue(session, in);
    }

    private void dialogue(SessionState session, BufferedReader in) throws IOException {
        org.jexim.log.SmtpConnectionLog connectionLog = org.jexim.log.SmtpConnectionLog.main();
        if (session.ip() != null) {
            connectionLog.connected(session.peer(), null);
        }
        SmtpReply connect = gate.check(Stage.CONNECT, acl(Stage.CONNECT), session, null);
        // an accept with a message replaces the banner (spec, "The connect ACL")
        if (!send(connect.positive() && connect.text().isEmpty() ? texts.banner(session) : connect)) {
            return;
        }
        int maxErrors = runtime.mainOption("smtp_max_synprot_errors").map(Integer::parseInt).orElse(3);
        int maxUnknown = runtime.mainOption("smtp_max_unknown_commands").map(Integer::parseInt).orElse(3);
        NonmailCommands nonmail = NonmailCommands.of(runtime, session.ip());
        String line;
        while ((line = commandLine(in)) != null) {
            synprot = false;
            session.command(stripCr(line));
            SmtpReply tooMany = nonmail.check(session, stripCr(line));
            SmtpReply reply = tooMany != null ? tooMany : command(stripCr(line), session, in);
            if (synprot) {
                ProtocolErrors.logError(session, stripCr(line), reply);
            }
            if (reply == EximTexts.UNRECOGNIZED && ++unknown > maxUnknown) {
                reply = SmtpReply.of("500", "Too many unrecognized commands").closing();
                session.ending("bad-commands");
                connectionLog.incompleteTransaction(session.peer(), "unrecognized command", session.rawSender(), session.recipients());
                connectionLog.droppedForUnrecognized(session.peer(), stripCr(line));
            } else if (synprot && ++errors > maxErrors) {
                reply = SmtpReply.of(reply.code(), reply.text() + "\nToo many syntax or protocol errors").closing();
                session.ending("bad-commands");
                connectionLog.droppedForSyntaxErrors(session.peer(), stripCr(line), session.commandHistory());
            }
            if (!send(reply)) {
                if (!quit) {
                    commands.notQuit(session, reply != null && reply.code().equals("421") ? "connection-lost"
                            : session.endReason().orElse("acl-drop"));
                }
                if (quit) {
                    connectionLog.closedByQuit(session.peer());
                }
                session.logNoMail(session.commandHistory());
                return;
            }
        }
        // end of input where a command was due (smtp_in.c's EOF_CMD)
        connectionLog.incompleteTransaction(session.peer(), "connection lost", session.rawSender(), session.recipients());
        send(SmtpReply.of("421", runtime.primaryHostname() + " lost input connection"));
        if (session.ip() != null) {
            connectionLog.lostReadingCommand(session.peer(), session.started(),
                    session.sender() != null || !session.recipients().isEmpty());
        }
        session.logNoMail(session.commandHistory());
        commands.notQuit(session, "connection-lost");
    }


    private SmtpReply command(String line, SessionState session, BufferedReader in) throws IOException {
        String verb = (line.length() >= 4 ? line.substring(0, 4) : line).toUpperCase(Locale.ROOT);
        if (line.length() > 4 && line.charAt(4) != ' ' && !verb.equals("STAR")) {
            verb = ""; // smtp_in.c: a command name is followed by a space or nothing ("NOOP\rQUIT" is unknown)
        }
        boolean wasRcpt = lastWasRcpt;
        boolean wasRejectedMail = lastWasRejectedMail;
        lastWasRcpt = verb.equals("RCPT");
        lastWasRejectedMail = wasRejectedMail && verb.equals("RCPT");
        SmtpReply reply = dispatch(verb, line, session, in, wasRcpt, wasRejectedMail);
        if (reply == EximTexts.UNRECOGNIZED) {
            synprot = true;
        }
        return reply;
    }

    private SmtpReply dispatch(String verb, String line, SessionState session, BufferedReader in, boolean wasRcpt,
                               boolean wasRejectedMail) throws IOException {
        String argument = line.length() > 4 ? line.substring(4).strip() : "";
        switch (verb) {
            case "HELO", "EHLO": {
                // helo_accept_junk_hosts: Exim skips the syntax check for these clients
                if (!AuthAdvertising.hostIn(runtime, "helo_accept_junk_hosts", "", session.ip())
                        && !HeloSyntax.valid(argument, runtime.mainOption("helo_allow_chars").orElse(""))) {
                    synprot = true;
                    String logLine = "rejected " + verb + " from " + session.peer().hostField(false).substring(2)
                            + ": syntactically invalid argument(s): " + argument;
                    org.jexim.log.EximLog.main().mainAndReject(logLine, logLine);
                    return SmtpReply.of("501", "Syntactically invalid " + verb + " argument(s)");
                }
                session.helo(argument);
                session.esmtp(verb.equals("EHLO"));
                newMessage();
                SmtpReply check = gate.check(Stage.HELO, acl(Stage.HELO), session, null);
                if (!check.positive()) {
                    return check;
                }
                SmtpReply hello = texts.hello(session, verb.equals("EHLO"));
                pipelining = verb.equals("EHLO") && hello.text().contains("\nPIPELINING");
                // an accept with a message replaces the greeting line, never the EHLO keywords
                return check.text().isEmpty() ? hello : SmtpReply.of("250",
                        check.textLines().get(0) + hello.text().substring(hello.textLines().get(0).length()));
            }
            case "MAIL": {
                String address = address(smtpRewrite.mailArgument(argument), "FROM:");
                if (address == null) {
                    return EximTexts.UNRECOGNIZED;
                }
                session.mailCommand();
                if (HeloRequired.refuses(runtime, session)) {
                    return HeloRequired.REPLY;
                }
                if (session.sender() != null) {
                    synprot = true;
                    return SmtpReply.of("503", "sender already given");
                }
                SmtpParameters options = SmtpParameters.parse(afterColon(smtpRewrite.mailArgument(argument)),
                        session.esmtp() ? MAIL_OPTIONS : java.util.Set.of());
                session.commandData(options.data());
                if (options.malformed().isPresent()) {
                    synprot = true;
                    lastWasRejectedMail = true;
                    return SmtpReply.of("501", options.malformed().get());
                }
                java.util.Optional<SmtpReply> badUtf8 = Smtputf8.take(session, options);
                if (badUtf8.isPresent()) {
                    synprot = true;
                    lastWasRejectedMail = true;
                    return badUtf8.get();
                }
                java.util.Optional<String> badDsn = session.dsnAdvertised() ? session.dsn().mail(options) : java.util.Optional.empty();
                if (badDsn.isPresent()) {
                    synprot = true;
                    lastWasRejectedMail = true;
                    return SmtpReply.of("501", badDsn.get());
                }
                SmtpReply refusedAuth = mailAuth.take(session, options.value("AUTH").orElse(null));
                if (refusedAuth != null) {
                    lastWasRejectedMail = true;
                    return refusedAuth;
                }
                EnvelopeAddress.Taken sender = EnvelopeAddress.sender(runtime, session, options.data());
                if (sender.refused()) {
                    synprot = sender.syntaxError();
                    lastWasRejectedMail = true;
                    return sender.refusal();
                }
                session.sender(sender.address(), sender.raw());
                SmtpReply reply = gate.check(Stage.MAIL, acl(Stage.MAIL), session, null);
                if (!reply.positive()) {
                    session.sender(null);
                    lastWasRejectedMail = true;
                    return reply;
                }
                prdrRequested = session.prdrCapable() && Prdr.enabled(runtime)
                        && options.options().stream().anyMatch(o -> o.name().equals("PRDR"));
                // smtp_in.c adds this to its own "250 OK" only, never to an ACL's message
                return prdrRequested && reply.equals(EximTexts.MAIL_OK) ? EximTexts.MAIL_OK_PRDR : reply;
            }
            case "RCPT": {
                String address = address(smtpRewrite.rcptArgument(argument), "TO:");
                if (address == null) {
                    return EximTexts.UNRECOGNIZED;
                }
                if (session.sender() == null) {
                    // after a refused MAIL in a pipelined session this is expected, not a protocol error
                    synprot = !(pipelining && wasRejectedMail);
                    return rcptFailed(EximTexts.NO_SENDER);
                }
                SmtpParameters options = SmtpParameters.parse(afterColon(smtpRewrite.rcptArgument(argument)),
                        session.esmtp() && session.dsnAdvertised() ? RCPT_OPTIONS : java.util.Set.of());
                session.commandData(options.data());
                java.util.Optional<String> bad = options.malformed()
                        .or(() -> session.dsn().rcpt(address, options));
                if (bad.isPresent()) {
                    synprot = true;
                    return rcptFailed(SmtpReply.of("501", bad.get()));
                }
                EnvelopeAddress.Taken recipient = EnvelopeAddress.recipient(runtime, session, options.data());
                if (recipient.refused()) {
                    synprot = recipient.syntaxError();
                    return rcptFailed(recipient.refusal());
                }
                session.rcptSeen();
                AclGate.Decision decision = gate.decide(Stage.RCPT, acl(Stage.RCPT), session, recipient.address());
                if (!decision.reply().positive()) {
                    rcptFailed(SmtpReply.of("", withoutStatusCode(decision.reply().text())));
                }
                if (decision.reply().positive()) {
                    session.rcptAccepted();
                    if (!decision.discarded()) {
                        session.recipients().add(recipient.address());
                    }
                }
                return decision.reply();
            }
            case "AUTH":
                return auth(argument, session, in);
            case "STAR": {
                // only acl_smtp_starttls's refusal is answered: -bh has no TLS to start (known-differences.txt)
                String acl = acl(Stage.STARTTLS);
                if (line.toUpperCase(Locale.ROOT).startsWith("STARTTLS") && acl != null && session.esmtp()) {
                    AclGate.Decision d = gate.decide(Stage.STARTTLS, acl, session, null);
                    if (d.verdict() != org.jexim.acl.AclVerdict.ACCEPT) {
                        return d.reply();
                    }
                }
                return EximTexts.UNRECOGNIZED;
            }
            case "DATA":
                return data(session, in, wasRcpt);
            case "RSET":
                org.jexim.log.SmtpConnectionLog.main().incompleteTransaction(session.peer(), "RSET", session.rawSender(),
                        session.recipients());
                session.reset();
                newMessage();
                return EximTexts.RESET;
            case "NOOP":
                return EximTexts.NOOP;
            case "HELP":
                return texts.help(session);
            case "QUIT":
                quit = true;
                org.jexim.log.SmtpConnectionLog.main().incompleteTransaction(session.peer(), "QUIT", session.rawSender(),
                        session.recipients());
                return commands.quit(session);
            case "VRFY":
                return commands.vrfy(session, argument);
            case "EXPN":
                return commands.expn(session, argument);
            case "ETRN": {
                SmtpReply reply = commands.etrn(session, argument);
                synprot = reply.code().equals("503") || reply.code().equals("501");
                return reply;
            }
            default:
                return EximTexts.UNRECOGNIZED;
        }
    }

    private SmtpReply data(SessionState session, BufferedReader in, boolean wasRcpt) throws IOException {
        if (session.acceptedRcpts() == 0) {
            StringBuilder text = new StringBuilder();
            // no_multiline_responses leaves out these preliminary lines altogether, as smtp_respond() does
            if (rcptFailure != null && rcptFailuresSame && !session.effects().has("no_multiline_responses")) {
                text.append("All RCPT commands were rejected with this error:\n").append(rcptFailure).append('\n');
            }
            if (pipelining && wasRcpt) {
                return SmtpReply.of("503", text + "Valid RCPT command must precede DATA");
            }
            synprot = true;
            return SmtpReply.of("503", text + EximTexts.NO_RECIPIENTS.text());
        }
        SmtpReply predata = gate.check(Stage.PREDATA, acl(Stage.PREDATA), session, null);
        if (!send(predata)) {
            return null;
        }
        if (!predata.positive()) {
            return SmtpReply.of("", ""); // already sent
        }
        DataInput input = DataInput.read(in); // -bh keeps the message for the DATA ACL only
        java.util.List<String> lines = input.lines();
        if (!input.complete()) {
            org.jexim.log.SmtpConnectionLog.main().lostReadingData(session.peer(), input.progress());
            return SmtpReply.of("421", "Lost incoming connection").closing();
        }
        java.util.Optional<SmtpReply> oversized = headerLimits.check(lines, session.peer());
        if (oversized.isPresent()) {
            session.reset(); // the message is abandoned: no ACL sees it
            newMessage();
            return oversized.get();
        }
        session.message(org.jexim.acl.ReceivedMessage.ofLines(lines));
        String id = sink == null ? org.jexim.queue.EximMessageId.next() : null;
        session.messageId(id);
        if (id != null) {
            org.jexim.log.EximLog.prefixWith(id); // -bh never clears the id: Exim's later lines start with it
        }
        boolean prdr = id != null && Prdr.applies(prdrRequested, session);
        // Exim's S= counts the Received: header made for all the recipients, before PRDR removes some
        long prdrSize = prdr ? size(session, id, lines) : 0;
        SmtpReply prdrReply = prdr ? new Prdr(runtime, gate).run(session, id, this::send) : null;
        if (prdr && session.recipients().isEmpty()) {
            session.reset();
            newMessage();
            return prdrReply; // rejected for all: no DATA ACL, no arrival
        }
        SmtpReply check = gate.check(Stage.DATA, acl(Stage.DATA), session, null);
        String sender = session.sender();
        // the id= of the arrival line: a Message-ID the client sent (one added here is not logged)
        String clientMessageId = id == null ? null : messageIdHeader(lines);
        if (id != null && check.positive() && session.blackhole() == null) {
            java.util.Optional<String> submission = session.effects().control("submission");
            if (submission.isPresent()) {
                sender = submitted(session, id, lines, submission.get());
                session.sender(sender); // the Received: header's envelope-from is the new sender
            }
        }
        long size = id == null || !check.positive() ? 0 : prdr ? prdrSize : size(session, id, lines);
        ArrivalControls controls = new ArrivalControls(session);
        MessageTerms terms = new MessageTerms(controls.freezes(), controls.queues(), session.dsn().message());
        java.util.List<String> recipients = java.util.List.copyOf(session.recipients());
        // add_header and remove_header of the ACLs, as the server puts them into the queued message
        java.util.List<String> queued = sink == null ? lines : AddedHeaders.apply(session.effects(), lines);
        session.reset();
        newMessage();
        if (!check.positive()) {
            return check;
        }
        if (sink != null) {
            if (recipients.isEmpty()) {
                return EximTexts.MAIL_OK; // every recipient was discarded
            }
            try {
                return EximTexts.queued(sink.accept(session, sender, recipients, queued, terms));
            } catch (IOException e) {
                return SmtpReply.of("451", "Temporary local problem - please try later");
            }
        }
        // receive.c writes " PRDR" right after P= for a message that went through PRDR
        org.jexim.log.Arrival arrival = org.jexim.log.Arrival.smtp(id, sender, session.peer(),
                session.receivedProtocol() + (prdr ? " PRDR" : ""), size);
        if (clientMessageId != null) {
            arrival = arrival.withMessageId(clientMessageId);
        }
        if (session.authenticated()) {
            String authId = session.protocolVariable("authenticated_id").orElse("");
            arrival = arrival.withAuthenticator(session.protocolVariable("sender_host_authenticated").orElse("")
                    + (authId.isEmpty() ? "" : ":" + authId));
        }
        controls.log(arrival);
        if (prdr) {
            return prdrReply; // Exim's own reply: no "not a real message id" note
        }
        send(controls.fakeReply().orElse(EximTexts.queued(id)));
        out.print("\n**** SMTP testing: that is not a real message id!\n\n");
        return SmtpReply.of("", "");
    }

    /** The value of the Message-ID: header among the header lines, or null. */
    private static String messageIdHeader(java.util.List<String> lines) {
        for (String l : lines) {
            if (l.isEmpty()) {
                return null;
            }
            if (l.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                return l.substring(11).strip();
            }
        }
        return null;
    }

    /** control = submission: fixes the header in {@code lines}; the envelope sender afterwards. */
    private String submitted(SessionState session, String id, java.util.List<String> lines, String options) {
        int blank = lines.indexOf("");
        java.util.List<String> header = blank < 0 ? lines : lines.subList(0, blank);
        SubmissionFixups.Result r = SubmissionFixups.apply(SubmissionFixups.section(header),
                SubmissionFixups.Options.parse(options), new SubmissionFixups.Context(session.sender(),
                        session.protocolVariable("authenticated_id").orElse(null),
                        runtime.mainOption("qualify_domain").orElse(runtime.primaryHostname()),
                        runtime.primaryHostname(), id, SubmissionFixups.now()));
        java.util.List<String> fixed = new java.util.ArrayList<>();
        for (String f : r.headers().fields()) {
            fixed.addAll(java.util.List.of(f.substring(0, f.length() - 1).split("\n", -1)));
        }
        java.util.List<String> rest = blank < 0 ? java.util.List.of() : new java.util.ArrayList<>(lines.subList(blank, lines.size()));
        lines.clear();
        lines.addAll(fixed);
        lines.addAll(rest);
        return r.sender();
    }

    /** Exim's S=: the message with its Received: header, LF line ends. */
    private long size(SessionState session, String id, java.util.List<String> lines) {
        long size = 0;
        for (String l : new ReceivedHeader(runtime).lines(session, id, session.recipients())) {
            size += l.length() + 1;
        }
        for (String l : lines) {
            size += l.length() + 1;
        }
        return size;
    }

    /** AUTH and its exchange: each 334 challenge is answered by the next input line. */
    private SmtpReply auth(String argument, SessionState session, BufferedReader in) throws IOException {
        AuthCommand.Turn turn = auth.start(session, argument, session.esmtp());
        while (turn.pending() != null) {
            send(turn.reply());
            String line = commandLine(in);
            if (line == null) {
                return SmtpReply.of("421", runtime.primaryHostname() + " lost input connection").closing();
            }
            turn = auth.next(session, turn.pending(), stripCr(line));
        }
        synprot = turn.protocolError();
        return turn.reply();
    }

    /** Remembers a refused RCPT's reply for the 503 to a DATA without recipients. */
    private SmtpReply rcptFailed(SmtpReply reply) {
        // Exim keeps the first refusal (rcpt_smtp_response): an ACL's message as smtp_respond() got
        // it (no code, no enhanced status code: given here with an empty code), else the line as sent
        String text = reply.code().isEmpty() ? reply.text() : String.join("\n", reply.wireLines());
        rcptFailuresSame = rcptFailure == null ? rcptFailuresSame : rcptFailuresSame && rcptFailure.equals(text);
        rcptFailure = rcptFailure == null ? text : rcptFailure;
        return reply;
    }

    private static String withoutStatusCode(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\d\\.\\d{1,3}\\.\\d{1,3} ").matcher(text);
        if (!m.find()) {
            return text;
        }
        String esc = m.group();
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            out.append(out.length() == 0 ? "" : "\n").append(line.startsWith(esc) ? line.substring(esc.length()) : line);
        }
        return out.toString();
    }

    private void newMessage() {
        prdrRequested = false;
        rcptFailure = null;
        rcptFailuresSame = true;
    }

    /** Writes a reply; false when the session ends with it. An empty code means already answered. */
    private boolean send(SmtpReply reply) {
        if (reply == null) {
            return false;
        }
        if (!reply.code().isEmpty()) {
            reply.wireLines().forEach(l -> out.print(l + "\r\n")); // Exim answers with CRLF on stdout too
        }
        out.flush();
        return !reply.closes();
    }

    private String acl(Stage stage) {
        return runtime.mainOption(stage.option()).map(String::strip).orElse(null);
    }

    /** The address of {@code FROM:<a@b> SIZE=1}; null when the argument is not of that form. */
    /** The value of a MAIL option after the address (ESMTP only), or null. */
    /** The MAIL options Exim takes from an EHLO client (RET and ENVID count only when DSN was offered). */
    static final java.util.Set<String> MAIL_OPTIONS = java.util.Set.of("SIZE", "BODY", "AUTH", "RET", "ENVID", "SMTPUTF8", "PRDR");
    /** The RCPT options Exim takes when DSN was offered. */
    static final java.util.Set<String> RCPT_OPTIONS = java.util.Set.of("NOTIFY", "ORCPT");

    /** The command's data after "FROM:" or "TO:". */
    static String afterColon(String argument) {
        int colon = argument.indexOf(':');
        return colon < 0 ? argument : argument.substring(colon + 1);
    }

    private static String address(String argument, String keyword) {
        if (!argument.regionMatches(true, 0, keyword, 0, keyword.length())) {
            return null;
        }
        String rest = argument.substring(keyword.length()).strip();
        if (rest.startsWith("<")) {
            int end = rest.indexOf('>');
            return end < 0 ? null : rest.substring(1, end);
        }
        int space = rest.indexOf(' ');
        return space < 0 ? rest : rest.substring(0, space);
    }

    /** The next command line up to LF (a bare CR stays in it, as in Exim), or null at the end of input. */
    private static String commandLine(BufferedReader in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            line.append((char) c);
        }
        return c < 0 && line.length() == 0 ? null : line.toString();
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
