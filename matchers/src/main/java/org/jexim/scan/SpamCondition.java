package org.jexim.scan;

import java.util.List;
import org.jexim.conf.lists.ExiList;

/**
 * The ACL condition {@code spam = USER[:true][/defer_ok]} on an expanded right-hand side, as
 * Exim's acl.c and spam.c: "0" or "false" skips the scan (false); {@code :true} makes it true
 * whatever the score; {@code /defer_ok} turns a spamd failure into false.
 */
public final class SpamCondition {
    private final SpamdClient client;

    public SpamCondition(SpamdClient client) {
        this.client = client;
    }

    /** {@code spamdAddress}: the expanded {@code spamd_address} (null or empty for Exim's default). */
    public ScanOutcome evaluate(String argument, String spamdAddress, ScannedMessage message) {
        ExiList options = new ExiList(argument, '/');
        String userPart = options.next();
        ScanOutcome rc = scan(userPart == null ? "" : userPart, spamdAddress, message);
        for (String opt; (opt = options.next()) != null; ) {
            if (opt.equalsIgnoreCase("defer_ok") && rc == ScanOutcome.DEFER) {
                rc = ScanOutcome.FAIL;
            }
        }
        return rc;
    }

    private ScanOutcome scan(String userPart, String spamdAddress, ScannedMessage message) {
        List<String> items = ExiList.items(userPart);
        if (items.isEmpty() || items.get(0).isEmpty()) {
            message.error("spam acl condition: no username given");
            return ScanOutcome.DEFER;
        }
        String user = items.get(0);
        if (user.equals("0") || user.equalsIgnoreCase("false")) {
            return ScanOutcome.FAIL;
        }
        boolean override = items.size() > 1 && items.get(1).equalsIgnoreCase("true");
        String key = user + "\0" + spamdAddress;
        SpamResult result = message.cachedSpam(key);
        if (result == null) {
            try {
                result = SpamResult.of(client.scan(SpamdAddress.parse(spamdAddress), user, message.content(),
                        message.envelope()));
            } catch (ScanException e) {
                message.error("spam acl condition: " + e.getMessage());
                return ScanOutcome.DEFER;
            }
            message.spam(key, result);
        }
        return override || result.isSpam() ? ScanOutcome.OK : ScanOutcome.FAIL;
    }
}
