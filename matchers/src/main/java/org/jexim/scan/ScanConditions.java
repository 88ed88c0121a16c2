package org.jexim.scan;

/**
 * The content-scanning ACL conditions {@code spam} and {@code malware} for the ACL engine:
 * give each the expanded right-hand side, the expanded global option ({@code spamd_address}
 * or {@code av_scanner}) and the message; the variables they set are in
 * {@link ScannedMessage#variables()}.
 */
public final class ScanConditions {
    private final SpamCondition spam;
    private final MalwareCondition malware;

    public ScanConditions(SpamdClient spamd) {
        this.spam = new SpamCondition(spamd);
        this.malware = new MalwareCondition();
    }

    public ScanConditions() {
        this(new SpamdClient());
    }

    /** {@code spam = ARG}. */
    public ScanOutcome spam(String argument, String spamdAddress, ScannedMessage message) {
        return spam.evaluate(argument, spamdAddress, message);
    }

    /** {@code malware = ARG}. */
    public ScanOutcome malware(String argument, String avScanner, ScannedMessage message) {
        return malware.evaluate(argument, avScanner, message);
    }
}
