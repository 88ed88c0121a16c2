package org.jexim.queue;

import org.apache.james.queue.api.MailQueue;
import org.apache.james.queue.api.MailQueue.MailQueueException;
import org.apache.james.queue.api.MailQueueItemDecoratorFactory;
import org.apache.james.queue.api.MailQueueName;
import org.apache.mailet.Mail;
import org.jexim.bounce.DeliveryAttempts;

/**
 * Marks where each delivery attempt begins and ends for {@link DeliveryAttempts}: a mail handed
 * out by the spool begins one (or joins its attempt when it is a copy), and its attempt hears of
 * its end just before the spool acknowledges it, so that a bounce the attempt held is spooled
 * before the message it reports on leaves the spool.
 */
final class AttemptTrackingDecorators implements MailQueueItemDecoratorFactory {
    private final MailQueueItemDecoratorFactory inner;
    private final DeliveryAttempts attempts;

    AttemptTrackingDecorators(MailQueueItemDecoratorFactory inner, DeliveryAttempts attempts) {
        this.inner = inner;
        this.attempts = attempts;
    }

    @Override
    public MailQueueItemDecorator decorate(MailQueue.MailQueueItem item, MailQueueName name) {
        MailQueueItemDecorator decorated = inner.decorate(item, name);
        String attempt = attempts.begin(decorated.getMail());
        return new MailQueueItemDecorator(decorated) {
            @Override
            public Mail getMail() {
                return mailQueueItem.getMail();
            }

            @Override
            public void done(MailQueue.MailQueueItem.CompletionStatus status) throws MailQueueException {
                try {
                    attempts.ended(attempt);
                } finally {
                    mailQueueItem.done(status);
                }
            }
        };
    }
}
