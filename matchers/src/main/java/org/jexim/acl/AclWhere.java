package org.jexim.acl;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an ACL runs (Exim's ACL_WHERE_*), with the name Exim uses in messages ("cannot test
 * domains condition in connection ACL") and the default code of a refusal there.
 */
public enum AclWhere {
    RCPT("RCPT", "550"),
    MAIL("MAIL", "550"),
    PREDATA("PREDATA", "550"),
    MIME("MIME", "550"),
    DKIM("DKIM", "550"),
    DATA("DATA", "550"),
    PRDR("PRDR", "550"),
    NOTSMTP("non-SMTP", "0"),
    AUTH("AUTH", "503"),
    CONNECT("connection", "550"),
    ETRN("ETRN", "458"),
    EXPN("EXPN", "550"),
    HELO("EHLO or HELO", "550"),
    MAILAUTH("MAILAUTH", "0"),
    NOTSMTP_START("non-SMTP-start", "0"),
    NOTQUIT("NOTQUIT", "0"),
    QUIT("QUIT", "0"),
    STARTTLS("STARTTLS", "550"),
    VRFY("VRFY", "252");

    private final String eximName;
    private final String refusalCode;

    AclWhere(String eximName, String refusalCode) {
        this.eximName = eximName;
        this.refusalCode = refusalCode;
    }

    /** The name in Exim's messages (acl_wherenames). */
    public String eximName() {
        return eximName;
    }

    /** The code of a refusal here (acl_wherecodes). */
    public String refusalCode() {
        return refusalCode;
    }

    /** The ACLs that have a message at hand (ACL_BITS_HAVEDATA). */
    public boolean hasMessage() {
        return HAVE_DATA.contains(this);
    }

    /** Whether the ACL runs for one message (Exim's "where <= NOTSMTP"): MAIL .. non-SMTP. */
    public boolean inMessage() {
        return ordinal() <= NOTSMTP.ordinal();
    }

    private static final Set<AclWhere> HAVE_DATA = EnumSet.of(MIME, DKIM, DATA, PRDR, NOTSMTP, QUIT, NOTQUIT);

    /** Every place but these. */
    public static Set<AclWhere> allBut(AclWhere... allowed) {
        Set<AclWhere> forbidden = EnumSet.allOf(AclWhere.class);
        forbidden.removeAll(Set.of(allowed));
        return forbidden;
    }

    /** Exactly these places. */
    public static Set<AclWhere> only(AclWhere... places) {
        Set<AclWhere> set = EnumSet.noneOf(AclWhere.class);
        set.addAll(Set.of(places));
        return set;
    }
}
