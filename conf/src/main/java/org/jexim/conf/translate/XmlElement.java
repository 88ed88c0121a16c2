package org.jexim.conf.translate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, ordered XML tree for the translator's output: elements with attributes in
 * insertion order, text, children and comments, written deterministically by {@link #write()}.
 */
public final class XmlElement {
    private final String name;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final List<Object> children = new ArrayList<>();
    private String text;

    public XmlElement(String name) {
        this.name = name;
    }

    public XmlElement attribute(String key, String value) {
        attributes.put(key, value);
        return this;
    }

    public XmlElement text(String value) {
        this.text = value;
        return this;
    }

    /** Adds a child element and returns it. */
    public XmlElement child(String childName) {
        XmlElement child = new XmlElement(childName);
        children.add(child);
        return child;
    }

    /** Adds a child element with text, returns this element. */
    public XmlElement leaf(String childName, String value) {
        child(childName).text(value);
        return this;
    }

    public XmlElement add(XmlElement child) {
        children.add(child);
        return this;
    }

    public XmlElement comment(String comment) {
        if (comment != null) {
            children.add(new Comment(comment));
        }
        return this;
    }

    /** The document text: declaration, optional header comment, this element. */
    public String document(String headerComment) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        if (headerComment != null) {
            out.append("<!-- ").append(commentText(headerComment)).append(" -->\n");
        }
        write(out, 0);
        return out.toString();
    }

    public String write() {
        StringBuilder out = new StringBuilder();
        write(out, 0);
        return out.toString();
    }

    private void write(StringBuilder out, int depth) {
        indent(out, depth);
        out.append('<').append(name);
        attributes.forEach((k, v) -> out.append(' ').append(k).append("=\"").append(escape(v, true)).append('"'));
        if (children.isEmpty() && text == null) {
            out.append("/>\n");
            return;
        }
        out.append('>');
        if (children.isEmpty()) {
            out.append(escape(text, false)).append("</").append(name).append(">\n");
            return;
        }
        out.append('\n');
        if (text != null) {
            indent(out, depth + 1);
            out.append(escape(text, false)).append('\n');
        }
        for (Object c : children) {
            if (c instanceof XmlElement e) {
                e.write(out, depth + 1);
            } else {
                indent(out, depth + 1);
                out.append("<!-- ").append(commentText(((Comment) c).text())).append(" -->\n");
            }
        }
        indent(out, depth);
        out.append("</").append(name).append(">\n");
    }

    private static void indent(StringBuilder out, int depth) {
        out.append("  ".repeat(depth));
    }

    /** XML comments may not contain "--" nor end with "-". */
    static String commentText(String s) {
        String t = s.replace("--", "-\u200b-").replace('\n', ' ');
        return t.endsWith("-") ? t + " " : t;
    }

    static String escape(String s, boolean attribute) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append(attribute ? "&quot;" : "\"");
                case '\n' -> b.append(attribute ? "&#10;" : "&#10;");
                case '\t' -> b.append("&#9;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private record Comment(String text) {
    }
}
