/**
 * Crisis language benchmark: how long assessing one 2 KB text takes (posts made of the labelled
 * examples, crisis and ordinary mixed), for the whole detector (rules and learned model) and, to see
 * each half's share, for the rules alone and the model alone. Target: under 1 ms per 2 KB text.
 *
 *   npm run bench:crisis
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  assessCrisisLanguage,
  assessCrisisRules,
  normalizeForCrisisMatching,
} from '../server/src/features/safety/safety.crisis-language.ts';
import { crisisModelProbability } from '../server/src/features/safety/safety.crisis-model.ts';

const examples = (['dev', 'test'] as const).flatMap(
  (name) =>
    JSON.parse(
      readFileSync(new URL(`../server/src/features/safety/crisis-examples.${name}.json`, import.meta.url), 'utf8'),
    ) as Array<{ text: string }>,
);

/** Texts of about 2 KB, each a run of examples starting at a different place. */
const texts = Array.from({ length: 500 }, (_, start) => {
  let text = '';
  for (let index = start; text.length < 2048; index += 7) text += `${examples[index % examples.length]!.text}\n`;
  return text.slice(0, 2048);
});

function measure(name: string, assess: (text: string) => unknown): void {
  for (const text of texts) assess(text); // warm-up
  const times: number[] = [];
  for (let round = 0; round < 20; round += 1) {
    for (const text of texts) {
      const started = performance.now();
      assess(text);
      times.push(performance.now() - started);
    }
  }
  times.sort((a, b) => a - b);
  const at = (fraction: number) => times[Math.min(times.length - 1, Math.floor(times.length * fraction))]!;
  const mean = times.reduce((sum, time) => sum + time, 0) / times.length;
  const micro = (time: number) => `${(time * 1000).toFixed(0)} µs`;
  console.log(
    `${name} on ${times.length} texts of 2 KB: mean ${micro(mean)}, median ${micro(at(0.5))}, p99 ${micro(at(0.99))}, max ${micro(at(1))}`,
  );
}

measure('assessCrisisLanguage (rules and model)', assessCrisisLanguage);
measure('  rules alone (assessCrisisRules)', assessCrisisRules);
measure('  model alone (normalising included)', (text) => crisisModelProbability(normalizeForCrisisMatching(text)));
console.log('target: assessCrisisLanguage under 1 ms per 2 KB text');
