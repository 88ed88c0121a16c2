package org.jexim.smtp.wire;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import org.apache.james.smtpserver.netty.SMTPServerFactory;

/** Guice override: the SMTP servers of smtpserver.xml are {@link EximSmtpServer}s. */
public final class EximSmtpServerModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(EximSmtpServerFactory.class).in(Scopes.SINGLETON);
        bind(SMTPServerFactory.class).to(EximSmtpServerFactory.class);
    }
}
