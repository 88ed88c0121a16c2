package org.jexim.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jexim.queue.SpoolTestMails.bytes;
import static org.jexim.queue.SpoolTestMails.dequeueOne;
import static org.jexim.queue.SpoolTestMails.mail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.james.core.MailAddress;
import org.apache.james.queue.api.MailQueue.MailQueueItem;
import org.apache.james.queue.api.MailQueue.MailQueueItem.CompletionStatus;
import org.apache.james.queue.api.MailQueueFactory;
import org.apache.james.queue.api.MailQueueName;
import org.apache.james.server.core.MailImpl;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import reactor.core.publisher.Flux;

class SpoolMailQueueTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    @TempDir
    Path spool;
    private SpoolMailQueueFactory factory;

    private SpoolMailQueue open() throws Exception {
        if (factory != null) {
            factory.close();
        }
        factory = SpoolMailQueueFactory.open(spool);
        return factory.createQueue(MailQueueFactory.SPOOL);
    }

    @AfterEach
    void close() {
        if (factory != null) {
            factory.close();
        }
    }

    private List<Path> inputFiles() throws Exception {
        try (var files = Files.list(spool.resolve("input"))) {
            return files.sorted().toList();
        }
    }

    @Test
    void enqueueWritesExims_D_and_H_filesThenAckRemovesThem() throws Exception {
        SpoolMailQueue queue = open();
        queue.enQueue(mail("m1", SpoolTestMails.MESSAGE));

        List<Path> files = inputFiles();
        assertThat(files).hasSize(2);
        String d = files.get(0).getFileName().toString();
        String id = d.substring(0, 16);
        assertThat(EximMessageId.isValid(id)).isTrue();
        assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly(id + "-D", id + "-H");
        assertThat(Files.readString(files.get(0), StandardCharsets.ISO_8859_1)).isEqualTo(id + "-D\n"
            + "first line\n\n.leading dot and trailing space \nFrom the start\n");
        String h = Files.readString(files.get(1), StandardCharsets.ISO_8859_1);
        assertThat(h).startsWith(id + "-H\n");
        assertThat(h).contains("\n<alice@example.org>\n");
        assertThat(h).contains("\n-body_linecount 4\n-deliver_firsttime\n-tls_resumption A\n-jexim_queue spool\n-jexim_name m1\n-jexim_state root\n");
        assertThat(h).contains("\nXX\n2\nbob@test.example\ncarol@other.example\n\n"
            + "087P Received: from client.example ([192.0.2.1])\n\tby mx.test.example with esmtp (Exim 4.96)\n"
            + "032F From: Alice <alice@example.org>\n"
            + "021T To: bob@test.example\n"
            + "020  Subject: spool test\n"
            + "029I Message-ID: <m1@example.org>\n");
        assertThat(queue.getSize()).isEqualTo(1);

        MailQueueItem item = dequeueOne(queue, WAIT);
        Mail mail = item.getMail();
        assertThat(mail.getName()).isEqualTo("m1");
        assertThat(mail.getMaybeSender().asString()).isEqualTo("alice@example.org");
        assertThat(mail.getRecipients()).containsExactly(new MailAddress("bob@test.example"), new MailAddress("carol@other.example"));
        assertThat(mail.getAttribute(SpoolAttributes.MESSAGE_ID)).contains(new Attribute(SpoolAttributes.MESSAGE_ID, AttributeValue.of(id)));
        assertThat(bytes(mail)).isEqualTo(SpoolTestMails.MESSAGE);

        item.done(CompletionStatus.SUCCESS);
        assertThat(inputFiles()).isEmpty();
        assertThat(queue.getSize()).isZero();
    }

    @Test
    void aMailNamedWithAnEximIdKeepsThatIdOnTheSpool() throws Exception {
        SpoolMailQueue queue = open();
        String id = EximMessageId.next();
        queue.enQueue(mail(id, SpoolTestMails.MESSAGE));
        assertThat(Files.exists(spool.resolve("input/" + id + "-H"))).isTrue();
        assertThat(Files.readString(spool.resolve("input/" + id + "-H"))).doesNotContain("-jexim_name");
        assertThat(dequeueOne(queue, WAIT).getMail().getName()).isEqualTo(id);
    }

    @Test
    void stateAttributesErrorAndRemoteHostSurviveTheSpool() throws Exception {
        SpoolMailQueue queue = open();
        MailImpl mail = mail("m2", SpoolTestMails.MESSAGE);
        mail.setState("transport-local_delivery");
        mail.setErrorMessage("451 try later\nsecond line");
        mail.setRemoteAddr("192.0.2.7");
        mail.setRemoteHost("client.example");
        mail.setAttribute(new Attribute(AttributeName.of("custom"), AttributeValue.of("value with spaces")));
        mail.setAttribute(new Attribute(AttributeName.of("count"), AttributeValue.of(42)));
        mail.setAttribute(SpoolAttributes.option("received_protocol", "esmtps"));
        mail.setAttribute(SpoolAttributes.option("host_address", "192.0.2.7.40001"));
        mail.setAttribute(SpoolAttributes.aclVariable("acl_m_score", "5\nlines"));
        queue.enQueue(mail);
        String h = Files.readString(inputFiles().get(1));
        assertThat(h).contains("\n-host_address 192.0.2.7.40001\n-received_protocol esmtps\n");
        assertThat(h).contains("\n-aclm _score 7\n5\nlines\n");

        Mail back = dequeueOne(queue, WAIT).getMail();
        assertThat(back.getState()).isEqualTo("transport-local_delivery");
        assertThat(back.getErrorMessage()).isEqualTo("451 try later\nsecond line");
        assertThat(back.getRemoteAddr()).isEqualTo("192.0.2.7");
        assertThat(back.getRemoteHost()).isEqualTo("client.example");
        assertThat(back.getAttribute(AttributeName.of("custom")).map(a -> (Object) a.getValue().value())).contains("value with spaces");
        assertThat(back.getAttribute(AttributeName.of("count")).map(a -> (Object) a.getValue().value())).contains(42);
        assertThat(back.getAttribute(AttributeName.of("exim.spool.received_protocol")).map(a -> (Object) a.getValue().value())).contains("esmtps");
        assertThat(back.getAttribute(AttributeName.of("exim.acl.acl_m_score")).map(a -> (Object) a.getValue().value())).contains("5\nlines");
    }

    @Test
    void dsnRequestsSurviveARestart() throws Exception {
        SpoolMailQueue queue = open();
        MailImpl mail = mail("dsn", SpoolTestMails.MESSAGE);
        org.apache.mailet.DsnParameters dsn = org.apache.mailet.DsnParameters.of(
            java.util.Optional.of(org.apache.mailet.DsnParameters.EnvId.of("env+2B1")),
            java.util.Optional.of(org.apache.mailet.DsnParameters.Ret.HDRS),
            com.google.common.collect.ImmutableMap.of(mail.getRecipients().iterator().next(),
                org.apache.mailet.DsnParameters.RecipientDsnParameters.of(
                    java.util.EnumSet.of(org.apache.mailet.DsnParameters.Notify.SUCCESS,
                        org.apache.mailet.DsnParameters.Notify.DELAY),
                    mail.getRecipients().iterator().next()))).orElseThrow();
        mail.setDsnParameters(dsn);
        queue.enQueue(mail);
        String rcpt = mail.getRecipients().iterator().next().asString();
        // Exim's form of the recipient line (spool_out.c), so that exim4 reading this spool sees the requests
        assertThat(Files.readString(inputFiles().get(1))).contains("\n" + rcpt + " rfc822;" + rcpt + " "
            + ("rfc822;" + rcpt).length() + ",20  0,-1#3\n");
        Mail back = dequeueOne(open(), WAIT).getMail();
        assertThat(back.dsnParameters()).contains(dsn);
    }

    @Test
    void unackedMessagesAreDeliveredAgainAfterARestartAndAckedOnesAreNot() throws Exception {
        SpoolMailQueue queue = open();
        queue.enQueue(mail("acked", SpoolTestMails.MESSAGE));
        queue.enQueue(mail("unacked", SpoolTestMails.MESSAGE));
        MailQueueItem first = dequeueOne(queue, WAIT);
        MailQueueItem second = dequeueOne(queue, WAIT);
        assertThat(first.getMail().getName()).isEqualTo("acked");
        assertThat(second.getMail().getName()).isEqualTo("unacked");
        first.done(CompletionStatus.SUCCESS);

        SpoolMailQueue restarted = open();
        assertThat(restarted.getSize()).isEqualTo(1);
        MailQueueItem again = dequeueOne(restarted, WAIT);
        assertThat(again.getMail().getName()).isEqualTo("unacked");
        assertThat(bytes(again.getMail())).isEqualTo(SpoolTestMails.MESSAGE);
        assertThat(dequeueOne(restarted, Duration.ofMillis(500))).isNull();
    }

    @Test
    void retryOffersTheMailAgainAndKeepsTheFiles() throws Exception {
        SpoolMailQueue queue = open();
        queue.enQueue(mail("m", SpoolTestMails.MESSAGE));
        dequeueOne(queue, WAIT).done(CompletionStatus.RETRY);
        assertThat(inputFiles()).hasSize(2);
        MailQueueItem again = dequeueOne(queue, WAIT);
        assertThat(again.getMail().getName()).isEqualTo("m");
        again.done(CompletionStatus.SUCCESS);
        assertThat(inputFiles()).isEmpty();
    }

    @Test
    void reEnqueueUnderTheSameNameKeepsTheIdAndTheOldAckDoesNotRemoveIt() throws Exception {
        SpoolMailQueue queue = open();
        queue.enQueue(mail("m", SpoolTestMails.MESSAGE));
        List<Path> before = inputFiles();
        MailQueueItem item = dequeueOne(queue, WAIT);
        Mail mail = item.getMail();
        mail.setRecipients(List.of(new MailAddress("carol@other.example")));
        queue.enQueue(mail, Duration.ofHours(1));
        item.done(CompletionStatus.SUCCESS);

        assertThat(inputFiles()).isEqualTo(before);
        String h = Files.readString(before.get(1));
        assertThat(h).contains("\nNN bob@test.example\n2\nbob@test.example\ncarol@other.example\n\n").doesNotContain("deliver_firsttime").contains("-jexim_deliver_at ");
        assertThat(queue.getSize()).isEqualTo(1);
        assertThat(dequeueOne(queue, Duration.ofMillis(500))).isNull();
        assertThat(queue.flush()).isEqualTo(1);
        MailQueueItem again = dequeueOne(queue, WAIT);
        assertThat(again.getMail().getRecipients()).containsExactly(new MailAddress("carol@other.example"));
        assertThat(bytes(again.getMail())).isEqualTo(SpoolTestMails.MESSAGE);
    }

    @Test
    void aJournaledAddressIsNotDeliveredAgainAfterACrashOrARewrite() throws Exception {
        SpoolMailQueue queue = open();
        queue.enQueue(mail("m", SpoolTestMails.MESSAGE));
        MailQueueItem item = dequeueOne(queue, WAIT);
        String id = item.getMail().getAttribute(SpoolAttributes.MESSAGE_ID).orElseThrow().getValue().value().toString();
        assertThat(factory.journal().delivered(item.getMail(), new MailAddress("bob@test.example"))).isTrue();
        assertThat(Files.readString(spool.resolve("input/" + id + "-J"))).isEqualTo("bob@test.example\n");

        SpoolMailQueue restarted = open(); // as after a crash before the ack
        MailQueueItem again = dequeueOne(restarted, WAIT);
        assertThat(again.getMail().getRecipients()).containsExactly(new MailAddress("carol@other.example"));

        Mail mail = again.getMail();
        mail.setRecipients(List.of(new MailAddress("bob@test.example"), new MailAddress("carol@other.example")));
        restarted.enQueue(mail, Duration.ofHours(1));
        again.done(CompletionStatus.SUCCESS);
        assertThat(spool.resolve("input/" + id + "-J")).doesNotExist();
        assertThat(Files.readString(spool.resolve("input/" + id + "-H")))
            .contains("\nNN bob@test.example\n2\nbob@test.example\ncarol@other.example\n\n");
        restarted.flush();
        assertThat(dequeueOne(restarted, WAIT).getMail().getRecipients()).containsExactly(new MailAddress("carol@other.example"));
    }

    @Test
    void onlyAMessageLeavingTheSpoolIsReportedCompletedAndOldTemporariesAreTidied() throws Exception {
        Files.createDirectories(spool.resolve("input"));
        Path stale = Files.writeString(spool.resolve("input/hdr.1xUxVo-00038v-0K"), "partial");
        Files.setLastModifiedTime(stale, java.nio.file.attribute.FileTime.fromMillis(0));
        Path fresh = Files.writeString(spool.resolve("input/hdr.1xUxVo-00038v-0L"), "being written");
        List<String> completed = new java.util.concurrent.CopyOnWriteArrayList<>();
        factory = new SpoolMailQueueFactory(new SpoolDirectory(spool, true),
            new org.apache.james.queue.api.RawMailQueueItemDecoratorFactory(), SpoolOwner.currentUser(),
            SpoolMailQueueFactory.DEFAULT_REJECT_DELAY, completed::add);
        assertThat(stale).doesNotExist();
        assertThat(fresh).exists();
        SpoolMailQueue queue = factory.createQueue(MailQueueFactory.SPOOL);
        queue.enQueue(mail("m", SpoolTestMails.MESSAGE));
        MailQueueItem item = dequeueOne(queue, WAIT);
        queue.enQueue(item.getMail(), Duration.ofMillis(1));
        item.done(CompletionStatus.SUCCESS);
        assertThat(completed).isEmpty();
        MailQueueItem again = dequeueOne(queue, WAIT);
        again.done(CompletionStatus.SUCCESS);
        assertThat(completed).containsExactly(again.getMail().getAttribute(SpoolAttributes.MESSAGE_ID).orElseThrow()
            .getValue().value().toString());
    }

    @Test
    void aModifiedBodyIsWrittenAgainUnderTheSameId() throws Exception {
        SpoolMailQueue queue = open();
        queue.enQueue(mail("m", SpoolTestMails.MESSAGE));
        MailQueueItem item = dequeueOne(queue, WAIT);
        Mail mail = item.getMail();
        mail.getMessage().setHeader("X-Added", "yes");
        mail.getMessage().saveChanges();
        queue.enQueue(mail);
        item.done(CompletionStatus.SUCCESS);
        Mail back = dequeueOne(queue, WAIT).getMail();
        assertThat(back.getMessage().getHeader("X-Added")).containsExactly("yes");
        assertThat(inputFiles()).hasSize(2);
    }

    @Test
    void delayedMessagesWaitAndTheirDelaySurvivesARestart() throws Exception {
        SpoolMailQueue queue = open();
        queue.enQueue(mail("later", SpoolTestMails.MESSAGE), Duration.ofHours(1));
        queue.enQueue(mail("soon", SpoolTestMails.MESSAGE), Duration.ofMillis(300));
        assertThat(dequeueOne(queue, WAIT).getMail().getName()).isEqualTo("soon");

        SpoolMailQueue restarted = open();
        assertThat(restarted.getSize()).isEqualTo(2);
        assertThat(dequeueOne(restarted, WAIT).getMail().getName()).isEqualTo("soon");
        assertThat(dequeueOne(restarted, Duration.ofMillis(500))).isNull();
        assertThat(restarted.browse()).toIterable().extracting(v -> v.getMail().getName()).containsExactlyInAnyOrder("later", "soon");
    }

    @Test
    void aMailMovedToAnotherQueueBelongsToThatQueueAfterARestart() throws Exception {
        SpoolMailQueue spoolQueue = open();
        spoolQueue.enQueue(mail("m", SpoolTestMails.MESSAGE));
        MailQueueItem item = dequeueOne(spoolQueue, WAIT);
        SpoolMailQueue outgoing = factory.createQueue(MailQueueName.of("outgoing"));
        outgoing.enQueue(item.getMail());
        item.done(CompletionStatus.SUCCESS);
        assertThat(spoolQueue.getSize()).isZero();
        assertThat(outgoing.getSize()).isEqualTo(1);
        assertThat(inputFiles()).hasSize(2);

        open();
        assertThat(factory.getQueue(MailQueueName.of("outgoing")).orElseThrow().getSize()).isEqualTo(1);
        assertThat(factory.getQueue(MailQueueFactory.SPOOL).orElseThrow().getSize()).isZero();
    }

    @Test
    void removeBySenderRecipientOrNameAndClear() throws Exception {
        SpoolMailQueue queue = open();
        queue.enQueue(mail("a", SpoolTestMails.MESSAGE));
        queue.enQueue(mail("b", SpoolTestMails.MESSAGE));
        queue.enQueue(mail("c", SpoolTestMails.MESSAGE));
        assertThat(queue.remove(org.apache.james.queue.api.ManageableMailQueue.Type.Name, "b")).isEqualTo(1);
        assertThat(queue.remove(org.apache.james.queue.api.ManageableMailQueue.Type.Recipient, "nobody@x")).isZero();
        assertThat(queue.getSize()).isEqualTo(2);
        assertThat(queue.clear()).isEqualTo(2);
        assertThat(inputFiles()).isEmpty();
    }

    @Test
    void frozenMessagesStayOnTheSpoolButAreNotDelivered() throws Exception {
        SpoolMailQueue queue = open();
        MailImpl mail = mail("frozen", SpoolTestMails.MESSAGE);
        mail.setAttribute(SpoolAttributes.option("frozen", "1795315264"));
        queue.enQueue(mail);
        assertThat(queue.getSize()).isEqualTo(1);
        assertThat(dequeueOne(queue, Duration.ofMillis(500))).isNull();
    }

    @Test
    void freezingThawingAndRemovalByAnotherProcessAreHonoured() throws Exception {
        SpoolMailQueue queue = open();
        queue.enQueue(mail("a", SpoolTestMails.MESSAGE), Duration.ofMillis(300));
        queue.enQueue(mail("b", SpoolTestMails.MESSAGE), Duration.ofMillis(300));
        List<Path> files = inputFiles();
        Path headerOfA = files.stream().filter(p -> p.toString().endsWith("-H"))
            .filter(p -> uncheckedRead(p).contains("-jexim_name a\n")).findFirst().orElseThrow();
        Path headerOfB = files.stream().filter(p -> p.toString().endsWith("-H") && !p.equals(headerOfA)).findFirst().orElseThrow();
        String original = Files.readString(headerOfA);
        Files.writeString(headerOfA, original.replace("-deliver_firsttime\n", "-deliver_firsttime\n-frozen 1795315264\n"));
        Files.delete(headerOfB); // -Mrm
        String b = headerOfB.toString(); // only the suffix: an id may itself contain "-H"
        Files.delete(Path.of(b.substring(0, b.length() - 2) + "-D"));

        assertThat(dequeueOne(queue, Duration.ofMillis(1500))).isNull();
        assertThat(queue.getSize()).isEqualTo(1);
        Files.writeString(headerOfA, original); // -Mt
        assertThat(queue.flush()).isEqualTo(1);
        assertThat(dequeueOne(queue, WAIT).getMail().getName()).isEqualTo("a");
    }

    private static String uncheckedRead(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aMessageBeingDeliveredIsLockedAsEximLocksItAndALockedOneWaits() throws Exception {
        SpoolMailQueue queue = open();
        queue.enQueue(mail("m", SpoolTestMails.MESSAGE));
        Path data = inputFiles().get(0);
        MailQueueItem item = dequeueOne(queue, WAIT);
        assertThat(SpoolDataLock.tryLock(data)).isEmpty();
        assertThat(bytes(item.getMail())).isEqualTo(SpoolTestMails.MESSAGE); // read through the lock
        assertThat(item.getMail().getMessageSize()).isEqualTo(SpoolTestMails.MESSAGE.length());
        assertThat(SpoolDataLock.tryLock(data)).isEmpty(); // still held after reading
        item.done(CompletionStatus.RETRY);

        try (SpoolDataLock tool = SpoolDataLock.tryLock(data).orElseThrow()) { // a queue tool at work
            assertThat(dequeueOne(queue, Duration.ofSeconds(1))).isNull();
        }
        assertThat(dequeueOne(queue, Duration.ofSeconds(10)).getMail().getName()).isEqualTo("m");
    }

    @Test
    void messagesWrittenByAnotherProcessArePickedUpByFlush() throws Exception {
        SpoolMailQueue queue = open();
        SpoolMailQueueFactory other = SpoolMailQueueFactory.open(spool);
        other.createQueue(MailQueueFactory.SPOOL).enQueue(mail("from-cli", SpoolTestMails.MESSAGE));
        other.close();
        assertThat(queue.getSize()).isZero();
        queue.flush();
        assertThat(dequeueOne(queue, WAIT).getMail().getName()).isEqualTo("from-cli");
    }

    @Test
    void aMessageInFlightIsNeverHandedOutAgainWhateverSchedulesIt() throws Exception {
        SpoolMailQueue queue = open();
        int messages = 40;
        for (int i = 0; i < messages; i++) {
            queue.enQueue(mail("m" + i, SpoolTestMails.MESSAGE));
        }
        java.util.Set<String> inFlight = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.List<String> doubled = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.Map<String, Integer> handedOut = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread flusher = new Thread(() -> { // -M, queue runs and requeues all at once
            while (!stop.get()) {
                try {
                    queue.flush();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        flusher.start();
        var subscription = Flux.from(queue.deQueue()).parallel(4).runOn(reactor.core.scheduler.Schedulers.boundedElastic())
            .subscribe(item -> {
                String name = item.getMail().getName();
                if (!inFlight.add(name)) {
                    doubled.add(name);
                }
                handedOut.merge(name, 1, Integer::sum);
                try {
                    Thread.sleep(5);
                    boolean retry = handedOut.get(name) == 1 && name.hashCode() % 2 == 0;
                    inFlight.remove(name);
                    item.done(retry ? CompletionStatus.RETRY : CompletionStatus.SUCCESS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (queue.getSize() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        stop.set(true);
        flusher.join();
        Thread.sleep(300);
        subscription.dispose();
        assertThat(doubled).isEmpty();
        assertThat(queue.getSize()).isZero();
        assertThat(inputFiles()).isEmpty();
        assertThat(handedOut).hasSize(messages);
        handedOut.forEach((name, times) -> assertThat(times).as(name).isEqualTo(name.hashCode() % 2 == 0 ? 2 : 1));
    }
}
