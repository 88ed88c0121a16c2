package org.jexim.transport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jexim.address.AddressItem;
import org.jexim.conf.expand.AddressParser;
import org.jexim.conf.expand.Expander;
import org.jexim.conf.expand.Expansion;
import org.jexim.conf.expand.ExpansionContext;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.expand.Printing;
import org.jexim.conf.options.EximTime;
import org.jexim.conf.expand.Eval;
import org.jexim.conf.lists.Lists;
import org.jexim.transport.autoreply.OnceStore;
import org.jexim.transport.autoreply.OriginalMessage;
import org.jexim.transport.autoreply.ReplyMessage;
import org.jexim.transport.autoreply.ReplySender;
import org.jexim.transport.autoreply.ReplySpec;
import org.jexim.transport.autoreply.ReplySubmission;

/**
 * The autoreply transport (spec chapter "The autoreply transport"): generates a new message
 * instead of delivering one, from its own options or from a filter's mail/vacation command
 * (the address's {@code _reply_*} variables), with once/once_repeat/once_file_size, never_mail,
 * log, file/file_expand/file_optional, return_message and mode; the reply goes from the null
 * sender through the {@link ReplySender}.
 */
public final class AutoreplyTransport implements Transport, SubmitsMessages {
    /** The address variables a filter's mail/vacation command sets (see FilterRedirect). */
    public static final String REPLY_PREFIX = "_reply_";
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private final String name;
    private final Map<String, String> options;
    private final Clock clock;
    private volatile ReplySender sender = ReplySender.NONE;

    AutoreplyTransport(String name, Map<String, String> options, Clock clock) {
        this.name = name;
        this.options = options;
        this.clock = clock;
    }

    @Override
    public String name() {
        return name;
    }

    /** Where generated replies go (the server sets its mailet context). */
    @Override
    public void sender(ReplySender s) {
        this.sender = s;
    }

    /** bounce_return_size_limit (or its old name return_size_limit), which Exim also applies to return_message. */
    private static long returnSizeLimit(Delivery delivery) {
        var main = delivery.context().lists();
        return main.mainOption("bounce_return_size_limit").or(() -> main.mainOption("return_size_limit"))
                .map(v -> Sizes.parse(v.strip())).orElse(100L * 1024);
    }

    private int mode() {
        String m = options.get("mode");
        return m == null ? 0600 : Integer.parseInt(m.replaceFirst("^0+(?=.)", ""), 8);
    }

    @Override
    public DeliveryResult deliver(Delivery delivery) {
        ZonedDateTime now = ZonedDateTime.now(clock);
        OriginalMessage original;
        try {
            original = OriginalMessage.read(delivery.message(), returnSizeLimit(delivery));
        } catch (IOException e) {
            return DeliveryResult.defer(name + " transport: " + e.getMessage());
        }
        ExpansionContext context = original.over(new TransportVariables(delivery, name, now));
        ReplySpec spec;
        java.util.Set<String> tainted = new java.util.HashSet<>(); // file options built from message data
        try {
            spec = delivery.address().variables().containsKey(REPLY_PREFIX + "to")
                    || delivery.address().variables().containsKey(REPLY_PREFIX + "file_expand")
                    ? fromFilter(delivery.address()) : fromOptions(context, tainted);
        } catch (ReplyFailure f) {
            return DeliveryResult.fail(f.getMessage());
        }
        String neverMail = options.get("never_mail");
        String to = spec.to();
        String cc = spec.cc();
        String bcc = spec.bcc();
        if (neverMail != null) {
            String list;
            try {
                list = Expander.expand(neverMail, context);
            } catch (ExpansionException e) {
                return DeliveryResult.fail("Failed to expand \"" + neverMail + "\" for \"never_mail\" in " + name
                        + " transport");
            }
            to = NeverMail.remove(to, list, context);
            cc = NeverMail.remove(cc, list, context);
            bcc = NeverMail.remove(bcc, list, context);
            if (to == null && cc == null && bcc == null) {
                return DeliveryResult.OK;
            }
            spec = new ReplySpec(spec.from(), spec.replyTo(), to, cc, bcc, spec.subject(), spec.headers(), spec.text(),
                    spec.file(), spec.fileExpand(), spec.fileOptional(), spec.log(), spec.once(), spec.onceRepeat(),
                    spec.returnMessage());
        }
        OnceStore once = null;
        if (spec.once() != null && !spec.once().isEmpty() && to != null) {
            if (tainted.contains("once")) {
                return taintedFile(spec.once(), "once file");
            }
            long size = options.containsKey("once_file_size") ? Long.parseLong(options.get("once_file_size")) : 0;
            once = new OnceStore(Path.of(spec.once()), size);
            try {
                long then = once.lastSent(to);
                long t = now.toEpochSecond();
                if (then != 0 && (spec.onceRepeat() <= 0 || t - then < spec.onceRepeat())) {
                    if (spec.log() != null && tainted.contains("log")) {
                        return taintedFile(spec.log(), "logfile");
                    }
                    log(spec.log(), LOG_TIME.format(now) + "\n  previously sent to " + cut(to, 200) + "\n");
                    return DeliveryResult.OK;
                }
            } catch (IOException e) {
                return DeliveryResult.defer("Failed to open once file " + spec.once() + " when sending message from "
                        + name + " transport: " + e.getMessage());
            }
        }
        String fileText = null;
        if (spec.file() != null) {
            if (tainted.contains("file")) {
                return taintedFile(spec.file(), "file");
            }
            Path f = Path.of(spec.file());
            if (!Files.isReadable(f)) {
                if (!spec.fileOptional()) {
                    return DeliveryResult.defer("Failed to open file " + spec.file() + " when sending message from "
                            + name + " transport: No such file or directory");
                }
            } else {
                try {
                    fileText = fileText(f, spec.fileExpand(), context);
                } catch (IOException e) {
                    return DeliveryResult.defer("Failed to open file " + spec.file() + " when sending message from "
                            + name + " transport: " + e.getMessage());
                }
            }
        }
        String reply = ReplyMessage.build(spec, original.headerLines(),
                fileText, spec.returnMessage() ? original.returned(returnSizeLimit(delivery)) : null);
        List<String> recipients = recipients(spec);
        try {
            if (!recipients.isEmpty()) {
                sender.send(recipients, ReplySubmission.prepare(reply, context, now));
            }
        } catch (IOException e) {
            return DeliveryResult.defer("Failed to send message from " + name + " transport (" + e.getMessage() + ")");
        } finally {
            if (once != null) {
                try {
                    once.record(to, now.toEpochSecond(), mode());
                } catch (IOException e) {
                    // Exim errs on the side of sending too few: an unwritable once file is ignored here
                }
            }
        }
        if (spec.log() != null) {
            StringBuilder b = new StringBuilder(LOG_TIME.format(now)).append('\n');
            appendIf(b, "  From: ", spec.from());
            appendIf(b, "  To: ", to);
            appendIf(b, "  Cc: ", cc);
            appendIf(b, "  Bcc: ", bcc);
            appendIf(b, "  Subject: ", spec.subject());
            appendIf(b, "  ", spec.headers());
            log(spec.log(), b.toString());
        }
        return DeliveryResult.OK;
    }

    private static void appendIf(StringBuilder b, String label, String v) {
        if (v != null) {
            b.append(label).append(v).append('\n');
        }
    }

    private static String cut(String s, int n) {
        return s.length() > n ? s.substring(0, n) : s;
    }

    private void log(String file, String text) {
        if (file == null) {
            return;
        }
        try {
            Path p = Path.of(file);
            boolean existed = Files.exists(p);
            Files.writeString(p, text, StandardCharsets.ISO_8859_1, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            if (!existed) {
                setMode(p);
            }
        } catch (IOException e) {
            // as in Exim, a log that cannot be written does not fail the reply
        }
    }

    private void setMode(Path p) {
        try {
            java.util.Set<java.nio.file.attribute.PosixFilePermission> perms =
                    java.nio.file.attribute.PosixFilePermissions.fromString(permissions(mode()));
            Files.setPosixFilePermissions(p, perms);
        } catch (IOException | UnsupportedOperationException e) {
            // keep the default
        }
    }

    private static String permissions(int mode) {
        String all = "rwxrwxrwx";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            b.append((mode & (1 << (8 - i))) != 0 ? all.charAt(i) : '-');
        }
        return b.toString();
    }

    private static String fileText(Path f, boolean expand, ExpansionContext context) throws IOException {
        String content = Files.readString(f, StandardCharsets.ISO_8859_1);
        if (!expand) {
            return content;
        }
        StringBuilder b = new StringBuilder();
        for (String line : content.split("(?<=\n)")) {
            try {
                b.append(Expander.expand(line, context));
            } catch (ExpansionException e) {
                b.append(line); // Exim sends the line as it is
            }
        }
        return b.toString();
    }

    /** The envelope recipients, from To:, Cc: and Bcc: as -t takes them. */
    private static List<String> recipients(ReplySpec spec) {
        List<String> out = new ArrayList<>();
        for (String list : new String[] {spec.to(), spec.cc(), spec.bcc()}) {
            if (list == null) {
                continue;
            }
            for (AddressParser.Parsed p : AddressParser.extractAll(list)) {
                if (p != null && !p.address().isEmpty()) {
                    out.add(p.address());
                }
            }
        }
        return out;
    }

    private static ReplySpec fromFilter(AddressItem a) {
        Map<String, String> v = a.variables();
        return new ReplySpec(v.get(REPLY_PREFIX + "from"), v.get(REPLY_PREFIX + "reply_to"), v.get(REPLY_PREFIX + "to"),
                v.get(REPLY_PREFIX + "cc"), v.get(REPLY_PREFIX + "bcc"), v.get(REPLY_PREFIX + "subject"),
                v.get(REPLY_PREFIX + "extra_headers"), v.get(REPLY_PREFIX + "text"), v.get(REPLY_PREFIX + "file"),
                Boolean.parseBoolean(v.get(REPLY_PREFIX + "file_expand")), false, v.get(REPLY_PREFIX + "log"),
                v.get(REPLY_PREFIX + "once"),
                Long.parseLong(v.getOrDefault(REPLY_PREFIX + "once_repeat_seconds", "0")),
                Boolean.parseBoolean(v.get(REPLY_PREFIX + "return_message")));
    }

    /**
     * Exim defers (EACCES) rather than open a file whose name holds message data; its log line
     * carries the errno's text before the message: "defer (13): Permission denied: Tainted ...".
     */
    private DeliveryResult taintedFile(String path, String what) {
        return DeliveryResult.defer("Permission denied: Tainted '" + path + "' (" + what + " for " + name
                + " transport) not permitted").withErrno(13);
    }

    /** The reply's options, expanded; the names of the file options whose value is tainted go to {@code tainted}. */
    private ReplySpec fromOptions(ExpansionContext context, java.util.Set<String> tainted) throws ReplyFailure {
        String repeat = check("once_repeat", Kind.FILE, context);
        long repeatSeconds = 0;
        if (repeat != null) {
            repeatSeconds = EximTime.read(repeat);
            if (repeatSeconds < 0) {
                throw new ReplyFailure("Invalid time value \"" + repeat + "\" for \"once_repeat\" in " + name
                        + " transport");
            }
        }
        return new ReplySpec(check("from", Kind.HEADER, context), check("reply_to", Kind.HEADER, context),
                check("to", Kind.HEADER, context), check("cc", Kind.HEADER, context), check("bcc", Kind.HEADER, context),
                check("subject", Kind.HEADER, context), check("headers", Kind.TEXT, context),
                check("text", Kind.TEXT, context), checkFile("file", context, tainted), bool("file_expand"),
                bool("file_optional"), checkFile("log", context, tainted), checkFile("once", context, tainted),
                repeatSeconds, bool("return_message"));
    }

    private boolean bool(String option) {
        String v = options.get(option);
        return v != null && (v.isEmpty() || v.equals("true") || v.equals("yes"));
    }

    private enum Kind { HEADER, TEXT, FILE }

    /** A file name option, expanded as {@link #check} does, its name added to {@code tainted} when it is. */
    private String checkFile(String option, ExpansionContext context, java.util.Set<String> tainted) throws ReplyFailure {
        Expansion.Result r = checked(option, Kind.FILE, context);
        if (r != null && r.tainted()) {
            tainted.add(option);
        }
        return r == null ? null : r.value();
    }

    private String check(String option, Kind kind, ExpansionContext context) throws ReplyFailure {
        Expansion.Result r = checked(option, kind, context);
        return r == null ? null : r.value();
    }

    /** Exim's checkexpand(): expands an option; header and file values may hold only printing characters. */
    private Expansion.Result checked(String option, Kind kind, ExpansionContext context) throws ReplyFailure {
        String s = options.get(option);
        if (s == null) {
            return null;
        }
        Expansion.Result r;
        try {
            r = Expander.parse(s).evaluateWithTaint(context);
        } catch (ExpansionException e) {
            throw new ReplyFailure("Expansion of \"" + s + "\" failed in " + name + " transport: " + e.getMessage());
        }
        String v = r.value();
        if (kind != Kind.TEXT) {
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c >= 32 && c <= 126 || c == '\t') {
                    continue;
                }
                if (kind == Kind.HEADER && c == '\n' && i + 1 < v.length()
                        && (v.charAt(i + 1) == ' ' || v.charAt(i + 1) == '\t')) {
                    continue;
                }
                throw new ReplyFailure("Expansion of \"" + Printing.printing(s) + "\" in " + name
                        + " transport contains non-printing character " + (int) c);
            }
        }
        return r;
    }

    /** A failure to set up the reply: the address fails. */
    private static final class ReplyFailure extends Exception {
        ReplyFailure(String message) {
            super(message);
        }
    }

    /** never_mail: addresses of a header list that match the address list are removed. */
    private static final class NeverMail {
        static String remove(String header, String list, ExpansionContext context) {
            if (header == null) {
                return null;
            }
            List<String> kept = new ArrayList<>();
            boolean hit = false;
            int from = 0;
            while (from < header.length()) {
                int end = AddressParser.findAddressEnd(header, from, false);
                String item = header.substring(from, end);
                AddressParser.Parsed p = AddressParser.extract(item, new String[1]);
                if (p == null) {
                    kept.add(header.substring(from).strip());
                    break;
                }
                if (Lists.address(p.address(), list, new Eval(context).listEnv(false), true).matched()) {
                    hit = true;
                } else {
                    kept.add(item.strip());
                }
                from = end < header.length() ? end + 1 : end;
            }
            if (!hit) {
                return header;
            }
            String s = String.join(", ", kept).strip();
            return s.isEmpty() ? null : s;
        }
    }
}
