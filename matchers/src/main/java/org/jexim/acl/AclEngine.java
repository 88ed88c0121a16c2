package org.jexim.acl;

import java.util.Map;
import java.util.Optional;
import org.jexim.conf.expand.Expander;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.model.Acl;
import org.jexim.conf.model.AclItem;
import org.jexim.conf.model.AclStatement;
import org.jexim.lists.ListContext;
import org.jexim.lists.ListException;

/**
 * Runs one ACL as Exim does (spec, "Access control lists"): statements in order, each
 * statement's conditions and modifiers in order; {@code accept} and {@code deny} end the
 * ACL when all their conditions are true, {@code require} denies when one is false,
 * {@code warn} never ends it, and falling off the end denies. The SMTP hooks and -bh both
 * call this engine.
 */
public final class AclEngine {
    private final Map<String, Acl> acls;
    private final AclConditions conditions;
    private final RecipientVerifier verifier;

    public AclEngine(Map<String, Acl> acls, ListContext lists) {
        this(acls, lists, null);
    }

    /** {@code verifier} answers {@code verify = recipient}; null where no routing is at hand. */
    public AclEngine(Map<String, Acl> acls, ListContext lists, RecipientVerifier verifier) {
        this.acls = acls;
        this.conditions = new AclConditions(lists);
        this.verifier = verifier;
    }

    /** Runs the named ACL (or an inline one-statement ACL text is not supported: the name must exist). */
    public AclResult run(String aclName, AclSubject subject) {
        Acl acl = acls.get(aclName);
        if (acl == null && (aclName.equals("accept") || aclName.equals("deny"))) {
            // an ACL option may name a verb instead of an ACL, as Exim allows
            return AclResult.of(aclName.equals("accept") ? AclVerdict.ACCEPT : AclVerdict.DENY);
        }
        if (acl == null) {
            return new AclResult(AclVerdict.ERROR, Optional.empty(),
                    Optional.of("ACL \"" + aclName + "\" not found"));
        }
        for (AclStatement statement : acl.statements()) {
            Optional<AclResult> decided = runStatement(statement, subject);
            if (decided.isPresent()) {
                return decided.get();
            }
        }
        return new AclResult(AclVerdict.DENY, Optional.empty(), Optional.of("implicit DENY at end of ACL"));
    }

    private Optional<AclResult> runStatement(AclStatement statement, AclSubject subject) {
        String message = null;
        String logMessage = null;
        boolean allTrue = true;
        boolean passed = false;
        String verifyMessage = null;
        for (AclItem item : statement.items()) {
            try {
                if (item.modifier()) {
                    switch (item.name()) {
                        case "endpass" -> passed = true;
                        case "message" -> message = expand(item.value(), subject);
                        case "log_message" -> logMessage = expand(item.value(), subject);
                        case "set" -> set(item.value(), subject);
                        default -> {
                            // control, logwrite, add_header ...: recorded by later work; no effect on the verdict
                        }
                    }
                    continue;
                }
                boolean result;
                if (item.name().equals("verify") && verifier != null
                        && expand(item.value(), subject).strip().toLowerCase(java.util.Locale.ROOT).startsWith("recipient")) {
                    RecipientVerifier.Verification v = verifier.verify(subject.variable("recipient").orElse(""), subject);
                    if (v.outcome() == RecipientVerifier.Outcome.DEFER) {
                        return Optional.of(new AclResult(AclVerdict.DEFER, Optional.empty(), Optional.ofNullable(v.message())));
                    }
                    if (v.outcome() == RecipientVerifier.Outcome.FAIL) {
                        verifyMessage = v.message() == null ? "Unrouteable address" : v.message();
                        subject.set("acl_verify_message", verifyMessage);
                    }
                    result = (v.outcome() == RecipientVerifier.Outcome.OK) != item.negated();
                } else if (item.name().equals("acl")) {
                    AclResult nested = nested(expand(item.value(), subject), subject);
                    if (nested.verdict() != AclVerdict.ACCEPT && nested.verdict() != AclVerdict.DENY) {
                        return Optional.of(nested); // defer, drop, discard and errors end the calling ACL too
                    }
                    if (message == null && nested.message().isPresent()) {
                        message = nested.message().get();
                    }
                    result = (nested.verdict() == AclVerdict.ACCEPT) != item.negated();
                } else {
                    result = conditions.test(item.name(), expand(item.value(), subject), subject) != item.negated();
                }
                if (!result) {
                    allTrue = false;
                    if (passed && (statement.verb() == org.jexim.conf.model.AclVerb.ACCEPT
                            || statement.verb() == org.jexim.conf.model.AclVerb.DISCARD)) {
                        // a condition after endpass failed: the ACL denies instead of going on
                        return Optional.of(new AclResult(AclVerdict.DENY, Optional.ofNullable(message),
                                Optional.ofNullable(logMessage)));
                    }
                    break;
                }
            } catch (ListException | ExpansionException | AclConditions.UnsupportedCondition e) {
                if (e instanceof ExpansionException x && x.forced()) {
                    allTrue = false;
                    break;
                }
                return Optional.of(new AclResult(AclVerdict.ERROR, Optional.empty(),
                        Optional.of(statement.verb().keyword() + " " + item.name() + ": " + e.getMessage())));
            }
        }
        // with endpass, an accept's message is the text of its refusal, never of its acceptance
        Optional<String> msg = passed ? Optional.empty() : Optional.ofNullable(message);
        if (msg.isEmpty() && verifyMessage != null
                && (statement.verb() == org.jexim.conf.model.AclVerb.DENY || statement.verb() == org.jexim.conf.model.AclVerb.REQUIRE)) {
            msg = Optional.of(verifyMessage); // a failed verification words the refusal, as in Exim
        }
        Optional<String> log = Optional.ofNullable(logMessage);
        return switch (statement.verb()) {
            case ACCEPT -> allTrue ? Optional.of(new AclResult(AclVerdict.ACCEPT, msg, log)) : Optional.empty();
            case DENY -> allTrue ? Optional.of(new AclResult(AclVerdict.DENY, msg, log)) : Optional.empty();
            case DEFER -> allTrue ? Optional.of(new AclResult(AclVerdict.DEFER, msg, log)) : Optional.empty();
            case DISCARD -> allTrue ? Optional.of(new AclResult(AclVerdict.DISCARD, msg, log)) : Optional.empty();
            case DROP -> allTrue ? Optional.of(new AclResult(AclVerdict.DROP, msg, log)) : Optional.empty();
            case REQUIRE -> allTrue ? Optional.empty() : Optional.of(new AclResult(AclVerdict.DENY, msg, log));
            case WARN -> Optional.empty();
        };
    }

    /** The {@code acl} condition: runs "NAME arg1 arg2 ..." with $acl_arg1.. set, as a nested ACL. */
    private AclResult nested(String value, AclSubject subject) {
        String[] words = value.strip().split("\\s+");
        for (int i = 1; i < words.length && i <= 9; i++) {
            subject.set("acl_arg" + i, words[i]);
        }
        subject.set("acl_narg", Integer.toString(words.length - 1));
        return run(words[0], subject);
    }

    private static void set(String assignment, AclSubject subject) throws ExpansionException {
        int eq = assignment.indexOf('=');
        if (eq > 0) {
            subject.set(assignment.substring(0, eq).strip(), expand(assignment.substring(eq + 1).strip(), subject));
        }
    }

    /** Strings without {@code $} or {@code \} expand to themselves; the rest go to the expander. */
    static String expand(String text, AclSubject subject) throws ExpansionException {
        if (text == null || (text.indexOf('$') < 0 && text.indexOf('\\') < 0)) {
            return text;
        }
        return Expander.expand(text, subject);
    }
}
