import { cpus, totalmem } from 'node:os';
import { benchThroughput } from './engine-throughput.js';
import { benchLoadRules } from './load-rules.js';
import { benchOperationMemory } from './memory.js';

/** `npm run bench`: prints a Markdown table; numbers are only comparable within one run. */
const rows = [
  ...benchLoadRules([100, 1000, 10_000], 5),
  ...benchThroughput(200_000, 3),
  benchOperationMemory(1_000_000),
];
const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(
  `machine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`,
);
console.log('| benchmark | syscorr | sec | note |\n|---|---|---|---|');
for (const r of rows) console.log(`| ${r.name} | ${r.syscorr} | ${r.sec} | ${r.note} |`);
