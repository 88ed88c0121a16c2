package org.jexim.conf.options;

/** The value types of Exim options, as Exim's option tables type them (opt_bool, opt_int, ...). */
public enum OptionType {
    /** true/false/yes/no, or the bare name, or no_/not_ prefixed name. */
    BOOL,
    /** integer: decimal, 0x hex, leading-0 octal, with K, M or G multipliers. */
    INT,
    /** integer printed with K/M suffix by -bP (message_size_limit and friends). */
    MKINT,
    /** integer counted in K (check_spool_space and friends). */
    KINT,
    /** octal integer (modes). */
    OCTINT,
    /** fixed-point number with three decimals (load averages). */
    FIXED,
    /** time value such as 2d4h30m. */
    TIME,
    /** colon-separated list of time values. */
    TIMELIST,
    /** a string (expanded or not, see {@link OptionDef#expanded()}). */
    STRING,
    /** a user name or uid. */
    UID,
    /** a group name or gid. */
    GID,
    /** a list of users. */
    UIDLIST,
    /** a list of groups. */
    GIDLIST,
    /** a user that is expanded at use time. */
    EXPAND_UID,
    /** a group that is expanded at use time. */
    EXPAND_GID,
    /** rewrite rules (headers_rewrite, return_path rewriting). */
    REWRITE,
    /** an option with its own syntax (log_selector and the like), kept as a string. */
    FUNC
}
