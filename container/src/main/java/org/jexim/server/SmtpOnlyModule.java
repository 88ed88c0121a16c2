package org.jexim.server;

import com.google.inject.Module;
import com.google.inject.util.Modules;
import org.apache.commons.configuration2.BaseHierarchicalConfiguration;
import org.apache.james.modules.BlobExportMechanismModule;
import org.apache.james.modules.BlobMemoryModule;
import org.apache.james.modules.MailboxModule;
import org.apache.james.modules.MailetProcessingModule;
import org.apache.james.modules.data.MemoryDataModule;
import org.apache.james.modules.data.MemoryDelegationStoreModule;
import org.apache.james.modules.eventstore.MemoryEventStoreModule;
import org.apache.james.modules.mailbox.MemoryMailboxModule;
import org.apache.james.modules.protocols.ProtocolHandlerModule;
import org.apache.james.modules.protocols.SMTPServerModule;
import org.apache.james.modules.queue.memory.MemoryMailQueueModule;
import org.apache.james.modules.server.MailetContainerModule;
import org.apache.james.modules.server.RawPostDequeueDecoratorModule;
import org.apache.james.modules.server.TaskManagerModule;
import org.apache.james.modules.vault.DeletedMessageVaultModule;

/**
 * James 3.8.1's MemoryJamesServerMain.SMTP_ONLY_MODULE, built here: reading that constant runs
 * the class's static initialiser, which also builds the IMAP, JMAP and WebAdmin modules jexim does
 * not use and a JWT configuration (BouncyCastle's signed jar verified at every start).
 */
final class SmtpOnlyModule {
    private SmtpOnlyModule() {
    }

    /** The same modules, in the same order, as MemoryJamesServerMain.SMTP_ONLY_MODULE. */
    static Module create() {
        return Modules.combine(
                Modules.combine(new MailetProcessingModule(), new MemoryDelegationStoreModule(), new BlobMemoryModule(),
                        new DeletedMessageVaultModule(), new BlobExportMechanismModule(), new MailboxModule(),
                        new MemoryDataModule(), new MemoryEventStoreModule(), new MemoryMailboxModule(),
                        new MemoryMailQueueModule(), new TaskManagerModule()),
                new ProtocolHandlerModule(),
                new SMTPServerModule(),
                new RawPostDequeueDecoratorModule(),
                binder -> binder.bind(MailetContainerModule.DefaultProcessorsConfigurationSupplier.class)
                        .toInstance(BaseHierarchicalConfiguration::new));
    }
}
