import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

/**
 * A throwaway certificate authority in `dir`, made with the openssl program (tests of the TLS
 * listener): `ca.key`/`ca.crt` at once, then `NAME.key`/`NAME.crt` pairs it signs or that sign
 * themselves. Certificates are valid for two days.
 */
export class TestCa {
  readonly #openssl: string;
  readonly #dir: string;

  constructor(openssl: string, dir: string) {
    this.#openssl = openssl;
    this.#dir = dir;
    this.selfSigned('ca', 'Test CA');
  }

  /** The path of a file in the CA's directory (`ca.crt`, `NAME.key`, …). */
  path(name: string): string {
    return join(this.#dir, name);
  }

  /** A key and a certificate for `cn` signed by the CA. */
  signed(name: string, cn: string): void {
    this.#ssl(
      'req',
      '-new',
      ...EC_KEY,
      '-keyout',
      this.path(`${name}.key`),
      '-out',
      this.path(`${name}.csr`),
      '-subj',
      `/CN=${cn}`,
    );
    this.#ssl(
      'x509',
      '-req',
      '-in',
      this.path(`${name}.csr`),
      '-CA',
      this.path('ca.crt'),
      '-CAkey',
      this.path('ca.key'),
      '-CAcreateserial',
      '-out',
      this.path(`${name}.crt`),
      '-days',
      '2',
    );
  }

  /** A self-signed key and certificate for `cn`; `extra` adds openssl req options (-addext …). */
  selfSigned(name: string, cn: string, extra: readonly string[] = []): void {
    this.#ssl(
      'req',
      '-x509',
      ...EC_KEY,
      '-keyout',
      this.path(`${name}.key`),
      '-out',
      this.path(`${name}.crt`),
      '-subj',
      `/CN=${cn}`,
      ...extra,
      '-days',
      '2',
    );
  }

  #ssl(...args: string[]): void {
    execFileSync(this.#openssl, args, { stdio: 'ignore' });
  }
}
