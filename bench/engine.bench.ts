/**
 * Engine benchmarks (`npm run bench`). Prints numbers; asserts nothing — budgets are read by
 * people and by the quality gates, not by wall-clock tests.
 *
 * - check time for generated scenarios of 200, 2,000 and 20,000 nodes (should grow ~linearly);
 * - cost per decision step over seeded random playthroughs of every built-in scenario, with the
 *   public-reaction model and the feed derivation on;
 * - replay time of a 200-decision run.
 * - a bare XState v5 machine stepped the same way, as the yardstick for the step cost.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createMachine, initialTransition, transition } from 'xstate';
import { join } from 'node:path';
import {
  availableDecisions,
  checkScenario,
  compileScenario,
  decisionEvent,
  deriveFeed,
  loadScenario,
  replayRun,
  seededRandom,
  startRun,
  stepRun,
  type RunEvent,
  type Scenario,
} from '../src/engine';

function time<T>(fn: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}

const fixture = loadScenario(
  readFileSync('tests/fixtures/scenarios/minimal.yaml', 'utf8'),
  'minimal.yaml',
);
if (!fixture.ok) throw new Error('fixture invalid');
const base = fixture.compiled.scenario;

/** A layered scenario with `n` decision nodes, two choices each, into the next layer. */
function generated(n: number): Scenario {
  const template = base.nodes[0]!;
  const perLayer = 4;
  const layers = Math.ceil(n / perLayer);
  const nodes: Scenario['nodes'] = [];
  for (let l = 0; l < layers; l++) {
    for (let k = 0; k < perLayer; k++) {
      const nextIds =
        l + 1 < layers
          ? [`n${l + 1}-${k}`, `n${l + 1}-${(k + 1) % perLayer}`]
          : ['good-end', 'bad-end'];
      nodes.push({
        ...template,
        id: `n${l}-${k}`,
        feed: [],
        deadline: undefined,
        choices: template.choices.map((c, j) => ({ ...c, reactions: [], next: nextIds[j]! })),
      });
    }
  }
  // Every first-layer node but the start is reached from nowhere; point the start at them too.
  return {
    ...base,
    start: 'n0-0',
    nodes: [...nodes.filter((x) => !/^n0-[123]$/.test(x.id)), ...base.nodes.slice(1)],
  };
}

console.log('scenario check (schema already valid; graph checks + path counting):');
for (const n of [200, 2_000, 20_000]) {
  const s = generated(n);
  checkScenario(s, 'warmup');
  const runs = 5;
  const { ms } = time(() => {
    for (let i = 0; i < runs; i++) checkScenario(s, 'bench');
  });
  const perNode = ((ms / runs) * 1000) / s.nodes.length;
  console.log(
    `  ${String(s.nodes.length).padStart(6)} nodes: ${(ms / runs).toFixed(2)} ms (${perNode.toFixed(1)} µs per node; linear growth keeps this flat)`,
  );
}

console.log('decision steps over seeded random playthroughs (1,000 runs per scenario):');
const files = readdirSync('scenarios').filter((f) => /\.ya?ml$/.test(f));
let steps = 0;
let stepMs = 0;
let feedMs = 0;
for (const f of files) {
  const loaded = loadScenario(readFileSync(join('scenarios', f), 'utf8'), f);
  if (!loaded.ok) continue;
  const c = loaded.compiled;
  const random = seededRandom(42);
  for (let run = 0; run < 1000; run++) {
    let s = startRun(c, { seed: run, timer: true, startedAt: 0 });
    while (s.status !== 'done') {
      const options = availableDecisions(c, s);
      const event = decisionEvent(s, options[Math.floor(random() * options.length)]!);
      const t0 = performance.now();
      s = stepRun(c, s, event);
      const t1 = performance.now();
      deriveFeed(c.index, s.context);
      feedMs += performance.now() - t1;
      stepMs += t1 - t0;
      steps++;
    }
  }
}
const per = (ms: number) => ((ms * 1000) / Math.max(steps, 1)).toFixed(1);
console.log(`  ${steps.toLocaleString('en')} steps in ${files.length} scenarios`);
console.log(
  `  machine step (model on): ${per(stepMs)} µs; feed derivation: ${per(feedMs)} µs; both: ${per(stepMs + feedMs)} µs`,
);

// The yardstick, measured now on this machine: a bare XState v5 machine (two states, one
// assign-free transition) stepped the same way, with the same pure `transition` API.
const bare = createMachine({
  initial: 'a',
  states: { a: { on: { go: 'b' } }, b: { on: { go: 'a' } } },
});
let bs = initialTransition(bare)[0];
for (let i = 0; i < 10_000; i++) bs = transition(bare, bs, { type: 'go' })[0];
const bareRun = time(() => {
  for (let i = 0; i < steps; i++) bs = transition(bare, bs, { type: 'go' })[0];
});
const bareUs = (bareRun.ms * 1000) / Math.max(steps, 1);
const ourUs = ((stepMs + feedMs) * 1000) / Math.max(steps, 1);
console.log(
  `  bare XState v5 step on this machine: ${bareUs.toFixed(1)} µs; a Firebreak step with model and feed is ${(ourUs / bareUs).toFixed(1)}× that (target: within 2×)`,
);

console.log('replay of a 200-decision run:');
const chain = compileScenario(generated(800));
let s = startRun(chain, { seed: 1, timer: false, startedAt: 0 });
const events: RunEvent[] = [];
while (s.status !== 'done') {
  const e = decisionEvent(s, availableDecisions(chain, s)[0]!);
  events.push(e);
  s = stepRun(chain, s, e);
}
replayRun(chain, { seed: 1, timer: false, startedAt: 0 }, events);
const replay = time(() => replayRun(chain, { seed: 1, timer: false, startedAt: 0 }, events));
console.log(`  ${events.length} decisions replayed in ${replay.ms.toFixed(2)} ms`);
