package org.jexim.transport;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jexim.conf.expand.Expander;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.options.EximTime;

/**
 * The lmtp transport (Exim's transports/lmtp.c): LMTP to a Unix {@code socket} or to a
 * {@code command} run without a shell (its standard input and output carry the dialogue); LHLO,
 * MAIL, a RCPT for each address (up to {@code batch_max}, with IGNOREQUOTA when
 * {@code ignore_quota} and the server offers it), DATA, and one reply per accepted address:
 * 2xx delivers, 5xx fails, 4xx defers ("LMTP error after ..."). {@code timeout} bounds each reply.
 */
final class LmtpTransport implements Transport {
    private final String name;
    private final TransportOptions options;
    private final Clock clock;

    LmtpTransport(String name, Map<String, String> options, Clock clock) {
        this.name = name;
        this.options = new TransportOptions(options);
        this.clock = clock;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public DeliveryResult deliver(Delivery delivery) {
        return deliverAll(List.of(delivery)).get(0);
    }

    @Override
    public List<DeliveryResult> deliverAll(List<Delivery> deliveries) {
        int batchMax = Math.max(1, options.number("batch_max", 1));
        List<DeliveryResult> out = new ArrayList<>();
        for (int from = 0; from < deliveries.size(); from += batchMax) {
            out.addAll(batch(deliveries.subList(from, Math.min(deliveries.size(), from + batchMax))));
        }
        return out;
    }

    private List<DeliveryResult> batch(List<Delivery> batch) {
        Delivery first = batch.get(0);
        TransportVariables vars = new TransportVariables(first, name, ZonedDateTime.ofInstant(clock.instant(), clock.getZone()));
        int timeout = 1000 * (options.has("timeout") ? EximTime.read(options.string("timeout")) : 300);
        String command = options.string("command");
        String socket = options.string("socket");
        if ((command == null) == (socket == null)) {
            return all(batch, DeliveryResult.defer("exactly one of \"socket\" or \"command\" must be set for the "
                    + name + " transport"));
        }
        Process process = null;
        try {
            SmtpMessage message = new SmtpMessage(List.of(), LocalMessage.prepare(options, List.of(first), vars, false, false));
            SmtpConnection c;
            if (command != null) {
                List<String> argv = PipeCommand.expand(command, vars);
                process = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD).start();
                c = SmtpConnection.over(process.getInputStream(), process.getOutputStream(), timeout);
            } else {
                SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
                ch.connect(UnixDomainSocketAddress.of(Expander.expand(socket, vars).strip()));
                c = SmtpConnection.over(Channels.newInputStream(ch), Channels.newOutputStream(ch), timeout);
            }
            try (c) {
                SmtpSession s = new SmtpSession(c, true);
                s.greeting();
                s.hello(Expander.expand("$primary_hostname", vars));
                String rcptParam = options.bool("ignore_quota", false) && s.offers("IGNOREQUOTA") ? " IGNOREQUOTA" : "";
                String returnPath = first.returnPath() == null ? "" : first.returnPath();
                List<SmtpSession.RecipientOutcome> outcomes = s.transaction(returnPath, "",
                        batch.stream().map(d -> d.address().address()).toList(), Collections.nCopies(batch.size(), rcptParam),
                        message, false, timeout);
                s.quit();
                List<DeliveryResult> results = new ArrayList<>();
                for (SmtpSession.RecipientOutcome o : outcomes) {
                    if (o.delivered()) {
                        results.add(DeliveryResult.ok(DeliveryResult.Connection.lmtp(o.reply().text().replace("\n", "\\n")))
                                .withSize(s.messageBytes()));
                    } else {
                        String m = "LMTP error after " + o.refusal().after() + ": " + o.refusal().reply().text();
                        results.add((o.reply().permanent() ? DeliveryResult.fail(m) : DeliveryResult.defer(m))
                                .withUserMessage(m));
                    }
                }
                return results;
            }
        } catch (SmtpSession.Refused e) {
            String m = "LMTP error after " + e.refusal.after() + ": " + e.refusal.reply().text();
            return all(batch, e.refusal.reply().permanent() ? DeliveryResult.fail(m) : DeliveryResult.defer(m));
        } catch (PipeCommand.TaintedArgument e) {
            return all(batch, DeliveryResult.fail(e.message("LMTP transport")));
        } catch (ExpansionException e) {
            return all(batch, DeliveryResult.defer("Expansion failed in " + name + " transport: " + e.getMessage()));
        } catch (IOException e) {
            return all(batch, DeliveryResult.defer((command != null ? "Failed to create child process or LMTP dialogue for "
                    : "Failed to connect to socket " + socket + " for ") + name + " transport: " + e.getMessage()));
        } finally {
            if (process != null) {
                try {
                    if (!process.waitFor(timeout, TimeUnit.MILLISECONDS)) {
                        process.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static List<DeliveryResult> all(List<Delivery> batch, DeliveryResult r) {
        return Collections.nCopies(batch.size(), r);
    }
}
