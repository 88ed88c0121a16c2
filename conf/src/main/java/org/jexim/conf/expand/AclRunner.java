package org.jexim.conf.expand;

import java.util.List;

/** Runs a named ACL for {@code ${acl{name}{args}}}; supplied by the SMTP engine. */
public interface AclRunner {
    /** Verdict and the message set by {@code message =} (may be null). */
    record Result(Verdict verdict, String message) {
    }

    /** What the ACL decided. */
    enum Verdict { OK, FAIL, DEFER, ERROR }

    /** No ACLs: every call is an ERROR, as Exim reports for an unknown ACL. */
    AclRunner NONE = (name, args) -> new Result(Verdict.ERROR, null);

    Result run(String name, List<String> args) throws ExpansionException;
}
