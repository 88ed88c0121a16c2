package org.jexim.acl;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jexim.conf.expand.AclRunner;
import org.jexim.conf.expand.Expander;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.model.Acl;
import org.jexim.conf.model.AclStatement;
import org.jexim.conf.model.AclVerb;
import org.jexim.lists.ListContext;

/**
 * Runs one ACL as Exim's acl_check() and acl_check_internal() do (spec, "Access control
 * lists"): statements in order, each statement's conditions and modifiers in order (see
 * {@link StatementCheck}, the conditions are those of {@link AclConditionTable}); {@code accept}
 * and {@code deny} end the ACL when all their conditions are true, {@code require} denies when
 * one is false, {@code warn} never ends it, a deferred condition defers the ACL (except under
 * {@code warn}), and falling off the end denies. The SMTP hooks, -bh and local submission all
 * call this engine.
 */
public final class AclEngine {
    private static final int MAX_LEVEL = 20;
    private final Map<String, Acl> acls;
    private final AclConditionTable table;
    private final StatementCheck statements;
    private final AclServices services;

    public AclEngine(Map<String, Acl> acls, ListContext lists) {
        this(acls, AclServices.of(lists));
    }

    /** {@code verifier} answers {@code verify = recipient}; null where no routing is at hand. */
    public AclEngine(Map<String, Acl> acls, ListContext lists, RecipientVerifier verifier) {
        this(acls, AclServices.of(lists).withVerifier(verifier));
    }

    public AclEngine(Map<String, Acl> acls, AclServices services) {
        this.acls = acls;
        this.services = services;
        this.table = AclConditionTable.standard(services, this);
        this.statements = new StatementCheck(table);
    }

    public AclServices services() {
        return services;
    }

    /** Runs the named ACL where the subject says it runs (RCPT unless set). */
    public AclResult run(String aclName, AclSubject subject) {
        return run(subject.where(), aclName, subject);
    }

    /**
     * Exim's acl_check(): runs the ACL {@code aclText} (a name, or the text of an inline ACL,
     * expanded first) at {@code where}.
     */
    public AclResult run(AclWhere where, String aclText, AclSubject subject) {
        subject.where(where);
        subject.engine(this);
        subject.effects().clearControl("log_reject_target");
        subject.effects().newCommand();
        AclMessages msgs = new AclMessages();
        AclOutcome.Code rc;
        String text;
        try {
            text = expand(aclText, subject);
        } catch (ExpansionException e) {
            if (e.forced()) {
                return AclResult.of(AclVerdict.ACCEPT);
            }
            return new AclResult(AclVerdict.ERROR, Optional.empty(),
                    Optional.of("failed to expand ACL string \"" + aclText + "\": " + e.getMessage()), false);
        }
        rc = internal(where, text, subject, msgs, 0);
        if (rc == AclOutcome.Code.OK && where == AclWhere.RCPT) {
            rc = CutthroughCheck.afterRcpt(subject, services);
        }
        if (rc == AclOutcome.Code.DISCARD && (!where.inMessage() || where == AclWhere.PREDATA)) {
            services.log().panic("\"discard\" verb not allowed in " + where.eximName() + " ACL");
            rc = AclOutcome.Code.ERROR;
        }
        if (rc == AclOutcome.Code.DROP && where == AclWhere.MAILAUTH) {
            services.log().panic("\"drop\" verb not allowed in " + where.eximName() + " ACL");
            rc = AclOutcome.Code.ERROR;
        }
        AclVerdict verdict = switch (rc) {
            case OK -> AclVerdict.ACCEPT;
            case FAIL -> AclVerdict.DENY;
            case DROP -> AclVerdict.DROP;
            case DISCARD -> AclVerdict.DISCARD;
            case DEFER -> AclVerdict.DEFER;
            case ERROR -> AclVerdict.ERROR;
        };
        return new AclResult(verdict, Optional.ofNullable(SplitMessage.split(msgs.user)),
                Optional.ofNullable(msgs.log), msgs.tempDetails);
    }

    /** Exim's acl_check_internal() for an already expanded ACL name or text. */
    AclOutcome.Code internal(AclWhere where, String name, AclSubject subject, AclMessages msgs, int level) {
        if (level > MAX_LEVEL) {
            msgs.log = "ACL nested too deep: possible loop";
            return AclOutcome.Code.ERROR;
        }
        if (name == null) {
            return AclOutcome.Code.FAIL;
        }
        String ss = name.stripLeading();
        List<AclStatement> list;
        Acl acl = ss.indexOf(' ') < 0 ? acls.get(ss) : null;
        if (acl != null) {
            list = acl.statements();
            if (list.isEmpty()) {
                return AclOutcome.Code.FAIL; // "ACL is empty: implicit DENY"
            }
        } else if (ss.startsWith("/")) {
            msgs.log = "failed to open ACL file \"" + ss + "\": ACL files are not supported by jexim";
            return AclOutcome.Code.ERROR;
        } else {
            try {
                list = InlineAcl.parse(ss);
            } catch (IllegalArgumentException e) {
                msgs.log = e.getMessage();
                return AclOutcome.Code.ERROR;
            }
        }
        boolean quitCheck = level == 0 && (where == AclWhere.QUIT || where == AclWhere.NOTQUIT);
        for (AclStatement statement : list) {
            msgs.clear();
            boolean[] endpass = {false};
            AclVerb verb = statement.verb();
            AclOutcome.Code cond = statements.check(verb, statement.items(), subject, endpass, msgs);
            if (cond == AclOutcome.Code.DEFER) {
                if (verb != AclVerb.WARN) {
                    return AclOutcome.Code.DEFER;
                }
            } else if (cond == AclOutcome.Code.ERROR) {
                return AclOutcome.Code.ERROR;
            }
            switch (verb) {
                case ACCEPT -> {
                    if (cond == AclOutcome.Code.OK || cond == AclOutcome.Code.DISCARD || endpass[0]) {
                        return cond;
                    }
                }
                case DEFER -> {
                    if (cond == AclOutcome.Code.OK) {
                        if (quitCheck) {
                            return badQuit(verb, msgs);
                        }
                        msgs.tempDetails = true;
                        return AclOutcome.Code.DEFER;
                    }
                }
                case DENY -> {
                    if (cond == AclOutcome.Code.OK) {
                        return quitCheck ? badQuit(verb, msgs) : AclOutcome.Code.FAIL;
                    }
                }
                case DISCARD -> {
                    if (cond == AclOutcome.Code.OK || cond == AclOutcome.Code.DISCARD) {
                        return quitCheck ? badQuit(verb, msgs) : AclOutcome.Code.DISCARD;
                    }
                    if (endpass[0]) {
                        return cond;
                    }
                }
                case DROP -> {
                    if (cond == AclOutcome.Code.OK) {
                        return quitCheck ? badQuit(verb, msgs) : AclOutcome.Code.DROP;
                    }
                }
                case REQUIRE -> {
                    if (cond != AclOutcome.Code.OK) {
                        return quitCheck ? badQuit(verb, msgs) : cond;
                    }
                }
                case WARN -> {
                    if (cond == AclOutcome.Code.OK) {
                        new WarnEffects(services.log()).apply(subject, msgs.user, msgs.log);
                    } else if (cond == AclOutcome.Code.DEFER) {
                        // log_selector acl_warn_skipped (default on) writes a line
                        services.log().main(WarnEffects.hostAndIdent(subject)
                                + " Warning: ACL \"warn\" statement skipped: condition test deferred"
                                + (msgs.log != null ? ": " + msgs.log : ""));
                    }
                    msgs.user = null;
                    msgs.log = null;
                }
            }
        }
        return AclOutcome.Code.FAIL; // implicit DENY at the end of the ACL
    }

    private static AclOutcome.Code badQuit(AclVerb verb, AclMessages msgs) {
        msgs.log = "QUIT or not-QUIT toplevel ACL may not fail ('" + verb.keyword() + "' verb used incorrectly)";
        return AclOutcome.Code.ERROR;
    }

    /**
     * Exim's acl_check_wargs(), for the {@code acl} condition: "NAME arg1 ..." with each word
     * (quotes allowed) expanded, $acl_arg1..9 and $acl_narg set for the nested run and restored
     * after it.
     */
    AclOutcome nested(String value, AclSubject subject) {
        AclMessages msgs = new AclMessages();
        List<String> words;
        try {
            words = AclArguments.split(value, subject);
        } catch (ExpansionException e) {
            if (e.forced()) {
                return AclOutcome.error(null);
            }
            return AclOutcome.error("failed to expand ACL string \"" + value + "\": " + e.getMessage());
        }
        String[] saved = new String[10];
        for (int i = 1; i <= 9; i++) {
            saved[i] = subject.variable("acl_arg" + i).orElse(null);
            subject.set("acl_arg" + i, i < words.size() ? words.get(i) : null);
        }
        String savedNarg = subject.variable("acl_narg").orElse(null);
        subject.set("acl_narg", Integer.toString(Math.min(9, words.size() - 1)));
        int level = subject.nestingLevel();
        subject.nestingLevel(level + 1);
        AclOutcome.Code rc;
        try {
            rc = internal(subject.where(), words.get(0), subject, msgs, level + 1);
        } finally {
            subject.nestingLevel(level);
            for (int i = 1; i <= 9; i++) {
                subject.set("acl_arg" + i, saved[i]);
            }
            subject.set("acl_narg", savedNarg);
        }
        return new AclOutcome(rc, msgs.user, msgs.log, msgs.tempDetails);
    }

    /** {@code ${acl{name}{args}}}: runs the ACL where the subject is, as Exim's acl_eval(). */
    AclRunner expansionRunner(AclSubject subject) {
        return (name, args) -> {
            AclMessages msgs = new AclMessages();
            String[] saved = new String[10];
            for (int i = 1; i <= 9; i++) {
                saved[i] = subject.variable("acl_arg" + i).orElse(null);
                subject.set("acl_arg" + i, i <= args.size() ? args.get(i - 1) : null);
            }
            subject.set("acl_narg", Integer.toString(Math.min(9, args.size())));
            AclOutcome.Code rc;
            try {
                rc = internal(subject.where(), name, subject, msgs, subject.nestingLevel() + 1);
            } finally {
                for (int i = 1; i <= 9; i++) {
                    subject.set("acl_arg" + i, saved[i]);
                }
            }
            AclRunner.Verdict v = switch (rc) {
                case OK, DISCARD -> AclRunner.Verdict.OK;
                case FAIL, DROP -> AclRunner.Verdict.FAIL;
                case DEFER -> AclRunner.Verdict.DEFER;
                case ERROR -> AclRunner.Verdict.ERROR;
            };
            return new AclRunner.Result(v, msgs.user);
        };
    }

    /** Strings without {@code $} or {@code \} expand to themselves; the rest go to the expander. */
    public static String expand(String text, AclSubject subject) throws ExpansionException {
        if (text == null || (text.indexOf('$') < 0 && text.indexOf('\\') < 0)) {
            return text;
        }
        return Expander.expand(text, subject);
    }
}
