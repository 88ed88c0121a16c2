package org.jexim.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.james.queue.api.MailQueueFactory;
import org.apache.james.queue.api.MailQueueItemDecoratorFactory;
import org.apache.james.queue.api.ManageableMailQueue;
import org.apache.james.queue.api.RawMailQueueItemDecoratorFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;

class SpoolQueueModuleTest {
    @TempDir
    Path spool;

    @Test
    void bindsEveryMailQueueFactoryKeyJamesInjectsToOneSpoolFactory() throws Exception {
        Injector injector = Guice.createInjector(new SpoolQueueModule(spool), new AbstractModule() {
            @Override
            protected void configure() {
                bind(MailQueueItemDecoratorFactory.class).to(RawMailQueueItemDecoratorFactory.class);
            }
        });
        MailQueueFactory<?> plain = injector.getInstance(new Key<MailQueueFactory<?>>() { });
        MailQueueFactory<? extends ManageableMailQueue> manageable =
            injector.getInstance(Key.get(new TypeLiteral<MailQueueFactory<? extends ManageableMailQueue>>() { }));
        assertThat(plain).isInstanceOf(SpoolMailQueueFactory.class).isSameAs(manageable);
        plain.createQueue(MailQueueFactory.SPOOL).enQueue(SpoolTestMails.mail("m", SpoolTestMails.MESSAGE));
        try (var files = Files.list(spool.resolve("input"))) {
            assertThat(files.count()).isEqualTo(2);
        }
        ((SpoolMailQueueFactory) plain).close();
    }
}
