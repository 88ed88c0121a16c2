package org.jexim.smtp;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jexim.conf.expand.AddressParser;
import org.jexim.runtime.JeximRuntime;
import org.jexim.smtp.wire.SmtpDataReader;

/**
 * Exim's {@code -bS} (smtp_setup_batch_msg): batched SMTP on standard input, no replies and no
 * SMTP ACLs (the non-SMTP ones run: a refusal ends the batch, {@link Refused}); HELO/EHLO and RSET start a new transaction, NOOP/VRFY/EXPN/HELP/ETRN are ignored, each
 * message read as DATA is read ({@link SmtpDataReader}) goes to the sink. The first error
 * abandons the rest of the batch, reported as {@link Failure}.
 */
public final class BatchSession {
    private final JeximRuntime runtime;
    private int line;
    private int transactionLine;
    private int messages;

    public BatchSession(JeximRuntime runtime) {
        this.runtime = runtime;
    }

    /**
     * What ended the batch early: Exim's error text ("500 Command unrecognized"), where the
     * transaction started and where the error was seen, the command at fault (none for lost
     * input), and how many messages had been taken.
     */
    public record Failure(String error, int transactionLine, int errorLine, Optional<String> command, int messages) {
        /** What Exim writes on standard output. */
        public String stdout() {
            return error + "\nTransaction started in line " + transactionLine + "\nError detected in line " + errorLine
                    + "\n" + command.map(c -> c + "\n").orElse("");
        }

        /** What Exim writes on standard error. */
        public String stderr() {
            return "An error was detected while processing a file of BSMTP input.\nThe error message was:\n\n  " + error
                    + "\n\nThe SMTP transaction started in line " + transactionLine + ".\nThe error was detected in line "
                    + errorLine + ".\n" + command.map(c -> "The SMTP command at fault was:\n\n   " + c + "\n\n").orElse("")
                    + messages + " previous message" + (messages == 1 ? " was" : "s were") + " successfully processed.\n"
                    + "The rest of the batch was abandoned.\n";
        }

        /** Exim's exit status: 1 when some messages were taken, 2 when none. */
        public int status() {
            return messages > 0 ? 1 : 2;
        }
    }

    /** A message the non-SMTP ACL refused ({@code reply}: "550 TEXT"): the batch ends there. */
    public static final class Refused extends IOException {
        public Refused(String reply) {
            super(reply);
        }
    }

    /** Reads the batch; empty when it ended with QUIT or the end of input. */
    public Optional<Failure> run(String user, BufferedReader in, TestSession.MessageSink sink) throws IOException {
        SessionState session = new SessionState(null, 0, runtime.primaryHostname());
        session.protocolVariable("sender_ident", user);
        while (true) {
            transactionLine = line;
            String sender = null;
            List<String> recipients = new ArrayList<>();
            while (true) {
                String command = commandLine(in);
                if (command == null) {
                    return Optional.empty();
                }
                String verb = verb(command);
                String data = command.length() > verb.length() ? command.substring(verb.length()).strip() : "";
                switch (verb) {
                    case "HELO", "EHLO", "RSET" -> {
                        if (!verb.equals("RSET")) {
                            session.helo(data);
                        }
                        sender = null;
                        recipients.clear();
                        transactionLine = line;
                    }
                    case "NOOP", "VRFY", "EXPN", "HELP", "ETRN" -> transactionLine = line;
                    case "QUIT" -> {
                        return Optional.empty();
                    }
                    case "MAIL FROM:" -> {
                        if (sender != null) {
                            return fail("503 Sender already given", command);
                        }
                        if (data.isEmpty()) {
                            return fail("501 MAIL FROM must have an address operand", command);
                        }
                        recipients.clear();
                        AddressParser.Span span = AddressParser.extractEnvelope(data, true, literals());
                        if (span.parsed() == null) {
                            return fail("501 " + span.error(), command);
                        }
                        String a = span.parsed().address();
                        sender = span.parsed().domain() > 0 || a.isEmpty() || a.startsWith("@") ? a : a + "@" + runtime.qualifyDomain();
                    }
                    case "RCPT TO:" -> {
                        if (sender == null) {
                            return fail("503 No sender yet given", command);
                        }
                        if (data.isEmpty()) {
                            return fail("501 RCPT TO must have an address operand", command);
                        }
                        AddressParser.Span span = AddressParser.extractEnvelope(data, false, literals());
                        if (span.parsed() == null) {
                            return fail("501 " + span.error(), command);
                        }
                        String a = span.parsed().address();
                        recipients.add(span.parsed().domain() > 0 ? a : a + "@" + runtime.qualifyRecipient());
                    }
                    case "DATA" -> {
                        if (sender == null) {
                            return fail("503 MAIL FROM:<sender> command must precede DATA", command);
                        }
                        if (recipients.isEmpty()) {
                            return fail("503 RCPT TO:<recipient> must precede DATA", command);
                        }
                        SmtpDataReader reader = data(in);
                        if (!reader.ended()) {
                            org.jexim.log.EximLog.main().main("SMTP connection from " + user
                                    + " lost while reading message data" + reader.lostSuffix());
                            return Optional.of(new Failure("421 Lost incoming connection", transactionLine, line + 1,
                                    Optional.empty(), messages));
                        }
                        String text = reader.text();
                        session.sender(sender);
                        try {
                            sink.accept(session, sender, List.copyOf(recipients),
                                    List.of(text.substring(0, text.length() - 1).split("\n", -1)),
                                    new TestSession.MessageTerms(false, false, org.jexim.queue.MessageDsn.NONE));
                        } catch (Refused r) {
                            return Optional.of(new Failure(r.getMessage(), transactionLine, line, Optional.empty(), messages));
                        }
                        messages++;
                    }
                    default -> {
                        return fail("500 Command unrecognized", command);
                    }
                }
                if (verb.equals("DATA")) {
                    break; // the next message's transaction starts here
                }
            }
        }
    }

    private Optional<Failure> fail(String error, String command) {
        return Optional.of(new Failure(error, transactionLine, line, Optional.of(command), messages));
    }

    private boolean literals() {
        return runtime.mainOption("allow_domain_literals").map("true"::equals).orElse(false);
    }

    /** smtp_in.c's command names: a name followed by a space or nothing ("MAIL FROM:" and "RCPT TO:" whole). */
    private static String verb(String command) {
        String upper = command.toUpperCase(Locale.ROOT);
        for (String name : List.of("MAIL FROM:", "RCPT TO:")) {
            if (upper.startsWith(name)) {
                return name;
            }
        }
        int space = upper.indexOf(' ');
        return space < 0 ? upper : upper.substring(0, space);
    }

    /** The reader after the message's dot line, or at the end of input if that came first. */
    private SmtpDataReader data(BufferedReader in) throws IOException {
        SmtpDataReader reader = new SmtpDataReader();
        int c;
        while ((c = in.read()) >= 0) {
            line += c == '\n' ? 1 : 0;
            if (reader.accept(c)) {
                break;
            }
        }
        return reader;
    }

    /** The next line up to LF, trailing white space removed; null at the end of input. */
    private String commandLine(BufferedReader in) throws IOException {
        StringBuilder text = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            text.append((char) c);
        }
        if (c < 0 && text.length() == 0) {
            return null;
        }
        line++;
        return text.toString().stripTrailing();
    }
}
