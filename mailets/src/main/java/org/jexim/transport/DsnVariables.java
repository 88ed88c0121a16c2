package org.jexim.transport;

/**
 * The per-address variables through which a message's RFC 3461 requests reach the smtp
 * transport, which passes them on when the next hop offers DSN: NOTIFY= and ORCPT= of the
 * address, RET= and ENVID= of the message (absent when the client gave none).
 */
public final class DsnVariables {
    public static final String NOTIFY = "_dsn_notify";
    public static final String ORCPT = "_dsn_orcpt";
    public static final String RET = "_dsn_ret";
    public static final String ENVID = "_dsn_envid";

    private DsnVariables() {
    }

    /** " RET=... ENVID=..." for MAIL, as Exim's smtp transport writes them. */
    static String mailParameters(Delivery d) {
        StringBuilder sb = new StringBuilder();
        String ret = d.address().variables().get(RET);
        if (ret != null) {
            sb.append(" RET=").append(ret);
        }
        String envid = d.address().variables().get(ENVID);
        if (envid != null) {
            sb.append(" ENVID=").append(envid);
        }
        return sb.toString();
    }

    /** " NOTIFY=... ORCPT=..." for the address's RCPT. */
    static String rcptParameters(Delivery d) {
        StringBuilder sb = new StringBuilder();
        String notify = d.address().variables().get(NOTIFY);
        if (notify != null) {
            sb.append(" NOTIFY=").append(notify);
        }
        String orcpt = d.address().variables().get(ORCPT);
        if (orcpt != null) {
            sb.append(" ORCPT=").append(orcpt);
        }
        return sb.toString();
    }
}
