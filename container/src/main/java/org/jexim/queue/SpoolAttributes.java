package org.jexim.queue;

import java.util.List;

import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;

/**
 * The Mail attributes through which James code reads and sets what Exim keeps in a -H file.
 * Any attribute named {@code exim.spool.NAME} becomes the {@code -NAME value} line (a Boolean
 * {@code true} becomes the bare flag {@code -NAME}), so the SMTP side can record
 * {@code exim.spool.received_protocol = esmtp}, {@code exim.spool.host_address = 192.0.2.1.45678},
 * {@code exim.spool.helo_name}, {@code exim.spool.auth_id}, ...; {@code exim.acl.acl_m_foo}
 * becomes the ACL variable {@code $acl_m_foo}. Reading a -H file sets them back.
 */
public final class SpoolAttributes {
    /** The Exim message id of the spool entry a dequeued mail came from (a String). */
    public static final AttributeName MESSAGE_ID = AttributeName.of("exim.message_id");
    /** Whether the -H file has Exim's deliver_firsttime flag (a Boolean): the first delivery attempt. */
    public static final AttributeName FIRST_DELIVERY = AttributeName.of("exim.first_delivery");
    /** Arrival time, microseconds since the epoch (a Long); kept across retries and splits. */
    public static final AttributeName RECEIVED_TIME = AttributeName.of("exim.received_time");
    /** Delay warnings already sent (an Integer), the second number of the -H file's fourth line. */
    public static final AttributeName WARNING_COUNT = AttributeName.of("exim.warning_count");
    /** "login uid gid" of the submitting user (a String); the JVM's user when absent. */
    public static final AttributeName OWNER = AttributeName.of("exim.owner");
    /** Why the message was cancelled (a String): its recipients are to fail with this text. */
    public static final AttributeName CANCEL = AttributeName.of("exim.cancel");
    public static final String OPTION_PREFIX = "exim.spool.";
    public static final String ACL_PREFIX = "exim.acl.";
    /** Present beside an option whose value is tainted (written {@code --name value}). */
    public static final String TAINT_PREFIX = "exim.spooltaint.";
    /** When the message's data had been read, in microseconds since the epoch (-received_time_complete). */
    public static final AttributeName RECEIVED_TIME_COMPLETE = AttributeName.of("exim.received_time_complete");

    private SpoolAttributes() {
    }

    /** The attribute that writes {@code -name value} into the -H file. */
    public static Attribute option(String name, String value) {
        return new Attribute(AttributeName.of(OPTION_PREFIX + name), AttributeValue.of(value));
    }

    /** Exim's -H lines of a message's DSN requests: -dsn_envid as given, -dsn_ret 1 (FULL) or 2 (HDRS). */
    public static java.util.List<Attribute> dsnOptions(org.apache.mailet.DsnParameters dsn) {
        java.util.List<Attribute> lines = new java.util.ArrayList<>();
        dsn.getEnvIdParameter().ifPresent(e -> lines.add(option("dsn_envid", e.asString())));
        dsn.getRetParameter().ifPresent(r -> lines.add(option("dsn_ret", r == org.apache.mailet.DsnParameters.Ret.FULL ? "1" : "2")));
        return lines;
    }

    /**
     * The attributes that write {@code --name value}: a value from outside (the SMTP client, the
     * command line), which Exim marks tainted.
     */
    public static List<Attribute> taintedOption(String name, String value) {
        return List.of(option(name, value), new Attribute(AttributeName.of(TAINT_PREFIX + name), AttributeValue.of(true)));
    }

    /** The attribute that writes the flag line {@code -name} into the -H file. */
    public static Attribute flag(String name) {
        return new Attribute(AttributeName.of(OPTION_PREFIX + name), AttributeValue.of(true));
    }

    /** The attribute holding the ACL variable {@code name} (for example {@code acl_m_score}). */
    public static Attribute aclVariable(String name, String value) {
        return new Attribute(AttributeName.of(ACL_PREFIX + name), AttributeValue.of(value));
    }
}
