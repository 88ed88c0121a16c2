package org.jexim.transport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * appendfile's {@code create_file} rule, Exim's check_creation(): whether a file may be created
 * at a path given the delivery directory ({@code create_file}'s absolute path, or $home for
 * {@code belowhome}/{@code inhome}). A path that passes under an absolute or belowhome rule is
 * also what de-taints a file name built from $local_part.
 */
final class CreationCheck {
    private CreationCheck() {
    }

    /** Whether {@code create_file} names a directory below which files are allowed (Exim's create_belowhome). */
    static boolean belowDirectory(String createFile) {
        return createFile.startsWith("/") || createFile.equals("belowhome");
    }

    /** The delivery directory: create_file's own path when absolute, else $home (null: none). */
    static String deliveryDirectory(String createFile, String home) {
        return createFile.startsWith("/") ? createFile : home;
    }

    /**
     * Exim's check_creation: true when {@code createFile} is anywhere or there is no delivery
     * directory; otherwise the file must be directly in the directory ({@code inhome}) or below
     * it without "/../" and without a symbolic link leading out of it.
     */
    static boolean permits(String filename, String createFile, String deliverDir) {
        if (deliverDir == null || createFile.equals("anywhere")) {
            return true;
        }
        String file = filename;
        while (file.startsWith("//")) {
            file = file.substring(1);
        }
        int len = deliverDir.length();
        if (!file.startsWith(deliverDir) || file.length() <= len || file.charAt(len) != '/') {
            return false;
        }
        boolean deeper = file.length() > len + 2 && file.indexOf('/', len + 2) >= 0;
        boolean below = belowDirectory(createFile);
        if (deeper && (!below || file.indexOf("/../", len) >= 0)) {
            return false;
        }
        return !below || realPathInside(file, deliverDir);
    }

    /** The real path of the longest existing part of {@code file} must start like the directory's. */
    private static boolean realPathInside(String file, String deliverDir) {
        Path existing = Path.of(file).getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return true;
        }
        try {
            String real = existing.toRealPath().toString();
            String home = Files.exists(Path.of(deliverDir)) ? Path.of(deliverDir).toRealPath().toString() : deliverDir;
            int n = Math.min(real.length(), home.length());
            return real.regionMatches(0, home, 0, n);
        } catch (IOException e) {
            return true;
        }
    }
}
