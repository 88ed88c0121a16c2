package org.jexim.conf.lookup;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Exim's wording for system errors (strerror) and string_open_failed(). */
public final class Errors {
    private Errors() {
    }

    /** "failed to open WHAT: REASON". */
    public static String openFailed(String what, IOException e) {
        return "failed to open " + what + ": " + strerror(e);
    }

    /** The C library's message for the error behind an exception. */
    public static String strerror(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "Not a directory";
        }
        String m = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof FileSystemException f && f.getReason() != null) {
            m = f.getReason();
        }
        if (m.contains("Is a directory")) {
            return "Is a directory";
        }
        if (m.contains("Not a directory")) {
            return "Not a directory";
        }
        if (m.contains("No such file")) {
            return "No such file or directory";
        }
        if (m.contains("Permission denied")) {
            return "Permission denied";
        }
        return m;
    }
}
