package org.jexim.queuetools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The non-recipients tree keeps Exim's shape: balanced on insert, pre-order lines, strcmp order. */
class NonRecipientTreeTest {
    @Test
    void anEmptyTreeIsXX() {
        assertThat(NonRecipientTree.read(List.of()).lines()).containsExactly("XX");
    }

    @Test
    void insertsRebalanceAsExims() {
        NonRecipientTree tree = NonRecipientTree.read(List.of());
        for (String a : List.of("a@x", "b@x", "c@x")) {
            assertThat(tree.add(a)).isTrue();
        }
        assertThat(tree.lines()).containsExactly("YY b@x", "NN a@x", "NN c@x");
        assertThat(tree.add("b@x")).isFalse();
        tree.add("e@x");
        tree.add("d@x");
        // the double rotation around c@x
        assertThat(tree.lines()).containsExactly("YY b@x", "NN a@x", "YY d@x", "NN c@x", "NN e@x");
        assertThat(tree.inOrder()).containsExactly("a@x", "b@x", "c@x", "d@x", "e@x");
        assertThat(tree.contains("d@x")).isTrue();
        assertThat(tree.contains("f@x")).isFalse();
    }

    @Test
    void aTreeReadFromTheSpoolGrowsFromItsShape() {
        NonRecipientTree tree = NonRecipientTree.read(List.of("NY a@x", "NN b@x"));
        tree.add("c@x");
        assertThat(tree.lines()).containsExactly("YY b@x", "NN a@x", "NN c@x");
    }

    @Test
    void ordersAsStrcmpDoes() {
        NonRecipientTree tree = NonRecipientTree.read(List.of());
        List.of("b@x", "B@x", "a@x", "\u00e9@x").forEach(tree::add);
        assertThat(tree.inOrder()).containsExactly("B@x", "a@x", "b@x", "\u00e9@x");
    }
}
