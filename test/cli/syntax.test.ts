import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src/cli/index.js';

const parse = (...argv: string[]) => parseCommandLine(argv, {});
const messages = (...argv: string[]) => parse(...argv).problems.map((p) => p.message);
const codes = (...argv: string[]) => parse(...argv).problems.map((p) => p.code);

describe('OPT-syntax: dash forms and value separators', () => {
  it('accepts -opt, --opt and +opt (Getopt::Long getopt_compat)', () => {
    for (const form of ['-testonly', '--testonly', '+testonly']) {
      const r = parse(form);
      expect(r.options.testonly).toBe(true);
      expect(r.problems).toEqual([]);
    }
  });

  it('takes a value after = or as the next argument, in either dash form', () => {
    expect(parse('--debug=3').options.debug).toBe(3);
    expect(parse('--debug', '4').options.debug).toBe(4);
    expect(parse('-debug', '2').options.debug).toBe(2);
    expect(parse('-debug=5').options.debug).toBe(5);
    expect(parse('+debug=1').options.debug).toBe(1);
  });

  it('splits --name=value at the first =, so values may contain =', () => {
    expect(parse('--conf=a=b=c').options.conf).toEqual(['a=b=c']);
    expect(parse('--log=x=y').options.log).toBe('x=y');
  });

  it('takes the next argument as a string value whatever it looks like', () => {
    const r = parse('--conf', '--testonly');
    expect(r.options.conf).toEqual(['--testonly']);
    expect(r.options.testonly).toBe(false);
    expect(parse('--log', '--').options.log).toBe('--');
  });

  it('consumes a bad separate numeric value, with Getopt::Long message', () => {
    const r = parse('--debug', '--testonly');
    expect(r.options.testonly).toBe(false);
    expect(r.options.debug).toBe(6);
    expect(r.problems).toEqual([
      { code: 'SYS0706', message: 'Value "--testonly" invalid for option debug (number expected)' },
    ]);
  });

  it('accepts a negative separate value for an integer option (then revalidates it)', () => {
    expect(messages('--debug', '-5')).toEqual(["'--debug' option requires a value from range 1..6"]);
    expect(parse('--cleantime', '-1').options.cleantime).toBe(1);
  });

  it('ignores case in option names', () => {
    expect(parse('--TestOnly').options.testonly).toBe(true);
    expect(parse('--DEBUG=2').options.debug).toBe(2);
    expect(parse('--NoTail').options.tail).toBe(false);
  });
});

describe('OPT-syntax: abbreviations', () => {
  it('accepts unique prefixes (--testo)', () => {
    expect(parse('--testo').options.testonly).toBe(true);
    expect(parse('--deb=2').options.debug).toBe(2);
    expect(parse('--ver').options.version).toBe(true);
    expect(parse('--h').options.help).toBe(true);
    expect(parse('--notai').options.tail).toBe(false);
  });

  it('prefers an exact name over longer names it prefixes (--input vs --input-timeout)', () => {
    const r = parse('--input=x', '--dump=d');
    expect(r.problems).toEqual([]);
    expect(r.options.input.map((i) => i.pattern)).toEqual(['x']);
    expect(r.options.dump).toBe('d');
  });

  it('treats a prefix of an option and its underscore alias as one option', () => {
    const r = parse('--timeout=/bin/true', '--input-t=5', '--socket=9');
    expect(r.problems).toEqual([]);
    expect(r.options.timeoutScript).toBe('/bin/true');
    expect(r.options.inputTimeout).toBe(5);
    expect(r.options.socketTimeout).toBe(9);
  });

  it('rejects ambiguous prefixes with the sorted candidate list and keeps the value', () => {
    expect(messages('--d=1')).toEqual(['Option d is ambiguous (debug, detach, dump, dumpfjson, dumpfts)']);
    expect(messages('--no-t')).toEqual(['Option no-t is ambiguous (no-tail, no-testonly)']);
    expect(messages('--IN')).toEqual([
      'Option in is ambiguous (input, input-timeout, input_timeout, intcontexts, intevents)',
    ]);
    expect(codes('--d', '1')).toEqual(['SYS0702', 'SYS0703']);
    expect(parse('--d=1').options.debug).toBe(6);
  });

  it('completes a prefix and reports later errors under the full name', () => {
    expect(messages('--timeout=')).toEqual(['Option timeout-script requires an argument']);
    expect(messages('--input_t=x')).toEqual(['Value "x" invalid for option input_timeout (number expected)']);
    expect(messages('--testo=1')).toEqual(['Option testonly does not take an argument']);
  });
});

describe('OPT-syntax: negation, flags, repetition', () => {
  it('negates every negatable option with --noX and --no-X', () => {
    const r = parse('--notail', '--no-keepopen', '--nochildterm', '--norwfifo');
    expect([r.options.tail, r.options.keepopen, r.options.childterm, r.options.rwfifo]).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(parse('--ruleperf', '--noruleperf').options.ruleperf).toBe(false);
    expect(parse('--noruleperf', '--ruleperf').options.ruleperf).toBe(true);
  });

  it('has no --no form for non-negatable options', () => {
    expect(messages('--nodebug')).toEqual(['Unknown option: nodebug']);
    expect(messages('--nohelp')).toEqual(['Unknown option: nohelp']);
  });

  it('rejects a value on a flag, positive or negated', () => {
    expect(messages('--help=1')).toEqual(['Option help does not take an argument']);
    expect(messages('--no-tail=1')).toEqual(['Option no-tail does not take an argument']);
    expect(parse('--notail=1').options.tail).toBe(true);
  });

  it('OPT-help: -? and --help set help; --version sets version', () => {
    expect(parse('-?').help).toBe(true);
    expect(parse('--help').help).toBe(true);
    expect(parse('--version').version).toBe(true);
    expect(parse('--testonly').help).toBe(false);
  });

  it('keeps every value of repeatable options (conf, input, group) in order', () => {
    const r = parse(
      '--conf=a',
      '--conf',
      'b',
      '--input=x',
      '--input=y',
      '--user=u',
      '--group=g1',
      '--group=g2',
    );
    expect(r.options.conf).toEqual(['a', 'b']);
    expect(r.options.input.map((i) => i.pattern)).toEqual(['x', 'y']);
    expect(r.options.group).toEqual(['g1', 'g2']);
  });

  it('lets the last value of a scalar option win, and a bad later value keeps the earlier one', () => {
    expect(parse('--debug=3', '--debug=4').options.debug).toBe(4);
    expect(parse('--log=a', '--log=b').options.log).toBe('b');
    expect(parse('--debug=3', '--debug=x').options.debug).toBe(3);
  });
});

describe('OPT-syntax: unknown options and stray arguments are reported, not fatal', () => {
  it('reports unknown options (lower-cased, without the value) and continues', () => {
    const r = parse('--FOO=bar', '--testonly');
    expect(r.problems).toEqual([{ code: 'SYS0701', message: 'Unknown option: foo' }]);
    expect(r.options.testonly).toBe(true);
  });

  it('reports stray arguments, including - and the empty string', () => {
    expect(messages('bar', '-', '')).toEqual([
      'Unknown argument: bar',
      'Unknown argument: -',
      'Unknown argument: ',
    ]);
    expect(codes('bar')).toEqual(['SYS0703']);
  });

  it('reports in argument order, interleaving options and stray arguments', () => {
    expect(messages('--foo', 'bar', '--d=1')).toEqual([
      'Unknown option: foo',
      'Unknown argument: bar',
      'Option d is ambiguous (debug, detach, dump, dumpfjson, dumpfts)',
    ]);
  });

  it('handles the odd prefixes like Getopt::Long', () => {
    expect(messages('+')).toEqual(['Missing option after +']);
    expect(messages('---x')).toEqual(['Unknown option: -x']);
    expect(messages('-5')).toEqual(['Unknown option: 5']);
    expect(messages('--=x')).toEqual(['Unknown option: =x']);
    expect(messages('--conf /x')).toEqual(['Unknown option: conf /x']);
  });

  it('stops at -- and ignores the rest silently, as SEC leaves it in @ARGV', () => {
    const r = parse('--debug=2', '--', '--debug=3', 'stray', '--foo');
    expect(r.problems).toEqual([]);
    expect(r.options.debug).toBe(2);
  });

  it('reports a missing value at the end of the line or an empty =value', () => {
    expect(messages('--conf')).toEqual(['Option conf requires an argument']);
    expect(messages('--conf=')).toEqual(['Option conf requires an argument']);
    expect(codes('--debug=')).toEqual(['SYS0704']);
  });
});

describe('OPT-syntax: numbers as Getopt::Long reads them', () => {
  it('integers: sign and underscores allowed, anything else rejected', () => {
    expect(parse('--debug=+3').options.debug).toBe(3);
    expect(parse('--debug=_5_').options.debug).toBe(5);
    expect(parse('--blocksize=1_024').options.blocksize).toBe(1024);
    for (const bad of ['3x', '0x3', '3.0', ' 3', '', 'x']) {
      const r = parse(`--blocksize=${bad}`, '--debug=2');
      expect(r.options.blocksize).toBe(8192);
      expect(r.options.debug).toBe(2);
      expect(r.problems.length).toBe(1);
    }
    expect(messages('--debug=3x')).toEqual(['Value "3x" invalid for option debug (number expected)']);
  });

  it('OPT-umask: extended integers: 0x hex, 0b binary, leading-0 octal, else decimal', () => {
    expect(parse('--umask=022').options.umask).toBe(0o22);
    expect(parse('--umask=0x1F').options.umask).toBe(31);
    expect(parse('--umask=0X1f').options.umask).toBe(31);
    expect(parse('--umask=0b101').options.umask).toBe(5);
    expect(parse('--umask=0').options.umask).toBe(0);
    expect(parse('--umask=63').options.umask).toBe(63);
    expect(parse('--umask=+5').options.umask).toBe(5);
    expect(messages('--umask=08')).toEqual([
      'Value "08" invalid for option umask (extended number expected)',
    ]);
    expect(messages('--umask=0x')).toEqual([
      'Value "0x" invalid for option umask (extended number expected)',
    ]);
    expect(messages('--umask=+0')).toEqual([
      'Value "+0" invalid for option umask (extended number expected)',
    ]);
  });

  it('OPT-poll-timeout: reals: fraction and exponent, but not a bare trailing dot', () => {
    expect(parse('--poll-timeout=.5e1').options.pollTimeout).toBe(5);
    expect(parse('--poll-timeout=0.25').options.pollTimeout).toBe(0.25);
    expect(parse('--poll-timeout=2').options.pollTimeout).toBe(2);
    expect(parse('--poll-timeout=-1E-1').problems.map((p) => p.code)).toEqual(['SYS0708']);
    expect(messages('--poll-timeout=5.')).toEqual([
      'Value "5." invalid for option poll-timeout (real number expected)',
    ]);
    expect(parse('--poll-timeout=5.').options.pollTimeout).toBe(0.1);
  });
});

describe('OPT-syntax: never fatal (property)', () => {
  const fragments = [
    '-',
    '--',
    '+',
    'no',
    'no-',
    'debug',
    'conf',
    'input',
    'umask',
    'poll',
    't',
    '=',
    '0x',
    '9',
    '',
  ];
  const arg = fc.array(fc.constantFrom(...fragments), { maxLength: 4 }).map((parts) => parts.join(''));

  it('parses any argument list without throwing, with registered codes and valid values', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(arg, fc.string()), { maxLength: 8 }), (argv) => {
        const r = parseCommandLine(argv, {});
        for (const p of r.problems) expect(p.code).toMatch(/^SYS07\d\d$/);
        expect(r.options.debug).toBeGreaterThanOrEqual(1);
        expect(r.options.debug).toBeLessThanOrEqual(6);
        expect(r.options.socketTimeout).toBeGreaterThan(0);
        expect(r.options.pollTimeout).toBeGreaterThanOrEqual(0);
        expect(r.options.conf.every((c) => c !== '')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
