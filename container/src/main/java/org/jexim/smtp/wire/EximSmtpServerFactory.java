package org.jexim.smtp.wire;

import javax.inject.Inject;
import org.apache.james.dnsservice.api.DNSService;
import org.apache.james.filesystem.api.FileSystem;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.protocols.lib.handler.ProtocolHandlerLoader;
import org.apache.james.smtpserver.netty.SMTPServer;
import org.apache.james.smtpserver.netty.SMTPServerFactory;
import org.jexim.runtime.JeximRuntime;
import org.jexim.smtp.BdatGate;
import org.jexim.smtp.ConnectionAdmission;
import org.jexim.smtp.NonmailGate;
import org.jexim.smtp.ReceiveTimeoutReply;
import org.jexim.smtp.SyncCheck;

/** James's SMTP server factory making {@link EximSmtpServer}s: smtpserver.xml is read as before. */
public final class EximSmtpServerFactory extends SMTPServerFactory {
    private final CommandGate gate;
    private final Admission admission;
    private final IdleReply idle;

    @Inject
    public EximSmtpServerFactory(DNSService dns, ProtocolHandlerLoader loader, FileSystem fileSystem,
                                 MetricFactory metricFactory, JeximRuntime runtime) {
        super(dns, loader, fileSystem, metricFactory);
        this.gate = new NonmailGate(runtime).then(new SyncCheck(runtime)).then(new BdatGate(runtime));
        this.admission = new ConnectionAdmission(runtime);
        this.idle = new ReceiveTimeoutReply(runtime);
    }

    @Override
    protected SMTPServer createServer() {
        return new EximSmtpServer(smtpMetrics, gate, admission, idle);
    }
}
