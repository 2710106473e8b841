import type { CodeTable } from './types.js';

/**
 * SYS07xx: the command line and the SECRC resource file (OPT-*). SEC prints these to stderr and
 * keeps running with the option's previous or default value, so every one is a warning.
 */
export const OPTIONS_CODES = {
  SYS0701: {
    severity: 'warning',
    summary: "unknown option (Getopt::Long 'Unknown option' or 'Missing option after'); it is ignored",
  },
  SYS0702: {
    severity: 'warning',
    summary: 'ambiguous option abbreviation (it matches several options); it is ignored',
  },
  SYS0703: {
    severity: 'warning',
    summary: "stray command-line argument that is not an option ('Unknown argument'); it is ignored",
  },
  SYS0704: {
    severity: 'warning',
    summary: 'option given without its required value; the option is ignored',
  },
  SYS0705: {
    severity: 'warning',
    summary: 'flag option given with a value (--flag=value); the option is ignored',
  },
  SYS0706: {
    severity: 'warning',
    summary: 'option value is not a valid integer, octal/hex/binary integer or real number; ignored',
  },
  SYS0707: {
    severity: 'warning',
    summary: 'option given an empty value; the value is dropped and the default kept',
  },
  SYS0708: {
    severity: 'warning',
    summary: 'option value out of its range (negative, zero or outside min..max); the default is used',
  },
  SYS0709: {
    severity: 'warning',
    summary: 'option needs another option (--input-timeout needs --timeout-script, --group needs --user)',
  },
  SYS0710: {
    severity: 'warning',
    summary: 'the SECRC resource file cannot be opened; only the command line is used',
  },
  SYS0711: {
    severity: 'warning',
    summary:
      'network --input listener is not of the form udp|tcp|tls://HOST:PORT[?SETTINGS][=CTX] or has a bad setting; it is dropped',
  },
  SYS0712: {
    severity: 'warning',
    summary: '--metrics address is not of the form HOST:PORT or [IPV6]:PORT; metrics stay disabled',
  },
  SYS0713: {
    severity: 'warning',
    summary: '--smtp value is not an smtp:// or smtps:// URL; mail falls back to the default transport',
  },
} as const satisfies CodeTable;
