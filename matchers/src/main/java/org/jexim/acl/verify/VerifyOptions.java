package org.jexim.acl.verify;

import java.util.List;
import java.util.Locale;
import org.jexim.acl.CalloutRequest;
import org.jexim.conf.lists.ExiList;
import org.jexim.conf.options.EximTime;

/**
 * The slash-separated options after {@code verify = sender|recipient|header_sender}:
 * defer_ok, no_details, success_on_redirect, callout[=opts], callout_defer_ok,
 * check_postmaster, quota[=...], parsed as acl_verify() does; a bad option is an error whose
 * text {@link #error} holds.
 */
final class VerifyOptions {
    boolean deferOk;
    boolean noDetails;
    boolean successOnRedirect;
    boolean calloutDeferOk;
    boolean quota;
    int callout = -1;
    int overall = -1;
    int connect = -1;
    boolean noCache;
    boolean random;
    boolean useSender;
    boolean usePostmaster;
    boolean fullPostmaster;
    String pmMailFrom;
    String seMailFrom;
    boolean hold;
    String error;

    static VerifyOptions parse(List<String> options, String arg, boolean headerSender) {
        VerifyOptions o = new VerifyOptions();
        for (String ss : options) {
            String lower = ss.toLowerCase(Locale.ROOT);
            if (lower.equals("defer_ok")) {
                o.deferOk = true;
            } else if (lower.equals("no_details")) {
                o.noDetails = true;
            } else if (lower.equals("success_on_redirect")) {
                o.successOnRedirect = true;
            } else if (lower.equals("callout_defer_ok")) {
                o.calloutDeferOk = true;
                o.defaultCallout();
            } else if (lower.equals("check_postmaster")) {
                o.pmMailFrom = "";
                o.defaultCallout();
            } else if (lower.startsWith("callout")) {
                o.callout = CalloutRequest.DEFAULT_TIMEOUT;
                String rest = ss.substring(7).stripLeading();
                if (!rest.isEmpty()) {
                    if (!rest.startsWith("=")) {
                        o.error = "'=' expected after \"callout\" in ACL condition \"" + arg + "\"";
                        return o;
                    }
                    for (String opt : ExiList.items(rest.substring(1).stripLeading(), ',')) {
                        if (!o.calloutOption(opt, arg, headerSender)) {
                            return o;
                        }
                    }
                }
            } else if (lower.startsWith("quota")) {
                o.quota = true;
            } else {
                o.error = "unknown option \"" + ss + "\" in ACL condition \"verify " + arg + "\"";
                return o;
            }
        }
        if (o.useSender && o.usePostmaster) {
            o.error = "only one of use_sender and use_postmaster can be set for a recipient callout";
        }
        return o;
    }

    private void defaultCallout() {
        if (callout == -1) {
            callout = CalloutRequest.DEFAULT_TIMEOUT;
        }
    }

    private static final String[] NAMES = {"defer_ok", "no_cache", "random", "use_sender", "use_postmaster",
        "postmaster_mailfrom", "postmaster", "fullpostmaster", "mailfrom", "maxwait", "connect", "hold"};

    /** One sub-option of callout=; false (with {@link #error} set) when it is wrong. */
    private boolean calloutOption(String opt, String arg, boolean headerSender) {
        String name = null;
        for (String n : NAMES) {
            if (opt.regionMatches(true, 0, n, 0, n.length())) {
                name = n;
                break;
            }
        }
        String value = opt;
        boolean hasOption = name != null && (name.equals("postmaster_mailfrom") || name.equals("mailfrom")
                || name.equals("maxwait") || name.equals("connect"));
        if (hasOption) {
            value = opt.substring(name.length()).stripLeading();
            if (!value.startsWith("=")) {
                error = "'=' expected after \"" + name + "\" in ACL verify condition \"" + arg + "\"";
                return false;
            }
            value = value.substring(1).stripLeading();
        }
        int period = 0;
        if (name == null || name.equals("maxwait") || name.equals("connect")) {
            period = EximTime.read(value);
            if (period < 0) {
                error = "bad time value in ACL condition \"verify " + arg + "\"";
                return false;
            }
        }
        if (name == null) {
            callout = period;
            return true;
        }
        switch (name) {
            case "defer_ok" -> calloutDeferOk = true;
            case "no_cache" -> noCache = true;
            case "random" -> random = true;
            case "use_sender" -> useSender = true;
            case "use_postmaster" -> usePostmaster = true;
            case "postmaster", "fullpostmaster" -> {
                pmMailFrom = "";
                fullPostmaster |= name.equals("fullpostmaster");
            }
            case "mailfrom" -> {
                if (!headerSender) {
                    error = "\"mailfrom\" is allowed as a callout option only for verify=header_sender (detected in ACL "
                            + "condition \"" + arg + "\")";
                    return false;
                }
                seMailFrom = value;
            }
            case "postmaster_mailfrom" -> pmMailFrom = value;
            case "maxwait" -> overall = period;
            case "connect" -> connect = period;
            case "hold" -> hold = true;
            default -> {
            }
        }
        return true;
    }

    /** The callout to make, or null when no callout was asked for. */
    CalloutRequest calloutRequest() {
        if (callout <= 0) {
            return null;
        }
        return new CalloutRequest(callout, overall, connect, calloutDeferOk, noCache, random, useSender, usePostmaster,
                pmMailFrom, fullPostmaster, seMailFrom, hold);
    }
}
