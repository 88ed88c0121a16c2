package org.jexim.mailets;

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
import org.jexim.retry.RetryKeys;
import org.jexim.runtime.JeximRuntime;
import org.jexim.transport.Delivery;
import org.jexim.transport.DeliveryLog;
import org.jexim.transport.DeliveryResult;
import org.jexim.transport.MessageSource;
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
    private FirstPassQueueing firstPass;
    private RetryRecords retry;
    private boolean retryUseLocalPart;
    private boolean includeSender;
    /** Exim's ERRNO_LRETRY: a local delivery whose retry record is not due. */
    private static final DeliveryResult LOCAL_NOT_DUE = DeliveryResult.defer("Retry time not yet reached").withErrno(-53);
    /** Exim's ERRNO_RCPT4XX. */
    private static final int RCPT_4XX = -44;

    private final org.jexim.transport.WaitingDeliveries waiting;

    public Transport(JeximRuntime runtime, DeliveryLog log) {
        this(runtime, log, new org.jexim.transport.WaitingDeliveries.None());
    }

    @Inject
    public Transport(JeximRuntime runtime, DeliveryLog log, org.jexim.transport.WaitingDeliveries waiting) {
        this.runtime = runtime;
        this.log = log;
        this.waiting = waiting;
    }

    @Override
    public void init() throws MessagingException {
        String name = getInitParameter("name");
        String driver = getInitParameter("driver");
        if (name == null || driver == null) {
            throw new MessagingException("org.jexim.mailets.Transport needs <name> and <driver>");
        }
        Map<String, String> options = MailetOptions.of(getMailetConfig());
        transport = TransportFactory.create(name, driver, options, services(runtime, log, waiting), runtime.retryRules());
        shadow = ShadowTransport.of(options, services(runtime, log), runtime.retryRules());
        disableLogging = org.jexim.conf.translate.OptionTexts.bool(options.get("disable_logging"), false);
        firstPass = new FirstPassQueueing(runtime);
        retry = new RetryRecords(runtime);
        retryUseLocalPart = org.jexim.conf.translate.OptionTexts.bool(options.get("retry_use_local_part"), transport.local());
        includeSender = org.jexim.conf.translate.OptionTexts.bool(options.get("address_retry_include_sender"), true);
        if (transport instanceof org.jexim.transport.SubmitsMessages submits) {
            submits.sender(new ReplySubmitter(getMailetContext()));
        }
    }

    /**
     * The transport's results for the deliveries; addresses that queue_smtp_domains keeps for a queue
     * run, and those whose local transport retry record is not due, are not given to it.
     */
    private List<DeliveryResult> deliver(Mail mail, List<AddressItem> items, List<Delivery> deliveries,
                                         RoutingContext context) {
        boolean retryChecked = transport.local() && RetryRecords.checked(mail);
        java.time.Instant now = java.time.Instant.now();
        List<Delivery> ready = new ArrayList<>();
        List<Integer> readyIndex = new ArrayList<>();
        DeliveryResult[] results = new DeliveryResult[items.size()];
        for (int i = 0; i < items.size(); i++) {
            AddressItem item = items.get(i);
            if (!transport.local() && firstPass.waits(mail, item, context)) {
                results[i] = FirstPassQueueing.WAIT;
            } else if (retryChecked && retry.notDue(List.of(localRetryKey(item)), now).isPresent()) {
                results[i] = LOCAL_NOT_DUE;
            } else {
                ready.add(deliveries.get(i));
                readyIndex.add(i);
            }
        }
        List<Delivery> routedOnly = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (results[i] == FirstPassQueueing.WAIT) {
                routedOnly.add(deliveries.get(i));
            }
        }
        if (!routedOnly.isEmpty()) {
            transport.routedOnly(routedOnly);
        }
        if (!ready.isEmpty()) {
            List<DeliveryResult> done = transport.deliverAll(ready);
            for (int k = 0; k < ready.size(); k++) {
                results[readyIndex.get(k)] = done.get(k);
            }
        }
        return List.of(results);
    }

    /** Exim's key for a local transport's deferral: T:local@domain, or T:domain without retry_use_local_part. */
    private String localRetryKey(AddressItem item) {
        return retryUseLocalPart ? RetryKeys.localTransport(item.address()) : RetryKeys.localTransport(item.domain());
    }

    /**
     * The retry record a deferral writes (Exim's retry_add_item): a local transport's T: key, a
     * remote RCPT 4xx's R: key (with the sender unless address_retry_include_sender is false);
     * a host problem has its own host hints; an address skipped as not due writes none.
     */
    private AddressItem withRetryRecord(AddressItem item, DeliveryResult result, String sender) {
        if (result == LOCAL_NOT_DUE) {
            return retry.notDue(List.of(localRetryKey(item)), java.time.Instant.now())
                    .map(t -> item.with(RetryRecords.WAIT, Long.toString(t.getEpochSecond()))).orElse(item);
        }
        String errno = Integer.toString(result.errno());
        if (transport.local()) {
            return item.with(RetryRecords.KEY, localRetryKey(item)).with(RetryRecords.ERRNO, errno);
        }
        if (result.errno() == RCPT_4XX) {
            return item.with(RetryRecords.KEY, includeSender ? RetryKeys.addressWithSender(item.address(), sender)
                    : RetryKeys.routingAddress(item.address())).with(RetryRecords.ERRNO, errno);
        }
        return item;
    }

    /** The address with the message's DSN requests, which the smtp transport passes on. */
    private static AddressItem withDsn(AddressItem item, MailDsn dsn) {
        AddressItem a = item;
        String notify = dsn.notifyParameter(item);
        if (!notify.isEmpty()) {
            a = a.with(org.jexim.transport.DsnVariables.NOTIFY, notify);
        }
        String orcpt = dsn.orcpt(item);
        if (orcpt != null) {
            a = a.with(org.jexim.transport.DsnVariables.ORCPT, orcpt);
        }
        org.jexim.bounce.DsnEnvelope envelope = dsn.envelope();
        if (envelope.ret() != null) {
            a = a.with(org.jexim.transport.DsnVariables.RET, envelope.ret());
        }
        if (envelope.envid() != null) {
            a = a.with(org.jexim.transport.DsnVariables.ENVID, envelope.envid());
        }
        return a;
    }

    private static final org.apache.mailet.AttributeName DONT_DELIVER = org.apache.mailet.AttributeName.of("exim.spool.N");

    @Override
    public String getMailetInfo() {
        return "jexim transport " + (transport == null ? "" : transport.name());
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        MessageSource message = MessageSource.measured(source(mail));
        RoutingContext context = RouterContexts.of(runtime, mail);
        String returnPath = mail.getMaybeSender().asString("");
        RecipientGroups groups = new RecipientGroups();
        List<AddressItem> items = new ArrayList<>();
        List<Delivery> deliveries = new ArrayList<>();
        MailDsn dsn = MailDsn.of(mail);
        boolean forced = RetryRecords.forced(mail);
        for (MailAddress recipient : mail.getRecipients()) {
            AddressItem item = AddressAttributes.get(mail, recipient);
            items.add(item);
            AddressItem given = withDsn(item, dsn);
            deliveries.add(new Delivery(message, returnPath, forced ? given.with(Delivery.FORCED, "yes") : given, context));
        }
        if (mail.getAttribute(DONT_DELIVER).isPresent()) {
            fakeDeliveries(mail, items);
            return;
        }
        long start = System.nanoTime();
        List<DeliveryResult> results = deliver(mail, items, deliveries, context);
        List<AddressItem> delivered = new ArrayList<>();
        java.time.Duration took = java.time.Duration.ofNanos(System.nanoTime() - start); // DT= of the log lines
        List<String> shadowed = shadow == null ? null : shadow.run(deliveries, results);
        DeliveryLog log = disableLogging ? new UnloggedDeliveries(this.log.took(took)) : this.log.took(took);
        for (int i = 0; i < items.size(); i++) {
            AddressItem item = items.get(i);
            DeliveryResult result = results.get(i);
            String router = item.variables().get(Outcomes.ROUTER);
            switch (result.kind()) {
                case OK -> {
                    log.delivered(RouterContexts.messageId(mail), item, router,
                            shadowed == null || shadowed.get(i) == null ? transport.name() : transport.name() + shadowed.get(i),
                            result);
                    delivered.add(item);
                    retry.delivered(item, returnPath);
                }
                case DEFER -> {
                    // Exim's -qq first pass writes no line for a deferral without an error number
                    if (!(FirstPassQueueing.twoStage(mail) && (result == FirstPassQueueing.WAIT || result.errno() == 0))) {
                        log.deferred(RouterContexts.messageId(mail), item, router, transport.name(), result);
                    }
                    AddressItem deferred = withRetryRecord(item, result, returnPath).with(Outcomes.MESSAGE, result.message())
                            .with(Outcomes.FAILED_IN, transport.local() ? "local" : "remote");
                    if (result == FirstPassQueueing.WAIT) { // routed only: no delivery was attempted
                        deferred = deferred.without(Outcomes.FAILED_IN).with(Defer.WHOLE_MESSAGE, "yes")
                                .with(FirstPassQueueing.FOR_QUEUE_RUN, "yes");
                    }
                    groups.send(Outcomes.DEFER, result.freeze() ? deferred.with(Outcomes.FREEZE, "yes") : deferred);
                    groups.error(Outcomes.DEFER, item.address() + ": " + result.message());
                }
                case FAIL -> {
                    log.failed(RouterContexts.messageId(mail), item, router, transport.name(), result);
                    // a local transport's own text stays in the log unless it gave one for the sender (pipe's)
                    AddressItem failed = item.with(Outcomes.MESSAGE, result.userMessage() != null ? result.userMessage()
                                    : transport.local() ? "" : result.message())
                            .with(Outcomes.FAILED_IN, transport.local() ? "local" : "remote");
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
        if (transport.local() && !delivered.isEmpty()) {
            // NOTIFY=SUCCESS ends here (a remote host that offers DSN got the request passed on)
            new SuccessNotifier(runtime, this.log, getMailetContext()).delivered(mail, delivered);
        }
        groups.apply(mail, getMailetContext());
    }

    /** -N (the -H flag -N): Exim goes through delivery without running the transport, and logs {@code *>}. */
    private void fakeDeliveries(Mail mail, List<AddressItem> items) throws MessagingException {
        DeliveryLog log = disableLogging ? new UnloggedDeliveries(this.log) : this.log;
        for (AddressItem item : items) {
            log.fakeDelivered(RouterContexts.messageId(mail), item, item.variables().get(Outcomes.ROUTER), transport.name());
        }
        new RecipientGroups().apply(mail, getMailetContext());
    }

    /**
     * The authenticators, the host retry hints (in the spool's db/ as Exim keeps them) of the server, and
     * the main log for the hosts a remote transport could not use.
     */
    static TransportServices services(JeximRuntime runtime, DeliveryLog log) {
        return services(runtime, log, new org.jexim.transport.WaitingDeliveries.None());
    }

    static TransportServices services(JeximRuntime runtime, DeliveryLog log, org.jexim.transport.WaitingDeliveries waiting) {
        Path spool = Path.of(runtime.mainOption("spool_directory").orElse("var/spool"));
        return new TransportServices(runtime.authenticators(), HostRetryHints.at(spool.resolve("db/jexim-retry")),
                Clock.systemDefaultZone(), log::message, waiting);
    }

    /**
     * The message streamed from the mail each time a transport writes it (from the spool file when
     * the queue gave it), never copied whole into memory.
     */
    static MessageSource source(Mail mail) {
        return out -> {
            try {
                mail.getMessage().writeTo(out);
            } catch (MessagingException e) {
                throw new IOException("cannot read message " + mail.getName() + ": " + e.getMessage(), e);
            }
        };
    }
}
