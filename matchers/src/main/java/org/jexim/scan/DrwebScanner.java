package org.jexim.scan;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jexim.conf.lists.ExiList;

/**
 * {@code av_scanner = drweb:ADDRESS} (default /usr/local/drweb/run/drwebd.sock), Dr.Web's
 * binary protocol as Exim's malware.c (M_DRWEB) speaks it, in network byte order: the scan
 * command and flags (return viruses, mail format), then for a TCP address the message itself
 * (length first), for a socket path the spooled file's name; the reply is a return code, a
 * number of viruses and that many length-prefixed reports, whose "infected with NAME" names are
 * joined with '/'; with no virus, the return code's read/memory/timeout/command errors defer.
 */
final class DrwebScanner implements MalwareScanner {
    private static final int SCAN_CMD = 1;
    private static final int RETURN_VIRUSES = 1;
    private static final int IS_MAIL = 1 << 19;
    private static final Pattern REPORT = Pattern.compile("infected\\swith\\s*(.+?)$");

    private final String address;
    private final List<ScanEndpoint> endpoints;

    private DrwebScanner(String address, List<ScanEndpoint> endpoints) {
        this.address = address;
        this.endpoints = endpoints;
    }

    static DrwebScanner parse(String options) throws ScanException {
        String address = ExiList.items(options).stream().findFirst().orElse("");
        if (address.isBlank()) {
            address = "/usr/local/drweb/run/drwebd.sock";
        }
        return new DrwebScanner(address, DaemonAddress.parse(address, "drweb"));
    }

    @Override
    public Optional<String> scan(byte[] message, long timeoutMillis) throws ScanException {
        try (SpooledMessage m = new SpooledMessage(message);
             ScanConnection c = DaemonAddress.connect(endpoints, timeoutMillis)) {
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.writeBytes(ints(SCAN_CMD, RETURN_VIRUSES | IS_MAIL));
            if (!address.startsWith("/")) {
                byte[] file = Files.readAllBytes(m.file());
                request.writeBytes(ints(0, file.length));
                request.writeBytes(file);
            } else {
                byte[] name = m.file().toString().getBytes(StandardCharsets.ISO_8859_1);
                request.writeBytes(ints(name.length));
                request.writeBytes(name);
                request.writeBytes(ints(0));
            }
            c.write(request.toByteArray());
            int rc = readInt(c, "unable to read return code");
            int viruses = readInt(c, "unable to read the number of viruses");
            if (viruses != 0) {
                StringBuilder names = null;
                for (int i = 0; i < viruses; i++) {
                    int length = readInt(c, "cannot read report size");
                    String report = new String(readFully(c, length, "cannot read report string"), StandardCharsets.ISO_8859_1);
                    Matcher v = REPORT.matcher(report);
                    if (v.find()) {
                        names = names == null ? new StringBuilder(v.group(1)) : names.append('/').append(v.group(1));
                    }
                }
                return Optional.ofNullable(names).map(StringBuilder::toString);
            }
            String error = null;
            if ((rc & 1) != 0) {
                error = "read error";
            }
            if ((rc & (1 << 2)) != 0) {
                error = "no memory";
            }
            if ((rc & (1 << 9)) != 0) {
                error = "timeout";
            }
            if ((rc & (1 << 15)) != 0) {
                error = "wrong command";
            }
            if (error != null) {
                throw new ScanException(String.format("drweb: drweb daemon retcode 0x%x (%s)", rc, error));
            }
            return Optional.empty();
        } catch (ScanException e) {
            throw e;
        } catch (java.io.IOException e) {
            throw new ScanException("drweb: " + e.getMessage(), e);
        }
    }

    private static byte[] ints(int... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length);
        for (int v : values) {
            b.putInt(v);
        }
        return b.array();
    }

    private static int readInt(ScanConnection c, String what) throws ScanException {
        return ByteBuffer.wrap(readFully(c, 4, what)).getInt();
    }

    private static byte[] readFully(ScanConnection c, int length, String what) throws ScanException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (out.size() < length) {
            byte[] got = c.readSome(length - out.size());
            if (got.length == 0) {
                throw new ScanException("drweb: " + what);
            }
            out.writeBytes(got);
        }
        return out.toByteArray();
    }
}
