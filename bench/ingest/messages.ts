import { writeFileSync } from 'node:fs';
import { generateLines } from '../gen/lines.js';

/** RFC 3164 messages (`<13>` + the classic line): the listeners normalize them back to the line. */
export function syslogMessages(count: number, seed = 21): string[] {
  return generateLines(count, seed).map((line) => `<13>${line}`);
}

/** The message file the UDP sender cycles through. */
export function writeUdpMessages(path: string, count: number): void {
  writeFileSync(path, `${syslogMessages(count).join('\n')}\n`, 'latin1');
}

/** Exactly `size` bytes: cut, or padded with spaces. */
export function fixedSize(message: string, size: number): string {
  return message.length >= size ? message.slice(0, size) : message.padEnd(size, ' ');
}

/**
 * `count` messages of exactly `size` bytes, framed by octet counting (RFC 6587 `LEN SP MSG`), as
 * one buffer the TCP sender writes again and again.
 */
export function octetCountedFrames(count: number, size = 100): Buffer {
  const frames = syslogMessages(count).map((m) => `${size} ${fixedSize(m, size)}`);
  return Buffer.from(frames.join(''), 'latin1');
}
