package org.jexim.conf.translate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jexim.conf.model.DriverInstance;
import org.jexim.conf.model.OptionSetting;

/**
 * mailetcontainer.xml: the root processor hands every message to the {@code routers}
 * processor, which holds one matcher+mailet pair per router in configure order (the matcher
 * for its preconditions, an And composite when there are several; the mailet for its driver
 * with all its options); each transport is a processor {@code transport-NAME}; {@code reroute}
 * sends redirected addresses back to the first router, {@code defer} and {@code bounce} take
 * the addresses that routing or delivery deferred or failed.
 */
final class MailetContainerFile {
    /** Router preconditions evaluated by matchers, with the matcher that does it. */
    static final Map<String, String> PRECONDITION_MATCHERS = Map.of(
            "domains", Translator.JEXIM_MATCHERS + "Domains",
            "local_parts", Translator.JEXIM_MATCHERS + "LocalParts");
    /** James's own composite matcher. */
    static final String AND = "org.apache.james.mailetcontainer.impl.matchers.And";
    static final String ERROR_REPOSITORY = "file://var/error/";

    private final TranslationContext context;

    MailetContainerFile(TranslationContext context) {
        this.context = context;
    }

    XmlElement build() {
        XmlElement root = new XmlElement("mailetcontainer").attribute("enableJmx", "false");
        XmlElement ctx = root.child("context");
        String postmasterDomain = context.mainText("qualify_domain")
                .or(() -> context.mainText("primary_hostname")).orElse("localhost");
        ctx.comment("Exim sends postmaster mail to postmaster@qualify_domain");
        ctx.leaf("postmaster", "postmaster@" + postmasterDomain);
        XmlElement spooler = root.child("spooler");
        spooler.leaf("threads", "4");
        spooler.leaf("errorRepository", ERROR_REPOSITORY);
        XmlElement processors = root.child("processors");
        processors.add(rootProcessor());
        processors.add(routersProcessor());
        processors.add(forward("reroute", "routers",
                "addresses made by a redirect router start again at the first router"));
        for (DriverInstance transport : context.configuration().transports()) {
            processors.add(transportProcessor(transport));
        }
        processors.add(deferProcessor());
        processors.add(bounceProcessor());
        processors.add(errorProcessor());
        processors.add(jamesBccCheck());
        return root;
    }

    private XmlElement rootProcessor() {
        XmlElement p = forward("root", "routers", "every message: its recipients go through the routers");
        boolean rewrite = !context.configuration().rewriteRules().isEmpty();
        boolean systemFilter = context.mainText("system_filter").filter(s -> !s.isBlank()).isPresent();
        if (rewrite || systemFilter) {
            XmlElement root = processor("root");
            if (rewrite) {
                root.comment("the rewrite section, applied to the envelope and headers as the message arrives");
                root.child("mailet").attribute("match", "All").attribute("class", Translator.JEXIM_MAILETS + "Rewrite");
            }
            if (systemFilter) {
                root.comment("system_filter: run once per delivery attempt, before routing");
                root.child("mailet").attribute("match", "All").attribute("class", Translator.JEXIM_MAILETS + "SystemFilter");
            }
            root.comment("every message: its recipients go through the routers");
            root.child("mailet").attribute("match", "All").attribute("class", "ToProcessor").leaf("processor", "routers");
            return root;
        }
        return p;
    }

    private static XmlElement forward(String state, String to, String why) {
        XmlElement p = processor(state);
        p.comment(why);
        p.child("mailet").attribute("match", "All").attribute("class", "ToProcessor").leaf("processor", to);
        return p;
    }

    private static XmlElement single(String state, String mailet, String why) {
        XmlElement p = processor(state);
        p.comment(why);
        p.child("mailet").attribute("match", "All").attribute("class", Translator.JEXIM_MAILETS + mailet);
        return p;
    }

    private static XmlElement processor(String state) {
        return new XmlElement("processor").attribute("state", state).attribute("enableJmx", "false");
    }

    private XmlElement routersProcessor() {
        XmlElement p = processor("routers");
        p.comment("Exim's routing retry check: in a queue run, addresses whose R: retry record is not due wait");
        p.child("mailet").attribute("match", "All").attribute("class", Translator.JEXIM_MAILETS + "RoutingRetry");
        p.comment("the routers section, in configure order");
        for (DriverInstance router : context.configuration().routers()) {
            addRouter(p, router);
        }
        p.comment("no router accepted the address: Exim's \"Unrouteable address\"");
        p.child("mailet").attribute("match", "All").attribute("class", Translator.JEXIM_MAILETS + "Unrouteable");
        return p;
    }

    private void addRouter(XmlElement processor, DriverInstance router) {
        List<OptionSetting> preconditions = new ArrayList<>();
        List<OptionSetting> options = new ArrayList<>();
        // local_parts is tested after a prefix or suffix is removed: then the router's own engine
        // tests it (in Exim's order), not a matcher that would see the whole local part
        boolean affix = router.options().containsKey("local_part_prefix")
                || router.options().containsKey("local_part_suffix");
        for (OptionSetting o : router.options().values()) {
            context.checkExpansion(o, router.name() + " router");
            if (!o.name().equals("driver")) {
                boolean matcher = PRECONDITION_MATCHERS.containsKey(o.name())
                        && !(affix && o.name().equals("local_parts"));
                (matcher ? preconditions : options).add(o);
            }
        }
        processor.comment(context.origin(router.location()));
        String match;
        if (preconditions.isEmpty()) {
            match = "All";
        } else if (preconditions.size() == 1) {
            processor.comment(context.origin(preconditions.get(0).location()));
            match = matcher(preconditions.get(0));
        } else {
            match = "router-" + router.name();
            XmlElement and = processor.child("matcher").attribute("name", match).attribute("match", AND);
            for (OptionSetting o : preconditions) {
                and.comment(context.origin(o.location()));
                and.child("matcher").attribute("match", matcher(o));
            }
        }
        XmlElement mailet = processor.child("mailet").attribute("match", match)
                .attribute("class", Translator.JEXIM_MAILETS + "Router");
        nameAndDriver(mailet, router);
        addOptions(mailet, options);
    }

    private void nameAndDriver(XmlElement mailet, DriverInstance instance) {
        mailet.leaf("name", instance.name());
        instance.option("driver").ifPresent(d -> mailet.comment(context.origin(d.location())));
        mailet.leaf("driver", instance.driver());
    }

    private static String matcher(OptionSetting precondition) {
        return PRECONDITION_MATCHERS.get(precondition.name()) + "=" + TranslationContext.text(precondition);
    }

    private void addOptions(XmlElement mailet, List<OptionSetting> options) {
        for (OptionSetting o : options) {
            mailet.comment(context.origin(o.location()));
            mailet.leaf(o.name(), TranslationContext.text(o));
        }
    }

    private XmlElement transportProcessor(DriverInstance transport) {
        XmlElement p = processor("transport-" + transport.name());
        p.comment(context.origin(transport.location()));
        XmlElement mailet = p.child("mailet").attribute("match", "All")
                .attribute("class", Translator.JEXIM_MAILETS + "Transport");
        nameAndDriver(mailet, transport);
        List<OptionSetting> options = new ArrayList<>(transport.options().values());
        options.removeIf(o -> o.name().equals("driver"));
        options.forEach(o -> context.checkExpansion(o, transport.name() + " transport"));
        addOptions(mailet, options);
        // the shadow transport runs inside this mailet after each successful delivery: its options go along
        transport.text("shadow_transport").flatMap(n -> context.configuration().transport(n.strip())).ifPresent(shadow -> {
            mailet.comment("shadow transport " + shadow.name());
            mailet.leaf("shadow.name", shadow.name());
            mailet.leaf("shadow.driver", shadow.driver());
            shadow.options().values().stream().filter(o -> !o.name().equals("driver"))
                    .forEach(o -> mailet.leaf("shadow." + o.name(), TranslationContext.text(o)));
        });
        return p;
    }

    /** Failed addresses: Exim's bounce message to the sender, through the routers. */
    private static XmlElement bounceProcessor() {
        return single("bounce", "Bounce",
                "failed addresses: Exim's bounce message goes to the sender, never to a null sender");
    }

    private static XmlElement deferProcessor() {
        XmlElement p = processor("defer");
        p.comment("deferred addresses wait in the queue for a retry; a spool that cannot be rewritten (a full"
                + " disk) keeps the message as it was, for the queue to offer again, instead of the error processor");
        p.child("mailet").attribute("match", "All").attribute("class", Translator.JEXIM_MAILETS + "Defer")
                .leaf("onMailetException", "propagate");
        return p;
    }

    private static XmlElement errorProcessor() {
        XmlElement p = processor("error");
        p.comment("James's error processor: messages a mailet failed on are kept for the administrator");
        p.child("mailet").attribute("match", "All").attribute("class", "ToRepository")
                .leaf("repositoryPath", ERROR_REPOSITORY);
        return p;
    }

    /** James refuses to start without this pair; no address is ever routed here. */
    private static XmlElement jamesBccCheck() {
        XmlElement p = processor("transport");
        p.comment("required by James's start-up check (MailetContainerModule BCC_Check); never reached, "
                + "jexim's transports are the transport-NAME processors");
        p.child("mailet").attribute("match", "All").attribute("class", "RemoveMimeHeader").leaf("name", "bcc");
        p.child("mailet").attribute("match", "All").attribute("class", "ToProcessor").leaf("processor", "error");
        return p;
    }
}
