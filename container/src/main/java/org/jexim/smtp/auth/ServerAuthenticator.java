package org.jexim.smtp.auth;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jexim.acl.AclSubject;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.expand.Expander;
import org.jexim.conf.translate.TranslatedDriver;

/**
 * The server side of one authenticator instance: its public name, whether it is advertised
 * (server_advertise_condition), and the generic server_condition and server_set_id that every
 * driver applies once its own exchange has gathered $auth1, $auth2 ... (auths/check_serv_cond.c).
 */
public abstract class ServerAuthenticator {
    private final TranslatedDriver spec;

    protected ServerAuthenticator(TranslatedDriver spec) {
        this.spec = spec;
    }

    /** The instance name (A= in the log, $sender_host_authenticated). */
    public String name() {
        return spec.name();
    }

    /** The mechanism name in EHLO and AUTH: public_name, which defaults to the instance name. */
    public String publicName() {
        return option("public_name").map(String::strip).orElse(spec.name()).toUpperCase(Locale.ROOT);
    }

    protected Optional<String> option(String name) {
        return Optional.ofNullable(spec.options().get(name));
    }

    /** True when the driver's server options are set, so that Exim uses it as a server. */
    public abstract boolean isServer();

    /** A new exchange for one AUTH command; {@code vars} receives $auth1... and is the expansion context. */
    public abstract SaslExchange exchange(AclSubject vars, String primaryHostname);

    /** server_advertise_condition: unset, or expanding to something other than empty/0/no/false. */
    public boolean advertised(AclSubject vars) {
        return holdsUnlessFalse("server_advertise_condition", vars);
    }

    /**
     * server_mail_auth_condition, for a client this driver authenticated that gave MAIL an AUTH=
     * value: unset keeps the value; a failed expansion, empty, 0, no or false drops it.
     */
    public boolean keepsMailAuth(AclSubject vars) {
        return holdsUnlessFalse("server_mail_auth_condition", vars);
    }

    /** An optional condition option: unset holds; a failed expansion, empty, 0, no or false does not. */
    private boolean holdsUnlessFalse(String option, AclSubject vars) {
        Optional<String> condition = option(option);
        if (condition.isEmpty()) {
            return true;
        }
        try {
            return !isFalse(Expander.expand(condition.get(), vars));
        } catch (ExpansionException e) {
            return false;
        }
    }

    /** Sets $auth1.. (and the numeric $1..) from the values gathered. */
    protected static void setValues(AclSubject vars, List<String> values) {
        for (int i = 0; i < values.size() && i < 3; i++) {
            vars.set("auth" + (i + 1), values.get(i));
            vars.set(Integer.toString(i + 1), values.get(i));
        }
    }

    /** The end of an exchange whose data is in {@code vars}: server_condition, then server_set_id. */
    protected AuthResult conclude(AclSubject vars) {
        AuthResult result = condition(vars);
        // Exim expands server_set_id whatever the outcome; the 535 and 435 log lines show it
        if (result.kind() == AuthResult.Kind.SUCCEEDED || result.kind() == AuthResult.Kind.FAILED
                || result.kind() == AuthResult.Kind.DEFERRED) {
            return withSetId(result, vars);
        }
        return result;
    }

    /** {@code result} with server_set_id expanded (unchanged when unset; a failed expansion defers a success). */
    protected AuthResult withSetId(AuthResult result, AclSubject vars) {
        Optional<String> setId = option("server_set_id");
        if (setId.isEmpty()) {
            return result;
        }
        try {
            return result.withSetId(Expander.expand(setId.get(), vars));
        } catch (ExpansionException e) {
            return result.succeeded() ? AuthResult.deferred(e.getMessage()) : result;
        }
    }

    /** A driver option that did not expand: a forced failure fails the authentication, anything else defers it. */
    protected static AuthResult expansionFailed(ExpansionException e) {
        return e.forced() ? AuthResult.of(AuthResult.Kind.FAILED) : AuthResult.deferred(e.getMessage());
    }

    /** Exim's auth_check_serv_cond: unset is OK; yes/true/1 OK; empty/no/false/0 FAIL; else DEFER. */
    private AuthResult condition(AclSubject vars) {
        Optional<String> condition = option("server_condition");
        if (condition.isEmpty()) {
            return AuthResult.of(AuthResult.Kind.SUCCEEDED);
        }
        String value;
        try {
            value = Expander.expand(condition.get(), vars);
        } catch (ExpansionException e) {
            return expansionFailed(e);
        }
        if (isFalse(value)) {
            return AuthResult.of(AuthResult.Kind.FAILED);
        }
        if (value.equals("1") || value.equalsIgnoreCase("yes") || value.equalsIgnoreCase("true")) {
            return AuthResult.of(AuthResult.Kind.SUCCEEDED);
        }
        return AuthResult.deferredShowing(value);
    }

    private static boolean isFalse(String value) {
        return value.isEmpty() || value.equals("0") || value.equalsIgnoreCase("no") || value.equalsIgnoreCase("false");
    }
}
