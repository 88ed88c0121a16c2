package org.jexim.queue;

import java.nio.file.Path;

import org.apache.james.queue.api.MailQueueFactory;

/**
 * Child process of {@link SpoolCrashTest}: enqueues mails named crash-N from several threads and
 * prints "ACK crash-N" only after enQueue returned, until it is killed.
 */
public final class SpoolCrashWriter {
    private SpoolCrashWriter() {
    }

    public static void main(String[] args) throws Exception {
        SpoolMailQueue queue = SpoolMailQueueFactory.open(Path.of(args[0])).createQueue(MailQueueFactory.SPOOL);
        int threads = Integer.parseInt(args[1]);
        for (int t = 0; t < threads; t++) {
            int thread = t;
            new Thread(() -> {
                try {
                    for (int n = 0; ; n++) {
                        String name = "crash-" + thread + "-" + n;
                        queue.enQueue(SpoolTestMails.mail(name, SpoolTestMails.MESSAGE.replace("spool test", name)));
                        synchronized (System.out) {
                            System.out.println("ACK " + name);
                            System.out.flush();
                        }
                    }
                } catch (Exception e) {
                    e.printStackTrace();
                    System.exit(2);
                }
            }).start();
        }
    }
}
