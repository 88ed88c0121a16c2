package org.jexim.conf.reader;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import org.jexim.conf.ConfigurationException;
import org.jexim.conf.SourceLocation;

/**
 * Exim's get_config_line(): delivers logical lines, applying macros, comments, conditionals
 * ({@code .ifdef} and friends), {@code .include} files and continuation lines to physical lines,
 * and stops at each {@code begin SECTION} line.
 */
final class LineReader {
    /** Exim's CSTATE_STACK_SIZE. */
    private static final int MAX_NESTING = 10;

    /** A directive of the conditional family with its state transitions (Exim's cond_list). */
    private record Conditional(String name, int ifFound, int ifNotFound, int stack) {
    }

    private static final List<Conditional> CONDITIONALS = List.of(
            new Conditional("ifdef", 0, 1, 1),
            new Conditional("ifndef", 1, 0, 1),
            new Conditional("elifdef", 2, 3, 0),
            new Conditional("elifndef", 3, 2, 0),
            new Conditional("else", 2, 2, 0),
            new Conditional("endif", 0, 0, -1));

    /** Exim's next_cstate: state 0 reads, 1 skips until .else/.elif, 2 skips until .endif. */
    private static final int[][] NEXT_STATE = {{0, 1, 2, 2}, {2, 2, 0, 1}, {2, 2, 2, 2}};

    private static final class OpenFile {
        final List<String> lines;
        final String name;
        final String directory;
        int lineNo;

        OpenFile(List<String> lines, String name, String directory) {
            this.lines = lines;
            this.name = name;
            this.directory = directory;
        }
    }

    private final MacroTable macros;
    private final Deque<OpenFile> stack = new ArrayDeque<>();
    private OpenFile current;
    private int state;
    private final Deque<Integer> states = new ArrayDeque<>();
    private String nextSection;
    /** Receives the lines Exim saves for -bP config (save_config_line), when set. */
    private Consumer<String> saver;

    LineReader(Path file, MacroTable macros) throws IOException {
        this.macros = macros;
        String name = file.toString();
        int slash = name.lastIndexOf('/');
        String directory;
        if (name.startsWith("/")) {
            directory = slash == 0 ? "/" : name.substring(0, slash);
        } else {
            String cwd = Path.of("").toAbsolutePath().toString();
            directory = (cwd.endsWith("/") ? cwd : cwd + "/") + (slash >= 0 ? name.substring(0, slash) : "");
        }
        current = new OpenFile(readLines(file), name, directory);
    }

    /**
     * Passes to {@code saver} what Exim saves for -bP config while reading: each logical line,
     * and "# LINE "FILE"" at the first line of each file and around each .include.
     */
    void saveLines(Consumer<String> saver) {
        this.saver = saver;
    }

    private void savePosition() {
        if (saver != null) {
            saver.accept("# " + current.lineNo + " \"" + current.name + "\"");
        }
    }

    /** The section named by the "begin" line that ended the last section, or null at end of file. */
    String nextSection() {
        return nextSection;
    }

    /** Where the reader is now: the current file and its last line read. */
    SourceLocation here() {
        return new SourceLocation(Path.of(current.name), current.lineNo);
    }

    /** The next logical line, or null at the end of the section or of the file. */
    LogicalLine next() throws ConfigurationException {
        StringBuilder logical = new StringBuilder();
        SourceLocation start = null;
        for (;;) {
            if (current.lineNo >= current.lines.size()) {
                if (!stack.isEmpty()) {
                    current = stack.pop();
                    savePosition();
                    continue;
                }
                if (!states.isEmpty()) {
                    throw new ConfigurationException(here(), "Unexpected end of configuration file: .endif missing");
                }
                if (logical.length() != 0) {
                    break;
                }
                nextSection = null;
                return null;
            }
            String physical = current.lines.get(current.lineNo++);
            if (current.lineNo == 1) {
                savePosition();
            }
            MacroTable.Expansion expansion = macros.expand(physical, logical.length() == 0);
            String line = expansion.line();
            int ss = Ascii.skipSpace(line, 0);
            char first = Ascii.at(line, ss);
            if (first == '#') {
                continue;
            }
            if (first == '.' && conditional(line, ss, expansion.found())) {
                continue;
            }
            if (state != 0) {
                continue;
            }
            if (include(line, ss)) {
                continue;
            }
            if (logical.length() == 0) {
                start = here();
            }
            logical.append(line, ss, line.length());
            int len = logical.length();
            while (len > 0 && Ascii.isSpace(logical.charAt(len - 1))) {
                len--;
            }
            logical.setLength(len);
            if (len > 0) {
                if (logical.charAt(len - 1) != '\\') {
                    break;
                }
                logical.setLength(len - 1);
            }
        }
        String text = logical.toString();
        if (saver != null) {
            saver.accept(text);
        }
        SourceLocation last = here();
        if (text.regionMatches(true, 0, "begin ", 0, 6)) {
            String section = text.substring(Ascii.skipSpace(text, 6));
            nextSection = section.length() > 22 ? section.substring(0, 22) : section;
            return null;
        }
        return new LogicalLine(text, start == null ? last : start, last);
    }

    /** Handles a conditional directive; false when the line is not one. */
    private boolean conditional(String line, int ss, boolean macroFound) throws ConfigurationException {
        for (Conditional c : CONDITIONALS) {
            if (!line.startsWith(c.name(), ss + 1)) {
                continue;
            }
            // Exim tests for ' ', 't' (sic), newline or end: anything else makes it ignore the line.
            char n = Ascii.at(line, ss + 1 + c.name().length());
            if (n != ' ' && n != 't' && n != '\n' && n != 0) {
                return true;
            }
            int action = macroFound ? c.ifFound() : c.ifNotFound();
            if (c.stack() > 0) {
                if (states.size() >= MAX_NESTING) {
                    throw new ConfigurationException(here(), "." + c.name() + " nested too deeply");
                }
                states.push(state);
                state = NEXT_STATE[state][action];
            } else {
                if (states.isEmpty()) {
                    throw new ConfigurationException(here(), "." + c.name() + " without matching .ifdef");
                }
                state = c.stack() < 0 ? states.pop() : NEXT_STATE[state][action];
            }
            return true;
        }
        return false;
    }

    /** Handles .include and .include_if_exists; false when the line is neither. */
    private boolean include(String line, int ss) throws ConfigurationException {
        if (!line.startsWith(".include", ss)) {
            return false;
        }
        boolean ifExists;
        if (Ascii.isSpace(Ascii.at(line, ss + 8))) {
            ifExists = false;
        } else if (line.startsWith("_if_exists", ss + 8) && Ascii.isSpace(Ascii.at(line, ss + 18))) {
            ifExists = true;
        } else {
            return false;
        }
        int p = Ascii.skipSpace(line, ss + (ifExists ? 19 : 9));
        int t = line.length();
        while (t > p && Ascii.isSpace(line.charAt(t - 1))) {
            t--;
        }
        if (t > p && line.charAt(p) == '"' && line.charAt(t - 1) == '"') {
            p++;
            t--;
        }
        String name = p <= t ? line.substring(p, t) : "";
        if (!name.startsWith("/")) {
            if (ifExists) {
                throw new ConfigurationException(here(), ".include specifies a non-absolute path \"" + name + "\"");
            }
            name = current.directory + "/" + name;
        }
        Path path = Path.of(name);
        if (ifExists && !Files.exists(path)) {
            return true;
        }
        List<String> lines;
        try {
            lines = readLines(path);
        } catch (IOException | RuntimeException e) {
            throw new ConfigurationException(here(), "failed to open included configuration file " + name);
        }
        savePosition();
        stack.push(current);
        current = new OpenFile(lines, name, name.substring(0, name.lastIndexOf('/')));
        return true;
    }

    /** The physical lines of a file, each with its newline, decoded leniently as UTF-8. */
    static List<String> readLines(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .decode(ByteBuffer.wrap(bytes)).toString();
        List<String> lines = new ArrayList<>();
        int from = 0;
        while (from < text.length()) {
            int nl = text.indexOf('\n', from);
            int end = nl < 0 ? text.length() : nl + 1;
            lines.add(text.substring(from, end));
            from = end;
        }
        return lines;
    }
}
