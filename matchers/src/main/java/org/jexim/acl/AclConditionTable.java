package org.jexim.acl;

import static org.jexim.acl.AclConditionDef.condition;
import static org.jexim.acl.AclConditionDef.modifier;
import static org.jexim.acl.AclWhere.CONNECT;
import static org.jexim.acl.AclWhere.DATA;
import static org.jexim.acl.AclWhere.DKIM;
import static org.jexim.acl.AclWhere.HELO;
import static org.jexim.acl.AclWhere.MAIL;
import static org.jexim.acl.AclWhere.MIME;
import static org.jexim.acl.AclWhere.NOTQUIT;
import static org.jexim.acl.AclWhere.NOTSMTP;
import static org.jexim.acl.AclWhere.NOTSMTP_START;
import static org.jexim.acl.AclWhere.PRDR;
import static org.jexim.acl.AclWhere.PREDATA;
import static org.jexim.acl.AclWhere.RCPT;
import static org.jexim.acl.AclWhere.VRFY;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jexim.acl.conditions.AddressListCondition;
import org.jexim.acl.conditions.BooleanCondition;
import org.jexim.acl.conditions.DomainsCondition;
import org.jexim.acl.conditions.HostsCondition;
import org.jexim.acl.conditions.LocalPartsCondition;
import org.jexim.acl.conditions.SenderDomainsCondition;
import org.jexim.acl.conditions.StringListCondition;
import org.jexim.acl.modifiers.ControlModifier;
import org.jexim.acl.modifiers.DelayModifier;
import org.jexim.acl.modifiers.HeaderModifiers;
import org.jexim.acl.modifiers.LogModifiers;
import org.jexim.acl.modifiers.QueueModifier;
import org.jexim.acl.modifiers.SetModifier;
import org.jexim.acl.verify.VerifyCondition;
import org.jexim.lists.ListContext;
import org.jexim.lists.ListMatcher;

/**
 * The ACL conditions and modifiers by name, as Exim's conditions[] table in acl.c: each entry
 * says whether its value is expanded first, whether it is a modifier, where it may not be used,
 * and which class does the work. {@link #standard} lists every one jexim knows; to add a
 * condition, write an {@link AclCondition} and add one line there (see notes/s2/acl-api.md).
 */
public final class AclConditionTable {
    private final Map<String, AclConditionDef> defs = new LinkedHashMap<>();
    private final AclServices services;

    public AclConditionTable(AclServices services) {
        this.services = services;
    }

    /** Adds (or replaces) one entry. */
    public AclConditionTable register(AclConditionDef def) {
        defs.put(def.name(), def);
        return this;
    }

    public AclConditionDef get(String name) {
        return defs.get(name);
    }

    public AclServices services() {
        return services;
    }

    /** Every condition and modifier of Exim 4.96 that jexim implements, with Exim's restrictions. */
    static AclConditionTable standard(AclServices services, AclEngine engine) {
        ListContext lists = services.lists();
        Set<AclWhere> senderForbidden = Set.of(AclWhere.AUTH, CONNECT, HELO, AclWhere.MAILAUTH, AclWhere.QUIT,
                AclWhere.ETRN, AclWhere.EXPN, AclWhere.STARTTLS, VRFY);
        AclConditionTable t = new AclConditionTable(services);
        t.register(condition("acl", new NestedAclCondition(engine)).unexpanded());
        t.register(modifier("add_header", HeaderModifiers.add())
                .onlyAt(MAIL, RCPT, PREDATA, DATA, PRDR, MIME, NOTSMTP, DKIM, NOTSMTP_START));
        t.register(condition("authenticated", StringListCondition.authenticated(ListMatcher.localParts(lists)))
                .forbiddenAt(Set.of(NOTSMTP, NOTSMTP_START, CONNECT, HELO)));
        t.register(condition("condition", new BooleanCondition()));
        t.register(modifier("continue", (value, item, subject) -> AclOutcome.TRUE));
        t.register(modifier("control", new ControlModifier()));
        t.register(modifier("delay", new DelayModifier(services.hostChecking())).forbiddenAt(Set.of(NOTQUIT)));
        t.register(condition("domains", new DomainsCondition(ListMatcher.domains(lists))).onlyAt(RCPT, VRFY, PRDR));
        t.register(condition("encrypted", StringListCondition.encrypted(ListMatcher.localParts(lists)))
                .forbiddenAt(Set.of(NOTSMTP, NOTSMTP_START, HELO)));
        t.register(condition("hosts", new HostsCondition(ListMatcher.hosts(lists)))
                .forbiddenAt(Set.of(NOTSMTP, NOTSMTP_START)));
        t.register(condition("local_parts", new LocalPartsCondition(ListMatcher.localParts(lists)))
                .onlyAt(RCPT, VRFY, PRDR));
        t.register(modifier("log_reject_target", LogModifiers.logRejectTarget(services.log())));
        t.register(modifier("logwrite", LogModifiers.logwrite(services.log())));
        t.register(modifier("queue", new QueueModifier()).forbiddenAt(Set.of(NOTSMTP, PRDR, DATA)));
        t.register(condition("ratelimit", new org.jexim.acl.ratelimit.RatelimitCondition(services.rates())));
        t.register(condition("recipients", AddressListCondition.recipients(ListMatcher.addresses(lists))).onlyAt(RCPT));
        t.register(modifier("remove_header", HeaderModifiers.remove())
                .onlyAt(MAIL, RCPT, PREDATA, DATA, PRDR, MIME, NOTSMTP, NOTSMTP_START));
        t.register(condition("sender_domains", new SenderDomainsCondition(ListMatcher.domains(lists)))
                .forbiddenAt(senderForbidden));
        t.register(condition("senders", AddressListCondition.senders(ListMatcher.addresses(lists)))
                .forbiddenAt(senderForbidden));
        t.register(modifier("set", new SetModifier()));
        t.register(modifier("udpsend", new org.jexim.acl.modifiers.UdpsendModifier()));
        t.register(condition("verify", new VerifyCondition(services)));
        // content scanning, SPF, DNS lists, DKIM, MIME, greylisting (antispam packages), one line each
        org.jexim.scan.ScanAclConditions scan = new org.jexim.scan.ScanAclConditions(services);
        org.jexim.mime.MimeAclConditions mime = new org.jexim.mime.MimeAclConditions(services);
        Set<AclWhere> spfForbidden = Set.of(AclWhere.AUTH, CONNECT, HELO, AclWhere.MAILAUTH, AclWhere.ETRN,
                AclWhere.EXPN, AclWhere.STARTTLS, VRFY, NOTSMTP, NOTSMTP_START);
        t.register(condition("spam", scan.spam()).onlyAt(DATA, PRDR, NOTSMTP));
        t.register(condition("malware", scan.malware()).onlyAt(DATA, PRDR, NOTSMTP));
        t.register(condition("regex", mime.regex()).onlyAt(DATA, PRDR, NOTSMTP, MIME));
        t.register(condition("mime_regex", mime.mimeRegex()).onlyAt(MIME));
        t.register(condition("decode", mime.decode()).onlyAt(MIME));
        t.register(condition("spf", new org.jexim.spf.SpfAclCondition(services, false)).forbiddenAt(spfForbidden));
        t.register(condition("spf_guess", new org.jexim.spf.SpfAclCondition(services, true)).forbiddenAt(spfForbidden));
        t.register(condition("dnslists", new org.jexim.dnslists.DnsListsAclCondition(services)));
        t.register(condition("dkim_signers", org.jexim.dkim.DkimAclConditions.signers()).onlyAt(DKIM));
        t.register(condition("dkim_status", org.jexim.dkim.DkimAclConditions.status()).onlyAt(DKIM));
        t.register(condition("seen", new org.jexim.greylist.SeenAclCondition(services)));
        return t;
    }
}
