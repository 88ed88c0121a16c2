package org.jexim.acl.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jexim.acl.AclCondition;
import org.jexim.acl.AclOutcome;
import org.jexim.acl.AclServices;
import org.jexim.acl.AclSubject;
import org.jexim.acl.AclWhere;
import org.jexim.conf.lists.ExiList;
import org.jexim.conf.model.AclItem;

/**
 * {@code verify = TYPE[/options]}, as Exim's acl_verify(): the type word chooses a check
 * ({@link VerifyType}); types without options refuse a slash, each type is allowed only in
 * some ACLs ("cannot verify recipient in ACL for MAIL"), and sender/recipient/header_sender
 * take {@link VerifyOptions}.
 */
public final class VerifyCondition implements AclCondition {
    private final AclServices services;
    private final AddressVerification addresses;
    private final HeaderChecks headers = new HeaderChecks();

    public VerifyCondition(AclServices services) {
        this.services = services;
        this.addresses = new AddressVerification(services);
    }

    @Override
    public AclOutcome test(String arg, AclItem item, AclSubject subject) {
        List<String> list = new ArrayList<>(ExiList.items(arg, '/'));
        if (list.isEmpty()) {
            return bad(arg);
        }
        String ss = list.remove(0);
        VerifyType type = VerifyType.find(ss);
        if (type == null) {
            return bad(arg);
        }
        if (type.noOptions() && arg.indexOf('/') >= 0) {
            return AclOutcome.error("unexpected '/' found in \"" + arg + "\" (this verify item has no options)");
        }
        if (!type.allowedAt(subject.where())) {
            return AclOutcome.error("cannot verify " + type.word() + " in ACL for " + subject.where().eximName());
        }
        switch (type) {
            case REVERSE_HOST_LOOKUP:
                return new ReverseHostLookup(services).verify(subject, list);
            case CERTIFICATE:
                return subject.variable("tls_in_certificate_verified").filter("1"::equals).isPresent()
                        ? AclOutcome.TRUE : AclOutcome.FALSE.withUserMessage("no verified certificate");
            case HELO:
                return AclOutcome.of(new HeloVerification(services).verified(subject));
            case CSA:
                return new CsaVerification(services).verify(subject, list);
            case HEADER_SYNTAX:
                return headers.syntax(subject, returnDetails());
            case HEADER_NAMES_ASCII:
                return headers.namesAscii(subject, returnDetails());
            case NOT_BLIND:
                return headers.notBlind(subject, list, arg, returnDetails());
            default:
                break;
        }
        String sender = null;
        if (type == VerifyType.SENDER) {
            String rest = ss.substring(6).strip();
            if (rest.isEmpty()) {
                sender = subject.sender() == null ? "" : subject.sender();
            } else if (rest.startsWith("=")) {
                sender = rest.substring(1).strip();
            } else {
                return bad(arg);
            }
        }
        VerifyOptions options = VerifyOptions.parse(list, arg, type == VerifyType.HEADER_SENDER);
        if (options.error != null) {
            return AclOutcome.error(options.error);
        }
        if (options.quota) {
            return type == VerifyType.RECIPIENT ? AclOutcome.defer("quota verification is not supported by jexim")
                    : AclOutcome.error("can only verify quota of recipient");
        }
        return switch (type) {
            case HEADER_SENDER -> addresses.headerSender(subject, options, returnDetails());
            case SENDER -> addresses.sender(sender, sender.equals(subject.sender() == null ? "" : subject.sender()),
                    subject, options);
            default -> addresses.recipient(subject, options);
        };
    }

    private boolean returnDetails() {
        return services.option("smtp_return_error_details").map(v -> v.equals("true") || v.equals("yes"))
                .orElse(false);
    }

    private static AclOutcome bad(String arg) {
        return AclOutcome.error("expected \"sender[=address]\", \"recipient\", \"helo\", \"header_syntax\", "
                + "\"header_sender\", \"header_names_ascii\" or \"reverse_host_lookup\" at start of ACL condition "
                + "\"verify " + arg + "\"");
    }

    /** Exim's verify_type_list: the words, whether options are refused, where each is allowed. */
    enum VerifyType {
        REVERSE_HOST_LOOKUP("reverse_host_lookup", false, null),
        CERTIFICATE("certificate", true, null),
        HELO("helo", true, null),
        CSA("csa", false, null),
        HEADER_SYNTAX("header_syntax", true, Haves.DATA),
        NOT_BLIND("not_blind", false, Haves.DATA),
        HEADER_SENDER("header_sender", false, Haves.DATA),
        SENDER("sender", false, Set.of(AclWhere.MAIL, AclWhere.RCPT, AclWhere.PREDATA, AclWhere.DATA, AclWhere.NOTSMTP)),
        RECIPIENT("recipient", false, Set.of(AclWhere.RCPT)),
        HEADER_NAMES_ASCII("header_names_ascii", true, Haves.DATA);

        private final String word;
        private final boolean noOptions;
        private final Set<AclWhere> allowed;

        VerifyType(String word, boolean noOptions, Set<AclWhere> allowed) {
            this.word = word;
            this.noOptions = noOptions;
            this.allowed = allowed;
        }

        String word() {
            return word;
        }

        boolean noOptions() {
            return noOptions;
        }

        boolean allowedAt(AclWhere where) {
            return allowed == null || allowed.contains(where);
        }

        /** "sender" may be followed by "=ADDRESS" (Exim's alt_opt_sep of 6); the others are whole words. */
        static VerifyType find(String ss) {
            String lower = ss.toLowerCase(Locale.ROOT);
            for (VerifyType t : values()) {
                if (t == SENDER ? lower.startsWith("sender") : lower.equals(t.word)) {
                    return t;
                }
            }
            return null;
        }
    }

    /** ACL_BITS_HAVEDATA. */
    private static final class Haves {
        static final Set<AclWhere> DATA = Set.of(AclWhere.MIME, AclWhere.DKIM, AclWhere.DATA, AclWhere.PRDR,
                AclWhere.NOTSMTP, AclWhere.QUIT, AclWhere.NOTQUIT);
    }
}
