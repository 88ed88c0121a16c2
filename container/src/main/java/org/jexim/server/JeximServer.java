package org.jexim.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.james.FakeSearchMailboxModule;
import org.apache.james.GuiceJamesServer;
import org.apache.james.MemoryJamesConfiguration;
import org.apache.james.modules.data.MemoryUsersRepositoryModule;
import com.google.inject.Module;
import org.jexim.log.DeliveryLogModule;
import org.jexim.queue.SpoolQueueModule;
import org.jexim.queuetools.DeliveryRequestModule;

/**
 * The embedded James server: the SMTP-only assembly of James's memory application (no IMAP,
 * POP3, JMAP, LMTP or ManageSieve), reading its configuration from {@code WORKDIR/conf}, where
 * the translation of the configure file was written.
 */
public final class JeximServer implements AutoCloseable {
    private final GuiceJamesServer james;

    private JeximServer(GuiceJamesServer james) {
        this.james = james;
    }

    /**
     * Starts James on the translated configuration under {@code workingDirectory/conf}, with
     * its queues on Exim's spool in {@code spool} (messages are on disk before 250).
     */
    public static JeximServer start(Path workingDirectory, Path spool, List<Module> overrides) throws Exception {
        org.jexim.smtp.tls.SelfSignedCertificate.ensure(workingDirectory.resolve("conf"));
        MemoryJamesConfiguration configuration = MemoryJamesConfiguration.builder()
                .workingDirectory(workingDirectory.toFile())
                .build();
        List<Module> all = new ArrayList<>(overrides);
        if (overrides.stream().noneMatch(SpoolQueueModule.class::isInstance)) {
            all.add(new SpoolQueueModule(spool));
        }
        if (overrides.stream().noneMatch(DeliveryRequestModule.class::isInstance)) {
            all.add(new DeliveryRequestModule()); // -M and -q reach the daemon through the spool
        }
        all.add(new DeliveryLogModule());
        all.add(new org.jexim.smtp.wire.EximSmtpServerModule()); // Exim's reading of SMTP input
        // James's WebAdmin: queues, mail repositories, users and domains (off unless webadmin.properties enables it)
        all.add(new org.apache.james.modules.server.WebAdminServerModule());
        all.add(new org.apache.james.modules.server.NoJwtModule()); // no JWT: WebAdmin listens on 127.0.0.1 only
        all.add(new org.apache.james.modules.server.DataRoutesModules());
        all.add(new org.apache.james.modules.server.MailQueueRoutesModule());
        all.add(new org.apache.james.modules.server.MailRepositoriesRoutesModule());
        GuiceJamesServer james = GuiceJamesServer.forConfiguration(configuration)
                .combineWith(SmtpOnlyModule.create(), new MemoryUsersRepositoryModule(),
                        new FakeSearchMailboxModule())
                .overrideWith(all);
        james.start();
        return new JeximServer(james);
    }

    @Override
    public void close() {
        james.stop();
    }
}
