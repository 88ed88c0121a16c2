package org.jexim.address;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AddressAttributesTest {
    @Test
    void anAddressWithParentsAndAwkwardValuesSurvivesEncoding() {
        AddressItem parent = new AddressItem("postmaster", "localhost", null, Map.of("domain_data", "a=b\tc\\d"));
        AddressItem child = parent.child("jexim", "vm").with("local_part_data", "line1\nline2");
        AddressItem back = AddressAttributes.decode(AddressAttributes.encode(child));
        assertThat(back.address()).isEqualTo("jexim@vm");
        assertThat(back.variables()).containsEntry("local_part_data", "line1\nline2");
        assertThat(back.parent().orElseThrow().address()).isEqualTo("postmaster@localhost");
        assertThat(back.parent().orElseThrow().variables()).containsEntry("domain_data", "a=b\tc\\d");
    }
}
