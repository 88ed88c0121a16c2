package org.jexim.transport;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.regex.Pattern;

/**
 * How Exim's appendfile measures a directory mailbox for its quota: check_dir_size() (every
 * regular file below, its size shared between its hard links; each entry counted) and, for
 * maildirs with a maildirsize file, maildir_compute_size() (only the folders whose names match
 * {@code maildir_quota_directory_regex}: cur, new and the ".Folder" subfolders).
 */
final class MailboxSize {
    /** Exim's default maildir_quota_directory_regex. */
    static final String DEFAULT_DIR_REGEX = "^(?:cur|new|\\..*)$";

    private long bytes;
    private int files;

    long bytes() {
        return bytes;
    }

    int files() {
        return files;
    }

    /** check_dir_size() of a directory. */
    static MailboxSize ofDirectory(Path dir) {
        MailboxSize s = new MailboxSize();
        s.addDirectory(dir);
        return s;
    }

    /** maildir_compute_size() of a maildir. */
    static MailboxSize ofMaildir(Path maildir, Pattern dirRegex) {
        MailboxSize s = new MailboxSize();
        s.addMaildir(maildir, dirRegex);
        return s;
    }

    private void addMaildir(Path dir, Pattern dirRegex) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if ((dirRegex != null && !dirRegex.matcher(name).find()) || !Files.isDirectory(p)) {
                    continue;
                }
                if (name.startsWith(".")) {
                    addMaildir(p, dirRegex);
                } else {
                    addDirectory(p);
                }
            }
        } catch (IOException e) {
            // an unreadable folder counts as empty, as in Exim
        }
    }

    private void addDirectory(Path dir) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                files++;
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (a.isSymbolicLink()) {
                    a = Files.readAttributes(p, BasicFileAttributes.class);
                }
                if (a.isRegularFile()) {
                    Object links = Files.getAttribute(p, "unix:nlink");
                    bytes += a.size() / Math.max(1, ((Number) links).intValue());
                } else if (a.isDirectory()) {
                    addDirectory(p);
                }
            }
        } catch (IOException e) {
            // as above
        }
    }
}
