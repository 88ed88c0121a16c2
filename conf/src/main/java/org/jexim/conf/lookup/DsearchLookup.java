package org.jexim.conf.lookup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.jexim.conf.lists.ExiList;

/** dsearch: is KEY an entry of the directory? Options ret=full, filter=file|dir|subdir. */
final class DsearchLookup implements LookupType {
    @Override
    public String name() {
        return "dsearch";
    }

    @Override
    public Style style() {
        return Style.SINGLE_KEY;
    }

    @Override
    public String find(String dir, String key, String opts, LookupEnv env) throws LookupException {
        Path d = Path.of("/").resolve(dir);
        if (!Files.isDirectory(d)) {
            if (!Files.exists(d)) {
                throw LookupException.open("failed to open " + dir + " for directory search: No such file or directory");
            }
            throw LookupException.open("failed to open " + dir + " for directory search: Not a directory");
        }
        if (!dir.startsWith("/")) {
            throw LookupException.open("dirname '" + dir + "' for dsearch is not absolute");
        }
        if (key.indexOf('/') >= 0) {
            throw LookupException.defer("key for dsearch lookup contains a slash: " + key);
        }
        boolean full = false;
        String filter = null;
        if (opts != null) {
            for (String o : ExiList.items(opts, ',')) {
                if (o.equals("ret=full")) {
                    full = true;
                } else if (o.startsWith("filter=")) {
                    String f = o.substring(7);
                    if (f.equals("file") || f.equals("dir") || f.equals("subdir")) {
                        filter = f;
                    }
                }
            }
        }
        String filename = dir + "/" + key;
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(Path.of(filename), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw LookupException.defer(filename + ": lstat: " + Errors.strerror(e));
        }
        boolean ok = filter == null
                || filter.equals("file") && a.isRegularFile()
                || filter.equals("dir") && a.isDirectory()
                || filter.equals("subdir") && a.isDirectory() && !key.equals(".") && !key.equals("..");
        if (!ok) {
            return null;
        }
        return full ? filename : key;
    }
}
