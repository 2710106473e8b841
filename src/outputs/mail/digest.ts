import type { Mail } from './types.js';

/**
 * One digest: the mails to one recipient list that the rate limit held back (docs/mail.md
 * "Rate limit"). It keeps at most `max` of them in full and only counts the rest, so a storm
 * costs bounded memory; when the limit allows, it becomes ONE mail listing what was folded.
 */
export class Digest {
  readonly #first: Mail;
  readonly #max: number;
  readonly #entries: { at: number; subject: string; body: string }[] = [];
  #count = 0;

  constructor(first: Mail, at: number, max: number) {
    this.#first = first;
    this.#max = Math.max(1, max);
    this.add(first, at);
  }

  add(mail: Mail, at: number): void {
    this.#count++;
    if (this.#entries.length < this.#max) this.#entries.push({ at, subject: mail.subject, body: mail.body });
  }

  /** How many mails were folded into it. */
  get count(): number {
    return this.#count;
  }

  /** The digest mail: the first mail's addresses, every kept subject and body in arrival order. */
  toMail(limitNote: string): Mail {
    const n = this.#count;
    const lines = [
      `${n} mail(s) to ${this.#first.to.join(', ')} were held back by the rate limit (${limitNote})`,
      'and folded into this digest.',
      '',
    ];
    this.#entries.forEach((e, i) => {
      lines.push(`--- ${i + 1}/${n} at ${new Date(e.at).toISOString()}: ${e.subject}`);
      lines.push(e.body.endsWith('\n') ? e.body.slice(0, -1) : e.body, '');
    });
    const left = n - this.#entries.length;
    if (left > 0) lines.push(`... and ${left} more mail(s), not listed.`, '');
    return {
      ...this.#first,
      subject: `[digest of ${n}] ${this.#first.subject}`,
      body: lines.join('\n'),
    };
  }
}
