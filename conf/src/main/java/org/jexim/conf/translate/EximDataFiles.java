package org.jexim.conf.translate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jexim.conf.model.Acl;
import org.jexim.conf.model.AclItem;
import org.jexim.conf.model.AclStatement;
import org.jexim.conf.model.DriverInstance;
import org.jexim.conf.model.NamedList;
import org.jexim.conf.model.OptionSetting;
import org.jexim.conf.model.RetryRule;
import org.jexim.conf.model.RewriteRule;

/**
 * The Exim-side files of the translation, read by jexim's matchers, mailets and hooks: main
 * options, named lists and ACLs (each written once, referred to by name everywhere else),
 * retry rules, rewrite rules and authenticators. {@link TranslatedConfiguration} reads them back.
 */
final class EximDataFiles {
    static final String MAIN = "exim-main.xml";
    static final String LISTS = "exim-lists.xml";
    static final String ACLS = "exim-acls.xml";
    static final String RETRY = "exim-retry.xml";
    static final String REWRITE = "exim-rewrite.xml";
    static final String AUTHENTICATORS = "exim-authenticators.xml";

    private final TranslationContext context;

    EximDataFiles(TranslationContext context) {
        this.context = context;
    }

    XmlElement mainOptions() {
        XmlElement root = new XmlElement("main");
        for (OptionSetting o : context.configuration().mainOptions().values()) {
            context.checkExpansion(o, "main");
            root.comment(context.origin(o.location()));
            XmlElement e = root.child("option").attribute("name", o.name());
            if (o.hidden()) {
                e.attribute("hidden", "true");
            }
            e.text(TranslationContext.text(o));
        }
        // jexim's own macros (JEXIM_DNS_SERVERS ...) are read by the server as they are by -bt
        context.configuration().macros().forEach((name, value) -> {
            if (name.startsWith("JEXIM_")) {
                root.child("macro").attribute("name", name).text(value);
            }
        });
        // Exim's info->local of each transport, which routers consult (manualroute's host list)
        List<String> local = new ArrayList<>();
        for (DriverInstance t : context.configuration().transports()) {
            if (LOCAL_TRANSPORT_DRIVERS.contains(t.driver())) {
                local.add(t.name());
            }
        }
        root.child("local_transports").text(String.join(" ", local));
        return root;
    }

    /** Transport drivers that deliver locally (Exim's info->local). */
    static final java.util.Set<String> LOCAL_TRANSPORT_DRIVERS = java.util.Set.of("appendfile", "pipe", "autoreply", "lmtp");

    XmlElement namedLists() {
        XmlElement root = new XmlElement("namedlists");
        context.configuration().namedLists().forEach((kind, lists) -> {
            for (NamedList list : lists.values()) {
                root.comment(context.origin(list.location()));
                context.checkExpansion(list.value(), list.location(), kind.keyword() + " " + list.name());
                root.child(kind.keyword()).attribute("name", list.name()).text(list.value());
            }
        });
        return root;
    }

    XmlElement acls() {
        XmlElement root = new XmlElement("acls");
        Map<String, Acl> all = new java.util.LinkedHashMap<>(context.configuration().acls());
        all.putAll(context.inlineAcls().acls());
        for (Map.Entry<String, Acl> e : all.entrySet()) {
            Acl acl = e.getValue();
            root.comment(context.origin(acl.location()));
            XmlElement a = root.child("acl").attribute("name", acl.name());
            for (AclStatement s : acl.statements()) {
                a.comment(context.origin(s.location()));
                XmlElement st = a.child("statement").attribute("verb", s.verb().keyword());
                for (AclItem item : s.items()) {
                    context.checkExpansion(item.value(), item.location(), "ACL " + item.name());
                    if (item.location() != null && !item.location().equals(s.location())) {
                        st.comment(context.origin(item.location()));
                    }
                    XmlElement i = st.child(item.modifier() ? "modifier" : "condition").attribute("name", item.name());
                    if (item.negated()) {
                        i.attribute("negated", "true");
                    }
                    i.text(item.value() == null ? "" : item.value());
                }
            }
        }
        return root;
    }

    XmlElement retryRules() {
        XmlElement root = new XmlElement("retry");
        root.comment("read by the spool queue for its retry schedule");
        for (RetryRule r : context.configuration().retryRules()) {
            root.comment(context.origin(r.location()));
            XmlElement rule = root.child("rule").attribute("pattern", r.pattern()).attribute("error", r.error());
            if (r.senders() != null) {
                rule.attribute("senders", r.senders());
            }
            for (RetryRule.Parameters p : r.parameters()) {
                XmlElement param = rule.child("parameters").attribute("algorithm", String.valueOf(p.algorithm()))
                        .attribute("cutoff", Long.toString(p.cutoffSeconds()))
                        .attribute("interval", Long.toString(p.intervalSeconds()));
                if (p.algorithm() != 'F') {
                    param.attribute("factor", Double.toString(p.factor()));
                }
            }
        }
        return root;
    }

    XmlElement rewriteRules() {
        XmlElement root = new XmlElement("rewrite");
        for (RewriteRule r : context.configuration().rewriteRules()) {
            root.comment(context.origin(r.location()));
            root.child("rule").attribute("pattern", r.pattern()).attribute("replacement", r.replacement())
                    .attribute("flags", r.flags() == null ? "" : r.flags());
        }
        return root;
    }

    /** Authenticator drivers whose server side jexim runs (org.jexim.smtp.auth). */
    static final List<String> SERVER_DRIVERS = List.of("plaintext", "cram_md5", "external");
    /** Why the other drivers of Exim 4.96 have no server side here. */
    static final Map<String, String> UNSUPPORTED_DRIVERS = Map.of(
            "dovecot", "it needs Dovecot's auth socket protocol, which jexim does not speak; "
                    + "use plaintext with server_condition instead",
            "cyrus_sasl", "Cyrus SASL is a C library jexim cannot call; use plaintext with ${if saslauthd{...}}",
            "gsasl", "GNU SASL is a C library jexim cannot call; use plaintext or cram_md5",
            "heimdal_gssapi", "Kerberos GSSAPI is not supported",
            "spa", "NTLM (SPA) is not supported",
            "tls", "use the external driver, which jexim supports, for client certificates");

    XmlElement authenticators() {
        XmlElement root = new XmlElement("authenticators");
        for (DriverInstance a : context.configuration().authenticators()) {
            root.comment(context.origin(a.location()));
            XmlElement e = root.child("authenticator").attribute("name", a.name()).attribute("driver", a.driver());
            List<String> serverOptions = new ArrayList<>();
            for (OptionSetting o : a.options().values()) {
                if (o.name().equals("driver")) {
                    continue;
                }
                context.checkExpansion(o, a.name() + " authenticator");
                if (o.name().startsWith("server_")) {
                    serverOptions.add(o.name());
                }
                e.comment(context.origin(o.location()));
                e.child("option").attribute("name", o.name()).text(TranslationContext.text(o));
            }
            if (!serverOptions.isEmpty() && !SERVER_DRIVERS.contains(a.driver())) {
                context.problem(a.location(), a.name() + " authenticator: the " + a.driver()
                        + " driver has no server side in jexim (" + String.join(", ", serverOptions) + "); "
                        + UNSUPPORTED_DRIVERS.getOrDefault(a.driver(), "server authenticators: " + String.join(", ", SERVER_DRIVERS)));
            }
        }
        return root;
    }
}
