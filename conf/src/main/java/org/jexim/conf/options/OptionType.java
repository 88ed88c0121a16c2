package org.jexim.conf.options;

/**
 * The value types of Exim options, as Exim's option tables type them (opt_bool, opt_int, ...).
 * The Java type of a parsed value is given per constant (see {@link OptionValues#parse}).
 */
public enum OptionType {
    /** true/false/yes/no, or the bare name, or no_/not_ prefixed name. Value: Boolean. */
    BOOL,
    /** integer: decimal, 0x hex, leading-0 octal, with K, M or G multipliers. Value: Long. */
    INT,
    /** integer printed with K/M suffix by -bP (bounce_return_size_limit and friends). Value: Long. */
    MKINT,
    /** integer counted in K (check_spool_space and friends). Value: Long, in kilobytes as Exim keeps it. */
    KINT,
    /** octal integer (modes). Value: Long. */
    OCTINT,
    /** fixed-point number with three decimals (load averages). Value: Long, in thousandths as Exim keeps it. */
    FIXED,
    /** time value such as 2d4h30m. Value: Long seconds. */
    TIME,
    /** colon-separated list of time values. Value: List of Long seconds. */
    TIMELIST,
    /** a string (expanded or not, see {@link OptionDef#expanded()}). Value: String. */
    STRING,
    /** a user name or uid. Value: String as written. */
    UID,
    /** a group name or gid. Value: String as written. */
    GID,
    /** a list of users. Value: List of String. */
    UIDLIST,
    /** a list of groups. Value: List of String. */
    GIDLIST,
    /** a user that is expanded at use time. Value: String. */
    EXPAND_UID,
    /** a group that is expanded at use time. Value: String. */
    EXPAND_GID,
    /** rewrite rules (headers_rewrite, return_path rewriting). Value: String. */
    REWRITE,
    /** an option with its own syntax (smtp_receive_timeout), kept as Exim keeps it: Long seconds or the String to expand. */
    FUNC,
    /** a boolean that may instead be a string expanded at use time (more, unseen). Value: Boolean, or String when it contains '$'. */
    EXPAND_BOOL
}
