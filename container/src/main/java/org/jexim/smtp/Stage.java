package org.jexim.smtp;

import org.jexim.acl.AclWhere;

/**
 * An SMTP stage where an ACL runs: the ACL option naming it, the place the engine reports
 * ({@link AclWhere}), the positive reply Exim gives there, and whether an unset option refuses
 * (RCPT, VRFY, EXPN, ETRN: Exim runs a NULL ACL, an implicit deny) or accepts (the others).
 */
public enum Stage {
    CONNECT("acl_smtp_connect", AclWhere.CONNECT, null, false),
    HELO("acl_smtp_helo", AclWhere.HELO, null, false),
    MAIL("acl_smtp_mail", AclWhere.MAIL, EximTexts.MAIL_OK, false),
    MAILAUTH("acl_smtp_mailauth", AclWhere.MAILAUTH, null, false),
    RCPT("acl_smtp_rcpt", AclWhere.RCPT, EximTexts.RCPT_OK, true),
    PREDATA("acl_smtp_predata", AclWhere.PREDATA, EximTexts.DATA_GO, false),
    MIME("acl_smtp_mime", AclWhere.MIME, null, false),
    DKIM("acl_smtp_dkim", AclWhere.DKIM, null, false),
    DATA("acl_smtp_data", AclWhere.DATA, null, false),
    PRDR("acl_smtp_data_prdr", AclWhere.PRDR, null, false),
    AUTH("acl_smtp_auth", AclWhere.AUTH, null, false),
    VRFY("acl_smtp_vrfy", AclWhere.VRFY, null, true),
    EXPN("acl_smtp_expn", AclWhere.EXPN, null, true),
    ETRN("acl_smtp_etrn", AclWhere.ETRN, null, true),
    STARTTLS("acl_smtp_starttls", AclWhere.STARTTLS, null, false),
    QUIT("acl_smtp_quit", AclWhere.QUIT, null, false),
    NOTQUIT("acl_smtp_notquit", AclWhere.NOTQUIT, null, false),
    NOT_SMTP_START("acl_not_smtp_start", AclWhere.NOTSMTP_START, null, false),
    NOT_SMTP("acl_not_smtp", AclWhere.NOTSMTP, null, false),
    NOT_SMTP_MIME("acl_not_smtp_mime", AclWhere.MIME, null, false);

    private final String option;
    private final AclWhere where;
    private final SmtpReply acceptReply;
    private final boolean unsetRefuses;

    Stage(String option, AclWhere where, SmtpReply acceptReply, boolean unsetRefuses) {
        this.option = option;
        this.where = where;
        this.acceptReply = acceptReply;
        this.unsetRefuses = unsetRefuses;
    }

    /** The main option that names this stage's ACL. */
    public String option() {
        return option;
    }

    public AclWhere where() {
        return where;
    }

    /** Exim's positive reply here, or null where the caller words it (banner, greeting, DATA). */
    SmtpReply acceptReply() {
        return acceptReply;
    }

    /** Whether Exim refuses when the option is unset (it runs a NULL ACL: implicit deny). */
    boolean unsetRefuses() {
        return unsetRefuses;
    }
}
