import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessCrisisLanguage, crisisKinds, type CrisisKind } from './safety.crisis-language.ts';

type Example = { text: string; crisis: boolean; kind: CrisisKind | null; note?: string };
type SetName = 'dev' | 'test' | 'dev2' | 'holdout';
const examples = (name: SetName): Example[] =>
  JSON.parse(readFileSync(new URL(`crisis-examples.${name}.json`, import.meta.url), 'utf8')) as Example[];

/** Recall on the crisis examples and the false-positive rate on the others. */
function measure(set: Example[]) {
  const crisis = set.filter((example) => example.crisis);
  const ordinary = set.filter((example) => !example.crisis);
  const missed = crisis.filter((example) => !assessCrisisLanguage(example.text).isCrisis);
  const falseAlarms = ordinary.filter((example) => assessCrisisLanguage(example.text).isCrisis);
  return {
    recall: 1 - missed.length / crisis.length,
    falsePositiveRate: falseAlarms.length / ordinary.length,
    missed: missed.map((example) => example.text),
    falseAlarms: falseAlarms.map((example) => example.text),
    counts: { crisis: crisis.length, ordinary: ordinary.length },
  };
}

const percent = (rate: number) => `${(rate * 100).toFixed(1)} %`;

/**
 * All three labelled sets are development data now: dev (the matcher's first tuning set), test (once
 * held out, then read to find what the matcher missed) and dev2 (written for the compositional
 * rewrite: its first 240 examples and each later round were scored blind, then learned from). The
 * target (recall >= 95 %, false positives <= 5 %) is judged on a fresh blind set kept elsewhere.
 * These floors are what the matcher reaches on each set, minus a hair, so a change that loses ground
 * fails here first. Each set's figures are printed when the tests run.
 */
const floors: Record<
  Exclude<SetName, 'holdout'>,
  { recall: number; falsePositiveRate: number; crisis: number; ordinary: number }
> = {
  dev: { recall: 0.99, falsePositiveRate: 0.005, crisis: 180, ordinary: 230 },
  test: { recall: 0.99, falsePositiveRate: 0.005, crisis: 180, ordinary: 230 },
  dev2: { recall: 0.985, falsePositiveRate: 0.005, crisis: 620, ordinary: 680 },
};

describe('crisis language', () => {
  // The published measurement: crisis-examples.holdout.json (256 crisis, 371 ordinary) was written by
  // someone who never saw the matcher or its sets, and nobody tuning the matcher has read it. Its
  // figures are the honest ones; the target (95 % / 5 %) is NOT met yet. The floors only stop a change
  // from losing ground; never tune on this set (write new examples into dev2 instead).
  it('on the blind holdout set: recall 55 % and false positives 6.5 %, no worse (target 95 % / 5 %, not met)', () => {
    const result = measure(examples('holdout'));
    console.info(
      `crisis language, BLIND holdout set: recall ${percent(result.recall)} of ${result.counts.crisis}, ` +
        `false positives ${percent(result.falsePositiveRate)} of ${result.counts.ordinary}`,
    );
    expect(result.counts).toEqual({ crisis: 256, ordinary: 371 });
    expect(result.recall).toBeGreaterThanOrEqual(0.55);
    expect(result.falsePositiveRate).toBeLessThanOrEqual(0.066);
  });

  for (const name of ['dev', 'test', 'dev2'] as const) {
    it(`on the ${name} set: recall and false positives no worse than measured (target on a blind set: 95 % / 5 %)`, () => {
      const result = measure(examples(name));
      console.info(
        `crisis language, ${name} set: recall ${percent(result.recall)} of ${result.counts.crisis} crisis examples, ` +
          `false positives ${percent(result.falsePositiveRate)} of ${result.counts.ordinary} ordinary ones`,
      );
      expect(result.counts.crisis).toBeGreaterThanOrEqual(floors[name].crisis);
      expect(result.counts.ordinary).toBeGreaterThanOrEqual(floors[name].ordinary);
      expect(result.recall, `missed:\n${result.missed.join('\n')}`).toBeGreaterThanOrEqual(floors[name].recall);
      expect(result.falsePositiveRate, `false alarms:\n${result.falseAlarms.join('\n')}`).toBeLessThanOrEqual(
        floors[name].falsePositiveRate,
      );
    });
  }

  it('finds the same with and without the key index (the index only saves time)', () => {
    for (const example of [...examples('dev'), ...examples('test'), ...examples('dev2')]) {
      expect(assessCrisisLanguage(example.text), example.text).toEqual(
        assessCrisisLanguage(example.text, { everyRule: true }),
      );
    }
  });

  it('names what it found', () => {
    expect(assessCrisisLanguage('i want to kill myself tonight')).toEqual({ isCrisis: true, kinds: ['suicide'] });
    expect(assessCrisisLanguage('I cut again last night, first time in months')).toEqual({
      isCrisis: true,
      kinds: ['self_harm'],
    });
    expect(assessCrisisLanguage('i think im overdosing, took way too many pills')).toEqual({
      isCrisis: true,
      kinds: ['overdose'],
    });
  });

  it('does not fire on ordinary recovery talk', () => {
    for (const text of [
      'I really wanted a drink today',
      'this craving is killing me but I made it to a meeting',
      "I'm dying to see my kids this weekend",
      'when I was suicidal five years ago, the rooms saved me',
      'Overdose awareness day is on the 31st, who is coming to the vigil?',
      'I cut myself shaving lol',
      "that's odd, the meeting moved",
      'I killed it at work today, 90 days sober!',
      'suicide prevention training at the clinic tomorrow',
    ]) {
      expect(assessCrisisLanguage(text), text).toEqual({ isCrisis: false, kinds: [] });
    }
  });

  it('judges clause by clause: a past clause does not set aside a present one, nor the reverse', () => {
    expect(assessCrisisLanguage('I tried to end it five years ago, but tonight I want to die').isCrisis).toBe(true);
    expect(assessCrisisLanguage('I used to want to die every day, but today I am grateful').isCrisis).toBe(false);
    expect(assessCrisisLanguage("I don't want to die. I want to get better.").isCrisis).toBe(false);
    expect(assessCrisisLanguage("please don't hurt yourself, call 988").isCrisis).toBe(false);
  });

  it('adds up warning signs: one alone is ordinary, two different ones are a crisis', () => {
    expect(assessCrisisLanguage("I'm checking out.").isCrisis).toBe(false);
    expect(assessCrisisLanguage('Goodbye.').isCrisis).toBe(false);
    expect(assessCrisisLanguage("I'm checking out. Goodbye.").isCrisis).toBe(true);
    expect(assessCrisisLanguage('I have a plan for the holidays: meetings every day').isCrisis).toBe(false);
    expect(assessCrisisLanguage("I don't see the point anymore and I have a plan").isCrisis).toBe(true);
  });

  it('sees through disguises: case, repeated letters, look-alike digits, stars, spaces, hidden characters', () => {
    const phrases = [
      'i want to kill myself',
      'thinking about suicide',
      'i am going to overdose tonight',
      'i want to die',
    ];
    const disguise = (text: string, choices: { upper: boolean[]; repeat: number[]; leet: boolean; hidden: boolean }) =>
      [...text]
        .map((letter, index) => {
          let out = choices.upper[index % choices.upper.length] ? letter.toUpperCase() : letter;
          if (choices.leet) out = out.replace(/[iI]/, '1').replace(/[eE]/, '3').replace(/[oO]/, '0');
          if (/[a-z]/i.test(letter)) out = out.repeat(choices.repeat[index % choices.repeat.length]!);
          return choices.hidden && index % 3 === 1 ? `${out}\u200b` : out;
        })
        .join('');
    fc.assert(
      fc.property(
        fc.constantFrom(...phrases),
        fc.record({
          upper: fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
          repeat: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 5 }),
          leet: fc.boolean(),
          hidden: fc.boolean(),
        }),
        (phrase, choices) => {
          expect(assessCrisisLanguage(disguise(phrase, choices)).isCrisis).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
    expect(assessCrisisLanguage('s u i c i d e is all i think about').isCrisis).toBe(true);
    expect(assessCrisisLanguage('thinking about s*icide again').isCrisis).toBe(true);
    expect(assessCrisisLanguage('kms').isCrisis).toBe(true);
    expect(assessCrisisLanguage('k-i-l-l m-y-s-e-l-f').isCrisis).toBe(true);
    expect(assessCrisisLanguage('i want to 🪦').isCrisis).toBe(true);
  });

  it('answers for any text, and never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 3000 }), (text) => {
        const result = assessCrisisLanguage(text);
        expect(result.isCrisis).toBe(result.kinds.length > 0);
        for (const kind of result.kinds) expect(crisisKinds).toContain(kind);
      }),
      { numRuns: 300 },
    );
    expect(assessCrisisLanguage('')).toEqual({ isCrisis: false, kinds: [] });
  });
});
