package org.jexim.transport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SMTP (and LMTP) dialogue on a connection: the greeting, EHLO/LHLO (HELO when EHLO is
 * refused) and what the server offers, then one transaction: MAIL, RCPT for each recipient
 * (in one write with DATA when pipelining), DATA with dot-stuffing or BDAT when the server offers CHUNKING, and the final reply (one per
 * accepted recipient for LMTP). Replies that refuse are kept with the command they answered,
 * worded as Exim words them ("SMTP error from remote mail server after RCPT TO:<a>: 550 ...").
 */
final class SmtpSession {
    private final SmtpConnection connection;
    private final boolean lmtp;
    private List<String> extensions = List.of();
    private long messageBytes = -1;

    SmtpSession(SmtpConnection connection, boolean lmtp) {
        this.connection = connection;
        this.lmtp = lmtp;
    }

    /** A refusal: the reply and the command it answered ("initial connection" for the greeting). */
    record Refusal(SmtpReply reply, String after) {
        String message() {
            return "SMTP error from remote mail server after " + after + ": " + reply.text().replace("\n", "\n    ");
        }

        String bounceText(String host) {
            return "host " + host + "\nSMTP error from remote mail server after " + after + ":\n" + reply.text();
        }
    }

    /** What happened to one recipient in a transaction: accepted (with the final reply) or refused. */
    record RecipientOutcome(boolean delivered, SmtpReply reply, Refusal refusal) {
    }

    /** Thrown for a refusal that ends the attempt at this host (greeting, EHLO, MAIL, DATA). */
    static final class Refused extends Exception {
        final Refusal refusal;

        Refused(Refusal refusal) {
            super(refusal.message());
            this.refusal = refusal;
        }
    }

    SmtpConnection connection() {
        return connection;
    }

    void greeting() throws IOException, Refused {
        SmtpReply r = connection.reply();
        if (r.code() / 100 != 2) {
            throw new Refused(new Refusal(r, "initial connection"));
        }
    }

    /** EHLO (LHLO for LMTP), falling back to HELO for SMTP when EHLO is refused. */
    void hello(String helo) throws IOException, Refused {
        String verb = lmtp ? "LHLO" : "EHLO";
        SmtpReply r = connection.command(verb + " " + helo);
        if (r.code() / 100 != 2 && !lmtp) {
            SmtpReply h = connection.command("HELO " + helo);
            if (h.code() / 100 != 2) {
                throw new Refused(new Refusal(h, "HELO " + helo));
            }
            extensions = List.of();
            return;
        }
        if (r.code() / 100 != 2) {
            throw new Refused(new Refusal(r, verb + " " + helo));
        }
        List<String> values = r.values();
        extensions = values.size() > 1 ? values.subList(1, values.size()) : List.of();
    }

    /** Whether the server offered {@code keyword} in its EHLO reply (STARTTLS, CHUNKING, SIZE...). */
    boolean offers(String keyword) {
        return extension(keyword) != null;
    }

    /** The offered extension line ("AUTH PLAIN CRAM-MD5"), or null. */
    String extension(String keyword) {
        for (String e : extensions) {
            String u = e.toUpperCase(Locale.ROOT);
            if (u.equals(keyword) || u.startsWith(keyword + " ") || u.startsWith(keyword + "=")) {
                return e;
            }
        }
        return null;
    }

    /** The SASL mechanisms the server offers, upper-cased. */
    List<String> authMechanisms() {
        String auth = extension("AUTH");
        List<String> out = new ArrayList<>();
        if (auth != null) {
            for (String m : auth.substring(4).strip().split("[ =]+")) {
                if (!m.isEmpty()) {
                    out.add(m.toUpperCase(Locale.ROOT));
                }
            }
        }
        return out;
    }

    void startTlsCommand() throws IOException, Refused {
        SmtpReply r = connection.command("STARTTLS");
        if (r.code() != 220) {
            throw new Refused(new Refusal(r, "STARTTLS"));
        }
    }

    /**
     * One transaction: MAIL with {@code mailParameters}, a RCPT for each recipient, then the
     * message (streamed, dot-stuffed here for DATA). A refused MAIL or DATA is thrown; refused
     * recipients are in the outcome list, which follows {@code recipients}' order.
     */
    List<RecipientOutcome> transaction(String returnPath, String mailParameters, List<String> recipients,
            List<String> rcptParameters, SmtpMessage message, boolean chunking, int dataTimeout) throws IOException, Refused {
        return transaction(returnPath, mailParameters, recipients, rcptParameters, message,
                new Options(chunking, false, dataTimeout, dataTimeout));
    }

    /**
     * How a transaction goes: BDAT (CHUNKING) or DATA; MAIL, the RCPTs and DATA sent in one write
     * before their replies are read (PIPELINING, as Exim's client does when the server offers it);
     * the time allowed for writing the message and for the reply after it (data_timeout,
     * final_timeout), in milliseconds.
     */
    record Options(boolean chunking, boolean pipelining, int dataTimeout, int finalTimeout) {
    }

    /** As above, with the given options. */
    List<RecipientOutcome> transaction(String returnPath, String mailParameters, List<String> recipients,
            List<String> rcptParameters, SmtpMessage message, Options how) throws IOException, Refused {
        boolean chunking = how.chunking();
        int dataTimeout = how.dataTimeout();
        String mail = "MAIL FROM:<" + returnPath + ">" + mailParameters;
        List<String> rcpts = new ArrayList<>();
        for (int i = 0; i < recipients.size(); i++) {
            rcpts.add("RCPT TO:<" + recipients.get(i) + ">" + rcptParameters.get(i));
        }
        boolean dataPipelined = how.pipelining() && !chunking;
        if (how.pipelining()) {
            List<String> batch = new ArrayList<>(rcpts);
            batch.add(0, mail);
            if (dataPipelined) {
                batch.add("DATA");
            }
            connection.sendAll(batch);
        }
        SmtpReply m = how.pipelining() ? connection.reply() : connection.command(mail);
        List<RecipientOutcome> outcomes = new ArrayList<>();
        List<Integer> accepted = new ArrayList<>();
        for (int i = 0; i < recipients.size(); i++) {
            SmtpReply r = how.pipelining() ? connection.reply() : m.code() / 100 == 2 ? connection.command(rcpts.get(i)) : null;
            if (r == null) {
                break;
            }
            if (r.code() / 100 == 2) {
                accepted.add(i);
                outcomes.add(null);
            } else {
                outcomes.add(new RecipientOutcome(false, r, new Refusal(r, "RCPT TO:<" + recipients.get(i) + ">")));
            }
        }
        SmtpReply pipelinedData = dataPipelined ? connection.reply() : null;
        if (m.code() / 100 != 2) {
            throw new Refused(new Refusal(m, mail));
        }
        if (accepted.isEmpty()) {
            connection.command("RSET");
            return outcomes;
        }
        if (chunking) {
            connection.send("BDAT " + message.size() + " LAST");
            message.writeTo(connection.data(dataTimeout));
            messageBytes = message.size();
        } else {
            SmtpReply d = pipelinedData != null ? pipelinedData : connection.command("DATA");
            if (d.code() != 354) {
                throw new Refused(new Refusal(d, "DATA"));
            }
            CountingStage counted = new CountingStage(connection.data(dataTimeout));
            StreamStage stuffed = new DotStuffingStage(counted);
            message.writeTo(stuffed);
            stuffed.finish();
            counted.finish();
            connection.write(".\r\n".getBytes(StandardCharsets.US_ASCII), dataTimeout);
            messageBytes = counted.count() + 3;
        }
        connection.replyTimeout(how.finalTimeout());
        for (int n = 0; n < (lmtp ? accepted.size() : 1); n++) {
            SmtpReply f = connection.reply();
            String after = chunking ? "pipelined end of data" : "end of data";
            if (!lmtp) {
                for (int i : accepted) {
                    outcomes.set(i, new RecipientOutcome(f.code() / 100 == 2, f,
                            f.code() / 100 == 2 ? null : new Refusal(f, after)));
                }
            } else {
                int i = accepted.get(n);
                outcomes.set(i, new RecipientOutcome(f.code() / 100 == 2, f, f.code() / 100 == 2 ? null
                        : new Refusal(f, "end of data")));
            }
        }
        connection.restoreTimeout();
        return outcomes;
    }

    /**
     * The bytes the last transaction sent for its message, as Exim's transport_count has them (S=
     * with log_selector delivery_size): dot-stuffed with the final ".CRLF" after DATA, as is after BDAT.
     */
    long messageBytes() {
        return messageBytes;
    }

    /** RSET before the connection carries another message; false when the server did not take it. */
    boolean reset() {
        try {
            return connection.command("RSET").code() == 250;
        } catch (IOException e) {
            return false;
        }
    }

    void quit() {
        try {
            connection.command("QUIT");
        } catch (IOException e) {
            // the message is delivered; a server that drops the line at QUIT changes nothing
        }
    }
}
