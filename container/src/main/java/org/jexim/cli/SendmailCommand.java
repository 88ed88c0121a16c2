package org.jexim.cli;

import java.nio.file.Files;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.james.queue.api.MailQueueFactory;
import org.jexim.acl.AclEngine;
import org.jexim.conf.lists.NamedLists;
import org.jexim.conf.model.Configuration;
import org.jexim.conf.model.ListKind;
import org.jexim.conf.model.NamedList;
import org.jexim.queue.SpoolMailQueueFactory;
import org.jexim.queuetools.DeliveryRequests;
import org.jexim.queuetools.QueueRunRequest;
import org.jexim.server.ServerPaths;
import org.jexim.submit.Caller;
import org.jexim.submit.LocalSubmission;
import org.jexim.submit.NotSmtpAcl;
import org.jexim.submit.SubmitRequest;
import org.jexim.submit.SubmitSettings;

/**
 * -bm, and jexim called as sendmail with recipients or -t: reads one message on stdin and puts it
 * on the spool as Exim does for a local submission, then asks the running daemon to deliver it
 * (unless -odq or queue_only); -odi waits until the daemon has delivered it. Without a running
 * daemon the message waits on the queue for the next daemon start or queue run.
 */
final class SendmailCommand extends LoggedCommand {
    private static final Duration HAND_OVER = Duration.ofSeconds(10);
    private static final Duration INTERACTIVE_WAIT = Duration.ofSeconds(60);

    @Override
    int run(CommandLine line, Configuration config, ServerPaths paths) throws Exception {
        SubmitSettings settings = SubmitSettings.of(config);
        SubmitRequest request = SubmitOptions.of(line);
        LocalSubmission.Outcome outcome = submit(config, settings, paths, request, line.in(), line, true);
        if (outcome.messageId().isPresent() && shouldDeliver(request, settings)) {
            deliver(outcome.messageId().get(), request, paths, line);
        }
        return outcome.status();
    }

    /**
     * Puts one message read from {@code in} on the spool as a local submission; -bs uses it for
     * each message, without the non-SMTP ACLs ({@code notSmtpAcls} false: its SMTP ACLs ran).
     */
    static LocalSubmission.Outcome submit(Configuration config, SubmitSettings settings, ServerPaths paths,
                                          SubmitRequest request, java.io.InputStream in, CommandLine line,
                                          boolean notSmtpAcls) throws Exception {
        // the non-SMTP ACLs see the main options and write their logwrite lines, as the SMTP ones do
        AclEngine engine = new AclEngine(config.acls(), new org.jexim.acl.AclServices(new ConfigurationLists(config, settings),
            settings::option).withLog(new org.jexim.smtp.EximAclLog()));
        NotSmtpAcl acl = new NotSmtpAcl(engine,
            notSmtpAcls ? settings.option("acl_not_smtp_start") : Optional.empty(),
            notSmtpAcls ? settings.option("acl_not_smtp") : Optional.empty(),
            notSmtpAcls ? settings.option("acl_not_smtp_mime") : Optional.empty());
        SpoolMailQueueFactory spool = SpoolMailQueueFactory.open(paths.spool());
        try {
            LocalSubmission submission = new LocalSubmission(settings, acl,
                LocalSubmission.contexts(line.configFile(), settings.setOptions(), lists(config)),
                mail -> spool.createQueue(MailQueueFactory.SPOOL).enQueue(mail), Caller.current(), line.err());
            return submission.submit(request, in);
        } finally {
            spool.close();
        }
    }

    static boolean shouldDeliver(SubmitRequest request, SubmitSettings settings) {
        return switch (request.deliveryMode()) {
            case QUEUE -> false;
            case INTERACTIVE, BACKGROUND -> true;
            case DEFAULT -> !settings.bool("queue_only");
        };
    }

    /**
     * Hands the message to the daemon (-odi also waits until it has left the spool); with no
     * daemon, -odi delivers it in a {@link DeliveryProcess} of this command, and -odb (the
     * default) starts {@code jexim -M ID} in the background, as Exim forks its delivery.
     */
    static void deliver(String id, SubmitRequest request, ServerPaths paths, CommandLine line) throws Exception {
        boolean interactive = request.deliveryMode() == SubmitRequest.DeliveryMode.INTERACTIVE;
        if (!DaemonStatus.running(paths.pidFile())) {
            if (interactive) {
                DeliveryProcess.serveOnce(line, QueueRunRequest.deliver(true, List.of(id)));
            } else {
                Files.createDirectories(paths.logDirectory());
                new ProcessBuilder(SelfCommand.of(line, List.of("-M", id)))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(paths.logDirectory().resolve("jexim-delivery.out").toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            }
            return;
        }
        new DeliveryRequests(paths.spool()).request(id, HAND_OVER);
        if (interactive) {
            java.nio.file.Path header = paths.spool().resolve("input").resolve(id + "-H");
            long deadline = System.nanoTime() + INTERACTIVE_WAIT.toNanos();
            while (Files.exists(header) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }
    }

    private static NamedLists lists(Configuration c) {
        Map<ListKind, Map<String, String>> lists = new EnumMap<>(ListKind.class);
        for (Map.Entry<ListKind, Map<String, NamedList>> e : c.namedLists().entrySet()) {
            Map<String, String> m = new LinkedHashMap<>();
            e.getValue().forEach((name, list) -> m.put(name, list.value()));
            lists.put(e.getKey(), m);
        }
        return NamedLists.of(lists);
    }

    /** The configure's named lists for the ACL engine. */
    private record ConfigurationLists(Configuration config, SubmitSettings settings) implements org.jexim.lists.ListContext {
        @Override
        public Optional<String> namedList(ListKind kind, String name) {
            return config.namedList(kind, name).map(NamedList::value);
        }

        @Override
        public String primaryHostname() {
            return settings.primaryHostname();
        }
    }
}
