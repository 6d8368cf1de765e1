// Child process: the fake inference server, so its CPU (PNG encoding, HTTP answers) is not billed
// to the library's process whose CPU per job we measure. Exits when the parent disconnects.
import { startFakeInference } from '../tests/fakes/fakeInference';
import type { FakeServerOptions, FakeStats, FromFakeServer, ToFakeServer } from './fakeServerProtocol';

const options = JSON.parse(process.argv[2] ?? '{}') as FakeServerOptions;
const fake = await startFakeInference(options);
const send = (message: FromFakeServer): void => void process.send?.(message);

const stats = (): FakeStats => {
  const outcomes: Record<string, number> = {};
  const inference = fake.requests.filter((request) => request.route === 'endpoint' || request.route === 'router');
  for (const request of inference) {
    const key = String(request.outcome ?? 'open');
    outcomes[key] = (outcomes[key] ?? 0) + 1;
  }
  const cpu = process.cpuUsage();
  return { requests: inference.length, outcomes, maxInFlight: fake.maxInFlight(), cpuUs: cpu.user + cpu.system };
};

process.on('message', (message: ToFakeServer) => {
  if (message.type === 'script') {
    fake.script(...message.steps);
    send({ id: message.id, type: 'done' });
  } else {
    send({ id: message.id, type: 'stats', stats: stats() });
  }
});
process.on('disconnect', () => void fake.close());
send({ type: 'ready', url: fake.url });
