package org.jexim.acl;

/**
 * The {@code /callout=...} options of a verify condition, as acl_verify() reads them:
 * timeouts in seconds (-1 when not given), and the flags that change what is sent.
 */
public record CalloutRequest(int timeout, int overall, int connect, boolean deferOk, boolean noCache,
                             boolean random, boolean useSender, boolean usePostmaster, String postmasterMailFrom,
                             boolean fullPostmaster, String mailFrom, boolean hold) {
    /** Exim's CALLOUT_TIMEOUT_DEFAULT. */
    public static final int DEFAULT_TIMEOUT = 30;
}
