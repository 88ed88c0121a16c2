package org.jexim.transport;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.jexim.conf.expand.Expander;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.options.EximTime;

/**
 * The bytes a transport writes for one message (Exim's transport_write_message): the expanded
 * {@code message_prefix}; with {@code use_bsmtp} the envelope as MAIL/RCPT/DATA commands; the
 * message with the generic header options ({@code headers_add}/{@code headers_remove},
 * Return-path:, Envelope-to: listing every address of the batch, Delivery-date:),
 * {@code body_only}/{@code headers_only}, passed through {@code transport_filter}, with
 * {@code check_string}/{@code escape_string}; the BSMTP "." and the expanded
 * {@code message_suffix}. The mbox defaults (a "From " line, a blank line after) apply where
 * Exim's driver init sets them. Every expansion is done by {@link #prepare}; {@link #writeTo}
 * streams the message from its source and may run more than once.
 */
final class LocalMessage {
    /** The variables in which routers leave their expanded headers_add / headers_remove (RouterOutcome's names). */
    static final String ROUTER_HEADERS_ADD = "_headers_add";
    static final String ROUTER_HEADERS_REMOVE = "_headers_remove";
    static final String MBOX_PREFIX = "From ${if def:return_path{$return_path}{MAILER-DAEMON}} ${tod_bsdinbox}\n";

    private final MessageSource source;
    private final MessageWriter writer;
    private final byte[] prefix;
    private final byte[] envelope;
    private final byte[] end;
    private final List<String> filter;
    private final long filterTimeout;
    private final boolean crlf;

    private LocalMessage(MessageSource source, MessageWriter writer, byte[] prefix, byte[] envelope, byte[] end,
            List<String> filter, long filterTimeout, boolean crlf) {
        this.source = source;
        this.writer = writer;
        this.prefix = prefix;
        this.envelope = envelope;
        this.end = end;
        this.filter = filter;
        this.filterTimeout = filterTimeout;
        this.crlf = crlf;
    }

    /** A transport filter that failed: Exim defers the delivery. */
    static final class FilterFailed extends IOException {
        FilterFailed(String message) {
            super(message);
        }
    }

    /** The message for a batch of addresses (one address without batching), its options expanded. */
    static LocalMessage prepare(TransportOptions options, List<Delivery> batch, TransportVariables vars,
            boolean mboxPrefixes, boolean mboxEscaping) throws ExpansionException {
        Delivery delivery = batch.get(0);
        boolean bsmtp = options.bool("use_bsmtp", false);
        // as Exim's appendfile and pipe init: BSMTP forces "." / ".." and escapes the header too
        String check = bsmtp ? "." : options.string("check_string", mboxEscaping ? "From " : null);
        String escape = bsmtp ? ".." : options.string("escape_string", mboxEscaping ? ">From " : null);
        MessageWriter writer = new MessageWriter().escaping(check, escape, bsmtp)
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
        // use_crlf: CRLF message lines (and BSMTP commands); mbx_format: CRLF message lines only, as in Exim
        boolean useCrlf = options.bool("use_crlf", false);
        String nl = useCrlf ? "\r\n" : "\n";
        StringBuilder envelope = new StringBuilder();
        if (bsmtp) {
            envelope.append("MAIL FROM:<").append(returnPath).append(">").append(nl);
            for (Delivery d : batch) {
                envelope.append("RCPT TO:<").append(d.address().address()).append(">").append(nl);
            }
            envelope.append("DATA").append(nl);
        }
        List<String> filter = options.has("transport_filter")
                ? PipeCommand.expand(options.string("transport_filter"), vars) : null;
        long timeout = options.has("transport_filter_timeout") ? EximTime.read(options.string("transport_filter_timeout")) : 300;
        return new LocalMessage(delivery.message(), writer, prefix.getBytes(StandardCharsets.UTF_8),
                envelope.toString().getBytes(StandardCharsets.UTF_8),
                ((bsmtp ? "." + nl : "") + suffix).getBytes(StandardCharsets.UTF_8), filter, timeout,
                useCrlf || options.bool("mbx_format", false));
    }

    /** Writes prefix, envelope, message and suffix to {@code out}, which is flushed, not closed. */
    void writeTo(OutputStream out) throws IOException {
        out.write(prefix);
        out.write(envelope);
        StreamStage lines = crlf ? new CrlfStage(out) : null;
        OutputStream message = lines == null ? out : lines;
        if (filter == null) {
            StreamStage s = writer.writing(message);
            source.writeTo(s);
            s.finish();
        } else {
            filtered(message);
        }
        if (lines != null) {
            lines.finish();
        }
        out.write(end);
        out.flush();
    }

    /**
     * Runs the message through {@code transport_filter} (split as pipe commands are, no shell):
     * a thread writes the message to the filter while this one copies what comes back.
     */
    private void filtered(OutputStream out) throws IOException {
        if (filter.isEmpty() || !filter.get(0).startsWith("/")) {
            throw new FilterFailed("transport filter command must be an absolute path: " + String.join(" ", filter));
        }
        Process p;
        try {
            p = new ProcessBuilder(filter).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new FilterFailed("Failed to create transport filter process: " + e.getMessage());
        }
        AtomicBoolean timedOut = new AtomicBoolean();
        // its own thread, not a shared pool: filters of parallel deliveries must not wait for each other
        Thread feeding = new Thread(() -> feed(p), "transport-filter-writer");
        feeding.setDaemon(true);
        feeding.start();
        CompletableFuture<Void> watchdog = CompletableFuture.runAsync(() -> {
            timedOut.set(true);
            p.destroyForcibly();
        }, CompletableFuture.delayedExecutor(filterTimeout, TimeUnit.SECONDS, Runnable::run));
        boolean copied = false;
        try {
            StreamStage escaped = writer.escapingFiltered(out);
            try (InputStream in = p.getInputStream()) {
                in.transferTo(escaped);
            }
            escaped.finish();
            p.waitFor();
            copied = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FilterFailed("transport filter interrupted");
        } finally {
            watchdog.cancel(false);
            if (!copied) {
                p.destroyForcibly(); // also unblocks the writer thread
            }
            join(feeding);
        }
        if (timedOut.get()) {
            throw new FilterFailed("transport filter timed out");
        }
        if (p.exitValue() != 0) {
            throw new FilterFailed("transport filter process failed (" + p.exitValue() + ")");
        }
    }

    private static void join(Thread t) throws FilterFailed {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FilterFailed("transport filter interrupted");
        }
    }

    private void feed(Process p) {
        try (OutputStream in = new BufferedOutputStream(p.getOutputStream(), 65536)) {
            StreamStage s = writer.composing(in);
            source.writeTo(s);
            s.finish();
        } catch (IOException e) {
            // a filter that stops reading early still gives its output
        }
    }
}
