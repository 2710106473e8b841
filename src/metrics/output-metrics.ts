import type { Registry } from 'prom-client';
import { one, pulledCounter, pulledGauge, pulledHistogram } from './collected.js';
import type { CountsView } from './counts.js';
import type { ChildrenView, MailQueueView } from './sources.js';

/** Actions, child processes and mail: what the rules made syscorr do. */
export function registerOutputMetrics(
  registry: Registry,
  counts: CountsView,
  children: ChildrenView,
  mail: () => MailQueueView | null | undefined,
): void {
  pulledCounter(
    registry,
    {
      name: 'syscorr_actions_total',
      help: 'Actions run, by action keyword and result (error: the action failed and was skipped).',
      labelNames: ['type', 'result'],
    },
    function* () {
      for (const [type, [ok, failed]] of counts.actions) {
        yield [{ type, result: 'ok' }, ok];
        yield [{ type, result: 'error' }, failed];
      }
    },
  );
  pulledGauge(
    registry,
    { name: 'syscorr_child_processes_running', help: 'Child processes started and not yet reaped.' },
    () => one(children.running),
  );
  pulledCounter(
    registry,
    { name: 'syscorr_child_processes_started_total', help: 'Child processes started (or attempted).' },
    () => one(counts.childrenStarted),
  );
  pulledCounter(
    registry,
    {
      name: 'syscorr_child_processes_failed_total',
      help: 'Child processes that could not start, exited non-zero or were killed by a signal.',
    },
    () => one(counts.childrenFailed),
  );
  registerMailMetrics(registry, counts, mail);
}

function registerMailMetrics(
  registry: Registry,
  counts: CountsView,
  mail: () => MailQueueView | null | undefined,
): void {
  pulledCounter(
    registry,
    { name: 'syscorr_mails_sent_total', help: 'Mails (and digests) accepted by the mail transport.' },
    () => one(counts.mailsSent),
  );
  pulledCounter(
    registry,
    {
      name: 'syscorr_mails_failed_total',
      help: 'Failed mail attempts by reason; gave_up counts mails dropped after the last retry.',
      labelNames: ['reason'],
    },
    () => [...counts.mailFailures].map(([reason, n]) => [{ reason }, n] as const),
  );
  pulledCounter(
    registry,
    { name: 'syscorr_mail_retries_total', help: 'Mail attempts retried after a failure.' },
    () => one(counts.mailRetries),
  );
  pulledCounter(
    registry,
    {
      name: 'syscorr_mails_digested_total',
      help: 'Mails folded into a digest by the per-recipient rate limit.',
    },
    () => one(counts.mailsDigested),
  );
  pulledHistogram(
    registry,
    { name: 'syscorr_mail_send_duration_seconds', help: 'Time to hand one mail to the SMTP server.' },
    counts.mailDuration,
  );
  pulledGauge(
    registry,
    { name: 'syscorr_mail_queue_depth_messages', help: 'Mails waiting to be sent.' },
    () => one(mail()?.queued ?? 0),
  );
}
