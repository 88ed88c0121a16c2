package org.jexim.transport;

/** The error numbers Exim writes in "defer (N)" (exim.h's ERRNO_* and the system's errno values). */
final class EximErrno {
    static final int ECONNREFUSED = 111;
    static final int ETIMEDOUT = 110;
    static final int ERRNO_LOCKFAILED = -9;
    static final int ERRNO_TLSFAILURE = -37;
    static final int ERRNO_TLSREQUIRED = -38;
    static final int ERRNO_AUTHFAIL = -42;
    static final int ERRNO_RCPT4XX = -44;
    static final int ERRNO_MAIL4XX = -45;
    static final int ERRNO_DATA4XX = -46;
    static final int ERRNO_HRETRY = -54;
    static final int ERRNO_SMTPCLOSED = -18;

    private EximErrno() {
    }
}
