package org.jexim.routing;

import java.util.Map;

/**
 * The options of the redirect driver that change how its list is read and what it may contain;
 * {@code all} keeps every option as written, for the filter options (reply_transport, allow_freeze...).
 */
record RedirectOptions(String data, String file, boolean allowFail, boolean allowDefer, boolean forbidBlackhole,
                       boolean forbidInclude, boolean forbidPipe, boolean forbidFile, boolean qualifyPreserveDomain,
                       String pipeTransport, String fileTransport, boolean skipSyntaxErrors,
                       boolean checkAncestor, boolean allowFilter, Map<String, String> all) {
    static RedirectOptions of(Map<String, String> o) {
        return new RedirectOptions(o.get("data"), o.get("file"),
                RouterFactory.bool(o, "allow_fail", false), RouterFactory.bool(o, "allow_defer", false),
                RouterFactory.bool(o, "forbid_blackhole", false), RouterFactory.bool(o, "forbid_include", false),
                RouterFactory.bool(o, "forbid_pipe", false), RouterFactory.bool(o, "forbid_file", false),
                RouterFactory.bool(o, "qualify_preserve_domain", false),
                o.get("pipe_transport"), o.get("file_transport"), RouterFactory.bool(o, "skip_syntax_errors", false),
                RouterFactory.bool(o, "check_ancestor", false), RouterFactory.bool(o, "allow_filter", false), Map.copyOf(o));
    }

    /** include_directory: where :include: files must be, or null. */
    String includeDirectory() {
        return all.get("include_directory");
    }

    /** syntax_errors_to: who is mailed the errors skip_syntax_errors skipped, or null. */
    String syntaxErrorsTo() {
        return all.get("syntax_errors_to");
    }

    /** syntax_errors_text: what that mail says before the errors, or null. */
    String syntaxErrorsText() {
        return all.get("syntax_errors_text");
    }

    /** The mode and ownership checks of a redirection file. */
    RedirectFileChecks fileChecks() {
        return new RedirectFileChecks(all);
    }
}
