export { Processes, type ProcessesDeps } from './children.js';
export { UdpSockets, UnixDatagrams } from './datagrams.js';
export { FileOutputs, type StdoutWriter, writeStdoutSync } from './files.js';
export { commandText, type Launched, type LaunchMode, launch } from './launch.js';
export { Outputs, type OutputsDeps } from './outputs.js';
export { type ExecPlan, planExec, splitWords } from './shell.js';
export { parsePeer, type StreamKind, StreamSockets, TCP_KIND, USTREAM_KIND } from './sockets.js';
export { SpawnLines } from './spawn-lines.js';
