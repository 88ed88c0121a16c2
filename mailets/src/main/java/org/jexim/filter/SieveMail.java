package org.jexim.filter;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.apache.jsieve.SieveContext;
import org.apache.jsieve.mail.Action;
import org.apache.jsieve.mail.MailAdapter;
import org.apache.jsieve.mail.optional.EnvelopeAccessors;
import org.jexim.conf.expand.AddressParser;
import org.jexim.conf.expand.HeaderKind;

/**
 * The message as jSieve sees it: headers and body from the {@link FilterMessage}, the envelope
 * (from: the return path, to: the user's address as sieve_useraddress/sieve_subaddress make
 * it); actions are collected for {@link SieveFilter} to turn into deliveries.
 */
final class SieveMail implements MailAdapter, EnvelopeAccessors {
    private final FilterMessage message;
    private final String envelopeTo;
    private final List<Action> actions = new ArrayList<>();
    private SieveContext context;

    SieveMail(FilterMessage message, String envelopeTo) {
        this.message = message;
        this.envelopeTo = envelopeTo;
    }

    SieveContext context() {
        return context;
    }

    @Override
    public void setContext(SieveContext context) {
        if (context != null) { // jSieve clears it when evaluation ends; the keep state is read after that
            this.context = context;
        }
    }

    @Override
    public List<Action> getActions() {
        return actions;
    }

    @Override
    public List<String> getHeader(String name) {
        List<String> values = new ArrayList<>();
        for (String h : message.headerLines()) {
            int colon = h.indexOf(':');
            if (colon > 0 && h.substring(0, colon).strip().equalsIgnoreCase(name)) {
                String v = message.withHeaders(List.of(h)).header(name, HeaderKind.DECODED);
                values.add(v == null ? "" : v);
            }
        }
        return values;
    }

    @Override
    public List<String> getMatchingHeader(String name) {
        return getHeader(name);
    }

    @Override
    public List<String> getHeaderNames() {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (String h : message.headerLines()) {
            int colon = h.indexOf(':');
            if (colon > 0) {
                names.add(h.substring(0, colon).strip());
            }
        }
        return new ArrayList<>(names);
    }

    @Override
    public void addAction(Action action) {
        actions.add(action);
    }

    @Override
    public void executeActions() {
        // the actions become Exim deliveries after evaluation
    }

    @Override
    public int getSize() {
        return (int) message.size();
    }

    @Override
    public String getContentType() {
        String v = message.header("content-type", HeaderKind.DECODED);
        return v == null ? "text/plain" : v;
    }

    @Override
    public boolean isInBodyText(List<String> phrases) {
        String body = message.body().toLowerCase(Locale.ROOT);
        return phrases.stream().anyMatch(p -> body.contains(p.toLowerCase(Locale.ROOT)));
    }

    @Override
    public boolean isInBodyRaw(List<String> phrases) {
        return isInBodyText(phrases);
    }

    @Override
    public boolean isInBodyContent(List<String> contentTypes, List<String> phrases) {
        return isInBodyText(phrases);
    }

    @Override
    public Address[] parseAddresses(String header) {
        List<Address> out = new ArrayList<>();
        for (String value : getHeader(header)) {
            for (AddressParser.Parsed p : AddressParser.extractAll(value)) {
                if (p != null && !p.address().isEmpty()) {
                    String local = p.localPart();
                    String domain = p.domainPart();
                    out.add(new Address() {
                        @Override
                        public String getLocalPart() {
                            return local;
                        }

                        @Override
                        public String getDomain() {
                            return domain;
                        }
                    });
                }
            }
        }
        return out.toArray(new Address[0]);
    }

    @Override
    public List<String> getEnvelope(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "from" -> List.of(message.returnPath() == null ? message.sender() : message.returnPath());
            case "to" -> List.of(envelopeTo);
            default -> List.of();
        };
    }

    @Override
    public List<String> getEnvelopeNames() {
        return List.of("from", "to");
    }

    @Override
    public List<String> getMatchingEnvelope(String name) {
        return getEnvelope(name);
    }
}
