package org.jexim.conf.expand.items;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jexim.conf.expand.AclRunner;
import org.jexim.conf.expand.Escapes;
import org.jexim.conf.expand.Expander;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.expand.ExpansionParser;
import org.jexim.conf.expand.ForbiddenItem;
import org.jexim.conf.expand.Node;
import org.jexim.conf.expand.Out;
import org.jexim.conf.lookup.Errors;

/** ${readfile}, ${readsocket}, ${run}, ${env}, ${acl}, ${authresults}, and the refused ${perl} and ${dlfunc}. */
final class SystemItems {
    private SystemItems() {
    }

    static void register(Map<String, ItemParser> m) {
        m.put("readfile", (p, name) -> readfile(p.readSubs(2, 1, true, name)));
        m.put("readsocket", SystemItems::readsocket);
        m.put("run", SystemItems::run);
        m.put("env", (p, name) -> {
            Node[] sub = p.readSubs(1, 1, false, name);
            ExpansionParser.YesNo yn = p.parseYesNo("env");
            return (ev, out) -> {
                String save = ev.value();
                boolean saveTaint = ev.valueTainted();
                try {
                    // Exim clears its environment at start (keep_environment unset): nothing is found.
                    String v = ev.context().option("keep_environment").isPresent()
                            ? System.getenv(ev.expandString(sub[0])) : null;
                    if (v == null) {
                        ev.expandString(sub[0]);
                    }
                    ev.value(v, true);
                    YesNoEval.apply(ev, yn, v != null, out, "env", v, true, save, saveTaint);
                } finally {
                    ev.value(save, saveTaint);
                }
            };
        });
        m.put("acl", (p, name) -> {
            Node[] sub = p.readSubs(10, 1, true, name);
            return (ev, out) -> {
                String acl = ev.expandString(sub[0]);
                List<String> args = new ArrayList<>();
                for (int i = 1; i < sub.length; i++) {
                    args.add(ev.expandString(sub[i]));
                }
                AclRunner.Result r = ev.context().acls().run(acl, args);
                switch (r.verdict()) {
                    case OK, FAIL -> {
                        if (r.message() != null) {
                            out.append(r.message());
                        }
                    }
                    case DEFER -> throw new ExpansionException("DEFER from acl \"" + acl + "\"", true);
                    default -> throw new ExpansionException("ERROR from acl \"" + acl + "\"");
                }
            };
        });
        m.put("authresults", (p, name) -> {
            Node[] sub = p.readSubs(1, 1, true, name);
            return (ev, out) -> out.append(AuthResults.header(ev, ev.expandString(sub[0])));
        });
        m.put("perl", (p, name) -> {
            Node[] sub = p.readSubs(9, 1, true, name);
            return (ev, out) -> {
                ForbiddenItem.PERL.check(ev);
                throw new ExpansionException("A setting of perl_startup is needed when using the Perl interpreter");
            };
        });
        m.put("dlfunc", (p, name) -> {
            Node[] sub = p.readSubs(10, 2, true, name);
            return (ev, out) -> {
                ForbiddenItem.DLFUNC.check(ev);
                String file = ev.expandString(sub[0]);
                throw new ExpansionException("dlopen \"" + file
                        + "\" failed: ${dlfunc} (loading C code into the MTA) is not supported by jexim");
            };
        });
    }

    private static Node readfile(Node[] sub) {
        return (ev, out) -> {
            ForbiddenItem.READFILE.check(ev);
            Out name = ev.expand(sub[0]);
            String eol = sub.length > 1 ? ev.expandString(sub[1]) : null;
            String file = name.toString();
            if (name.tainted()) {
                // Exim's exim_fopen() refuses tainted names with EACCES
                throw new ExpansionException("failed to open " + file + ": Permission denied");
            }
            byte[] bytes;
            Path path = Path.of("/").resolve(file);
            if (file.isEmpty()) {
                throw new ExpansionException("failed to open : No such file or directory");
            }
            if (Files.isDirectory(path)) {
                // fopen() of a directory succeeds and reading it gives nothing
                return;
            }
            try {
                bytes = Files.readAllBytes(path);
            } catch (IOException e) {
                throw new ExpansionException(Errors.openFailed(file, e));
            }
            out.append(joinLines(new String(bytes, StandardCharsets.ISO_8859_1), eol));
        };
    }

    /** Exim's cat_file(): with an eol string, each newline is replaced by it. */
    static String joinLines(String text, String eol) {
        return eol == null ? text : text.replace("\n", eol);
    }

    private static Node readsocket(ExpansionParser p, String name) throws ExpansionException {
        Node[] sub = p.readSubs(4, 2, false, name);
        Node fail = null;
        if (p.peek() == '{') {
            p.next();
            fail = p.parseArg();
            if (p.next() != '}') {
                throw p.curly("missing '}' closing failstring for readsocket");
            }
            p.skipWhite();
        }
        if (p.next() != '}') {
            throw p.curly("missing '}' closing readsocket");
        }
        Node failNode = fail;
        return (ev, out) -> {
            ForbiddenItem.READSOCKET.check(ev);
            String spec = ev.expandString(sub[0]);
            String request = ev.expandString(sub[1]);
            String options = sub.length > 2 ? ev.expandString(sub[2]) : null;
            String eol = sub.length > 3 ? ev.expandString(sub[3]) : null;
            try {
                out.append(ReadSocket.read(spec, request, options, eol), true);
            } catch (ExpansionException e) {
                if (failNode == null) {
                    throw e;
                }
                failNode.eval(ev, out);
            }
        };
    }

    private static Node run(ExpansionParser p, String name) throws ExpansionException {
        boolean late = true;
        while (p.peek() == ',') {
            p.next();
            if (p.rest().startsWith("preexpand")) {
                late = false;
                p.pos(p.pos() + 9);
            } else {
                int t = p.pos();
                int e = t + 1;
                while (e < p.source().length() && ExpansionParser.isAlpha(p.source().charAt(e))) {
                    e++;
                }
                throw new ExpansionException("bad option '" + p.source().substring(t, Math.min(e, p.source().length()))
                        + "' for run");
            }
        }
        p.skipWhite();
        if (p.peek() != '{') {
            throw p.curly("missing '{' for command arg of run");
        }
        p.next();
        String raw = null;
        Node pre = null;
        if (late) {
            String rest = p.rest();
            int n = rest.indexOf('}');
            raw = n < 0 ? rest : rest.substring(0, n);
            p.pos(p.pos() + raw.length());
        } else {
            pre = p.parseArg();
            p.skipWhite();
        }
        if (p.next() != '}') {
            throw p.curly("missing '}' closing command arg of run");
        }
        ExpansionParser.YesNo yn = p.parseYesNo("run");
        String command = raw;
        Node preNode = pre;
        return (ev, out) -> {
            ForbiddenItem.RUN.check(ev);
            List<String> argv = new ArrayList<>();
            if (command != null) {
                for (String a : splitCommand(command)) {
                    try {
                        argv.add(ev.expandString(Expander.parseLenientNode(a)));
                    } catch (ExpansionException e) {
                        throw new ExpansionException("Expansion of \"" + a + "\" from command \"" + command
                                + "\" in ${run} expansion failed: " + e.getMessage());
                    }
                }
            } else {
                argv.addAll(splitCommand(ev.expandString(preNode)));
            }
            String output = "";
            int rc;
            if (argv.isEmpty()) {
                rc = 0;
            } else {
                try {
                    Process proc = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                    try (InputStream in = proc.getInputStream()) {
                        output = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                    }
                    if (!proc.waitFor(60, TimeUnit.SECONDS)) {
                        proc.destroyForcibly();
                        throw new ExpansionException("command timed out");
                    }
                    rc = proc.exitValue();
                } catch (IOException e) {
                    rc = 127;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ExpansionException("command timed out");
                }
            }
            ev.setVariable("runrc", Integer.toString(rc));
            ev.value(output, true);
            YesNoEval.apply(ev, yn, rc == 0, out, "run", output, true, output, true);
        };
    }

    /** Splits a command line into arguments: white space separated, "double" (with escapes) or 'single' quoted. */
    static List<String> splitCommand(String s) {
        List<String> args = new ArrayList<>();
        int i = 0;
        while (true) {
            while (i < s.length() && ExpansionParser.isSpace(s.charAt(i))) {
                i++;
            }
            if (i >= s.length()) {
                return args;
            }
            StringBuilder a = new StringBuilder();
            char c = s.charAt(i);
            if (c == '\'') {
                i++;
                while (i < s.length() && s.charAt(i) != '\'') {
                    a.append(s.charAt(i++));
                }
                i++;
            } else if (c == '"') {
                int[] pos = {i};
                a.append(Escapes.dequote(s, pos));
                i = pos[0];
            } else {
                while (i < s.length() && !ExpansionParser.isSpace(s.charAt(i))) {
                    a.append(s.charAt(i++));
                }
            }
            args.add(a.toString());
        }
    }
}
