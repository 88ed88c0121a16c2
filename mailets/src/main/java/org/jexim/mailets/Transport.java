package org.jexim.mailets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import javax.mail.MessagingException;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.jexim.address.AddressAttributes;
import org.jexim.address.AddressItem;
import org.jexim.address.RoutingContext;
import org.jexim.matchers.RouterContexts;
import org.jexim.retry.HostRetryHints;
import org.jexim.runtime.JeximRuntime;
import org.jexim.transport.Delivery;
import org.jexim.transport.DeliveryLog;
import org.jexim.transport.DeliveryResult;
import org.jexim.transport.TransportFactory;
import org.jexim.transport.TransportServices;

/**
 * One Exim transport: delivers each recipient that a router gave it; deferred recipients go to
 * {@code defer}, failed ones to {@code bounce}. Written by the translator as the only mailet
 * of the processor {@code transport-NAME}, with every option of the transport:
 * <pre>{@code
 * <processor state="transport-local_delivery">
 *   <mailet match="All" class="org.jexim.mailets.Transport">
 *     <name>local_delivery</name>
 *     <driver>appendfile</driver>
 *     <directory>/var/mail/$local_part_data</directory>
 *     <maildir_format>true</maildir_format>
 *   </mailet>
 * </processor>
 * }</pre>
 */
public final class Transport extends GenericMailet {
    private final JeximRuntime runtime;
    private final DeliveryLog log;
    private org.jexim.transport.Transport transport;
    private ShadowTransport shadow;
    private boolean disableLogging;

    @Inject
    public Transport(JeximRuntime runtime, DeliveryLog log) {
        this.runtime = runtime;
        this.log = log;
    }

    @Override
    public void init() throws MessagingException {
        String name = getInitParameter("name");
        String driver = getInitParameter("driver");
        if (name == null || driver == null) {
            throw new MessagingException("org.jexim.mailets.Transport needs <name> and <driver>");
        }
        Map<String, String> options = MailetOptions.of(getMailetConfig());
        transport = TransportFactory.create(name, driver, options, services(runtime), runtime.retryRules());
        shadow = ShadowTransport.of(options, services(runtime), runtime.retryRules());
        disableLogging = org.jexim.conf.translate.OptionTexts.bool(options.get("disable_logging"), false);
        if (transport instanceof org.jexim.transport.AutoreplyTransport autoreply) {
            autoreply.sender(new ReplySubmitter(getMailetContext()));
        }
    }

    @Override
    public String getMailetInfo() {
        return "jexim transport " + (transport == null ? "" : transport.name());
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        byte[] message = bytes(mail);
        RoutingContext context = RouterContexts.of(runtime, mail);
        String returnPath = mail.getMaybeSender().asString("");
        RecipientGroups groups = new RecipientGroups();
        List<AddressItem> items = new ArrayList<>();
        List<Delivery> deliveries = new ArrayList<>();
        for (MailAddress recipient : mail.getRecipients()) {
            AddressItem item = AddressAttributes.get(mail, recipient);
            items.add(item);
            deliveries.add(new Delivery(message, returnPath, item, context));
        }
        long start = System.nanoTime();
        List<DeliveryResult> results = transport.deliverAll(deliveries);
        java.time.Duration took = java.time.Duration.ofNanos(System.nanoTime() - start); // DT= of the log lines
        List<String> shadowed = shadow == null ? null : shadow.run(deliveries, results);
        DeliveryLog log = disableLogging ? new UnloggedDeliveries(this.log.took(took)) : this.log.took(took);
        for (int i = 0; i < items.size(); i++) {
            AddressItem item = items.get(i);
            DeliveryResult result = results.get(i);
            String router = item.variables().get(Outcomes.ROUTER);
            switch (result.kind()) {
                case OK -> log.delivered(RouterContexts.messageId(mail), item, router,
                        shadowed == null || shadowed.get(i) == null ? transport.name() : transport.name() + shadowed.get(i),
                        result);
                case DEFER -> {
                    log.deferred(RouterContexts.messageId(mail), item, router, transport.name(), result);
                    groups.send(Outcomes.DEFER, item.with(Outcomes.MESSAGE, result.message()));
                    groups.error(Outcomes.DEFER, item.address() + ": " + result.message());
                }
                case FAIL -> {
                    log.failed(RouterContexts.messageId(mail), item, router, transport.name(), result);
                    AddressItem failed = item.with(Outcomes.MESSAGE,
                            transport.local() ? Outcomes.LOCAL_FAILURE
                                    : result.userMessage() == null ? result.message() : result.userMessage());
                    if (result.output() != null) {
                        failed = failed.with(Outcomes.OUTPUT, result.output());
                    }
                    if (result.remote() != null) {
                        failed = failed.with(Outcomes.REMOTE_MTA, result.remote().host())
                                .with(Outcomes.DIAGNOSTIC, result.remote().reply());
                    }
                    groups.send(Outcomes.BOUNCE, failed);
                    groups.error(Outcomes.BOUNCE, item.address() + ": " + result.message());
                }
            }
        }
        groups.apply(mail, getMailetContext());
    }

    /** The authenticators and the host retry hints (in the spool's db/ as Exim keeps them) of the server. */
    static TransportServices services(JeximRuntime runtime) {
        Path spool = Path.of(runtime.mainOption("spool_directory").orElse("var/spool"));
        return new TransportServices(runtime.authenticators(), new HostRetryHints(spool.resolve("db/jexim-retry")),
                Clock.systemDefaultZone());
    }

    private static byte[] bytes(Mail mail) throws MessagingException {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            mail.getMessage().writeTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new MessagingException("cannot read message " + mail.getName(), e);
        }
    }
}
