package org.jexim.address;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One address being routed, with its own variables ($local_part_data, $domain_data,
 * $address_data ...) and its parent when a redirect router made it. Immutable: routing
 * returns new items.
 */
public final class AddressItem {
    private final String localPart;
    private final String domain;
    private final AddressItem parent;
    private final Map<String, String> variables;

    public AddressItem(String localPart, String domain, AddressItem parent, Map<String, String> variables) {
        this.localPart = localPart;
        this.domain = domain;
        this.parent = parent;
        this.variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }

    public static AddressItem of(String address) {
        int at = address.lastIndexOf('@');
        return new AddressItem(address.substring(0, at), address.substring(at + 1), null, Map.of());
    }

    public String localPart() {
        return localPart;
    }

    public String domain() {
        return domain;
    }

    public String address() {
        return localPart + "@" + domain;
    }

    public Optional<AddressItem> parent() {
        return Optional.ofNullable(parent);
    }

    /** Variables set by routing so far (without the $). */
    public Map<String, String> variables() {
        return variables;
    }

    public AddressItem with(String variable, String value) {
        Map<String, String> v = new LinkedHashMap<>(variables);
        v.put(variable, value);
        return new AddressItem(localPart, domain, parent, v);
    }

    /** This address without the given variables (those a router sets for itself, once it is done). */
    public AddressItem without(String... names) {
        Map<String, String> v = new LinkedHashMap<>(variables);
        for (String n : names) {
            v.remove(n);
        }
        return new AddressItem(localPart, domain, parent, v);
    }

    /** A child address made by redirection: new variables, this address as parent. */
    public AddressItem child(String childLocalPart, String childDomain) {
        return new AddressItem(childLocalPart, childDomain, this, Map.of());
    }

    @Override
    public String toString() {
        return address();
    }
}
