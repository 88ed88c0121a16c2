package org.jexim.conf.lookup.nis;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * libnsl's yp_get_default_domain() and yp_match(): the domain from the kernel, its server
 * from the local ypbind (found through the portmapper), then YPPROC_MATCH to that ypserv.
 */
final class YpClient {
    private static final int YPPROG = 100004;
    private static final int YPBINDPROG = 100007;
    private static final int YPVERS = 2;
    private static final int YPPROC_MATCH = 3;
    private static final int YPBINDPROC_DOMAIN = 1;

    /** yp_match()'s outcomes that matter to Exim: the value, no such key or map, or another error. */
    enum Status { FOUND, NO_KEY, NO_MAP, ERROR }

    /** A yp_match() result. */
    record Match(Status status, byte[] value) {
    }

    private final Path domainFile;
    private final OncRpc rpc;

    YpClient(Path domainFile, OncRpc rpc) {
        this.domainFile = domainFile;
        this.rpc = rpc;
    }

    /** yp_get_default_domain(): null when the machine has none ("(none)" or empty). */
    String defaultDomain() {
        try {
            String d = Files.readString(domainFile, StandardCharsets.ISO_8859_1).strip();
            return d.isEmpty() || d.equals("(none)") ? null : d;
        } catch (IOException e) {
            return null;
        }
    }

    Match match(String domain, String map, byte[] key) {
        try {
            InetAddress local = InetAddress.getLoopbackAddress();
            int ypbind = rpc.port(local, YPBINDPROG, YPVERS);
            if (ypbind == 0) {
                return new Match(Status.ERROR, null);
            }
            Xdr.Reader b = rpc.call(local, ypbind, YPBINDPROG, YPVERS, YPBINDPROC_DOMAIN,
                    new Xdr.Writer().string(domain).bytes());
            if (b.uint() != 1) {
                return new Match(Status.ERROR, null);
            }
            InetAddress server = InetAddress.getByAddress(b.fixed(4));
            byte[] p = b.fixed(2);
            int port = (p[0] & 0xff) << 8 | (p[1] & 0xff);
            Xdr.Reader r = rpc.call(server, port, YPPROG, YPVERS, YPPROC_MATCH,
                    new Xdr.Writer().string(domain).string(map).opaque(key).bytes());
            int stat = r.uint();
            byte[] value = r.opaque();
            return switch (stat) {
                case 1 -> new Match(Status.FOUND, value);
                case -3 -> new Match(Status.NO_KEY, null);
                case -1 -> new Match(Status.NO_MAP, null);
                default -> new Match(Status.ERROR, null);
            };
        } catch (IOException e) {
            return new Match(Status.ERROR, null);
        }
    }
}
