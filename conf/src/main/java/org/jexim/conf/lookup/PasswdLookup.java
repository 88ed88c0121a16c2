package org.jexim.conf.lookup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** passwd: a user's entry as "*:uid:gid:gecos:home:shell", from /etc/passwd. */
final class PasswdLookup implements LookupType {
    static final Path PASSWD = Path.of("/etc/passwd");

    @Override
    public String name() {
        return "passwd";
    }

    @Override
    public Style style() {
        return Style.QUERY;
    }

    @Override
    public String find(String file, String key, String opts, LookupEnv env) throws LookupException {
        String[] f = entry(key);
        return f == null ? null : "*:" + f[2] + ":" + f[3] + ":" + f[4] + ":" + f[5] + ":" + f[6];
    }

    /** The /etc/passwd fields of a user, or null. */
    static String[] entry(String user) {
        try {
            for (String line : Files.readAllLines(PASSWD, StandardCharsets.ISO_8859_1)) {
                String[] f = line.split(":", -1);
                if (f.length >= 7 && f[0].equals(user)) {
                    return f;
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }
}
