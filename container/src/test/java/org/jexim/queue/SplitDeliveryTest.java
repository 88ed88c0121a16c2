package org.jexim.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jexim.queue.SpoolTestMails.bytes;
import static org.jexim.queue.SpoolTestMails.dequeueOne;
import static org.jexim.queue.SpoolTestMails.mail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.james.core.MailAddress;
import org.apache.james.queue.api.MailQueue.MailQueueItem;
import org.apache.james.queue.api.MailQueue.MailQueueItem.CompletionStatus;
import org.apache.james.queue.api.MailQueueFactory;
import org.apache.james.queue.api.RawMailQueueItemDecoratorFactory;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recipients of one message sent on by the routers as several mails (parts) keep the message's
 * id and spool files, as one Exim delivery process keeps them: the files go when the last part is
 * done, and what some parts put back waits under the same id, the delivered recipients marked.
 */
class SplitDeliveryTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final AttributeName ROUTING = AttributeName.of("org.jexim.addresses");
    @TempDir
    Path spool;
    private SpoolMailQueueFactory factory;
    private final List<String> completed = new CopyOnWriteArrayList<>();

    private SpoolMailQueue open() throws Exception {
        if (factory != null) {
            factory.close();
        }
        factory = new SpoolMailQueueFactory(new SpoolDirectory(spool, true), new RawMailQueueItemDecoratorFactory(),
            SpoolOwner.currentUser(), SpoolMailQueueFactory.DEFAULT_REJECT_DELAY, completed::add);
        return factory.createQueue(MailQueueFactory.SPOOL);
    }

    @AfterEach
    void close() {
        if (factory != null) {
            factory.close();
        }
    }

    private List<String> inputFiles() throws Exception {
        try (var files = Files.list(spool.resolve("input"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String idOf(Mail mail) {
        return mail.getAttribute(SpoolAttributes.MESSAGE_ID).orElseThrow().getValue().value().toString();
    }

    /** What RecipientGroups does: a copy for some recipients, sent on to a processor. */
    private static Mail split(Mail mail, String state, String... recipients) throws Exception {
        Mail copy = mail.duplicate();
        copy.setAttribute(new Attribute(SpoolMailQueue.SPLIT, AttributeValue.of(true)));
        copy.setRecipients(java.util.Arrays.stream(recipients).map(SplitDeliveryTest::address).toList());
        copy.setState(state);
        return copy;
    }

    private static MailAddress address(String a) {
        try {
            return new MailAddress(a);
        } catch (javax.mail.internet.AddressException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void aCopySentOnKeepsTheIdAndTheFilesStayUntilEveryPartIsDone() throws Exception {
        SpoolMailQueue queue = open();
        queue.enQueue(mail("m", SpoolTestMails.MESSAGE));
        List<String> files = inputFiles();
        MailQueueItem main = dequeueOne(queue, WAIT);
        String id = idOf(main.getMail());
        queue.enQueue(split(main.getMail(), "transport-remote", "carol@other.example"));
        main.getMail().setRecipients(List.of(address("bob@test.example")));

        MailQueueItem part = dequeueOne(queue, WAIT);
        assertThat(part).isNotNull();
        assertThat(idOf(part.getMail())).isEqualTo(id);
        assertThat(part.getMail().getState()).isEqualTo("transport-remote");
        assertThat(part.getMail().getRecipients()).containsExactly(address("carol@other.example"));
        assertThat(bytes(part.getMail())).isEqualTo(SpoolTestMails.MESSAGE);
        assertThat(inputFiles()).as("no second message on the spool").isEqualTo(files);

        main.done(CompletionStatus.SUCCESS);
        assertThat(inputFiles()).as("a part is still at work").isEqualTo(files);
        assertThat(completed).isEmpty();
        assertThat(queue.flush()).as("the message is claimed by its attempt").isZero();

        part.done(CompletionStatus.SUCCESS);
        assertThat(inputFiles()).isEmpty();
        assertThat(completed).containsExactly(id);
        assertThat(queue.getSize()).isZero();
    }

    @Test
    void aDeferredPartWaitsUnderTheSameIdWithTheDeliveredRecipientMarked() throws Exception {
        SpoolMailQueue queue = open();
        queue.enQueue(mail("m", SpoolTestMails.MESSAGE));
        MailQueueItem main = dequeueOne(queue, WAIT);
        String id = idOf(main.getMail());
        main.getMail().setAttribute(new Attribute(ROUTING, AttributeValue.of(Map.of(
            "bob@test.example", AttributeValue.of("bob state"), "carol@other.example", AttributeValue.of("carol old")))));
        queue.enQueue(split(main.getMail(), "transport-remote", "carol@other.example"));
        main.getMail().setRecipients(List.of(address("bob@test.example")));
        MailQueueItem part = dequeueOne(queue, WAIT);

        // the part defers as the Defer mailet does: new routing state, back to the routers later
        Mail deferred = part.getMail();
        deferred.setAttribute(new Attribute(ROUTING, AttributeValue.of(Map.of(
            "bob@test.example", AttributeValue.of("bob state"), "carol@other.example", AttributeValue.of("carol retry")))));
        deferred.setState("routers");
        queue.enQueue(deferred, Duration.ofHours(1));
        deferred.setState(Mail.GHOST);
        part.done(CompletionStatus.SUCCESS);
        assertThat(inputFiles()).containsExactly(id + "-D", id + "-H");
        assertThat(Files.readString(spool.resolve("input/" + id + "-H"))).as("untouched while the main part works")
            .contains("\nXX\n2\nbob@test.example\ncarol@other.example\n");

        factory.journal().delivered(main.getMail(), address("bob@test.example"));
        main.getMail().setState(Mail.GHOST);
        main.done(CompletionStatus.SUCCESS);

        assertThat(completed).isEmpty();
        assertThat(inputFiles()).containsExactly(id + "-D", id + "-H");
        String h = Files.readString(spool.resolve("input/" + id + "-H"));
        assertThat(h).contains("\nNN bob@test.example\n2\nbob@test.example\ncarol@other.example\n\n")
            .contains("-jexim_state routers\n").contains("-jexim_deliver_at ");
        assertThat(queue.getSize()).isEqualTo(1);

        SpoolMailQueue restarted = open();
        restarted.flush();
        MailQueueItem again = dequeueOne(restarted, WAIT);
        assertThat(idOf(again.getMail())).isEqualTo(id);
        assertThat(again.getMail().getName()).isEqualTo("m");
        assertThat(again.getMail().getRecipients()).containsExactly(address("carol@other.example"));
        assertThat(again.getMail().getAttribute(ROUTING).orElseThrow().getValue().value().toString())
            .contains("carol retry").doesNotContain("carol old");
        assertThat(bytes(again.getMail())).isEqualTo(SpoolTestMails.MESSAGE);
        again.done(CompletionStatus.SUCCESS);
        assertThat(inputFiles()).isEmpty();
    }

    @Test
    void partsDeferredTogetherBecomeOneMessageDueAtTheEarliestRetry() throws Exception {
        SpoolMailQueue queue = open();
        queue.enQueue(mail("m", SpoolTestMails.MESSAGE));
        MailQueueItem main = dequeueOne(queue, WAIT);
        String id = idOf(main.getMail());
        queue.enQueue(split(main.getMail(), "transport-remote", "carol@other.example"));
        main.getMail().setRecipients(List.of(address("bob@test.example")));
        MailQueueItem part = dequeueOne(queue, WAIT);
        queue.enQueue(part.getMail(), Duration.ofHours(2));
        queue.enQueue(main.getMail(), Duration.ofMillis(1));
        part.done(CompletionStatus.SUCCESS);
        main.done(CompletionStatus.SUCCESS);

        MailQueueItem again = dequeueOne(queue, WAIT);
        assertThat(idOf(again.getMail())).isEqualTo(id);
        assertThat(again.getMail().getRecipients()).containsExactlyInAnyOrder(
            address("bob@test.example"), address("carol@other.example"));
        again.done(CompletionStatus.SUCCESS);
        assertThat(inputFiles()).isEmpty();
        assertThat(completed).containsExactly(id);
    }

    @Test
    void aCrashBeforeTheAttemptEndsDeliversOnlyTheRecipientsNotJournaled() throws Exception {
        SpoolMailQueue queue = open();
        queue.enQueue(mail("m", SpoolTestMails.MESSAGE));
        MailQueueItem main = dequeueOne(queue, WAIT);
        String id = idOf(main.getMail());
        queue.enQueue(split(main.getMail(), "transport-remote", "carol@other.example"));
        MailQueueItem part = dequeueOne(queue, WAIT);
        factory.journal().delivered(part.getMail(), address("carol@other.example"));
        assertThat(Files.readString(spool.resolve("input/" + id + "-J"))).isEqualTo("carol@other.example\n");

        SpoolMailQueue restarted = open(); // killed before bob was delivered
        MailQueueItem again = dequeueOne(restarted, WAIT);
        assertThat(idOf(again.getMail())).isEqualTo(id);
        assertThat(again.getMail().getRecipients()).containsExactly(address("bob@test.example"));
        assertThat(dequeueOne(restarted, Duration.ofMillis(500))).isNull();
    }

    @Test
    void aChangedMessageOfADeferredPartIsKept() throws Exception {
        SpoolMailQueue queue = open();
        queue.enQueue(mail("m", SpoolTestMails.MESSAGE));
        MailQueueItem main = dequeueOne(queue, WAIT);
        main.getMail().getMessage().setHeader("X-Filter", "added");
        main.getMail().getMessage().saveChanges();
        queue.enQueue(split(main.getMail(), "transport-remote", "carol@other.example"));
        main.getMail().setRecipients(List.of(address("bob@test.example")));
        MailQueueItem part = dequeueOne(queue, WAIT);
        queue.enQueue(part.getMail(), Duration.ofMillis(1));
        part.done(CompletionStatus.SUCCESS);
        main.done(CompletionStatus.SUCCESS);

        MailQueueItem again = dequeueOne(queue, WAIT);
        assertThat(again.getMail().getRecipients()).containsExactly(address("carol@other.example"));
        assertThat(again.getMail().getMessage().getHeader("X-Filter")).containsExactly("added");
        again.done(CompletionStatus.SUCCESS);
    }
}
