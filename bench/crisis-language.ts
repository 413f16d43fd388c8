/**
 * Crisis language benchmark: how long assessing one 2 KB text takes (posts made of the labelled
 * examples, crisis and ordinary mixed). Target: under 1 ms per 2 KB text.
 *
 *   npm run bench:crisis
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { assessCrisisLanguage } from '../server/src/features/safety/safety.crisis-language.ts';

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

for (const text of texts) assessCrisisLanguage(text); // warm-up
const times: number[] = [];
for (let round = 0; round < 20; round += 1) {
  for (const text of texts) {
    const started = performance.now();
    assessCrisisLanguage(text);
    times.push(performance.now() - started);
  }
}
times.sort((a, b) => a - b);
const at = (fraction: number) => times[Math.min(times.length - 1, Math.floor(times.length * fraction))]!;
const mean = times.reduce((sum, time) => sum + time, 0) / times.length;
console.log(
  `assessCrisisLanguage on ${times.length} texts of 2 KB: mean ${(mean * 1000).toFixed(0)} µs, median ${(at(0.5) * 1000).toFixed(0)} µs, p99 ${(at(0.99) * 1000).toFixed(0)} µs, max ${(at(1) * 1000).toFixed(0)} µs (target: under 1 ms)`,
);
