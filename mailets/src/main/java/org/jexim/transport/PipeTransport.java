package org.jexim.transport;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jexim.conf.expand.Expander;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.options.EximTime;

/**
 * The pipe transport: the {@code command} split and expanded as Exim does (no shell), run with
 * Exim's environment (LOCAL_PART, DOMAIN, SENDER, RECIPIENT, MESSAGE_ID, PATH from
 * {@code path}, ... plus {@code environment}), the message on its standard input with the mbox
 * prefix and suffix; exit 0 delivers, a {@code temp_errors} status defers, any other fails
 * (unless {@code ignore_status}); {@code timeout} kills it; {@code return_output} and
 * {@code return_fail_output} fail the delivery on output, with the output as the message.
 */
final class PipeTransport implements Transport {
    /** Exim's EX_EXECFAILED: the status of a child that could not exec its command. */
    private static final int EXEC_FAILED = 127;
    private final String name;
    private final TransportOptions options;
    private final Clock clock;

    PipeTransport(String name, Map<String, String> options, Clock clock) {
        this.name = name;
        this.options = new TransportOptions(options);
        this.clock = clock;
    }

    /** The routing variable holding a redirected pipe's text ("|command"), Exim's $address_pipe. */
    static final String ADDRESS_PIPE = "address_pipe";

    @Override
    public String name() {
        return name;
    }

    @Override
    public DeliveryResult deliver(Delivery delivery) {
        return deliverBatch(List.of(delivery));
    }

    @Override
    public List<DeliveryResult> deliverAll(List<Delivery> deliveries) {
        return LocalBatches.deliver(options, deliveries, name, this::deliverBatch);
    }

    private DeliveryResult deliverBatch(List<Delivery> batch) {
        Delivery delivery = batch.get(0);
        ZonedDateTime now = ZonedDateTime.ofInstant(clock.instant(), clock.getZone());
        // a pipe from a redirect router ("|cmd" in an alias or .forward): its command, split but not expanded
        String addressPipe = delivery.address().variables().get(ADDRESS_PIPE);
        String command = addressPipe != null && !options.bool("force_command", false)
                ? addressPipe.substring(1).strip() : options.string("command");
        if (command == null) {
            return DeliveryResult.defer("no command specified for " + name + " transport");
        }
        List<String> argv;
        LocalMessage input;
        ProcessBuilder pb;
        TransportVariables vars;
        try {
            vars = TransportVariables.of(options, delivery, name, now);
            argv = addressPipe != null && !options.bool("force_command", false) ? PipeCommand.split(command)
                    : PipeCommand.expand(command, vars, batch.stream().map(d -> d.address().address()).toList());
            if (argv.isEmpty()) {
                return DeliveryResult.defer("no command specified for " + name + " transport");
            }
            input = LocalMessage.prepare(options, batch, vars, true, false);
            pb = new ProcessBuilder(FileOwner.forDelivery(options.string("user"), options.string("group"),
                    delivery.address()).runAs(argv));
            environment(pb.environment(), delivery, vars);
        } catch (PipeCommand.TaintedArgument e) {
            return DeliveryResult.fail(e.message(name + " transport"));
        } catch (ExpansionException e) {
            return DeliveryResult.defer("Expansion of command \"" + command + "\" in " + name + " transport failed: "
                    + e.getMessage());
        } catch (IOException e) {
            return DeliveryResult.defer(name + " transport: " + e.getMessage());
        }
        if (!argv.get(0).startsWith("/")) {
            return DeliveryResult.defer("\"" + argv.get(0) + "\" command not found for " + name + " transport");
        }
        DeliveryResult r = run(pb, input, argv, command);
        // what the command said stays in the log; the sender's bounce gets Exim's bland text
        return r.kind() == DeliveryResult.Kind.OK ? r : r.withUserMessage(DeliveryResult.LOCAL_FAILURE);
    }

    /** Runs the command with the message on its standard input; its status and output decide. */
    private DeliveryResult run(ProcessBuilder pb, LocalMessage input, List<String> argv, String command) {
        pb.redirectErrorStream(true);
        long timeout = options.has("timeout") ? EximTime.read(options.string("timeout")) : 3600;
        try {
            pb.directory(new java.io.File(options.string("current_directory", "/")));
            Process p = pb.start();
            CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
            OutputStream in = new BufferedOutputStream(p.getOutputStream(), 65536);
            CountingStage counted = new CountingStage(in); // S= of the delivery line: the bytes the command was given
            long written;
            try (in) {
                input.writeTo(counted);
                counted.finish();
                written = counted.count();
            } catch (LocalMessage.FilterFailed e) {
                p.destroyForcibly();
                output.join();
                return DeliveryResult.defer(e.getMessage());
            } catch (IOException e) {
                // the command need not read its input (Exim ignores EPIPE unless told otherwise); Exim's
                // writes went into the pipe's buffer whole, so its count is the whole message's
                written = measure(input);
            }
            boolean finished = timeout <= 0 ? waitFor(p) : p.waitFor(timeout, TimeUnit.SECONDS);
            if (!finished) {
                p.destroyForcibly();
                String m = "Command timed out (" + String.join(" ", argv) + ")";
                return options.bool("timeout_defer", false) ? DeliveryResult.defer(m) : DeliveryResult.fail(m);
            }
            int status = p.exitValue();
            byte[] out = output.join();
            DeliveryResult r = outcome(status, out, argv, command);
            return r.kind() == DeliveryResult.Kind.OK ? r.withSize(written) : r;
        } catch (IOException e) {
            // the command could not be run: what Exim's child reports as EX_EXECFAILED
            return outcome(EXEC_FAILED, new byte[0], argv, command);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryResult.defer(name + " transport interrupted");
        }
    }

    private static long measure(LocalMessage input) throws IOException {
        CountingStage count = CountingStage.discarding();
        input.writeTo(count);
        count.finish();
        return count.count();
    }

    private DeliveryResult outcome(int status, byte[] out, List<String> argv, String command) {
        if (status == EXEC_FAILED && options.bool("freeze_exec_fail", false)) {
            return DeliveryResult.defer("pipe process failed to exec \"" + command + "\"").withErrno(0).frozen();
        }
        String text = new String(out, StandardCharsets.UTF_8);
        boolean hasOutput = !text.isEmpty();
        if (status == 0 || options.bool("ignore_status", false)) {
            if (hasOutput && options.bool("return_output", false)) {
                return DeliveryResult.fail("return message generated").withOutput(text);
            }
            return DeliveryResult.OK;
        }
        String message = "Child process of " + name + " transport returned " + status + SysExits.meaning(status)
                + " from command: " + argv.get(0);
        // a status in temp_errors defers with no error number: Exim logs "defer (0)"
        DeliveryResult r = tempErrors().contains(status) ? DeliveryResult.defer(message).withErrno(0)
                : DeliveryResult.fail(message);
        if (hasOutput && (options.bool("return_output", false) || options.bool("return_fail_output", false))) {
            r = r.withOutput(text);
        }
        return r;
    }

    private Set<Integer> tempErrors() {
        Set<Integer> codes = new HashSet<>();
        for (String c : options.string("temp_errors", "75:73").split(":")) {
            if (!c.isBlank()) {
                codes.add(Integer.parseInt(c.strip()));
            }
        }
        return codes;
    }

    /** Exim's pipe environment (spec "Environment variables" of the pipe transport). */
    private void environment(Map<String, String> env, Delivery delivery, TransportVariables vars)
            throws ExpansionException {
        env.clear();
        var a = delivery.address();
        String returnPath = vars.variable("return_path").orElse("");
        env.put("LOCAL_PART", a.localPart());
        env.put("DOMAIN", a.domain());
        env.put("LOGNAME", a.localPart());
        env.put("USER", a.localPart());
        env.put("HOME", vars.variable("home").orElse(""));
        env.put("MESSAGE_ID", vars.variable("message_id").orElse(""));
        env.put("PATH", options.string("path", "/bin:/usr/bin"));
        env.put("QUALIFY_DOMAIN", delivery.context().qualifyRecipient());
        env.put("RECIPIENT", a.address());
        env.put("SENDER", returnPath);
        env.put("SHELL", "/bin/sh");
        env.put("LOCAL_PART_PREFIX", vars.variable("local_part_prefix").orElse(""));
        env.put("LOCAL_PART_SUFFIX", vars.variable("local_part_suffix").orElse(""));
        env.put("TZ", System.getenv().getOrDefault("TZ", ""));
        if (env.get("TZ").isEmpty()) {
            env.remove("TZ");
        }
        String extra = options.string("environment");
        if (extra != null) {
            for (String item : Expander.expand(extra, vars).split(":")) {
                int eq = item.indexOf('=');
                if (eq > 0) {
                    env.put(item.substring(0, eq).strip(), item.substring(eq + 1));
                }
            }
        }
    }

    private static boolean waitFor(Process p) throws InterruptedException {
        p.waitFor();
        return true;
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
