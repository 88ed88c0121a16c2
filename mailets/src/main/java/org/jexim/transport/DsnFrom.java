package org.jexim.transport;

/** Exim's default dsn_from: the From: of the messages it generates (quota warnings, syntax error reports). */
public final class DsnFrom {
    /** Unexpanded, as the option's default is. */
    public static final String DEFAULT = "Mail Delivery System <Mailer-Daemon@$qualify_domain>";

    private DsnFrom() {
    }
}
