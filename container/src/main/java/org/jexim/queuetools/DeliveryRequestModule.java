package org.jexim.queuetools;

import com.google.inject.AbstractModule;

/**
 * Guice module that runs the {@link DeliveryRequestWatcher} in the daemon, beside
 * {@code SpoolQueueModule}, so that -M can ask the running daemon to deliver now.
 */
public final class DeliveryRequestModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(DeliveryRequestWatcher.class).asEagerSingleton();
    }
}
