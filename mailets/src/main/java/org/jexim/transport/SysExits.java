package org.jexim.transport;

/** The hint Exim adds to a pipe command's exit status from sysexits.h ("(could mean ...)"). */
final class SysExits {
    /** Exim's os_strexit() texts (OS/os.c-Linux), for EX_USAGE (64) to EX_CONFIG (78). */
    private static final String[] MEANINGS = {
        "usage or syntax error", "error in input data", "input data missing", "user nonexistent",
        "host nonexistent", "service or program unavailable", "internal software error",
        "internal operating system error", "system file missing", "can't create output file",
        "input/output error", "temporary error", "protocol error", "permission denied", "configuration error"};
    /** Exim's EX_EXECFAILED: the status of a child that could not exec the command. */
    private static final int EXEC_FAILED = 127;

    private SysExits() {
    }

    /** " (could mean ...)" for statuses 64 to 78 and 127, nothing for others. */
    static String meaning(int status) {
        if (status == EXEC_FAILED) {
            return " (could mean unable to exec or command does not exist)";
        }
        return status >= 64 && status <= 78 ? " (could mean " + MEANINGS[status - 64] + ")" : "";
    }
}
