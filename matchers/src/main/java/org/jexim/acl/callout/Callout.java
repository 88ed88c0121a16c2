package org.jexim.acl.callout;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.function.LongSupplier;
import org.jexim.acl.CalloutRequest;
import org.jexim.acl.RecipientVerifier.Outcome;
import org.jexim.acl.RecipientVerifier.Verification;

/**
 * Callout verification, a port of Exim's do_callout(): the callout cache first, then for each
 * host in turn: connect, greeting, EHLO (HELO when refused), the "random" local part (RSET
 * after its refusal), MAIL FROM and RCPT TO for the address, the postmaster check, QUIT; the
 * domain and address records written back; the messages ($acl_verify_message, log) and
 * $sender_verify_failure / $recipient_verify_failure words as Exim words them. TLS is not
 * attempted on callout connections.
 */
public final class Callout {
    private final CalloutCache cache;
    private final CalloutCache.Expiry expiry;
    private final LongSupplier clock;

    public Callout(CalloutCache cache, CalloutCache.Expiry expiry) {
        this(cache, expiry, () -> System.currentTimeMillis() / 1000);
    }

    Callout(CalloutCache cache, CalloutCache.Expiry expiry, LongSupplier clock) {
        this.cache = cache;
        this.expiry = expiry;
        this.clock = clock;
    }

    /**
     * What the verification knows besides the target: recipient or sender callout, the envelope
     * sender (use_sender), qualify_domain_sender (use_postmaster), callout_random_local_part
     * expanded (null when it failed to expand), smtp_return_error_details.
     */
    public record Context(boolean recipient, String sender, String qualifyDomainSender, String randomLocalPart,
                          boolean returnErrorDetails) {
    }

    /** Calls out for the target's address; OK, FAIL or DEFER with Exim's messages. */
    public Verification run(CalloutTarget target, CalloutRequest request, Context context) {
        return new Run(target, request, context).call();
    }

    /** The state of one do_callout() call. */
    private final class Run {
        private final CalloutTarget target;
        private final CalloutRequest request;
        private final Context context;
        private final String from;
        private final String addressKey;
        private boolean random;
        private String pmMailFrom;
        private int oldDomainResult = CalloutCache.ACCEPT;
        private int domainResult = CalloutCache.UNKNOWN;
        private int postmasterResult = CalloutCache.UNKNOWN;
        private long postmasterStamp;
        private int randomResult = CalloutCache.UNKNOWN;
        private long randomStamp;
        private int addressResult = CalloutCache.UNKNOWN;
        private Outcome yield = Outcome.OK;
        private boolean done;
        private String failure;
        private String message;
        private String userMessage;
        private boolean postmasterFailed;
        private boolean setupFailed;
        private CalloutHost current;

        Run(CalloutTarget target, CalloutRequest request, Context context) {
            this.target = target;
            this.request = request;
            this.context = context;
            String address = target.address();
            if (context.recipient()) {
                if (request.useSender()) {
                    from = context.sender() == null ? "" : context.sender();
                    addressKey = address + "/<" + from + ">";
                } else if (request.usePostmaster()) {
                    from = "postmaster@" + context.qualifyDomainSender();
                    addressKey = address + "/<" + from + ">";
                } else {
                    from = "";
                    addressKey = address;
                }
            } else {
                from = request.mailFrom() == null ? "" : request.mailFrom();
                addressKey = from.isEmpty() ? address : address + "/<" + from + ">";
            }
            random = request.random();
            pmMailFrom = request.postmasterMailFrom();
        }

        Verification call() {
            if (!request.noCache()) {
                try {
                    if (cached()) {
                        return result();
                    }
                } catch (IOException e) {
                    // the cache is not available: call out
                }
            }
            String randomAddress = random && context.randomLocalPart() != null
                    ? context.randomLocalPart() + "@" + target.domain() : null;
            int timeout = request.timeout();
            int overall = request.overall() < 0 ? 4 * timeout : request.overall();
            int connect = request.connect() < 0 ? timeout : request.connect();
            long start = clock.getAsLong();
            for (CalloutHost host : target.hosts()) {
                if (done) {
                    break;
                }
                if (host.address() == null) {
                    continue;
                }
                if (clock.getAsLong() - start >= overall) {
                    break;
                }
                randomAddress = host(host, randomAddress, connect, timeout);
                if (!done || yield != Outcome.OK) {
                    message = host.name() + " [" + host.address() + "] : " + message;
                }
            }
            if (!request.noCache()) {
                writeCache();
            }
            if (!done) {
                String dull = "Could not complete " + (context.recipient() ? "recipient" : "sender") + " verify callout";
                yield = Outcome.DEFER;
                message = target.hosts().size() > 1 || message == null ? dull : dull + ": " + message;
                userMessage = context.returnErrorDetails()
                        ? dull + " for <" + target.address() + ">.\n"
                            + "The mail server(s) for the domain may be temporarily unreachable, or\n"
                            + "they may be permanently unreachable from this server. In the latter case,\n"
                            + (context.recipient() ? "the address will never be accepted."
                                : "you need to change the address or create an MX record for its domain\n"
                                    + "if it is supposed to be generally accessible from the Internet.\n"
                                    + "Talk to your mail administrator for details.")
                        : dull;
                return new Verification(yield, message, userMessage, failure, true, postmasterFailed, setupFailed);
            }
            return result();
        }

        private Verification result() {
            return new Verification(yield, message, userMessage, failure, false, postmasterFailed, setupFailed);
        }

        /** cached_callout_lookup(): true when the cache decides. */
        private boolean cached() throws IOException {
            long now = clock.getAsLong();
            CalloutCache.Entry d = cache.domain(target.domain(), expiry, now);
            if (d == null) {
                return false;
            }
            oldDomainResult = d.result();
            if (d.result() == CalloutCache.REJECT || from.isEmpty() && d.result() == CalloutCache.REJECT_MFNULL) {
                setupFailed = true;
                userMessage = "(result of an earlier callout reused).";
                yield = Outcome.FAIL;
                failure = "mail";
                return true;
            }
            if (random) {
                switch (d.random()) {
                    case CalloutCache.ACCEPT -> {
                        failure = "random";
                        return true;
                    }
                    case CalloutCache.REJECT -> {
                        random = false;
                        randomResult = CalloutCache.REJECT;
                        randomStamp = d.randomStamp();
                    }
                    default -> {
                        return false;
                    }
                }
            }
            if (pmMailFrom != null) {
                if (d.postmaster() == CalloutCache.REJECT) {
                    postmasterFailed = true;
                    yield = Outcome.FAIL;
                    failure = "postmaster";
                    userMessage = "(result of earlier verification reused).";
                    return true;
                }
                if (d.postmaster() == CalloutCache.UNKNOWN) {
                    return false;
                }
                pmMailFrom = null;
                postmasterResult = CalloutCache.ACCEPT;
                postmasterStamp = d.postmasterStamp();
            }
            Integer a = cache.address(addressKey, expiry, now);
            if (a == null) {
                return false;
            }
            if (a != CalloutCache.ACCEPT) {
                userMessage = "Previous (cached) callout verification failure";
                failure = "recipient";
                yield = Outcome.FAIL;
            }
            return true;
        }

        /** One host of the loop; returns the random address still to try (null once it is settled). */
        private String host(CalloutHost host, String randomAddress, int connect, int timeout) {
            current = host;
            SmtpProbe probe = null;
            SmtpProbe.Reply last = null;
            boolean sendQuit = true;
            try {
                try {
                    probe = SmtpProbe.open(host.address(), host.port(), target.interfaceAddress(), connect * 1000,
                            timeout * 1000);
                } catch (SocketTimeoutException e) {
                    message = "Connection timed out";
                    return randomAddress;
                } catch (ConnectException e) {
                    message = "Connection refused";
                    return randomAddress;
                }
                last = setup(probe);
                if (last != null) {
                    return randomAddress;
                }
                domainResult = oldDomainResult == CalloutCache.REJECT_MFNULL ? CalloutCache.REJECT_MFNULL
                        : CalloutCache.ACCEPT;
                done = true;
                if (randomAddress != null) {
                    randomStamp = clock.getAsLong();
                    done = false;
                    SmtpProbe.Reply mail = probe.command("MAIL FROM:<" + from + ">");
                    if (mail.code() / 100 != 2) {
                        last = mail;
                        noConnection(probe, last);
                        return randomAddress;
                    }
                    SmtpProbe.Reply r = probe.command("RCPT TO:<" + randomAddress + ">");
                    if (r.code() / 100 == 2) {
                        randomResult = CalloutCache.ACCEPT;
                        yield = Outcome.OK;
                        done = true;
                        failure = "random";
                        return null;
                    }
                    if (r.code() / 100 == 5) {
                        randomResult = CalloutCache.REJECT;
                        done = probe.command("RSET").code() / 100 == 2;
                        if (!done) {
                            // some servers drop the line after an unknown recipient: start again without random
                            probe.close();
                            probe = null;
                            return host(host, null, connect, timeout);
                        }
                    } else {
                        message = rcptError(randomAddress, r);
                        noConnection(probe, r);
                        return randomAddress;
                    }
                }
                last = main(probe);
                if (done && pmMailFrom != null) {
                    last = postmaster(probe, last);
                }
                noConnection(probe, last);
                return null;
            } catch (SmtpProbe.Closed e) {
                message = "Remote host closed connection in response to " + (probe == null ? "" : probe.lastCommand());
                return randomAddress;
            } catch (SocketTimeoutException e) {
                sendQuit = false;
                message = "SMTP timeout after " + (probe == null ? "" : probe.lastCommand());
                return randomAddress;
            } catch (IOException e) {
                message = e.getMessage();
                return randomAddress;
            } finally {
                if (probe != null) {
                    if (sendQuit) {
                        probe.quit();
                    }
                    try {
                        probe.close();
                    } catch (IOException e) {
                        // closing a finished connection
                    }
                }
            }
        }

        /** Greeting and EHLO/HELO; null when the session is ready for MAIL, else the refusing reply (handled). */
        private SmtpProbe.Reply setup(SmtpProbe probe) throws IOException {
            SmtpProbe.Reply r = probe.reply();
            String after = "initial connection";
            if (r.code() / 100 == 2) {
                after = "EHLO " + target.helo();
                r = probe.command(after);
                if (r.code() / 100 != 2) {
                    after = "HELO " + target.helo();
                    r = probe.command(after);
                }
            }
            if (r.code() / 100 == 2) {
                return null;
            }
            message = "SMTP error from remote mail server after " + after + ": " + printing(r.text());
            if (r.code() / 100 == 5) {
                // a refused greeting or HELO is cached: it blocks the whole domain
                setupFailed = true;
                domainResult = CalloutCache.REJECT;
                done = true;
                yield = Outcome.FAIL;
                userMessage = userText(probe, r);
            }
            return r;
        }

        /** MAIL FROM and RCPT TO for the address itself. */
        private SmtpProbe.Reply main(SmtpProbe probe) throws IOException {
            done = false;
            SmtpProbe.Reply mail = probe.command("MAIL FROM:<" + from + ">");
            if (mail.code() / 100 != 2) {
                failure = "mail";
                if (mail.code() / 100 == 5) {
                    setupFailed = true;
                    if (from.isEmpty()) {
                        domainResult = CalloutCache.REJECT_MFNULL;
                    }
                }
                return mail;
            }
            SmtpProbe.Reply r = probe.command("RCPT TO:<" + target.address() + ">");
            if (r.code() / 100 == 2) {
                done = true;
                addressResult = CalloutCache.ACCEPT;
            } else {
                message = rcptError(target.address(), r);
                if (r.code() / 100 == 5) {
                    done = true;
                    yield = Outcome.FAIL;
                    failure = "recipient";
                    addressResult = CalloutCache.REJECT;
                }
            }
            return r;
        }

        /** RSET, then RCPT TO:&lt;postmaster@domain&gt; (and &lt;postmaster&gt; for fullpostmaster). */
        private SmtpProbe.Reply postmaster(SmtpProbe probe, SmtpProbe.Reply last) throws IOException {
            SmtpProbe.Reply r = probe.command("RSET");
            done = r.code() / 100 == 2;
            if (!done) {
                return r;
            }
            String pm = "postmaster@" + target.domain();
            r = probe.command("MAIL FROM:<" + pmMailFrom + ">");
            if (r.code() / 100 == 2) {
                r = probe.command("RCPT TO:<" + pm + ">");
                if (r.code() / 100 != 2) {
                    message = rcptError(pm, r);
                }
                done = r.code() / 100 == 2;
                if (!done && request.fullPostmaster()) {
                    r = probe.command("RCPT TO:<postmaster>");
                    done = r.code() / 100 == 2;
                }
            } else {
                done = false;
            }
            postmasterStamp = clock.getAsLong();
            if (done) {
                postmasterResult = CalloutCache.ACCEPT;
            } else if (r.code() / 100 == 5) {
                failure = "postmaster";
                postmasterFailed = true;
                postmasterResult = CalloutCache.REJECT;
            }
            return r;
        }

        /** The no_conn part of do_callout() for a conversation that got replies (errno 0). */
        private void noConnection(SmtpProbe probe, SmtpProbe.Reply last) {
            if (message == null) {
                message = "response to \"" + probe.lastCommand() + "\" was: " + printing(last.text());
            }
            userMessage = userText(probe, last);
            if (last.code() / 100 == 5) {
                yield = Outcome.FAIL;
                done = true;
            }
        }

        private String userText(SmtpProbe probe, SmtpProbe.Reply last) {
            String buffer = truncated(last.text());
            return context.recipient() ? "Callout verification failed:\n" + buffer
                    : "Called:   " + current.address() + "\nSent:     " + probe.lastCommand() + "\nResponse: " + buffer;
        }

        private void writeCache() {
            CalloutCache.Entry d = domainResult == CalloutCache.UNKNOWN ? null
                    : new CalloutCache.Entry(domainResult, clock.getAsLong(), postmasterResult, postmasterStamp,
                            randomResult, randomStamp);
            CalloutCache.Entry a = done && addressResult != CalloutCache.UNKNOWN
                    ? CalloutCache.Entry.address(addressResult, clock.getAsLong()) : null;
            try {
                cache.write(target.domain(), d, addressKey, a);
            } catch (IOException e) {
                // Exim carries on when the hints database is not available
            }
        }
    }

    private static String rcptError(String address, SmtpProbe.Reply r) {
        return "SMTP error from remote mail server after RCPT TO:<" + address + ">: " + printing(r.text());
    }

    /** Exim's string_printing(): newlines and other non-printing characters as escapes, for the log. */
    static String printing(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < ' ' || c > '~') {
                        b.append(String.format("\\%03o", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** A reply text as the client may see it: cut at the first character other than TAB, NL or printable ASCII. */
    static String truncated(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\t' && c != '\n' && (c < ' ' || c > '~')) {
                return s.substring(0, i) + "(truncated)";
            }
        }
        return s;
    }
}
