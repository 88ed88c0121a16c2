package org.jexim.transport;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
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
import java.util.regex.Pattern;
import org.jexim.conf.expand.Expander;
import org.jexim.conf.expand.Expansion;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.transport.autoreply.ReplySender;
import org.jexim.transport.autoreply.ReplySubmission;
import org.slf4j.LoggerFactory;

/**
 * The appendfile transport as Exim 4.96 writes: mbox ({@code file}: the {@code message_prefix}
 * "From " line, {@code check_string}/{@code escape_string} escaping, the blank
 * {@code message_suffix}, lock file and fcntl locks, {@code create_file},
 * {@code file_must_exist}, {@code mode}) and maildir ({@code directory} with
 * {@code maildir_format}: {@code TIME.MUSECPPID.HOST} written in tmp/ and renamed into new/),
 * with {@code quota}, ownership by {@code user}/{@code group} when root, and the generic
 * header options. Lines end in LF, as Exim writes local mailboxes.
 */
final class AppendfileTransport implements Transport, SubmitsMessages {
    private final String name;
    private final TransportOptions options;
    private final boolean maildir;
    /** Maildir names (in new/) that a delivery of this process is writing under tmp/ now. */
    private static final java.util.Set<Path> MAILDIR_NAMES_IN_USE = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Clock clock;
    private ReplySender sender = ReplySender.NONE;

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

    /** Where quota warnings are submitted (the server's mailet context). */
    @Override
    public void sender(ReplySender s) {
        this.sender = s;
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
            Expansion.Result expanded = Expander.parse(directory != null ? directory : file).evaluateWithTaint(vars);
            String path = expanded.value();
            where = "";
            if (!path.startsWith("/")) {
                return DeliveryResult.defer(where + " \"" + path + "\" is not absolute for " + name + " transport");
            }
            if (expanded.tainted() && !detainted(directory != null ? path + "/any" : path, vars)) {
                // Exim refuses a path built from message data ($local_part ...) unless create_file confines it
                return DeliveryResult.panic("Tainted '" + path + "' (file or directory name for " + name
                        + " transport) not permitted");
            }
            FileOwner owner = FileOwner.forDelivery(options.string("user"), options.string("group"), delivery.address());
            if (directory != null && options.bool("mailstore_format", false)) {
                return deliverMailstore(Path.of(path), batch, owner, vars);
            }
            LocalMessage content = content(batch, vars);
            if (directory != null) {
                if (!maildir) {
                    return deliverDirectoryFile(Path.of(path), content, owner, vars, delivery);
                }
                return deliverMaildir(Path.of(path), content, owner, now.toInstant(), delivery, vars);
            }
            return deliverMbox(Path.of(path), content, owner, vars, now);
        } catch (ExpansionException e) {
            return DeliveryResult.defer("Expansion of \"" + options.string(where.isEmpty() ? "message_prefix" : where)
                    + "\" (" + where + " for " + name + " transport) failed: " + e.getMessage());
        } catch (QuotaExceeded | LocalMessage.FilterFailed e) {
            return DeliveryResult.defer(e.getMessage());
        } catch (HeldLock.Failed e) {
            return DeliveryResult.defer(e.getMessage()).withErrno(EximErrno.ERRNO_LOCKFAILED);
        } catch (IOException e) {
            return DeliveryResult.defer(name + " transport: " + e.getMessage());
        }
    }

    /**
     * Whether a tainted path may be used all the same: create_file is an absolute path or
     * belowhome, and the path lies below that directory (Exim de-taints it then).
     */
    private boolean detainted(String path, TransportVariables vars) {
        String createFile = options.string("create_file", "anywhere").strip();
        String dir = CreationCheck.deliveryDirectory(createFile, vars.variable("home").orElse(null));
        return CreationCheck.belowDirectory(createFile) && dir != null && CreationCheck.permits(path, createFile, dir);
    }

    /**
     * Prefix, the message as {@link MessageWriter} writes it, suffix. As in Exim's init, the mbox
     * defaults ("From " line, blank line, From escaping) apply unless directory, maildir_format or
     * mailstore_format is set (mbx_format keeps them).
     */
    LocalMessage content(List<Delivery> batch, TransportVariables vars) throws ExpansionException {
        boolean mboxDefaults = !maildir && !options.has("directory") && !options.bool("mailstore_format", false);
        return LocalMessage.prepare(options, batch, vars, mboxDefaults, mboxDefaults);
    }

    private DeliveryResult deliverMaildir(Path dir, LocalMessage content, FileOwner owner, Instant now, Delivery delivery,
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
        Quota quota = quota(dir, vars, true);
        String host = delivery.context().lists().primaryHostname();
        long pid = ProcessHandle.current().pid();
        long micros = now.getNano() / 1000;
        String fileName;
        Path tmp;
        FileChannel ch;
        Path claimed;
        while (true) {
            fileName = now.getEpochSecond() + ".M" + micros + "P" + pid + "." + host;
            tmp = dir.resolve("tmp").resolve(fileName);
            micros++;
            // one process delivers in parallel: a name stays claimed until its rename into new/ is
            // done, so a delivery of the same microsecond cannot rename onto it (Exim's name is
            // unique per process because one process delivers one message at a time)
            claimed = dir.resolve("new").resolve(fileName);
            if (!MAILDIR_NAMES_IN_USE.add(claimed)) {
                continue;
            }
            if (Files.exists(claimed)) {
                MAILDIR_NAMES_IN_USE.remove(claimed);
                continue;
            }
            try {
                ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                break;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                MAILDIR_NAMES_IN_USE.remove(claimed); // a leftover of an earlier run
            }
        }
        try {
            long written;
            try (FileChannel open = ch) {
                Files.setPosixFilePermissions(tmp, FileOwner.permissions(options.octal("mode", 0600)));
                owner.apply(tmp);
                written = write(open, content);
                open.force(true);
            } catch (IOException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
            // maildir_tag is expanded with $message_size the size of the file as written, as in Exim
            String tag = options.has("maildir_tag")
                    ? Expander.expand(options.string("maildir_tag"), vars.set("message_size", Long.toString(written))) : "";
            Files.move(tmp, dir.resolve("new").resolve(fileName + tag), StandardCopyOption.ATOMIC_MOVE);
            quota.delivered(written, vars);
            return DeliveryResult.OK.withSize(written);
        } finally {
            MAILDIR_NAMES_IN_USE.remove(claimed);
        }
    }

    /**
     * {@code directory} without maildir_format: each message in its own file, written under a
     * temporary name and renamed to the expansion of {@code directory_file} (Exim's default
     * {@code q${base62:$tod_epoch}-$inode}, $inode being the new file's).
     */
    private DeliveryResult deliverDirectoryFile(Path dir, LocalMessage content, FileOwner owner, TransportVariables vars,
            Delivery delivery) throws IOException, ExpansionException {
        if (!Files.isDirectory(dir)) {
            if (!options.bool("create_directory", true)) {
                return DeliveryResult.defer("mailbox directory " + dir + " does not exist");
            }
            owner.createDirectories(dir, options.octal("directory_mode", 0700));
        }
        Quota quota = quota(dir, vars, true);
        Path tmp = dir.resolve("temp." + ProcessHandle.current().pid() + "." + delivery.context().lists().primaryHostname()
                + "." + System.nanoTime());
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            Files.setPosixFilePermissions(tmp, FileOwner.permissions(options.octal("mode", 0600)));
            owner.apply(tmp);
            long written = write(ch, content);
            ch.force(true);
            quota.written = written;
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        String inode = String.valueOf(Files.getAttribute(tmp, "unix:ino"));
        String name = Expander.expand(options.string("directory_file", "q${base62:$tod_epoch}-$inode"),
                vars.set("inode", inode));
        Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        quota.delivered(quota.written, vars);
        return DeliveryResult.OK.withSize(quota.written);
    }

    /**
     * {@code mailstore_format}: the envelope (mailstore_prefix, the sender, each recipient,
     * mailstore_suffix) written to BASE.tmp, the message to BASE.msg, then BASE.tmp renamed to
     * BASE.env; BASE is the directory, the message id and the delivery process's pid in base 62
     * ($mailstore_basename).
     */
    private DeliveryResult deliverMailstore(Path dir, List<Delivery> batch, FileOwner owner, TransportVariables vars)
            throws IOException, ExpansionException {
        if (!Files.isDirectory(dir)) {
            if (!options.bool("create_directory", true)) {
                return DeliveryResult.defer("mailbox directory " + dir + " does not exist");
            }
            owner.createDirectories(dir, options.octal("directory_mode", 0700));
        }
        String base = dir + "/" + vars.variable("message_id").orElse("") + "-" + base62(ProcessHandle.current().pid());
        vars.set("mailstore_basename", base);
        StringBuilder envelope = new StringBuilder();
        affix(envelope, "mailstore_prefix", vars);
        envelope.append(batch.get(0).returnPath() == null ? "" : batch.get(0).returnPath()).append('\n'); // $sender_address
        for (Delivery d : batch) {
            envelope.append(d.address().localPart()).append('@').append(d.address().domain()).append('\n');
        }
        affix(envelope, "mailstore_suffix", vars);
        LocalMessage content = content(batch, vars);
        Quota quota = quota(dir, vars, true);
        int mode = options.octal("mode", 0600);
        Path tmp = Path.of(base + ".tmp");
        Path msg = Path.of(base + ".msg");
        Files.writeString(tmp, envelope, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        Files.setPosixFilePermissions(tmp, FileOwner.permissions(mode));
        owner.apply(tmp);
        try (FileChannel ch = FileChannel.open(msg, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            Files.setPosixFilePermissions(msg, FileOwner.permissions(mode));
            owner.apply(msg);
            quota.written = write(ch, content);
            ch.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            Files.deleteIfExists(msg);
            throw e;
        }
        Files.move(tmp, Path.of(base + ".env"), StandardCopyOption.ATOMIC_MOVE);
        quota.delivered(quota.written, vars);
        return DeliveryResult.OK.withSize(quota.written);
    }

    /** mailstore_prefix or _suffix, expanded, a newline added when missing; a forced failure leaves it out. */
    private void affix(StringBuilder out, String option, TransportVariables vars) throws ExpansionException {
        String text = options.string(option);
        if (text == null) {
            return;
        }
        String s;
        try {
            s = Expander.expand(text, vars);
        } catch (ExpansionException e) {
            if (e.forced()) {
                return;
            }
            throw e;
        }
        out.append(s);
        if (s.isEmpty() || !s.endsWith("\n")) {
            out.append('\n');
        }
    }

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /** Exim's string_base62(): six base-62 digits. */
    static String base62(long n) {
        char[] out = new char[6];
        for (int i = 5; i >= 0; i--) {
            out[i] = BASE62.charAt((int) (n % 62));
            n /= 62;
        }
        return new String(out);
    }

    private DeliveryResult deliverMbox(Path mbox, LocalMessage content, FileOwner owner, TransportVariables vars,
            ZonedDateTime now) throws IOException, ExpansionException {
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
        boolean mbx = options.bool("mbx_format", false);
        // mbx_format without any locking option: MBX locking (MbxLock), no FILE.lock
        boolean mbxLocking = mbx && !options.has("use_lockfile") && !options.has("use_fcntl_lock")
                && !options.has("use_flock_lock");
        boolean fcntlDefault = !options.bool("use_flock_lock", false);
        Quota quota;
        try (FileChannel ch = FileChannel.open(mbox, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            if (!exists) {
                Files.setPosixFilePermissions(mbox, FileOwner.permissions(mode));
                owner.apply(mbox);
            }
            int retries = options.number("lock_retries", 10);
            Duration interval = Duration.ofSeconds(options.has("lock_interval")
                    ? org.jexim.conf.options.EximTime.read(options.string("lock_interval")) : 3);
            try (HeldLock lock = mbxLocking
                    ? MbxLock.take(mbox, ch, retries, interval, options.octal("lockfile_mode", 0600), owner)
                    : MailboxLock.take(mbox, ch, options.bool("use_lockfile", true),
                        options.bool("use_fcntl_lock", fcntlDefault), retries, interval, Duration.ofMinutes(30))) {
                quota = quota(mbox, vars, false);
                long before = ch.size();
                try {
                    quota.written = mbx ? MbxFormat.append(ch, before, now, out -> write(out, content))
                            : write(ch, content);
                    ch.force(true);
                } catch (IOException e) {
                    ch.truncate(before); // Exim leaves no partial message behind
                    throw e;
                }
            }
        }
        quota.delivered(quota.written, vars);
        return DeliveryResult.OK.withSize(quota.written);
    }

    /**
     * The mailbox's quota state before this delivery: defers with Exim's words when the mailbox
     * plus this message would pass {@code quota} (as in Exim the message counts with its size on
     * the spool, $message_size, before it is written); the mailbox is measured only when a quota
     * or a {@code quota_warn_threshold} needs it.
     */
    private Quota quota(Path mailbox, TransportVariables vars, boolean directory) throws IOException, ExpansionException {
        String text = options.string("quota");
        long limit = text == null ? 0 : Sizes.parse(Expander.expand(text, vars).strip());
        QuotaWarning warning = QuotaWarning.of(options, limit, vars);
        long size = Long.parseLong(vars.variable("message_size").orElse("0"));
        boolean inclusive = options.bool("quota_is_inclusive", true);
        Path checkPath = directory ? quotaDirectory(mailbox, vars) : mailbox;
        MaildirSizeFile sizeFile = null;
        long used = -1;
        if (maildir && options.bool("maildir_use_size_file", false)) {
            String regex = options.string("maildir_quota_directory_regex", MailboxSize.DEFAULT_DIR_REGEX);
            Pattern dirRegex = Pattern.compile(regex);
            // a delivery into a folder the regex leaves out is not counted, as in Exim
            String rest = checkPath.relativize(mailbox).toString();
            if (!dirRegex.matcher(rest.isEmpty() ? "new" : rest + "/new").find()) {
                return new Quota(0, null, null);
            }
            MaildirSizeFile.Sized sized = MaildirSizeFile.ensure(checkPath, limit, 0, size, inclusive, dirRegex,
                    options.octal("mode", 0600), vars.variable("primary_hostname").orElse("localhost"), clock);
            sizeFile = sized.file();
            used = sized.bytes();
        }
        if (limit <= 0 && warning == null) {
            return new Quota(0, null, sizeFile);
        }
        if (used < 0) {
            if (directory) {
                used = MailboxSize.ofDirectory(checkPath).bytes();
            } else {
                try {
                    used = Files.size(mailbox);
                } catch (NoSuchFileException e) {
                    used = 0;
                }
            }
        }
        if (limit > 0 && used + (inclusive ? size : 0) > limit) {
            throw new QuotaExceeded("mailbox is full (MTA-imposed quota exceeded while writing to " + mailbox + ")");
        }
        return new Quota(used, warning, sizeFile);
    }

    /**
     * Where a directory delivery's quota is measured: {@code quota_directory}, else the maildir,
     * or its parent when the maildir holds a maildirfolder file (a maildir++ subfolder).
     */
    private Path quotaDirectory(Path dir, TransportVariables vars) throws ExpansionException {
        if (options.has("quota_directory")) {
            return Path.of(Expander.expand(options.string("quota_directory"), vars));
        }
        if (maildir && Files.exists(dir.resolve("maildirfolder")) && dir.getParent() != null) {
            return dir.getParent();
        }
        return dir;
    }

    /** The mailbox size before a delivery and its warning threshold; sends the warning once the delivery crossed it. */
    private final class Quota {
        private final long before;
        private final QuotaWarning warning;
        private final MaildirSizeFile sizeFile;
        long written;

        Quota(long before, QuotaWarning warning, MaildirSizeFile sizeFile) {
            this.before = before;
            this.warning = warning;
            this.sizeFile = sizeFile;
        }

        void delivered(long bytes, TransportVariables vars) throws IOException {
            if (sizeFile != null) {
                sizeFile.record(bytes);
            }
            if (warning == null || !warning.crossed(before, bytes)) {
                return;
            }
            try {
                String text = QuotaWarning.message(options, vars);
                if (!text.contains("\n\n")) {
                    text = text + "\n";
                }
                sender.send(QuotaWarning.recipients(text), ReplySubmission.prepare(text, vars,
                        ZonedDateTime.ofInstant(clock.instant(), clock.getZone())));
            } catch (ExpansionException | IOException e) {
                // Exim logs a failed warning and keeps the delivery
                LoggerFactory.getLogger(AppendfileTransport.class).warn("Failed to send the quota warning of the {}"
                        + " transport: {}", name, e.getMessage());
            }
        }
    }

    /** Streams the message into the file at its position; the number of bytes written. */
    long write(FileChannel ch, LocalMessage content) throws IOException {
        CountingStage counted = new CountingStage(new BufferedOutputStream(Channels.newOutputStream(ch), 65536));
        content.writeTo(counted);
        counted.finish();
        return counted.count();
    }

    /** A delivery over quota, which Exim defers (and bounces once the retry time is up). */
    static final class QuotaExceeded extends IOException {
        QuotaExceeded(String message) {
            super(message);
        }
    }
}
