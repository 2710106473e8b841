import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

/** One message a test SMTP server accepted, with a minimal parse of the raw text. */
export interface Received {
  readonly from: string;
  readonly to: string[];
  readonly user: string | null;
  readonly secure: boolean;
  readonly raw: string;
  readonly subject: string;
  readonly body: string;
}

export interface SmtpSink {
  readonly port: number;
  readonly messages: Received[];
  /** Each attempt's reply, in order: true = accepted; an Error (with responseCode) = refused. */
  readonly replies: (true | Error)[];
  close(): Promise<void>;
}

/** An SMTP error reply such as `451 try again later`. */
export function smtpError(code: number, text: string): Error {
  return Object.assign(new Error(text), { responseCode: code });
}

/** Undoes quoted-printable (soft line breaks and =XX), in case nodemailer chose it for the body. */
function decodeQp(text: string): string {
  return text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** Headers (unfolded) and body of a raw message; enough to check subject and body substrings. */
export function parseRaw(raw: string): { headers: Map<string, string>; body: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = split < 0 ? raw : raw.slice(0, split);
  let body = split < 0 ? '' : raw.slice(split + 4);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  if (/quoted-printable/i.test(headers.get('content-transfer-encoding') ?? '')) body = decodeQp(body);
  return { headers, body: body.replace(/\r\n/g, '\n') };
}

/**
 * A real SMTP server (the smtp-server package) on 127.0.0.1, port 0. `reject` decides, per
 * message, whether to refuse it (return an Error from smtpError) before accepting it.
 */
export async function startSmtpSink(
  options: Partial<SMTPServerOptions> = {},
  reject: (attempt: number) => Error | null = () => null,
): Promise<SmtpSink> {
  const messages: Received[] = [];
  const replies: (true | Error)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    ...options,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const refusal = reject(replies.length + 1);
        replies.push(refusal ?? true);
        if (refusal !== null) {
          callback(refusal);
          return;
        }
        const raw = chunks.map((c) => c.toString('utf8')).join('');
        const { headers, body } = parseRaw(raw);
        messages.push({
          from: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address,
          to: session.envelope.rcptTo.map((r) => r.address),
          user: typeof session.user === 'string' ? session.user : null,
          secure: session.secure,
          raw,
          subject: headers.get('subject') ?? '',
          body,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    messages,
    replies,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
