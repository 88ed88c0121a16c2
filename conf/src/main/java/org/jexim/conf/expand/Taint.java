package org.jexim.conf.expand;

/**
 * Where Exim 4.96 refuses tainted values (data from the message, the envelope or the SMTP
 * session), with its messages. Transports and routers call these on
 * {@link Expansion#evaluateWithTaint} results; the expansion items refuse by themselves
 * (lookup file names, ${readfile}, ${expand} of tainted text).
 */
public final class Taint {
    private Taint() {
    }

    /** appendfile's file or directory name. */
    public static void checkFileName(Expansion.Result path, String transport) throws ExpansionException {
        if (path.tainted()) {
            throw new ExpansionException("Tainted '" + path.value() + "' (file or directory name for " + transport
                    + " transport) not permitted");
        }
    }

    /** pipe's command. */
    public static void checkCommand(Expansion.Result command, String transport) throws ExpansionException {
        if (command.tainted()) {
            throw new ExpansionException("Tainted '" + command.value() + "' (command for " + transport
                    + " transport) not permitted");
        }
    }

    /** Any other file name opened on the configuration's behalf (Exim's exim_open/exim_fopen). */
    public static void checkOpen(Expansion.Result path) throws ExpansionException {
        if (path.tainted()) {
            throw new ExpansionException("Tainted filename '" + path.value() + "'");
        }
    }
}
