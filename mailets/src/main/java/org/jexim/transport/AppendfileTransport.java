package org.jexim.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jexim.conf.expand.Expander;
import org.jexim.conf.expand.ExpansionException;

/**
 * The appendfile transport as Exim 4.96 writes: mbox ({@code file}: the {@code message_prefix}
 * "From " line, {@code check_string}/{@code escape_string} escaping, the blank
 * {@code message_suffix}, lock file and fcntl locks, {@code create_file},
 * {@code file_must_exist}, {@code mode}) and maildir ({@code directory} with
 * {@code maildir_format}: {@code TIME.MUSECPPID.HOST} written in tmp/ and renamed into new/),
 * with {@code quota}, ownership by {@code user}/{@code group} when root, and the generic
 * header options. Lines end in LF, as Exim writes local mailboxes.
 */
final class AppendfileTransport implements Transport {
    private final String name;
    private final TransportOptions options;
    private final boolean maildir;
    private final Clock clock;

    AppendfileTransport(String name, Map<String, String> options, Clock clock) {
        this.name = name;
        this.options = new TransportOptions(options);
        this.maildir = this.options.bool("maildir_format", false);
        this.clock = clock;
    }

    @Override
    public String name() {
        return name;
    }

    /** The routing variable holding a redirected file's path, Exim's $address_file. */
    static final String ADDRESS_FILE = "address_file";

    @Override
    public DeliveryResult deliver(Delivery delivery) {
        return deliverBatch(List.of(delivery));
    }

    @Override
    public List<DeliveryResult> deliverAll(List<Delivery> deliveries) {
        return LocalBatches.deliver(options, deliveries, name, this::deliverBatch);
    }

    private DeliveryResult deliverBatch(List<Delivery> batch) {
        Delivery delivery = batch.get(0);
        ZonedDateTime now = ZonedDateTime.ofInstant(clock.instant(), clock.getZone());
        String where = "";
        try {
            TransportVariables vars = TransportVariables.of(options, delivery, name, now);
            String directory = options.string("directory");
            String file = options.string("file");
            String addressFile = delivery.address().variables().get(ADDRESS_FILE);
            if (directory == null && file == null && addressFile != null) {
                // a file from a redirect router ("/path" in an alias or .forward); a trailing / is a directory
                if (addressFile.endsWith("/")) {
                    directory = "\\N" + addressFile + "\\N";
                } else {
                    file = "\\N" + addressFile + "\\N";
                }
            }
            if (directory == null && file == null) {
                return DeliveryResult.defer("Mandatory file or directory option missing from " + name + " transport");
            }
            if (directory != null && file != null) {
                return DeliveryResult.defer("only one of \"file\" or \"directory\" can be specified for the "
                        + name + " transport");
            }
            where = directory != null ? "directory" : "file";
            String path = Expander.expand(directory != null ? directory : file, vars);
            where = "";
            if (!path.startsWith("/")) {
                return DeliveryResult.defer(where + " \"" + path + "\" is not absolute for " + name + " transport");
            }
            FileOwner owner = FileOwner.of(options.string("user"), options.string("group"));
            byte[] content = content(batch, vars);
            if (directory != null) {
                if (!maildir) {
                    return deliverDirectoryFile(Path.of(path), content, owner, vars, delivery);
                }
                return deliverMaildir(Path.of(path), content, owner, now.toInstant(), delivery, vars);
            }
            return deliverMbox(Path.of(path), content, owner);
        } catch (ExpansionException e) {
            return DeliveryResult.defer("Expansion of \"" + options.string(where.isEmpty() ? "message_prefix" : where)
                    + "\" (" + where + " for " + name + " transport) failed: " + e.getMessage());
        } catch (QuotaExceeded | LocalMessage.FilterFailed e) {
            return DeliveryResult.defer(e.getMessage());
        } catch (IOException e) {
            return DeliveryResult.defer(name + " transport: " + e.getMessage());
        }
    }

    /** Prefix, the message as {@link MessageWriter} writes it, suffix. */
    byte[] content(List<Delivery> batch, TransportVariables vars) throws ExpansionException, IOException {
        boolean mboxDefaults = !maildir && !options.has("directory") && !options.bool("mailstore_format", false)
                && !options.bool("mbx_format", false);
        return LocalMessage.bytes(options, batch, vars, mboxDefaults, mboxDefaults);
    }

    private DeliveryResult deliverMaildir(Path dir, byte[] content, FileOwner owner, Instant now, Delivery delivery,
            TransportVariables vars) throws IOException, ExpansionException {
        if (!Files.isDirectory(dir) && !options.bool("create_directory", true)) {
            return DeliveryResult.defer("mailbox directory " + dir + " does not exist");
        }
        int dirMode = options.octal("directory_mode", 0700);
        boolean existed = Files.isDirectory(dir);
        for (String sub : new String[] {"", "tmp", "new", "cur"}) {
            owner.createDirectories(sub.isEmpty() ? dir : dir.resolve(sub), dirMode);
        }
        String folderRegex = options.string("maildirfolder_create_regex");
        if (!existed && folderRegex != null && java.util.regex.Pattern.compile(folderRegex).matcher(dir.toString()).find()) {
            Path marker = dir.resolve("maildirfolder");
            if (!Files.exists(marker)) {
                Files.createFile(marker);
                Files.setPosixFilePermissions(marker, FileOwner.permissions(options.octal("mode", 0600)));
                owner.apply(marker);
            }
        }
        checkQuota(dir, content.length, true);
        String host = delivery.context().lists().primaryHostname();
        long pid = ProcessHandle.current().pid();
        long micros = now.getNano() / 1000;
        String fileName;
        Path tmp;
        FileChannel ch;
        while (true) {
            fileName = now.getEpochSecond() + ".M" + micros + "P" + pid + "." + host;
            tmp = dir.resolve("tmp").resolve(fileName);
            micros++;
            if (Files.exists(dir.resolve("new").resolve(fileName))) {
                continue;
            }
            try {
                // one process delivers in parallel: two deliveries in one microsecond take the next name
                ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                break;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // taken by a delivery running beside this one
            }
        }
        try (FileChannel open = ch) {
            Files.setPosixFilePermissions(tmp, FileOwner.permissions(options.octal("mode", 0600)));
            owner.apply(tmp);
            writeAll(open, content);
            open.force(true);
        }
        // maildir_tag is expanded with $message_size the size of the file as written, as in Exim
        String tag = options.has("maildir_tag")
                ? Expander.expand(options.string("maildir_tag"), vars.set("message_size", Integer.toString(content.length))) : "";
        Files.move(tmp, dir.resolve("new").resolve(fileName + tag), StandardCopyOption.ATOMIC_MOVE);
        return DeliveryResult.OK;
    }

    /**
     * {@code directory} without maildir_format: each message in its own file, written under a
     * temporary name and renamed to the expansion of {@code directory_file} (Exim's default
     * {@code q${base62:$tod_epoch}-$inode}, $inode being the new file's).
     */
    private DeliveryResult deliverDirectoryFile(Path dir, byte[] content, FileOwner owner, TransportVariables vars,
            Delivery delivery) throws IOException, ExpansionException {
        if (!Files.isDirectory(dir)) {
            if (!options.bool("create_directory", true)) {
                return DeliveryResult.defer("mailbox directory " + dir + " does not exist");
            }
            owner.createDirectories(dir, options.octal("directory_mode", 0700));
        }
        checkQuota(dir, content.length, true);
        Path tmp = dir.resolve("temp." + ProcessHandle.current().pid() + "." + delivery.context().lists().primaryHostname()
                + "." + System.nanoTime());
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            Files.setPosixFilePermissions(tmp, FileOwner.permissions(options.octal("mode", 0600)));
            owner.apply(tmp);
            writeAll(ch, content);
            ch.force(true);
        }
        String inode = String.valueOf(Files.getAttribute(tmp, "unix:ino"));
        String name = Expander.expand(options.string("directory_file", "q${base62:$tod_epoch}-$inode"),
                vars.set("inode", inode));
        Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        return DeliveryResult.OK;
    }

    private DeliveryResult deliverMbox(Path mbox, byte[] content, FileOwner owner) throws IOException {
        int mode = options.octal("mode", 0600);
        boolean exists = Files.exists(mbox);
        if (!exists) {
            if (options.bool("file_must_exist", false)) {
                return DeliveryResult.defer("File " + mbox + " does not exist");
            }
            String createFile = options.string("create_file", "anywhere").strip();
            if (!Files.isDirectory(mbox.getParent())) {
                if (!options.bool("create_directory", true)) {
                    return DeliveryResult.defer("directory " + mbox.getParent() + " does not exist");
                }
                owner.createDirectories(mbox.getParent(), options.octal("directory_mode", 0700));
            }
            if (!createFile.equals("anywhere") && !createFile.startsWith("/")) {
                // belowhome/inhome need $home; jexim does not set it yet, so only "anywhere" creates
                return DeliveryResult.defer("file " + mbox + " does not exist and create_file is " + createFile);
            }
        } else {
            int existing = FileOwner.mode(Files.getPosixFilePermissions(mbox));
            if ((existing & ~mode) != 0) {
                Files.setPosixFilePermissions(mbox, FileOwner.permissions(existing & mode));
            } else if (existing != mode && options.bool("mode_fail_narrower", true)) {
                return DeliveryResult.defer("mailbox " + mbox + " has the wrong mode " + Integer.toOctalString(existing));
            }
        }
        boolean fcntlDefault = !options.bool("use_flock_lock", false);
        try (FileChannel ch = FileChannel.open(mbox, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            if (!exists) {
                Files.setPosixFilePermissions(mbox, FileOwner.permissions(mode));
                owner.apply(mbox);
            }
            try (MailboxLock lock = MailboxLock.take(mbox, ch, options.bool("use_lockfile", true),
                    options.bool("use_fcntl_lock", fcntlDefault), options.number("lock_retries", 10),
                    Duration.ofSeconds(3), Duration.ofMinutes(30))) {
                checkQuota(mbox, content.length, false);
                long before = ch.size();
                try {
                    writeAll(ch, content);
                    ch.force(true);
                } catch (IOException e) {
                    ch.truncate(before); // Exim leaves no partial message behind
                    throw e;
                }
            }
        }
        return DeliveryResult.OK;
    }

    /** Defers with Exim's words when the mailbox plus this message would pass {@code quota}. */
    private void checkQuota(Path mailbox, long size, boolean directory) throws IOException {
        String quota = options.string("quota");
        if (quota == null || quota.isBlank()) {
            return;
        }
        long limit = Sizes.parse(quota.strip());
        if (limit <= 0) {
            return;
        }
        long used;
        if (directory) {
            try (Stream<Path> s = Files.walk(mailbox)) {
                used = s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
            }
        } else {
            try {
                used = Files.size(mailbox);
            } catch (NoSuchFileException e) {
                used = 0;
            }
        }
        if (used + size > limit) {
            throw new QuotaExceeded("mailbox is full (MTA-imposed quota exceeded while writing to " + mailbox + ")");
        }
    }

    private static void writeAll(FileChannel ch, byte[] content) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(content);
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }

    /** A delivery over quota, which Exim defers (and bounces once the retry time is up). */
    static final class QuotaExceeded extends IOException {
        QuotaExceeded(String message) {
            super(message);
        }
    }
}
