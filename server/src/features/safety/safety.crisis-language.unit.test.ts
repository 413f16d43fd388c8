import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assessCrisisLanguage,
  assessCrisisRules,
  crisisKinds,
  normalizeForCrisisMatching,
  type CrisisKind,
} from './safety.crisis-language.ts';
import {
  crisisModel,
  crisisModelFormat,
  crisisModelProbabilities,
  crisisModelProbability,
  crisisModelUrl,
  crisisSegments,
  likeliestCrisisKind,
  loadCrisisModel,
  packWeights,
  unpackWeights,
} from './safety.crisis-model.ts';
import {
  developmentSets,
  fingerprintExamples,
  fitCrisisWeights,
  prepare,
  readDevelopmentSets,
  seededRandom,
  stratifiedGroupFolds,
} from './safety.crisis-training.ts';

type Example = { text: string; crisis: boolean; kind: CrisisKind | null; note?: string };
type SetName = 'dev' | 'test' | 'dev2' | 'dev3' | 'holdout';
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
 * All four labelled sets are development data: dev (the rules' first tuning set), test (once held
 * out, then read to find what the rules missed), dev2 (written for the compositional rewrite) and
 * dev3 (written for the learned model: varied voices, long posts, many hard negatives; the rules were
 * never tuned on it). The model is trained on all four, so these figures are on its own training data
 * and say nothing of unseen text: cross-validation (`npm run train:crisis`) and the blind set below do.
 * These floors are what the detector reaches on each set, minus a hair, so a change that loses ground
 * fails here first. Each set's figures are printed when the tests run.
 */
const floors: Record<
  Exclude<SetName, 'holdout'>,
  { recall: number; falsePositiveRate: number; crisis: number; ordinary: number }
> = {
  dev: { recall: 0.99, falsePositiveRate: 0.005, crisis: 180, ordinary: 230 },
  test: { recall: 0.99, falsePositiveRate: 0.005, crisis: 180, ordinary: 230 },
  dev2: { recall: 0.985, falsePositiveRate: 0.005, crisis: 620, ordinary: 680 },
  dev3: { recall: 0.99, falsePositiveRate: 0.005, crisis: 565, ordinary: 600 },
};

describe('crisis language', () => {
  // The published measurement: crisis-examples.holdout.json (256 crisis, 371 ordinary) was written by
  // someone who never saw the detector or its sets, and nobody tuning it has read it. Its figures are
  // the honest ones. The rules alone scored 55.1 % / 6.5 % here; with the learned model (scored on
  // this set once, for the final configuration) 80.5 % / 5.4 %; with the guard that the model alone
  // flags nothing under four words (chosen on the development sets; a third scoring) 79.7 % / 5.4 %.
  // The target (95 % / 5 %) is NOT met.
  // The floors (measured, less about a point) only stop a change from losing ground; never tune on
  // this set (write new examples into a development set instead).
  it('on the blind holdout set: recall 79.7 % and false positives 5.4 %, no worse (target 95 % / 5 %, not met)', () => {
    const result = measure(examples('holdout'));
    console.info(
      `crisis language, BLIND holdout set: recall ${percent(result.recall)} of ${result.counts.crisis}, ` +
        `false positives ${percent(result.falsePositiveRate)} of ${result.counts.ordinary}`,
    );
    expect(result.counts).toEqual({ crisis: 256, ordinary: 371 });
    expect(result.recall).toBeGreaterThanOrEqual(0.785);
    expect(result.falsePositiveRate).toBeLessThanOrEqual(0.064);
  });

  for (const name of ['dev', 'test', 'dev2', 'dev3'] as const) {
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
    for (const example of [...examples('dev'), ...examples('test'), ...examples('dev2'), ...examples('dev3')]) {
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

  it('does not let the model alone flag a word or two (a title or a short reply)', () => {
    for (const text of ['relapsed', 'Starting again', 'Note', 'Selling pills']) {
      expect(assessCrisisLanguage(text), text).toEqual({ isCrisis: false, kinds: [] });
    }
    // Short explicit cries are the rules' to find.
    expect(assessCrisisLanguage('kms').isCrisis).toBe(true);
    expect(assessCrisisLanguage('want to die').isCrisis).toBe(true);
  });

  it('judges clause by clause: a past clause does not set aside a present one, nor the reverse', () => {
    expect(assessCrisisLanguage('I tried to end it five years ago, but tonight I want to die').isCrisis).toBe(true);
    expect(assessCrisisLanguage('I used to want to die every day, but today I am grateful').isCrisis).toBe(false);
    expect(assessCrisisLanguage("I don't want to die. I want to get better.").isCrisis).toBe(false);
    expect(assessCrisisLanguage("please don't hurt yourself, call 988").isCrisis).toBe(false);
  });

  it('adds up warning signs: one alone is ordinary, two different ones are a crisis', () => {
    // The rules alone: "I'm checking out." is one warning sign. The model reads it as a farewell
    // (probability about 0.87: most short "checking out" posts in the labelled sets are crises), so
    // the combined detector flags it and a moderator looks.
    expect(assessCrisisRules("I'm checking out.").isCrisis).toBe(false);
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

describe('crisis model', () => {
  const probability = (text: string) => crisisModelProbability(normalizeForCrisisMatching(text));

  it('gives clear crisis language a high probability and ordinary recovery talk a low one', () => {
    for (const text of [
      'i want to kill myself tonight',
      "I've been saving up my pills and tonight I'm going to take them all",
      'my friend is not breathing after he used, his lips are blue',
    ]) {
      expect(probability(text), text).toBeGreaterThanOrEqual(crisisModel.file.threshold);
    }
    for (const text of [
      'I really wanted a drink today',
      'Cut my hair short for my 6 months, feels like a fresh start',
      'please, if you are struggling tonight, call 988',
    ]) {
      expect(probability(text), text).toBeLessThan(0.2);
    }
    expect(probability('')).toBe(0);
    expect(probability('... !!! ???')).toBe(0);
  });

  it('names the likeliest kind', () => {
    expect(likeliestCrisisKind(normalizeForCrisisMatching('took the whole bottle of pills, my heart is racing'))).toBe(
      'overdose',
    );
    expect(likeliestCrisisKind(normalizeForCrisisMatching('been cutting my arms again every night'))).toBe('self_harm');
    expect(likeliestCrisisKind(normalizeForCrisisMatching('i have a rope and a plan for tonight'))).toBe('suicide');
  });

  it('reads every part of a long post: a crisis sentence among ordinary ones is not vetoed away', () => {
    const ordinary = 'Went to my meeting today and shared about work. The coffee was terrible as usual.';
    const text = `${ordinary.repeat(6)} I have the pills counted out and tonight I am going to take them all. ${ordinary.repeat(6)}`;
    const normalized = normalizeForCrisisMatching(text);
    expect(crisisSegments(normalized).length).toBeGreaterThan(crisisModel.file.spec.window);
    const { post, strongestPart } = crisisModelProbabilities(normalized);
    // The post's reading (windows of four sentences) dilutes one sentence; its strongest part does not.
    expect(strongestPart).toBeGreaterThanOrEqual(crisisModel.file.threshold);
    expect(post).toBeLessThanOrEqual(strongestPart);
    expect(assessCrisisLanguage(text).kinds).toContain('overdose');
    expect(crisisModelProbabilities(normalizeForCrisisMatching(ordinary.repeat(12))).strongestPart).toBeLessThan(0.2);
  });

  it('is read from a file in the format the loader expects, small, with thresholds chosen in cross-validation', () => {
    const text = readFileSync(crisisModelUrl, 'utf8');
    expect(text.length).toBeLessThan(1024 * 1024);
    const file = JSON.parse(text);
    expect(file.format).toBe(crisisModelFormat);
    expect(file.spec).toEqual(crisisModel.file.spec);
    expect(file.threshold).toBeGreaterThan(0.5);
    expect(file.threshold).toBeLessThan(1);
    expect(file.vetoBelow).toBeGreaterThanOrEqual(0);
    expect(file.vetoBelow).toBeLessThan(file.threshold);
    expect(file.training.sets).toEqual([...developmentSets]);
    expect(file.training.sets).not.toContain('holdout');
    expect(() => loadCrisisModel({ ...file, format: 'kindred-crisis-model/0' })).toThrow(/format/);
  });

  it('was trained on the development sets as they are now (run npm run train:crisis after changing them)', () => {
    expect(crisisModel.file.training.fingerprint).toBe(fingerprintExamples(readDevelopmentSets().examples));
  });

  it('holds the weights that training writes (training is deterministic)', () => {
    const { examples, sets } = readDevelopmentSets();
    const trained = fitCrisisWeights(prepare(examples, sets));
    expect(trained.crisis).toEqual(crisisModel.file.crisis);
    expect(trained.kinds).toEqual(crisisModel.file.kinds);
  }, 120_000);

  it('packs weights into 16-bit integers and back within half a step', () => {
    const weights = Float32Array.from({ length: 1 << 10 }, (_, index) => Math.sin(index) * (index % 7));
    const unpacked = unpackWeights(packWeights({ bias: 0.25, weights }), 10);
    expect(unpacked.bias).toBe(0.25);
    for (let index = 0; index < weights.length; index += 1) {
      expect(Math.abs(unpacked.weights[index]! * unpacked.scale - weights[index]!)).toBeLessThanOrEqual(
        unpacked.scale / 2 + 1e-9,
      );
    }
  });

  it('splits cross-validation folds the same way every time, crisis and ordinary in balance', () => {
    expect(Array.from({ length: 3 }, seededRandom(7))).toEqual(Array.from({ length: 3 }, seededRandom(7)));
    const labels = Array.from({ length: 200 }, (_, index) => index % 3 === 0);
    const groups = labels.map((_, index) => Math.floor(index / 2));
    const folds = stratifiedGroupFolds(labels, groups, 5, 1);
    expect(folds).toEqual(stratifiedGroupFolds(labels, groups, 5, 1));
    for (let fold = 0; fold < 5; fold += 1) {
      const crisis = labels.filter((label, index) => label && folds[index] === fold).length;
      expect(crisis).toBeGreaterThanOrEqual(12);
      expect(crisis).toBeLessThanOrEqual(15);
    }
    // Near-duplicates (one group) stay in one fold.
    for (let index = 0; index < labels.length; index += 2) expect(folds[index]).toBe(folds[index + 1]);
  });
});
