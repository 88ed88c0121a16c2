package org.jexim.filter;

import java.util.Optional;
import org.jexim.conf.expand.ExpansionContext;
import org.jexim.conf.expand.LayeredExpansionContext;
import org.jexim.conf.expand.HeaderKind;

/**
 * What expansions in a filter see: the filter's own variables ($n0..$n9, $sn0..$sn9,
 * $thisaddress, the numbered variables of the last "matches"), the message (headers, body
 * variables, envelope) and the address being filtered, over the caller's context.
 */
final class FilterContext extends LayeredExpansionContext {
    private final FilterState state;

    FilterContext(ExpansionContext base, FilterState state) {
        super(base);
        this.state = state;
    }

    @Override
    public Optional<String> variable(String name) {
        String v = own(name);
        return v != null ? Optional.of(v) : base.variable(name);
    }

    private String own(String name) {
        FilterMessage m = state.message();
        FilterAddress a = state.address();
        if (name.length() == 2 && name.charAt(0) == 'n' && Character.isDigit(name.charAt(1))) {
            return Integer.toString(state.n()[name.charAt(1) - '0']);
        }
        if (name.length() == 3 && name.startsWith("sn") && Character.isDigit(name.charAt(2))) {
            return Integer.toString(state.sn()[name.charAt(2) - '0']);
        }
        return switch (name) {
            case "thisaddress" -> state.thisAddress() == null ? "" : state.thisAddress();
            case "message_body" -> m.messageBody(bodyVisible());
            case "message_body_end" -> m.messageBodyEnd(bodyVisible());
            case "message_body_size" -> Long.toString(m.bodySize());
            case "message_size" -> Long.toString(m.size());
            case "body_linecount" -> Long.toString(m.bodyLineCount());
            case "message_headers" -> m.messageHeaders();
            case "message_headers_raw" -> m.messageHeadersUndecoded();
            case "reply_address" -> m.replyAddress();
            case "sender_address" -> m.sender();
            case "return_path" -> m.returnPath() == null ? m.sender() : m.returnPath();
            case "message_id", "message_exim_id" -> m.messageId();
            case "local_part" -> a.localPart();
            case "domain" -> a.domain();
            case "local_part_prefix" -> a.prefix() == null ? "" : a.prefix();
            case "local_part_suffix" -> a.suffix() == null ? "" : a.suffix();
            case "home" -> a.home() == null ? "" : a.home();
            case "original_local_part" -> a.localPart();
            case "original_domain" -> a.domain();
            default -> null;
        };
    }

    @Override
    public boolean tainted(String name) {
        return false;
    }

    @Override
    public Optional<String> header(String name, HeaderKind kind) {
        return Optional.ofNullable(state.message().header(name, kind, headersCharset()));
    }

    @Override
    public Optional<String> option(String name) {
        return name.equals("headers_charset") ? Optional.of(headersCharset()) : base.option(name);
    }

    /** The main option message_body_visible (500 when unset or unreadable). */
    private int bodyVisible() {
        return base.option("message_body_visible").flatMap(text -> org.jexim.conf.options.OptionTables.main()
                .find("message_body_visible").map(def -> {
                    try {
                        return ((Number) org.jexim.conf.options.OptionValues.parse(def, text)).intValue();
                    } catch (org.jexim.conf.options.OptionValueException e) {
                        return null;
                    }
                })).orElse(FilterMessage.BODY_VISIBLE);
    }

    /** The filter's "headers charset", else the main option headers_charset, else UTF-8. */
    private String headersCharset() {
        return state.headersCharset != null ? state.headersCharset
                : base.option("headers_charset").orElse(org.jexim.conf.expand.operators.Rfc2047.HEADERS_CHARSET);
    }

    @Override
    public String[] captures() {
        return state.captures();
    }
}
