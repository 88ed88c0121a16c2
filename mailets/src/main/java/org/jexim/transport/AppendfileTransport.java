package org.jexim.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.translate.OptionTexts;

/**
 * The appendfile transport: maildir ({@code directory} with {@code maildir_format}, Exim's
 * file names {@code TIME.HUSECPPID.HOST} written in tmp/ and renamed into new/) and mbox
 * ({@code file}, Exim's {@code From } line, {@code >From } escaping, a blank line after each
 * message). Lines end in LF, as Exim writes local mailboxes; Return-path:, Envelope-to: and
 * Delivery-date: are added as the options say.
 */
final class AppendfileTransport implements Transport {
    private static final DateTimeFormatter RFC822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ROOT);
    private static final DateTimeFormatter BSD_INBOX = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss yyyy", Locale.ROOT);

    private final String name;
    private final String directory;
    private final String file;
    private final boolean maildir;
    private final boolean createDirectory;
    private final boolean returnPathAdd;
    private final boolean envelopeToAdd;
    private final boolean deliveryDateAdd;
    private final Clock clock;

    AppendfileTransport(String name, Map<String, String> options, Clock clock) {
        this.name = name;
        this.directory = options.get("directory");
        this.file = options.get("file");
        this.maildir = OptionTexts.bool(options.get("maildir_format"), false);
        this.createDirectory = OptionTexts.bool(options.get("create_directory"), true);
        this.returnPathAdd = OptionTexts.bool(options.get("return_path_add"), false);
        this.envelopeToAdd = OptionTexts.bool(options.get("envelope_to_add"), false);
        this.deliveryDateAdd = OptionTexts.bool(options.get("delivery_date_add"), false);
        this.clock = clock;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public DeliveryResult deliver(Delivery delivery) {
        try {
            if (directory != null) {
                String dir = delivery.context().expand(directory, delivery.address());
                if (!maildir) {
                    return DeliveryResult.defer(name + " transport: directory delivery without maildir_format "
                            + "is not implemented in jexim yet");
                }
                return deliverMaildir(Path.of(dir), delivery);
            }
            if (file != null) {
                return deliverMbox(Path.of(delivery.context().expand(file, delivery.address())), delivery);
            }
            return DeliveryResult.defer("Mandatory file or directory option missing from " + name + " transport");
        } catch (ExpansionException e) {
            return DeliveryResult.defer("failed to expand directory/file in " + name + " transport: " + e.getMessage());
        } catch (IOException e) {
            return DeliveryResult.defer(name + " transport: " + e);
        }
    }

    private DeliveryResult deliverMaildir(Path dir, Delivery delivery) throws IOException {
        if (!Files.isDirectory(dir) && !createDirectory) {
            return DeliveryResult.defer("mailbox directory " + dir + " does not exist");
        }
        for (String sub : new String[] {"tmp", "new", "cur"}) {
            Files.createDirectories(dir.resolve(sub));
        }
        Instant now = clock.instant();
        String host = delivery.context().lists().primaryHostname();
        String fileName;
        Path tmp;
        long micros = now.getNano() / 1000;
        do {
            fileName = now.getEpochSecond() + ".H" + micros + "P" + ProcessHandle.current().pid() + "." + host;
            tmp = dir.resolve("tmp").resolve(fileName);
            micros++;
        } while (Files.exists(tmp) || Files.exists(dir.resolve("new").resolve(fileName)));
        byte[] content = content(delivery, now, false);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(content));
            ch.force(true);
        }
        Files.move(tmp, dir.resolve("new").resolve(fileName), StandardCopyOption.ATOMIC_MOVE);
        return DeliveryResult.OK;
    }

    private DeliveryResult deliverMbox(Path mbox, Delivery delivery) throws IOException {
        if (mbox.getParent() != null) {
            Files.createDirectories(mbox.getParent());
        }
        byte[] content = content(delivery, clock.instant(), true);
        try (FileChannel ch = FileChannel.open(mbox, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND); FileLock lock = ch.lock()) {
            ch.write(java.nio.ByteBuffer.wrap(content));
            ch.force(true);
        }
        return DeliveryResult.OK;
    }

    /** The bytes Exim writes for one message: prefix, added headers, the message with LF lines, suffix. */
    byte[] content(Delivery delivery, Instant now, boolean mbox) throws IOException {
        ZonedDateTime time = ZonedDateTime.ofInstant(now, clock.getZone());
        ByteArrayOutputStream out = new ByteArrayOutputStream(delivery.message().length + 256);
        String returnPath = delivery.returnPath() == null ? "" : delivery.returnPath();
        if (mbox) {
            ascii(out, "From " + (returnPath.isEmpty() ? "MAILER-DAEMON" : returnPath) + " "
                    + BSD_INBOX.format(time) + "\n");
        }
        if (returnPathAdd) {
            ascii(out, "Return-path: <" + returnPath + ">\n");
        }
        if (envelopeToAdd) {
            ascii(out, "Envelope-to: " + delivery.originalAddress().address() + "\n");
        }
        if (deliveryDateAdd) {
            ascii(out, "Delivery-date: " + RFC822.format(time) + "\n");
        }
        writeLines(out, delivery.message(), mbox);
        if (mbox) {
            out.write('\n');
        }
        return out.toByteArray();
    }

    /** Copies the message with LF line ends; in mbox, lines starting "From " get a ">". */
    private static void writeLines(OutputStream out, byte[] message, boolean escapeFrom) throws IOException {
        boolean lineStart = true;
        for (int i = 0; i < message.length; i++) {
            byte b = message[i];
            if (b == '\r' && i + 1 < message.length && message[i + 1] == '\n') {
                continue;
            }
            if (lineStart && escapeFrom && startsWith(message, i, "From ")) {
                out.write('>');
            }
            out.write(b);
            lineStart = b == '\n';
        }
        if (message.length > 0 && message[message.length - 1] != '\n') {
            out.write('\n');
        }
    }

    private static boolean startsWith(byte[] m, int i, String s) {
        if (i + s.length() > m.length) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (m[i + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static void ascii(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
    }
}
