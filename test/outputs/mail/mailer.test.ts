import { describe, expect, it } from 'vitest';
import { Mailer, type MailLimits, retryDelay } from '../../../src/outputs/mail/index.js';
import { RecordingLogger } from '../helpers.js';
import {
  FakeTransport,
  ManualTimers,
  mail,
  permanent,
  RecordingMailTelemetry,
  settle,
  transient,
} from './fakes.js';

function setup(limits: Partial<MailLimits> = {}) {
  const timers = new ManualTimers();
  const transport = new FakeTransport(timers);
  const telemetry = new RecordingMailTelemetry();
  const logger = new RecordingLogger();
  const mailer = new Mailer({ transport, logger, telemetry, timers, now: () => timers.now, limits });
  return { timers, transport, telemetry, logger, mailer };
}

describe('Mailer: never blocks', () => {
  it('send() does not wait for delivery: the outcome is recorded only after the transport promise settles', async () => {
    const { transport, mailer, telemetry } = setup();
    mailer.send(mail({ subject: 'one' }));
    expect(transport.attempts).toHaveLength(1);
    expect(transport.delivered).toHaveLength(1);
    expect(telemetry.sent).toEqual([]);
    expect(mailer.queued).toBe(1);
    await settle();
    expect(telemetry.sent).toHaveLength(1);
    expect(mailer.queued).toBe(0);
  });

  it('a hanging server holds one mail in flight while send() keeps returning at once', async () => {
    const { transport, mailer } = setup();
    transport.fallback = 'hang';
    for (let i = 0; i < 50; i++) mailer.send(mail({ to: [`u${i}@x`], subject: `s${i}` }));
    await settle();
    expect(transport.attempts).toHaveLength(1);
    expect(mailer.queued).toBe(50);
  });
});

describe('Mailer: bounded queue', () => {
  it('mails beyond queueSize are dropped and counted as queue_full', async () => {
    const { transport, mailer, telemetry, logger } = setup({ queueSize: 3 });
    transport.fallback = 'hang';
    for (let i = 0; i < 5; i++) mailer.send(mail({ to: [`u${i}@x`], subject: `s${i}` }));
    expect(mailer.queued).toBe(3);
    expect(telemetry.failed).toEqual(['queue_full', 'queue_full']);
    expect(logger.messages(2).filter((m) => m.includes('the mail queue is full (3)'))).toHaveLength(2);
    expect(logger.messages(2)[0]).toContain("to u3@x ('s3')");
  });

  it('a mail dropped for a full queue does not use up the sends of its recipient', async () => {
    const { timers, transport, mailer, telemetry } = setup({ queueSize: 1, perRecipient: 2 });
    transport.script.push(transient());
    mailer.send(mail({ to: ['a@x'], subject: 'first' }));
    await settle();
    // The first mail waits for its retry and fills the queue: both mails to b@x are dropped.
    mailer.send(mail({ to: ['b@x'], subject: 'lost 1' }));
    mailer.send(mail({ to: ['b@x'], subject: 'lost 2' }));
    // (the first attempt's transient failure is counted too)
    expect(telemetry.failed).toEqual(['transport', 'queue_full', 'queue_full']);
    await timers.advance(1000);
    expect(mailer.queued).toBe(0);
    // b@x has sent nothing this window: its next mail goes out at once, not into a digest.
    mailer.send(mail({ to: ['b@x'], subject: 'after the outage' }));
    await settle();
    expect(transport.delivered.map((m) => m.subject)).toEqual(['first', 'after the outage']);
    expect(telemetry.digested).toEqual([]);
  });
});

describe('Mailer: retries with exponential backoff', () => {
  it('retries after 1 s, 2 s, 4 s … and gives up after maxAttempts', async () => {
    const { timers, transport, mailer, telemetry, logger } = setup({ maxAttempts: 4 });
    transport.fallback = transient();
    const t0 = timers.now;
    mailer.send(mail());
    await timers.advance(60_000);
    expect(transport.attempts.map((a) => a.at - t0)).toEqual([0, 1000, 3000, 7000]);
    expect(telemetry.failed).toEqual(['transport', 'transport', 'transport', 'transport', 'gave_up']);
    expect(telemetry.retried).toBe(3);
    expect(telemetry.sent).toEqual([]);
    expect(mailer.queued).toBe(0);
    const warnings = logger.messages(3);
    expect(warnings[0]).toBe(
      "Mail to root ('alert') via smtp://alerts@mail.example.com:25 failed (attempt 1/4: 451 4.3.0 try again later); retrying in 1 s",
    );
    expect(logger.messages(2).at(-1)).toContain('attempt 4/4: 451 4.3.0 try again later); giving up');
  });

  it('the delay doubles up to retryMaxMs', () => {
    const limits = { retryBaseMs: 1000, retryMaxMs: 5000 } as MailLimits;
    expect([1, 2, 3, 4, 5, 40].map((n) => retryDelay(n, limits))).toEqual([
      1000, 2000, 4000, 5000, 5000, 5000,
    ]);
  });

  it('a mail that fails once then goes through is sent once and retried once', async () => {
    const { timers, transport, mailer, telemetry } = setup();
    transport.script.push(transient());
    mailer.send(mail());
    await timers.advance(999);
    expect(transport.attempts).toHaveLength(1);
    await timers.advance(1);
    expect(transport.attempts).toHaveLength(2);
    expect(transport.delivered).toHaveLength(1);
    expect(telemetry.failed).toEqual(['transport']);
    expect(telemetry.retried).toBe(1);
    expect(telemetry.sent).toHaveLength(1);
  });

  it('a permanent rejection (5xx) is not retried', async () => {
    const { timers, transport, mailer, telemetry, logger } = setup();
    transport.script.push(permanent());
    mailer.send(mail());
    await timers.advance(600_000);
    expect(transport.attempts).toHaveLength(1);
    expect(telemetry.failed).toEqual(['rejected']);
    expect(telemetry.retried).toBe(0);
    expect(logger.messages(2)[0]).toContain('was rejected (550 5.1.1 no such user); not retried');
  });

  it('a mail waiting for its retry does not hold up the mails behind it', async () => {
    const { timers, transport, mailer } = setup();
    transport.script.push(transient());
    mailer.send(mail({ to: ['a@x'], subject: 'first' }));
    await settle();
    mailer.send(mail({ to: ['b@x'], subject: 'second' }));
    await settle();
    expect(transport.delivered.map((m) => m.subject)).toEqual(['second']);
    await timers.advance(1000);
    expect(transport.delivered.map((m) => m.subject)).toEqual(['second', 'first']);
  });

  it('a transport that throws instead of rejecting is a failed attempt, not a crash', async () => {
    const { timers, transport, mailer, telemetry } = setup({ maxAttempts: 1 });
    transport.send = () => {
      throw new Error('boom');
    };
    expect(() => mailer.send(mail())).not.toThrow();
    await timers.advance(10);
    expect(telemetry.failed).toEqual(['transport', 'gave_up']);
  });
});

describe('Mailer: per-recipient rate limit folds a burst into one digest', () => {
  it('beyond perRecipient mails per window, the rest go out as ONE digest when the window allows', async () => {
    const { timers, transport, mailer, telemetry } = setup({ perRecipient: 2, windowMs: 60_000 });
    const t0 = timers.now;
    for (let i = 1; i <= 5; i++) mailer.send(mail({ subject: `s${i}`, body: `body ${i}\n` }));
    mailer.send(mail({ to: ['other@x'], subject: 'unrelated' }));
    await settle();
    expect(transport.delivered.map((m) => m.subject)).toEqual(['s1', 's2', 'unrelated']);
    expect(mailer.queued).toBe(1);
    expect(telemetry.digested).toEqual([]);
    await timers.advance(59_999);
    expect(transport.delivered).toHaveLength(3);
    await timers.advance(1);
    expect(telemetry.digested).toEqual([3]);
    const digest = transport.delivered[3]!;
    expect(transport.attempts[3]!.at - t0).toBe(60_000);
    expect(digest.to).toEqual(['root']);
    expect(digest.subject).toBe('[digest of 3] s3');
    expect(digest.body).toContain('3 mail(s) to root were held back by the rate limit (at most 2 per 60 s)');
    for (const i of [3, 4, 5]) {
      expect(digest.body).toMatch(new RegExp(`--- ${i - 2}/3 at \\S+: s${i}\\nbody ${i}\\n`));
    }
    expect(digest.body).not.toContain('body 1');
    expect(mailer.queued).toBe(0);
  });

  it('the digest counts as a mail of its window: a sustained storm yields at most perRecipient mails per window', async () => {
    const { timers, transport, mailer } = setup({ perRecipient: 2, windowMs: 60_000 });
    for (let s = 0; s < 300; s += 5) {
      mailer.send(mail({ subject: `at ${s}` }));
      await timers.advance(5000);
    }
    const times = transport.attempts.map((a) => a.at);
    for (const t of times)
      expect(times.filter((u) => u >= t && u < t + 60_000).length).toBeLessThanOrEqual(2);
    expect(transport.delivered.filter((m) => m.subject.startsWith('[digest of')).length).toBeGreaterThan(0);
  });

  it('a digest lists at most digestMax mails in full and counts the rest', async () => {
    const { timers, transport, mailer, telemetry } = setup({ perRecipient: 1, windowMs: 1000, digestMax: 2 });
    for (let i = 1; i <= 6; i++) mailer.send(mail({ subject: `s${i}` }));
    await timers.advance(1000);
    expect(telemetry.digested).toEqual([5]);
    const digest = transport.delivered[1]!;
    expect(digest.subject).toBe('[digest of 5] s2');
    expect(digest.body).toContain('--- 2/5');
    expect(digest.body).not.toContain('--- 3/5');
    expect(digest.body).toContain('... and 3 more mail(s), not listed.');
  });

  it('recipient lists are compared without regard to order and case', async () => {
    const { transport, mailer } = setup({ perRecipient: 1 });
    mailer.send(mail({ to: ['A@x', 'b@x'] }));
    mailer.send(mail({ to: ['b@x', 'a@X'] }));
    await settle();
    expect(transport.delivered).toHaveLength(1);
    expect(mailer.queued).toBe(1);
  });
});

describe('Mailer: close', () => {
  it('sends open digests and retries at once, then waits for delivery', async () => {
    const { timers, transport, mailer, telemetry } = setup({ perRecipient: 1 });
    transport.script.push('ok', transient());
    mailer.send(mail({ subject: 'a' }));
    mailer.send(mail({ subject: 'b' }));
    mailer.send(mail({ to: ['x@y'], subject: 'c' }));
    await settle();
    expect(transport.delivered.map((m) => m.subject)).toEqual(['a']);
    await mailer.close(5000);
    expect(transport.delivered.map((m) => m.subject).sort()).toEqual(['[digest of 1] b', 'a', 'c']);
    expect(timers.pending).toBe(0);
    expect(telemetry.digested).toEqual([1]);
    expect(transport.closed).toBe(true);
    expect(mailer.queued).toBe(0);
  });

  it('drops what is still pending after the bounded wait, counted as gave_up', async () => {
    const { timers, transport, mailer, telemetry, logger } = setup();
    transport.fallback = 'hang';
    mailer.send(mail({ to: ['a@x'] }));
    mailer.send(mail({ to: ['b@x'] }));
    let done = false;
    const closing = mailer.close(5000).then(() => {
      done = true;
    });
    await timers.advance(4999);
    expect(done).toBe(false);
    await timers.advance(1);
    await closing;
    expect(telemetry.failed).toEqual(['gave_up', 'gave_up']);
    expect(logger.messages(2).filter((m) => m.includes('not delivered before exit'))).toHaveLength(2);
    expect(transport.closed).toBe(true);
  });

  it('refuses mail once closing', async () => {
    const { mailer, telemetry, transport } = setup();
    await mailer.close(5000);
    mailer.send(mail());
    expect(transport.attempts).toHaveLength(0);
    expect(telemetry.failed).toEqual(['gave_up']);
  });
});
