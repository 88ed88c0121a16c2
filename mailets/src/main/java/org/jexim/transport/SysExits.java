package org.jexim.transport;

/** The hint Exim adds to a pipe command's exit status from sysexits.h ("(could mean ...)"). */
final class SysExits {
    private static final String[] MEANINGS = {
        "usage or syntax error", "error in data", "input file not available", "user nonexistent",
        "host nonexistent", "service unavailable", "internal software error", "system error",
        "critical OS file missing", "can't create (user) output file", "input/output error",
        "temporary failure", "remote error in protocol", "permission denied", "configuration error"};

    private SysExits() {
    }

    /** " (could mean ...)" for statuses 64 to 78, nothing for others. */
    static String meaning(int status) {
        return status >= 64 && status <= 78 ? " (could mean " + MEANINGS[status - 64] + ")" : "";
    }
}
