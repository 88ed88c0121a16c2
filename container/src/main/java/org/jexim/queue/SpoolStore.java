package org.jexim.queue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.apache.james.queue.api.MailQueueName;
import org.apache.james.server.core.MailImpl;
import org.apache.james.server.core.MimeMessageWrapper;
import org.apache.mailet.Mail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The messages of one spool directory, shared by all queues: which mail name is which Exim id,
 * writing a mail durably, reading it back, removing it. A mail enqueued again under the same name
 * (a retry, or a move to another queue) keeps its id and has its -H file rewritten in place, as
 * Exim rewrites the -H file of a deferred message.
 */
final class SpoolStore {
    private static final Logger LOGGER = LoggerFactory.getLogger(SpoolStore.class);
    private final SpoolDirectory directory;
    private final SpoolMailCodec codec;
    private final ConcurrentHashMap<String, SpoolEntry> byName = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, SpoolEntry> byId = new ConcurrentHashMap<>();

    private final Consumer<String> completed;

    /**
     * @param completed told the id of each message whose files are removed (Exim's "Completed")
     */
    SpoolStore(SpoolDirectory directory, SpoolOwner owner, Consumer<String> completed) {
        this.directory = directory;
        this.codec = new SpoolMailCodec(owner);
        this.completed = completed;
    }

    SpoolDirectory directory() {
        return directory;
    }

    /** What a durable write produced: the entry, its new generation, and the queue it left. */
    record Written(SpoolEntry entry, long generation, Optional<MailQueueName> previousQueue, boolean frozen,
                   boolean held) {
    }

    /** Writes the mail to disk and fsyncs it; when this returns the message survives a crash. */
    Written write(Mail mail, MailQueueName queue, Optional<Instant> deliverAt, HoldPolicy policy)
        throws IOException, MessagingException {
        while (true) {
            SpoolEntry entry = byName.computeIfAbsent(mail.getName(), SpoolEntry::new);
            synchronized (entry) {
                if (entry.removed) {
                    continue;
                }
                try {
                    Optional<MailQueueName> previous = Optional.ofNullable(entry.queue).filter(q -> !q.equals(queue));
                    SpoolHeader header = entry.id == null
                        ? create(entry, mail, queue, deliverAt, policy.holds(mail)) : rewrite(entry, mail, queue, deliverAt);
                    entry.queue = queue;
                    entry.generation++;
                    return new Written(entry, entry.generation, previous, header.hasFlag("frozen"),
                        SpoolMailCodec.heldOf(header));
                } catch (IOException | MessagingException | RuntimeException e) {
                    if (entry.id == null) {
                        entry.removed = true;
                        byName.remove(entry.name, entry);
                    }
                    throw e;
                }
            }
        }
    }

    private SpoolHeader create(SpoolEntry entry, Mail mail, MailQueueName queue, Optional<Instant> deliverAt,
                               boolean held) throws IOException, MessagingException {
        String id = EximMessageId.isValid(mail.getName()) && !byId.containsKey(mail.getName())
            ? mail.getName() : EximMessageId.next();
        SpoolDirectory.Data data;
        while (true) {
            try {
                data = directory.writeNewData(id, mail.getMessage());
                break;
            } catch (FileAlreadyExistsException e) {
                id = EximMessageId.next();
            }
        }
        SpoolHeader header = codec.toHeader(mail, id, queue, deliverAt, data.headers(), data.body(), true);
        if (held) {
            header = SpoolMailCodec.held(header);
        }
        try {
            directory.commitHeader(header, data);
        } catch (IOException | RuntimeException e) {
            directory.deleteData(id);
            throw e;
        }
        entry.id = id;
        byId.put(id, entry);
        return header;
    }

    private SpoolHeader rewrite(SpoolEntry entry, Mail mail, MailQueueName queue, Optional<Instant> deliverAt)
        throws IOException, MessagingException {
        MimeMessage message = mail.getMessage();
        SpoolHeader current = directory.readHeader(entry.id);
        List<String> journal = directory.readJournal(entry.id);
        Recipients recipients = Recipients.merge(current, journal, mail);
        SpoolHeader header;
        if (message instanceof MimeMessageWrapper wrapper && !wrapper.isModified()
            && entry.dataSourceId().equals(wrapper.getSourceId())) {
            long lines = current.option("body_linecount").map(Long::parseLong).orElse(0L);
            header = codec.toHeader(mail, entry.id, queue, deliverAt, current.headers(),
                new SpoolMailCodec.BodyStats(lines, SpoolMailCodec.bodyNewlinesOf(current)), false,
                recipients.all(), recipients.done());
        } else {
            SpoolDirectory.Data data = directory.replaceData(entry.id, message);
            entry.dataVersion++;
            header = codec.toHeader(mail, entry.id, queue, deliverAt, data.headers(), data.body(), false,
                recipients.all(), recipients.done());
        }
        if (!SpoolMailCodec.heldOf(header) && mail.getAttribute(QueueOnly.QUEUE_ONLY)
            .flatMap(a -> a.getValue().valueAs(Boolean.class)).orElse(false)) {
            header = SpoolMailCodec.held(header); // put back to wait for a queue run (queue_smtp_domains)
        }
        directory.commitHeader(header);
        if (!journal.isEmpty()) {
            directory.deleteJournal(entry.id);
        }
        return header;
    }

    /** The mail of this generation of the entry, read from disk; empty if it has since changed or gone. */
    Optional<MailImpl> read(SpoolEntry entry, long generation) {
        String id;
        long dataVersion;
        synchronized (entry) {
            if (entry.removed || entry.generation != generation) {
                return Optional.empty();
            }
            id = entry.id;
            dataVersion = entry.dataVersion;
        }
        try {
            SpoolHeader header = directory.readHeader(id);
            List<String> journal = directory.readJournal(id);
            SpoolMessageSource source = new SpoolMessageSource("jexim-spool:" + id + "#" + dataVersion,
                header.headers(), directory.dataFile(id), id, SpoolMailCodec.bodyNewlinesOf(header), () -> entry.heldLock(dataVersion));
            return Optional.of(codec.toMail(header, journal, source));
        } catch (java.nio.file.NoSuchFileException e) {
            LOGGER.debug("message {}: its spool files are gone", id);
            return Optional.empty();
        } catch (IOException | MessagingException | RuntimeException e) {
            LOGGER.error("message {}: cannot read its spool files", id, e);
            return Optional.empty();
        }
    }

    /**
     * Records that the message's delivery to this address is done; a later restart or rewrite of the
     * message will not deliver to it again.
     */
    void journal(String id, String address) throws IOException {
        SpoolEntry entry = byId.get(id);
        if (entry == null) {
            directory.appendJournal(id, address);
            return;
        }
        synchronized (entry) {
            if (!entry.removed) {
                directory.appendJournal(id, address);
            }
        }
    }

    /**
     * Whether another process removed the entry's -H file; if so the entry is dropped here too.
     */
    boolean vanished(SpoolEntry entry) {
        synchronized (entry) {
            if (entry.removed) {
                return true;
            }
            if (java.nio.file.Files.exists(directory.headerFile(entry.id))) {
                return false;
            }
            entry.removed = true;
            byName.remove(entry.name, entry);
            byId.remove(entry.id, entry);
            return true;
        }
    }

    /** The entry of that message id, if this process knows it. */
    Optional<SpoolEntry> entryOf(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    SpoolHeader readHeader(SpoolEntry entry) throws IOException {
        return directory.readHeader(entry.id);
    }

    /** Removes the entry's files if this generation is still the current one. */
    boolean remove(SpoolEntry entry, long generation) throws IOException {
        synchronized (entry) {
            if (entry.removed || entry.generation != generation) {
                return false;
            }
            directory.delete(entry.id);
            entry.removed = true;
            byName.remove(entry.name, entry);
            byId.remove(entry.id, entry);
        }
        try {
            completed.accept(entry.id);
        } catch (RuntimeException e) {
            LOGGER.warn("message {}: completion listener failed", entry.id, e);
        }
        return true;
    }

    long generationOf(SpoolEntry entry) {
        synchronized (entry) {
            return entry.removed ? -1 : entry.generation;
        }
    }

    /**
     * Registers the -H files not yet known (after a restart, or written by another process) and
     * hands each to {@code found} with its header.
     */
    void scan(BiConsumer<SpoolEntry, SpoolHeader> found) throws IOException {
        List<String> ids = directory.messageIds().stream().sorted(Comparator.naturalOrder()).toList();
        for (String id : ids) {
            if (byId.containsKey(id)) {
                continue;
            }
            SpoolHeader header;
            try {
                header = directory.readHeader(id);
            } catch (IOException | RuntimeException e) {
                LOGGER.error("message {}: unreadable -H file, left on the spool", id, e);
                continue;
            }
            String name = SpoolMailCodec.nameOf(header);
            SpoolEntry entry = new SpoolEntry(byName.containsKey(name) ? id : name);
            entry.id = id;
            entry.queue = SpoolMailCodec.queueOf(header);
            entry.generation = 1;
            if (byId.putIfAbsent(id, entry) != null) {
                continue;
            }
            byName.putIfAbsent(entry.name, entry);
            found.accept(entry, header);
        }
    }
}
