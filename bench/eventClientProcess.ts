// Child process: a bridge client as a browser would be, in another process, so its receive times
// are not delayed by the library's own work on the main thread. Latency = Date.now() on receipt
// minus generation.updatedAt, which the core's clock stamps in the transaction that makes the change.
import WebSocket from 'ws';
import type { ChangeKind, FromEventClient, ToEventClient } from './eventClientProtocol';

interface GenerationEvent {
  name: string;
  payload: { generation?: { updatedAt: number; status: string; attempts: number } };
}

const send = (message: FromEventClient): void => void process.send?.(message);
const latenciesMs: Record<ChangeKind, number[]> = { created: [], running: [], requeued: [], ended: [] };
let messages = 0;

const kindOf = ({ status, attempts }: { status: string; attempts: number }): ChangeKind => {
  if (status === 'pending') return attempts === 0 ? 'created' : 'requeued';
  return status === 'processing' ? 'running' : 'ended';
};

const socket = new WebSocket(process.argv[2] ?? '');
socket.on('open', () => send({ type: 'ready' }));
socket.on('error', (error) => send({ type: 'failed', message: error.message }));
socket.on('message', (data: Buffer) => {
  const receivedAt = Date.now();
  messages += 1;
  const event = JSON.parse(data.toString('utf8')) as GenerationEvent;
  const generation = event.payload.generation;
  if (event.name === 'generation.changed' && generation) latenciesMs[kindOf(generation)].push(receivedAt - generation.updatedAt);
});

process.on('message', (message: ToEventClient) => {
  if (message.type !== 'report') return;
  const cpu = process.cpuUsage();
  send({ type: 'report', latenciesMs, messages, cpuUs: cpu.user + cpu.system });
});
process.on('disconnect', () => socket.terminate());
