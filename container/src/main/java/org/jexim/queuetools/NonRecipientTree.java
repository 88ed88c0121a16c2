package org.jexim.queuetools;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Exim's tree of addresses already delivered (the non-recipients of a -H file): a balanced tree
 * kept exactly as Exim's tree.c keeps it (Knuth's algorithm), so that an address added by jexim
 * leaves the same tree, and the same -H bytes, that Exim would have written.
 */
public final class NonRecipientTree {
    private static final int LEFT_HEAVY = 1;
    private static final int RIGHT_HEAVY = 2;
    private static final int BALANCE_MASK = 3;

    private static final class Node {
        final String name;
        Node left;
        Node right;
        int balance;

        Node(String name) {
            this.name = name;
        }
    }

    /** A pointer to a node pointer, as the C code's {@code tree_node **}. */
    private interface Slot {
        Node get();

        void set(Node n);
    }

    private Node root;

    /** Reads the tree lines ("YN name" ...) as spool_in.c does; no lines is the empty tree. */
    static NonRecipientTree read(List<String> lines) {
        NonRecipientTree tree = new NonRecipientTree();
        if (lines.isEmpty()) {
            return tree;
        }
        int[] next = {0};
        tree.root = readNode(lines, next);
        heights(tree.root);
        return tree;
    }

    private static Node readNode(List<String> lines, int[] next) {
        String line = lines.get(next[0]++);
        Node node = new Node(line.substring(3));
        if (line.charAt(0) == 'Y') {
            node.left = readNode(lines, next);
        }
        if (line.charAt(1) == 'Y') {
            node.right = readNode(lines, next);
        }
        return node;
    }

    /** Balance factors rebuilt from subtree depths, as spool_in.c's count_below does. */
    private static int heights(Node node) {
        if (node == null) {
            return 0;
        }
        int l = heights(node.left);
        int r = heights(node.right);
        node.balance = l > r ? LEFT_HEAVY : r > l ? RIGHT_HEAVY : 0;
        return 1 + Math.max(l, r);
    }

    public boolean contains(String address) {
        Node p = root;
        byte[] key = bytes(address);
        while (p != null) {
            int c = compare(key, bytes(p.name));
            if (c == 0) {
                return true;
            }
            p = c < 0 ? p.left : p.right;
        }
        return false;
    }

    public boolean isEmpty() {
        return root == null;
    }

    /** The addresses in tree order (Exim's strcmp order), as -bpa lists the extra ones. */
    public List<String> inOrder() {
        List<String> out = new ArrayList<>();
        walk(root, out);
        return out;
    }

    private static void walk(Node n, List<String> out) {
        if (n != null) {
            walk(n.left, out);
            out.add(n.name);
            walk(n.right, out);
        }
    }

    /** Exim's tree_insertnode; false for a duplicate. */
    public boolean add(String address) {
        Node node = new Node(address);
        if (root == null) {
            root = node;
            return true;
        }
        byte[] key = bytes(address);
        Slot rootSlot = rootSlot();
        Slot q = rootSlot;
        Slot t = q;
        Node p = root;
        while (true) {
            int c = compare(key, bytes(p.name));
            if (c == 0) {
                return false;
            }
            Node parent = p;
            q = c > 0 ? rightSlot(parent) : leftSlot(parent);
            p = q.get();
            if (p == null) {
                break;
            }
            if (p.balance != 0) {
                t = q;
            }
        }
        q.set(node);
        Node s = t.get();
        Node r = compare(key, bytes(s.name)) > 0 ? s.right : s.left;
        p = r;
        while (p != node) {
            if (compare(key, bytes(p.name)) < 0) {
                p.balance = LEFT_HEAVY;
                p = p.left;
            } else {
                p.balance = RIGHT_HEAVY;
                p = p.right;
            }
        }
        int a = compare(key, bytes(s.name)) < 0 ? LEFT_HEAVY : RIGHT_HEAVY;
        if (s.balance == 0) {
            s.balance = a;
        } else if (s.balance != a) {
            s.balance = 0;
        } else {
            if (r.balance == a) {
                p = r;
                if (a == RIGHT_HEAVY) {
                    s.right = r.left;
                    r.left = s;
                } else {
                    s.left = r.right;
                    r.right = s;
                }
                s.balance = 0;
                r.balance = 0;
            } else {
                if (a == RIGHT_HEAVY) {
                    if (r.left == null) {
                        return true;
                    }
                    p = r.left;
                    r.left = p.right;
                    p.right = r;
                    s.right = p.left;
                    p.left = s;
                } else {
                    if (r.right == null) {
                        return true;
                    }
                    p = r.right;
                    r.right = p.left;
                    p.left = r;
                    s.left = p.right;
                    p.right = s;
                }
                s.balance = p.balance == a ? a ^ BALANCE_MASK : 0;
                r.balance = p.balance == (a ^ BALANCE_MASK) ? a : 0;
                p.balance = 0;
            }
            t.set(p);
        }
        return true;
    }

    /** The tree as the -H file holds it: pre-order "LR name" lines, or "XX". */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        if (root == null) {
            out.add("XX");
        } else {
            write(root, out);
        }
        return out;
    }

    private static void write(Node p, List<String> out) {
        out.add((p.left == null ? "N" : "Y") + (p.right == null ? "N" : "Y") + " " + p.name);
        if (p.left != null) {
            write(p.left, out);
        }
        if (p.right != null) {
            write(p.right, out);
        }
    }

    private Slot rootSlot() {
        return new Slot() {
            public Node get() {
                return root;
            }

            public void set(Node n) {
                root = n;
            }
        };
    }

    private static Slot leftSlot(Node parent) {
        return new Slot() {
            public Node get() {
                return parent.left;
            }

            public void set(Node n) {
                parent.left = n;
            }
        };
    }

    private static Slot rightSlot(Node parent) {
        return new Slot() {
            public Node get() {
                return parent.right;
            }

            public void set(Node n) {
                parent.right = n;
            }
        };
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** strcmp: unsigned bytes. */
    private static int compare(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b);
    }
}
