package org.jexim.conf.lookup.ldap;

import com.unboundid.ldap.sdk.ResultCode;
import java.util.HashMap;
import java.util.Map;

/**
 * LDAP result codes as OpenLDAP's libldap numbers and names them (ldap_err2string()), which is
 * what Exim's messages show; the SDK's client-side codes (81-97) are libldap's negative ones.
 */
final class ResultCodes {
    /** libldap's LDAP_INVALID_CREDENTIALS. */
    static final int INVALID_CREDENTIALS = 49;
    /** libldap's LDAP_SIZELIMIT_EXCEEDED. */
    static final int SIZELIMIT_EXCEEDED = 4;
    /** libldap's LDAP_TIMEOUT. */
    static final int TIMEOUT = -5;
    /** libldap's LDAP_SERVER_DOWN. */
    static final int SERVER_DOWN = -1;
    /** libldap's LDAP_LOCAL_ERROR. */
    static final int LOCAL_ERROR = -2;
    /** libldap's LDAP_CONNECT_ERROR. */
    static final int CONNECT_ERROR = -11;

    private static final Map<Integer, String> MESSAGES = messages();

    private ResultCodes() {
    }

    /** The libldap number of an SDK result code. */
    static int of(ResultCode rc) {
        int v = rc.intValue();
        return v > 80 && v < 98 ? -(v - 80) : v;
    }

    /** ldap_err2string(). */
    static String message(int code) {
        String m = MESSAGES.get(code);
        if (m != null) {
            return m;
        }
        if (code < 0) {
            return "Unknown API error";
        }
        if (code >= 0x1000 && code <= 0x3fff) {
            return "Unknown (extension) error";
        }
        if (code >= 0x4000 && code <= 0xffff) {
            return "Unknown (private extension) error";
        }
        return "Unknown error";
    }

    /** LDAP_NAME_ERROR(): the codes that mean the object does not or cannot exist. */
    static boolean nameError(int code) {
        return (code & 0xf0) == 0x20;
    }

    private static Map<Integer, String> messages() {
        Map<Integer, String> m = new HashMap<>();
        m.put(7, "Authentication method not supported");
        m.put(0, "Success");
        m.put(1, "Operations error");
        m.put(2, "Protocol error");
        m.put(3, "Time limit exceeded");
        m.put(4, "Size limit exceeded");
        m.put(5, "Compare False");
        m.put(6, "Compare True");
        m.put(8, "Strong(er) authentication required");
        m.put(10, "Referral");
        m.put(11, "Administrative limit exceeded");
        m.put(12, "Critical extension is unavailable");
        m.put(13, "Confidentiality required");
        m.put(14, "SASL bind in progress");
        m.put(16, "No such attribute");
        m.put(17, "Undefined attribute type");
        m.put(18, "Inappropriate matching");
        m.put(19, "Constraint violation");
        m.put(20, "Type or value exists");
        m.put(21, "Invalid syntax");
        m.put(32, "No such object");
        m.put(33, "Alias problem");
        m.put(34, "Invalid DN syntax");
        m.put(36, "Alias dereferencing problem");
        m.put(48, "Inappropriate authentication");
        m.put(49, "Invalid credentials");
        m.put(50, "Insufficient access");
        m.put(51, "Server is busy");
        m.put(52, "Server is unavailable");
        m.put(53, "Server is unwilling to perform");
        m.put(54, "Loop detected");
        m.put(64, "Naming violation");
        m.put(65, "Object class violation");
        m.put(66, "Operation not allowed on non-leaf");
        m.put(67, "Operation not allowed on RDN");
        m.put(68, "Already exists");
        m.put(69, "Cannot modify object class");
        m.put(71, "Operation affects multiple DSAs");
        m.put(76, "Virtual List View error");
        m.put(80, "Other (e.g., implementation specific) error");
        m.put(9, "Partial results and referral received");
        m.put(35, "Entry is a leaf");
        m.put(70, "Results too large");
        m.put(118, "Cancelled");
        m.put(119, "No Operation to Cancel");
        m.put(120, "Too Late to Cancel");
        m.put(121, "Cannot Cancel");
        m.put(122, "Assertion Failed");
        m.put(16655, "Assertion Failed (X)");
        m.put(123, "Proxied Authorization Denied");
        m.put(47, "Proxy Authorization Failure (X)");
        m.put(4096, "Content Sync Refresh Required");
        m.put(16640, "Content Sync Refresh Required (X)");
        m.put(16654, "No Operation (X)");
        m.put(113, "LCUP Resources Exhausted");
        m.put(114, "LCUP Security Violation");
        m.put(115, "LCUP Invalid Data");
        m.put(116, "LCUP Unsupported Scheme");
        m.put(117, "LCUP Reload Required");
        m.put(16672, "TXN specify okay");
        m.put(16673, "TXN ID is invalid");
        m.put(-1, "Can't contact LDAP server");
        m.put(-2, "Local error");
        m.put(-3, "Encoding error");
        m.put(-4, "Decoding error");
        m.put(-5, "Timed out");
        m.put(-6, "Unknown authentication method");
        m.put(-7, "Bad search filter");
        m.put(-8, "User cancelled operation");
        m.put(-9, "Bad parameter to an ldap routine");
        m.put(-10, "Out of memory");
        m.put(-11, "Connect error");
        m.put(-12, "Not Supported");
        m.put(-13, "Control not found");
        m.put(-14, "No results returned");
        m.put(-15, "More results to return");
        m.put(-16, "Client Loop");
        m.put(-17, "Referral Limit Exceeded");
        m.put(-18, "Connecting (X)");
        return m;
    }
}
