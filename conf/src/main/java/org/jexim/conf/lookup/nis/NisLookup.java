package org.jexim.conf.lookup.nis;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.jexim.conf.lookup.LookupEnv;
import org.jexim.conf.lookup.LookupException;
import org.jexim.conf.lookup.LookupType;

/**
 * The nis and nis0 lookups ({@code ${lookup{KEY}nis{MAP}}}): yp_match() in the machine's NIS
 * domain, nis0 sending the key with its terminating NUL. No such key or map is a failed
 * lookup; any other NIS error a DEFER with no message, as in Exim.
 */
public final class NisLookup implements LookupType {
    private static final YpClient CLIENT = new YpClient(Path.of("/proc/sys/kernel/domainname"), new OncRpc(1000, 5));

    private final String name;
    private final boolean withNul;
    private final YpClient client;

    NisLookup(String name, boolean withNul, YpClient client) {
        this.name = name;
        this.withNul = withNul;
        this.client = client;
    }

    /** nis and nis0. */
    public static List<LookupType> types() {
        return List.of(new NisLookup("nis", false, CLIENT), new NisLookup("nis0", true, CLIENT));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Style style() {
        return Style.SINGLE_KEY;
    }

    @Override
    public String find(String map, String key, String opts, LookupEnv env) throws LookupException {
        String domain = client.defaultDomain();
        if (domain == null) {
            throw LookupException.open("failed to get default NIS domain");
        }
        byte[] k = key.getBytes(StandardCharsets.ISO_8859_1);
        if (withNul) {
            k = java.util.Arrays.copyOf(k, k.length + 1);
        }
        YpClient.Match m = client.match(domain, map, k);
        return switch (m.status()) {
            case FOUND -> value(m.value());
            case NO_KEY, NO_MAP -> null;
            case ERROR -> throw LookupException.defer("");
        };
    }

    /** Exim copies the value as a C string: it ends at a NUL. */
    private static String value(byte[] v) {
        String s = new String(v, StandardCharsets.ISO_8859_1);
        int nul = s.indexOf('\0');
        return nul < 0 ? s : s.substring(0, nul);
    }
}
