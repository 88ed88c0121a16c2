package org.jexim.conf.expand.operators;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jexim.conf.expand.Expander;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.expand.Out;
import org.jexim.conf.lookup.Errors;

/** expand (a second expansion of the operand), stat, rfc2047, rfc2047d. */
final class MiscOperators {
    private MiscOperators() {
    }

    static void register(Map<String, Operator> m) {
        m.put("expand", (ev, name, arg, in, out) -> {
            String sub = in.toString();
            if (in.tainted()) {
                throw new ExpansionException("internal expansion of \"" + sub + "\" failed: attempt to expand tainted string '"
                        + sub + "'");
            }
            ev.enter();
            try {
                Out r = ev.expand(Expander.parseLenientNode(sub));
                out.append(r);
            } catch (ExpansionException e) {
                throw new ExpansionException("internal expansion of \"" + sub + "\" failed: " + e.getMessage(), e.forced());
            } finally {
                ev.leave();
            }
        });
        m.put("stat", (ev, name, arg, in, out) -> out.append(stat(in.toString()), in.tainted()));
        m.put("rfc2047", (ev, name, arg, in, out) -> out.append(Rfc2047.encode(in.toString(), "iso-8859-1"), in.tainted()));
        m.put("rfc2047d", (ev, name, arg, in, out) -> out.append(Rfc2047.decode(in.toString(),
                ev.context().option("headers_charset").orElse(Rfc2047.HEADERS_CHARSET)), in.tainted()));
    }

    private static String stat(String file) throws ExpansionException {
        Path p = Path.of(file.startsWith("/") ? file : "/" + file);
        Map<String, Object> a;
        try {
            a = Files.readAttributes(p, "unix:*");
        } catch (IOException | UnsupportedOperationException e) {
            throw new ExpansionException("stat(" + file + ") failed: "
                    + (e instanceof IOException io ? Errors.strerror(io) : e.getMessage()));
        }
        int mode = (Integer) a.get("mode");
        char type = switch (mode & 0170000) {
            case 0010000 -> 'p';
            case 0020000 -> 'c';
            case 0040000 -> 'd';
            case 0060000 -> 'b';
            case 0100000 -> '-';
            default -> '?';
        };
        String[] normal = {"---", "--x", "-w-", "-wx", "r--", "r-x", "rw-", "rwx"};
        String[] setid = {"--S", "--s", "-wS", "-ws", "r-S", "r-s", "rwS", "rws"};
        String[] stickyT = {"--T", "--t", "-wT", "-wt", "r-T", "r-t", "rwT", "rwt"};
        String other = ((mode & 01000) == 0 ? normal : stickyT)[mode & 7];
        String group = ((mode & 02000) == 0 ? normal : setid)[(mode >> 3) & 7];
        String user = ((mode & 04000) == 0 ? normal : setid)[(mode >> 6) & 7];
        String smode = type + user + group + other;
        return String.format("mode=%04o smode=%s inode=%d device=%d links=%d uid=%d gid=%d size=%d atime=%d mtime=%d ctime=%d",
                mode & 077777, smode, (Long) a.get("ino"), (Long) a.get("dev"), (Integer) a.get("nlink"),
                (Integer) a.get("uid"), (Integer) a.get("gid"), (Long) a.get("size"),
                ((java.nio.file.attribute.FileTime) a.get("lastAccessTime")).toMillis() / 1000,
                ((java.nio.file.attribute.FileTime) a.get("lastModifiedTime")).toMillis() / 1000,
                ((java.nio.file.attribute.FileTime) a.get("ctime")).toMillis() / 1000);
    }
}
