// Generates FSRS-6 golden vectors from the reference implementation (ts-fsrs, pinned in package.json)
// for CareReady's C# scheduler tests. Deterministic: same script, same output.
//   npm ci && node generate.mjs > ../../tests/CareReady.Core.Tests/Pathways/fsrs-golden.json
import { FSRSAlgorithm, default_w, generatorParameters, get_fuzz_range } from 'ts-fsrs';
import { readFileSync } from 'node:fs';

const version = JSON.parse(readFileSync(new URL('./node_modules/ts-fsrs/package.json', import.meta.url))).version;

// mulberry32: a small seeded PRNG so the sequences are the same on every run.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// A non-default parameter set (as an organisation's fitted parameters might look).
const fitted = [0.4, 0.9, 3.1, 12.5, 6.8, 0.62, 2.4, 0.012, 1.55, 0.22, 1.05, 1.7, 0.09, 0.31, 1.4, 0.45, 2.3, 0.7, 0.25, 0.12, 0.35];

const configs = [
  { name: 'default-0.90', w: [...default_w], retention: 0.9, maximumInterval: 36500 },
  { name: 'default-0.80', w: [...default_w], retention: 0.8, maximumInterval: 36500 },
  { name: 'default-0.95', w: [...default_w], retention: 0.95, maximumInterval: 36500 },
  { name: 'default-0.70', w: [...default_w], retention: 0.7, maximumInterval: 36500 },
  { name: 'fitted-0.90', w: fitted, retention: 0.9, maximumInterval: 36500 },
  { name: 'fitted-0.85-max365', w: fitted, retention: 0.85, maximumInterval: 365 },
];

const out = { generator: `ts-fsrs ${version} (FSRSAlgorithm, enable_short_term=true, enable_fuzz=false)`, configs: [], sequences: [], fuzzRanges: [] };
const random = rng(20260101);
const pick = (xs) => xs[Math.floor(random() * xs.length)];

configs.forEach((config, index) => {
  const params = generatorParameters({ w: config.w, request_retention: config.retention, maximum_interval: config.maximumInterval, enable_fuzz: false, enable_short_term: true });
  const algorithm = new FSRSAlgorithm(params);
  out.configs.push({ name: config.name, w: algorithm.parameters.w, retention: config.retention, maximumInterval: config.maximumInterval });
  for (let n = 0; n < 60; n++) {
    let state = null;
    let interval = 0;
    const reviews = [];
    const length = 4 + Math.floor(random() * 12);
    for (let i = 0; i < length; i++) {
      // Ratings: mostly Good, with Again/Hard/Easy; elapsed days around the schedule, same-day, early, late and very late.
      const u = random();
      const rating = u < 0.18 ? 1 : u < 0.33 ? 2 : u < 0.85 ? 3 : 4;
      let elapsed = 0;
      if (i > 0) {
        const kind = random();
        if (kind < 0.15) elapsed = 0;
        else if (kind < 0.55) elapsed = interval;
        else if (kind < 0.75) elapsed = Math.max(1, Math.round(interval * (0.2 + random() * 0.8)));
        else if (kind < 0.95) elapsed = Math.round(interval * (1 + random() * 2)) + 1;
        else elapsed = pick([400, 1000, 2500, 5000]);
      }
      const r = state === null ? null : algorithm.forgetting_curve(elapsed, state.stability);
      state = algorithm.next_state(state, elapsed, rating);
      interval = algorithm.next_interval(state.stability, elapsed);
      reviews.push({ elapsed, rating, r, stability: state.stability, difficulty: state.difficulty, interval });
    }
    out.sequences.push({ config: index, reviews });
  }
});

for (const interval of [1, 2, 3, 5, 7, 12, 20, 45, 100, 365, 1000]) {
  for (const elapsed of [0, 3, 30]) {
    out.fuzzRanges.push({ interval, elapsed, maximumInterval: 36500, ...get_fuzz_range(interval, elapsed, 36500) });
  }
}

process.stdout.write(JSON.stringify(out, null, 0).replace(/\{"config"/g, '\n{"config"') + '\n');
