package org.jexim.queuetools;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Prints spool text byte for byte: the tools hold spool bytes as ISO-8859-1 strings. */
final class Latin1 {
    private Latin1() {
    }

    static void print(PrintStream out, String text) {
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        out.write(b, 0, b.length);
    }

    /** A command line argument (decoded by the JVM) as the bytes the user typed. */
    static String fromArgument(String argument) {
        return new String(argument.getBytes(java.nio.charset.Charset.defaultCharset()), StandardCharsets.ISO_8859_1);
    }
}
