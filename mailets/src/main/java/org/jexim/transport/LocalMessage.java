package org.jexim.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jexim.conf.expand.Expander;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.options.EximTime;

/**
 * The bytes a transport writes for one message (Exim's transport_write_message): the expanded
 * {@code message_prefix}; with {@code use_bsmtp} the envelope as MAIL/RCPT/DATA commands; the
 * message with the generic header options ({@code headers_add}/{@code headers_remove},
 * Return-path:, Envelope-to: listing every address of the batch, Delivery-date:),
 * {@code body_only}/{@code headers_only}, passed through {@code transport_filter}, then
 * {@code check_string}/{@code escape_string}; the BSMTP "." and the expanded
 * {@code message_suffix}. The mbox defaults (a "From " line, a blank line after) apply where
 * Exim's driver init sets them.
 */
final class LocalMessage {
    /** The variables in which routers leave their expanded headers_add / headers_remove (RouterOutcome's names). */
    static final String ROUTER_HEADERS_ADD = "_headers_add";
    static final String ROUTER_HEADERS_REMOVE = "_headers_remove";
    static final String MBOX_PREFIX = "From ${if def:return_path{$return_path}{MAILER-DAEMON}} ${tod_bsdinbox}\n";

    private LocalMessage() {
    }

    /** A transport filter that failed: Exim defers the delivery. */
    static final class FilterFailed extends IOException {
        FilterFailed(String message) {
            super(message);
        }
    }

    static byte[] bytes(TransportOptions options, Delivery delivery, TransportVariables vars, boolean mboxPrefixes,
            boolean mboxEscaping) throws ExpansionException {
        try {
            return bytes(options, List.of(delivery), vars, mboxPrefixes, mboxEscaping);
        } catch (FilterFailed e) {
            throw new ExpansionException(e.getMessage());
        }
    }

    /** The message for a batch of addresses (one address without batching). */
    static byte[] bytes(TransportOptions options, List<Delivery> batch, TransportVariables vars, boolean mboxPrefixes,
            boolean mboxEscaping) throws ExpansionException, FilterFailed {
        Delivery delivery = batch.get(0);
        boolean bsmtp = options.bool("use_bsmtp", false);
        String check = options.string("check_string", bsmtp ? "." : mboxEscaping ? "From " : null);
        String escape = options.string("escape_string", bsmtp ? ".." : mboxEscaping ? ">From " : null);
        MessageWriter writer = new MessageWriter().escaping(check, escape)
                .parts(!options.bool("body_only", false), !options.bool("headers_only", false));
        String returnPath = vars.variable("return_path").orElse("");
        if (options.bool("return_path_add", false)) {
            writer.prepend("Return-path: <" + returnPath + ">\n");
        }
        if (options.bool("envelope_to_add", false)) {
            writer.prepend("Envelope-to: " + batch.stream().map(d -> d.originalAddress().address())
                    .collect(Collectors.joining(",\n ")) + "\n");
        }
        if (options.bool("delivery_date_add", false)) {
            writer.prepend("Delivery-date: " + vars.variable("tod_full").orElseThrow() + "\n");
        }
        String remove = options.string("headers_remove");
        if (remove != null) {
            for (String h : Expander.expand(remove, vars).split(":")) {
                writer.remove(h);
            }
        }
        // the routers' headers_remove and headers_add (already expanded), before the transport's own
        var routed = delivery.address().variables();
        if (routed.containsKey(ROUTER_HEADERS_REMOVE)) {
            for (String h : routed.get(ROUTER_HEADERS_REMOVE).split(":")) {
                writer.remove(h.strip());
            }
        }
        if (routed.containsKey(ROUTER_HEADERS_ADD)) {
            writer.append(routed.get(ROUTER_HEADERS_ADD));
        }
        String add = options.string("headers_add");
        if (add != null) {
            writer.append(Expander.expand(add, vars));
        }
        String prefix = Expander.expand(options.string("message_prefix", mboxPrefixes && !bsmtp ? MBOX_PREFIX : ""), vars);
        String suffix = Expander.expand(options.string("message_suffix", mboxPrefixes && !bsmtp ? "\n" : ""), vars);
        byte[] composed = writer.compose(delivery.message());
        if (options.has("transport_filter")) {
            composed = filter(options, vars, composed);
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream(composed.length + 256);
        all.writeBytes(prefix.getBytes(StandardCharsets.UTF_8));
        if (bsmtp) {
            all.writeBytes(("MAIL FROM:<" + returnPath + ">\n").getBytes(StandardCharsets.UTF_8));
            for (Delivery d : batch) {
                all.writeBytes(("RCPT TO:<" + d.address().address() + ">\n").getBytes(StandardCharsets.UTF_8));
            }
            all.writeBytes("DATA\n".getBytes(StandardCharsets.US_ASCII));
        }
        all.writeBytes(writer.escaped(composed));
        if (bsmtp) {
            all.writeBytes(".\n".getBytes(StandardCharsets.US_ASCII));
        }
        all.writeBytes(suffix.getBytes(StandardCharsets.UTF_8));
        return all.toByteArray();
    }

    /** Runs the message through {@code transport_filter} (split as pipe commands are, no shell). */
    private static byte[] filter(TransportOptions options, TransportVariables vars, byte[] message)
            throws ExpansionException, FilterFailed {
        List<String> argv = PipeCommand.expand(options.string("transport_filter"), vars);
        if (argv.isEmpty() || !argv.get(0).startsWith("/")) {
            throw new FilterFailed("transport filter command must be an absolute path: " + String.join(" ", argv));
        }
        long timeout = options.has("transport_filter_timeout") ? EximTime.read(options.string("transport_filter_timeout")) : 300;
        try {
            Process p = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
            try (OutputStream in = p.getOutputStream()) {
                in.write(message);
            } catch (IOException e) {
                // a filter that stops reading early still gives its output
            }
            if (!p.waitFor(timeout, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new FilterFailed("transport filter timed out");
            }
            byte[] result = out.join();
            if (p.exitValue() != 0) {
                throw new FilterFailed("transport filter process failed (" + p.exitValue() + ")");
            }
            return result;
        } catch (IOException e) {
            throw new FilterFailed("Failed to create transport filter process: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FilterFailed("transport filter interrupted");
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
