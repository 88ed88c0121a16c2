package org.jexim.acl.modifiers;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import org.jexim.acl.AclCondition;
import org.jexim.acl.AclOutcome;
import org.jexim.acl.AclSubject;
import org.jexim.conf.model.AclItem;

/**
 * {@code udpsend = HOST : PORT : PAYLOAD}, as Exim's acl_udpsend(): the payload (the rest of
 * the text after the second colon, as it is) goes in one UDP datagram; a missing part or a bad
 * port is an error, a failed lookup or send defers.
 */
public final class UdpsendModifier implements AclCondition {
    @Override
    public AclOutcome test(String arg, AclItem item, AclSubject subject) {
        int first = arg.indexOf(':');
        String host = (first < 0 ? arg : arg.substring(0, first)).strip();
        if (host.isEmpty()) {
            return AclOutcome.error("missing destination host in \"udpsend\" modifier");
        }
        int second = first < 0 ? -1 : arg.indexOf(':', first + 1);
        String port = first < 0 ? "" : (second < 0 ? arg.substring(first + 1) : arg.substring(first + 1, second)).strip();
        if (port.isEmpty()) {
            return AclOutcome.error("missing destination port in \"udpsend\" modifier");
        }
        if (second < 0) {
            return AclOutcome.error("missing datagram payload in \"udpsend\" modifier");
        }
        if (!port.matches("[0-9]+")) {
            return AclOutcome.error("bad destination port in \"udpsend\" modifier");
        }
        byte[] payload = arg.substring(second + 1).getBytes(StandardCharsets.ISO_8859_1);
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            return AclOutcome.defer("DNS lookup failed in \"udpsend\" modifier");
        }
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.send(new DatagramPacket(payload, payload.length, address, Integer.parseInt(port)));
        } catch (IOException e) {
            return AclOutcome.defer("\"udpsend\" failed: " + e.getMessage());
        }
        return AclOutcome.TRUE;
    }
}
