package org.jexim.log;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.util.Optional;
import org.jexim.queue.SpoolJournal;
import org.jexim.transport.DeliveryLog;

/**
 * Binds the transports' {@link DeliveryLog} to {@link EximDeliveryLog}: Exim's mainlog lines and
 * the spool's -J journal of delivered addresses.
 */
public final class DeliveryLogModule extends AbstractModule {
    @Provides
    @Singleton
    DeliveryLog deliveryLog(SpoolJournal journal) {
        // every implemented transport is local (appendfile); smtp/lmtp will need their names here
        return new EximDeliveryLog(EximLog.main(), Optional.of(journal), transport -> true);
    }
}
