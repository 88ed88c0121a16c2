package org.jexim.bounce;

/**
 * One address a bounce reports: the address that failed, the top-level address it was
 * generated from (null when it is one), whether that is more than one generation up, and the
 * error Exim shows the sender, the output of a command to return, and the remote host and its
 * reply for the DSN, and the ORCPT the client gave ("rfc822;...") (nulls for none).
 */
public record FailedAddress(String address, String generatedFrom, boolean ultimately, String message, String output,
                            String remoteMta, String diagnostic, String orcpt) {
    public FailedAddress(String address, String generatedFrom, boolean ultimately, String message) {
        this(address, generatedFrom, ultimately, message, null, null, null, null);
    }

    public FailedAddress(String address, String generatedFrom, boolean ultimately, String message, String output,
                         String remoteMta, String diagnostic) {
        this(address, generatedFrom, ultimately, message, output, remoteMta, diagnostic, null);
    }

    /** The address of the DSN's Final-Recipient: the top-level one, as Exim reports it. */
    public String finalRecipient() {
        return generatedFrom == null ? address : generatedFrom;
    }
}
