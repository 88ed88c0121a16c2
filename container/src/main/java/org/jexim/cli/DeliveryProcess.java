package org.jexim.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.jexim.conf.model.Configuration;
import org.jexim.conf.translate.Translation;
import org.jexim.conf.translate.Translator;
import org.jexim.queue.SpoolQueueModule;
import org.jexim.queuetools.DaemonQueueOptions;
import org.jexim.queuetools.DeliveryRequestModule;
import org.jexim.queuetools.DeliveryRequests;
import org.jexim.queuetools.QueueRunRequest;
import org.jexim.queuetools.RequestOwner;
import org.jexim.server.JamesLogging;
import org.jexim.server.JeximServer;
import org.jexim.server.ServerPaths;

/**
 * The delivery process a command runs when no daemon does, as Exim forks one for -odi, -M and -q:
 * James's mailet pipeline on the spool, without its SMTP server or WebAdmin, serving only the
 * requests this process files, and stopped once they are done. Its James configuration is the
 * translation of the configure, written under SPOOL/jexim-delivery/PID and removed at the end.
 */
final class DeliveryProcess implements AutoCloseable {
    private final JeximServer server;
    private final Path home;
    private final Path spool;

    private DeliveryProcess(JeximServer server, Path home, Path spool) {
        this.server = server;
        this.home = home;
        this.spool = spool;
    }

    /** Starts it; null (after saying why on stderr) when the configure does not translate. */
    static DeliveryProcess start(Configuration config, CommandLine line) throws Exception {
        Translation translation = Translator.translate(config);
        if (!translation.complete()) {
            TranslateCommand.report(translation, line);
            return null;
        }
        ServerPaths paths = ServerPaths.of(config);
        Path home = paths.spool().resolve("jexim-delivery").resolve(Long.toString(ProcessHandle.current().pid()));
        Path conf = home.resolve("conf");
        Files.createDirectories(conf);
        translation.writeTo(conf);
        Path smtp = conf.resolve("smtpserver.xml");
        if (Files.exists(smtp)) {
            Files.writeString(smtp, Files.readString(smtp).replace("<smtpserver enabled=\"true\"", "<smtpserver enabled=\"false\""));
        }
        JamesLogging.configure(paths.jamesLog());
        LogSetup.install(config, paths);
        org.jexim.smtp.AclEngines.use(config);
        JeximServer server = JeximServer.start(home, paths.spool(), List.of(
            new SpoolQueueModule(paths.spool(), true, false),
            new DeliveryRequestModule(DaemonQueueOptions.NONE, RequestOwner.thisProcess())));
        return new DeliveryProcess(server, home, paths.spool());
    }

    /**
     * Serves one request in a delivery process of this command's own; NOT_TAKEN when the
     * configure cannot be read or translated (the reason is on stderr).
     */
    static DeliveryRequests.Outcome serveOnce(CommandLine line, QueueRunRequest request) throws Exception {
        Configuration config = ConfigLoader.load(line);
        if (config == null) {
            return DeliveryRequests.Outcome.NOT_TAKEN;
        }
        try (DeliveryProcess process = start(config, line)) {
            if (process == null) {
                return DeliveryRequests.Outcome.NOT_TAKEN;
            }
            DeliveryRequests.Outcome outcome = process.serve(request);
            if (outcome != DeliveryRequests.Outcome.DONE) {
                line.err().println("jexim: the delivery process did not take the request within "
                    + DeliverCommand.REQUEST_WAIT.toSeconds() + "s; see " + ServerPaths.of(config).jamesLog());
            }
            return outcome;
        }
    }

    /** Serves the request in this process and returns when it is done. */
    DeliveryRequests.Outcome serve(QueueRunRequest request) throws Exception {
        return new DeliveryRequests(spool).submit(request, DeliverCommand.REQUEST_WAIT, () -> true);
    }

    @Override
    public void close() throws Exception {
        server.close();
        try (Stream<Path> files = Files.walk(home)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
