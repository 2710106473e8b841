#!/usr/bin/env python3
"""Regenerates expected.timed of every `mode: timed` golden case with the real SEC (/usr/bin/sec).

SEC runs in tail mode on empty input files in a scratch directory; this script appends each input
line at its virtual time (real sleeps) and timestamps every stdout line SEC (or a child) prints.
SEC is started first (with --log=<scratch>/sec.log, to see when it has opened its inputs, since in
tail mode it starts reading at EOF); time 0 is the first whole-second boundary after that. Each line
is appended at t0 + N + 0.4 s, so SEC reads it during second N (its clock is integer seconds).
Output printed before t0 (start-up: SEC_STARTUP, the first Calendar check) is recorded as +0.
SEC is stopped with SIGTERM at t0 + duration + 0.5 s; lines printed later are not recorded.
Usage: test/golden/regenerate-timed.py [case-dir...]   (default: every timed case, in parallel)
"""
import os, re, signal, subprocess, sys, tempfile, threading, time, math, shutil

HERE = os.path.dirname(os.path.abspath(__file__))
SEC = os.environ.get('SEC', '/usr/bin/sec')
PREFIX = re.compile(r'^([+@])(\d+) (.*)$', re.S)


def read_meta(d):
    meta = {}
    for line in open(os.path.join(d, 'meta')):
        k, _, v = line.rstrip('\n').partition(': ')
        meta.setdefault(k, v)
    return meta


def schedule(path, name):
    """[(second, input file name, line)] from an input script with +N / @N prefixes."""
    out, t = [], 0
    for raw in open(path, newline='\n').read().split('\n')[:-1]:
        m = PREFIX.match(raw)
        if m:
            t = t + int(m.group(2)) if m.group(1) == '+' else int(m.group(2))
            raw = m.group(3)
        out.append((t, name, raw))
    return out


def run_case(d):
    meta = read_meta(d)
    if meta.get('mode') != 'timed' or 'sec' in meta:
        return None
    duration = int(meta['duration'])
    work = tempfile.mkdtemp()
    outdir = os.path.join(work, 'out')
    os.mkdir(outdir)
    argv = [SEC]
    for f in sorted(os.listdir(d)):
        if f.startswith('rules') and f.endswith('.sec'):
            text = open(os.path.join(d, f)).read().replace('$GOLDEN_OUT', outdir)
            open(os.path.join(work, f), 'w').write(text)
            argv.append('--conf=' + f)
    events = []
    for f in sorted(os.listdir(d)):
        if f.startswith('input'):
            open(os.path.join(work, f), 'w').close()
            events += schedule(os.path.join(d, f), f)
    events.sort(key=lambda e: e[0])  # stable: file order kept within a second
    args = []
    if os.path.exists(os.path.join(d, 'args')):
        args = [a.replace('$GOLDEN_OUT', outdir) for a in open(os.path.join(d, 'args')).read().split('\n') if a]
    if not any(a.startswith('--input') for a in args):
        argv.append('--input=input')
    argv += args
    log = os.path.join(work, 'sec.log')
    argv.append('--log=' + log)
    proc = subprocess.Popen(argv, cwd=work, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            stdin=subprocess.DEVNULL)
    seen = []
    t0 = time.time() + 3600  # until SEC is ready, everything counts as start-up output

    def reader():
        for line in proc.stdout:
            seen.append((time.time() - t0, line.decode('latin1').rstrip('\n')))
    th = threading.Thread(target=reader)
    th.start()
    deadline = time.time() + 20
    while time.time() < deadline:
        if os.path.exists(log) and 'Opening input file' in open(log, encoding='latin1').read():
            break
        time.sleep(0.02)
    time.sleep(0.1)
    ready = time.time()
    t0 = math.floor(ready) + 1
    for (t, name, line) in events:
        delay = t0 + t + 0.4 - time.time()
        if delay > 0:
            time.sleep(delay)
        with open(os.path.join(work, name), 'a', encoding='latin1') as fh:
            fh.write(line + '\n')
    time.sleep(max(0, t0 + duration + 0.5 - time.time()))
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
    th.join(timeout=5)
    lines = ['+%d %s' % (max(0, math.floor(t)), text) for (t, text) in seen if t < duration + 0.5]
    open(os.path.join(d, 'expected.timed'), 'w', encoding='latin1').write(
        ''.join(l + '\n' for l in lines))
    shutil.rmtree(work, ignore_errors=True)
    return os.path.basename(d)


def main():
    dirs = sys.argv[1:] or [os.path.join(HERE, x) for x in sorted(os.listdir(HERE))
                            if os.path.isdir(os.path.join(HERE, x))]
    threads = [threading.Thread(target=lambda x=x: print('regenerated', run_case(x) or '-', flush=True))
               for x in dirs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


if __name__ == '__main__':
    main()
