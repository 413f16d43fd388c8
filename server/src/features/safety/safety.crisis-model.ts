/**
 * The learned half of the crisis-language detector: a logistic regression over hashed word and
 * character n-grams of the normalised text (the rules' normaliser, so "k1ll mys3lf" and "kill myself"
 * are the same words here). It generalises to paraphrase where the hand-written rules only know the
 * phrasings they were written for; `assessCrisisLanguage` (safety.crisis-language.ts) combines the two.
 *
 * - Features (`CrisisFeatureSpec`): each segment (a sentence, or a 40-word slice of a run-on one)
 *   gives its words and word pairs (with start and end marks), its character 4- and 5-grams, and
 *   scoped copies of words after a negation or in a clause told in the past. All are hashed into
 *   2^18 signed buckets (no vocabulary to ship). Words and characters are each scaled by
 *   1/sqrt(their count), so short and long texts are on one scale.
 * - Two readings of a post: the highest score over windows of four consecutive sentences (the whole
 *   post when it is shorter), which is what the model finds a crisis by; and the highest over every
 *   run of one to four sentences, its strongest part, which decides whether the model may set a
 *   rule's match aside. A crisis sentence diluted in a long ordinary post never vetoes the rules.
 * - Weights are trained by `safety.crisis-training.ts` (`npm run train:crisis`) and committed as
 *   `safety.crisis-model.json` (16-bit integers in base64, kept as integers in memory: 512 KB). They
 *   are read once, when this module loads, and the process fails to start if the file is not in
 *   the format this code expects.
 *
 * Scoring allocates nothing per n-gram: hashes are computed over character codes into a reused buffer.
 */
import { readFileSync } from 'node:fs';
import type { CrisisKind } from './safety.crisis-language.ts';

export const crisisModelFormat = 'kindred-crisis-model/2';

/** How text becomes features: fixed when a model is trained, saved with it. */
export type CrisisFeatureSpec = {
  /** Hash space: 2^bits buckets. */
  bits: number;
  /** Longest word n-gram (1 = words only, 2 = and pairs, 3 = and triples). */
  wordNgrams: number;
  /** Character n-grams from `charMin` to `charMax` letters (0 = none). */
  charMin: number;
  charMax: number;
  /** Segments scored together: windows of this many consecutive segments. */
  window: number;
  /**
   * Scoped words: the few words after a negation ("dont want to die") and every word of a segment
   * told in the past ("years ago", "used to") are also emitted marked as such, so a linear model can
   * weigh "want to die" and "dont want to die" apart. 0 = off; otherwise how many words a negation reaches.
   */
  scopes: number;
};

/** Weights as saved: 16-bit integers in base64, times `scale`. */
export type PackedWeights = { scale: number; bias: number; weights: string };

export type CrisisModelFile = {
  format: typeof crisisModelFormat;
  spec: CrisisFeatureSpec;
  /** The crisis model: P(crisis) = sigmoid(bias + w·x). */
  crisis: PackedWeights;
  /** Which kind, when the model alone finds a crisis: one-versus-rest scores, highest wins. */
  kinds: { spec: CrisisFeatureSpec } & Record<CrisisKind, PackedWeights>;
  /** How the rules and the model decide together (chosen in cross-validation). */
  decision: CrisisDecisionSettings;
  /** What it was trained on and how it did in cross-validation (for people; not read by the code). */
  training: Record<string, unknown>;
};

// ────────────────────────────────────────────────────────────────────────────────────────────────
// The decision
// ────────────────────────────────────────────────────────────────────────────────────────────────

/** How the rules and the model decide together: `ruleStands`, `modelAloneFinds`. */
export type CrisisDecisionSettings = {
  /** The model alone finds a crisis when the post reads at or above this probability… */
  threshold: number;
  /** …or any part of it (`strongestPart`) at or above this one (above 1: never)… */
  partThreshold: number;
  /** …in a text of at least this many words (on a word or two its score says more about the words than the writer). */
  modelMinWords: number;
  /** A rule's match is set aside when no part of the text reaches this probability (a veto; 0 = never)… */
  vetoBelow: number;
  /** …in a text of at least this many words (a short text gives the model too little to overrule a rule). */
  vetoMinWords: number;
};

/** What the detector knows of a text when it decides: the rules' verdict, the model's readings, its length. */
export type CrisisReading = { rulesFire: boolean; post: number; strongestPart: number; words: number };

/** Whether the rules' match stands (they fired, and the model does not overrule them). */
export function ruleStands(reading: CrisisReading, settings: CrisisDecisionSettings): boolean {
  return reading.rulesFire && (reading.words < settings.vetoMinWords || reading.strongestPart >= settings.vetoBelow);
}

/** Whether the model finds a crisis on its own. */
export function modelAloneFinds(reading: CrisisReading, settings: CrisisDecisionSettings): boolean {
  return (
    (reading.post >= settings.threshold || reading.strongestPart >= settings.partThreshold) &&
    reading.words >= settings.modelMinWords
  );
}

/** The detector's decision: crisis language when a rule's match stands or the model alone finds it. */
export function isCrisisReading(reading: CrisisReading, settings: CrisisDecisionSettings): boolean {
  return ruleStands(reading, settings) || modelAloneFinds(reading, settings);
}

/** How many words a normalised text has (runs holding a letter). */
export function crisisWordCount(normalized: string): number {
  return normalized.split(' ').filter((word) => /[a-z]/.test(word)).length;
}

// ────────────────────────────────────────────────────────────────────────────────────────────────
// Segments and features
// ────────────────────────────────────────────────────────────────────────────────────────────────

/** Longest segment, in words: a run-on text without punctuation is cut into slices this long. */
const SEGMENT_WORDS = 40;

/**
 * The segments of a normalised text (`normalizeForCrisis` then squeezed): sentences, with every
 * character other than a letter or digit made one space; long ones sliced. Empty ones are dropped.
 */
export function crisisSegments(normalized: string): string[] {
  const segments: string[] = [];
  let words: string[] = [];
  const flush = () => {
    if (words.length > 0) segments.push(words.join(' '));
    words = [];
  };
  // One pass: words are runs of letters and digits; sentence marks end a segment.
  let start = -1;
  for (let index = 0; index <= normalized.length; index += 1) {
    const code = index < normalized.length ? normalized.charCodeAt(index) : 46;
    const isWordCharacter = (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
    if (isWordCharacter) {
      if (start < 0) start = index;
      continue;
    }
    if (start >= 0) {
      words.push(normalized.slice(start, index));
      start = -1;
      if (words.length === SEGMENT_WORDS) flush();
    }
    // . ! ? ; and a new line end a sentence.
    if (code === 46 || code === 33 || code === 63 || code === 59 || code === 10) flush();
  }
  return segments;
}

const FNV_PRIME = 0x01000193;
/** A different starting value per kind of feature, so "kil" the word and "kil" the letters differ. */
const SEED_WORD = 0x811c9dc5;
const SEED_CHAR = 0x050c5d1f;
const SEED_PAIR = 0x2d2816fe;
const SEED_TRIPLE = 0x3a7f9e21;
const SEED_NEGATED = 0x6b43a9b5;
const SEED_PAST = 0x4cf5ad43;
const BOUNDARY = 0x1b873593;

/**
 * Final mixing (murmur3's), so nearby hashes spread over the buckets. Hashes stay signed 32-bit
 * integers throughout (an unsigned one above 2^31 would be a boxed number in V8: three times slower).
 */
function mix(hash: number): number {
  let h = hash ^ (hash >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

function combine(seed: number, a: number, b: number): number {
  return mix(Math.imul(Math.imul(seed ^ a, FNV_PRIME) ^ b, FNV_PRIME));
}

/** A word's hash: FNV-1a over its characters, mixed. */
function hashWord(text: string, start: number, end: number): number {
  let hash = SEED_WORD;
  for (let at = start; at < end; at += 1) hash = Math.imul(hash ^ text.charCodeAt(at), FNV_PRIME);
  return mix(hash);
}

/** Words that negate what follows (squeezed spelling), by hash. */
const negations = new Set(
  'not no never dont didnt doesnt cant wont isnt arent wasnt werent havent hasnt nobody nothing noone without'
    .split(' ')
    .map((word) => hashWord(word, 0, word.length)),
);
/** A clause told of the past: "five years ago", "used to", "back when", "when i was", "i remember". */
const pastTime =
  /\b(?:ago|used to|back (?:when|then|in)|when i was|i remember|there was a time|at my lowest|in my (?:using|drinking|active)|before i got|since my|anniversary|survived)\b/;
/** Words that start a new clause within a sentence. */
const clauseBreak = /(?:^| )(?:but|though|tho|although|however|whereas)(?= |$)/g;

/** The [start, end) character ranges of a segment's clauses that are told in the past. */
function pastClauses(segment: string): Array<[number, number]> {
  if (!pastTime.test(segment)) return [];
  const ranges: Array<[number, number]> = [];
  let from = 0;
  for (const found of [...segment.matchAll(clauseBreak), null]) {
    const to = found ? found.index : segment.length;
    if (pastTime.test(segment.slice(from, to))) ranges.push([from, to]);
    from = to;
  }
  return ranges;
}

/**
 * One segment's features, in `features.codes[0 .. features.count)`: each is
 * `bucket << 2 | (negative sign ? 2 : 0) | group` (group 0 = words, 1 = characters). The buffer is
 * reused from call to call (no allocation per feature): read it before the next call.
 */
export const features = { codes: new Int32Array(4096), count: 0 };

/** The bucket is the hash's low bits, the sign its top bit. */
const encode = (hash: number, group: number, mask: number) => ((hash & mask) << 2) | (hash < 0 ? 2 : 0) | group;

/** Computes the features of one segment into `features`. */
export function segmentFeatures(segment: string, spec: CrisisFeatureSpec): void {
  const length = segment.length;
  // At most 5 word features per word (a word is two characters with its space) and 3 per character.
  if (features.codes.length < 6 * length + 16) features.codes = new Int32Array(6 * length + 16);
  const codes = features.codes;
  let count = 0;
  const mask = (1 << spec.bits) - 1;
  const { scopes, wordNgrams, charMin, charMax } = spec;
  // Words: unigrams, and pairs and triples with a start and an end mark.
  let previous = BOUNDARY;
  let beforePrevious = BOUNDARY;
  let start = 0;
  // The past reaches to the end of its clause: "years ago i tried, but tonight i want to die" is two.
  const past = scopes > 0 ? pastClauses(segment) : [];
  let negatedFor = 0;
  for (let index = 0; index <= length; index += 1) {
    if (index < length && segment.charCodeAt(index) !== 32) continue;
    if (index > start) {
      const word = hashWord(segment, start, index);
      codes[count++] = encode(word, 0, mask);
      if (scopes > 0) {
        if (negatedFor > 0) {
          codes[count++] = encode(combine(SEED_NEGATED, word, 0), 0, mask);
          negatedFor -= 1;
        }
        for (const [from, to] of past) {
          if (start >= from && start < to) codes[count++] = encode(combine(SEED_PAST, word, 0), 0, mask);
        }
        if (negations.has(word)) negatedFor = scopes;
      }
      if (wordNgrams >= 2) codes[count++] = encode(combine(SEED_PAIR, previous, word), 0, mask);
      if (wordNgrams >= 3 && previous !== BOUNDARY) {
        codes[count++] = encode(combine(SEED_TRIPLE, combine(SEED_TRIPLE, beforePrevious, previous), word), 0, mask);
      }
      beforePrevious = previous;
      previous = word;
    }
    start = index + 1;
  }
  if (wordNgrams >= 2 && previous !== BOUNDARY)
    codes[count++] = encode(combine(SEED_PAIR, previous, BOUNDARY), 0, mask);
  if (wordNgrams >= 3 && previous !== BOUNDARY && beforePrevious !== BOUNDARY) {
    codes[count++] = encode(combine(SEED_TRIPLE, combine(SEED_TRIPLE, beforePrevious, previous), BOUNDARY), 0, mask);
  }
  // Characters: n-grams of " segment " (a space at each end marks where words start and end).
  if (charMax > 0) {
    const padded = length + 2;
    for (let at = 0; at + charMin <= padded; at += 1) {
      let hash = SEED_CHAR;
      const last = Math.min(charMax, padded - at);
      for (let size = 1; size <= last; size += 1) {
        const position = at + size - 1;
        const code = position === 0 || position === padded - 1 ? 32 : segment.charCodeAt(position - 1);
        hash = Math.imul(hash ^ code, FNV_PRIME);
        if (size >= charMin) codes[count++] = encode(mix(hash ^ size), 1, mask);
      }
    }
  }
  features.count = count;
}

// ────────────────────────────────────────────────────────────────────────────────────────────────

/** A model's weights: the logit is bias + scale · Σ ±weights[bucket] / √count, per group. */
export type Weights = { bias: number; scale: number; weights: Float32Array | Int16Array };

/** Sums of weights and counts of features, per group, for one segment. */
type SegmentSums = { wordSum: number; wordCount: number; charSum: number; charCount: number };

function segmentSums(segment: string, spec: CrisisFeatureSpec, model: Weights): SegmentSums {
  const sums: SegmentSums = { wordSum: 0, wordCount: 0, charSum: 0, charCount: 0 };
  const weights = model.weights;
  segmentFeatures(segment, spec);
  const { codes, count } = features;
  for (let index = 0; index < count; index += 1) {
    const code = codes[index]!;
    const weight = code & 2 ? -weights[code >>> 2]! : weights[code >>> 2]!;
    if (code & 1) {
      sums.charSum += weight;
      sums.charCount += 1;
    } else {
      sums.wordSum += weight;
      sums.wordCount += 1;
    }
  }
  sums.wordSum *= model.scale;
  sums.charSum *= model.scale;
  return sums;
}

/** The logistic function; 0 for a text with no words (-Infinity). */
const sigmoid = (logit: number) => (logit === -Infinity ? 0 : 1 / (1 + Math.exp(-logit)));

function logitOf(parts: SegmentSums[], from: number, to: number, bias: number): number {
  let wordSum = 0;
  let wordCount = 0;
  let charSum = 0;
  let charCount = 0;
  for (let index = from; index < to; index += 1) {
    const part = parts[index]!;
    wordSum += part.wordSum;
    wordCount += part.wordCount;
    charSum += part.charSum;
    charCount += part.charCount;
  }
  return bias + (wordCount ? wordSum / Math.sqrt(wordCount) : 0) + (charCount ? charSum / Math.sqrt(charCount) : 0);
}

/** Two readings of a text, as logits (-Infinity for a text with no words). */
export type WindowLogits = {
  /**
   * The highest over windows of `spec.window` consecutive segments (the whole text when it has no
   * more segments than that): what the model finds a crisis by.
   */
  post: number;
  /**
   * The highest over every run of 1 to `spec.window` consecutive segments: whether any part reads
   * like a crisis. A rule's match is set aside only when this is low, so a crisis sentence diluted in
   * a long ordinary post never vetoes the rules.
   */
  strongestPart: number;
};

export function windowLogits(normalized: string, spec: CrisisFeatureSpec, model: Weights): WindowLogits {
  const segments = crisisSegments(normalized);
  if (segments.length === 0) return { post: -Infinity, strongestPart: -Infinity };
  const parts = segments.map((segment) => segmentSums(segment, spec, model));
  const window = Math.min(spec.window, parts.length);
  let post = -Infinity;
  let strongestPart = -Infinity;
  for (let from = 0; from < parts.length; from += 1) {
    for (let to = from + 1; to <= Math.min(parts.length, from + window); to += 1) {
      const logit = logitOf(parts, from, to, model.bias);
      strongestPart = Math.max(strongestPart, logit);
      if (to - from === window) post = Math.max(post, logit);
    }
  }
  return { post, strongestPart };
}

// ────────────────────────────────────────────────────────────────────────────────────────────────
// The committed model
// ────────────────────────────────────────────────────────────────────────────────────────────────

/** 16-bit integers (little-endian) in base64, back to weights (kept as integers: half the memory of floats). */
export function unpackWeights(packed: PackedWeights, bits: number): Weights {
  const bytes = Buffer.from(packed.weights, 'base64');
  if (bytes.length !== 2 << bits)
    throw new Error(`crisis model: expected ${2 << bits} bytes of weights, found ${bytes.length}`);
  const weights = new Int16Array(1 << bits);
  for (let index = 0; index < weights.length; index += 1) weights[index] = bytes.readInt16LE(index * 2);
  return { bias: packed.bias, scale: packed.scale, weights };
}

/** Weights to 16-bit integers in base64 (the largest weight becomes ±32767). */
export function packWeights(model: { bias: number; weights: ArrayLike<number> }): PackedWeights {
  let largest = 0;
  for (let index = 0; index < model.weights.length; index += 1)
    largest = Math.max(largest, Math.abs(model.weights[index]!));
  const scale = largest > 0 ? largest / 32767 : 1;
  const bytes = Buffer.alloc(model.weights.length * 2);
  for (let index = 0; index < model.weights.length; index += 1) {
    bytes.writeInt16LE(Math.round(model.weights[index]! / scale), index * 2);
  }
  return { scale, bias: model.bias, weights: bytes.toString('base64') };
}

export type LoadedCrisisModel = {
  file: CrisisModelFile;
  crisis: Weights;
  kinds: Record<CrisisKind, Weights>;
};

/** Checks a model file's shape and unpacks it; throws on anything the code does not expect. */
export function loadCrisisModel(parsed: unknown): LoadedCrisisModel {
  const format: unknown = (parsed as { format?: unknown } | null)?.format;
  if (format !== crisisModelFormat) {
    throw new Error(
      `crisis model: format ${JSON.stringify(format)}, expected ${crisisModelFormat}: run npm run train:crisis`,
    );
  }
  const file = parsed as CrisisModelFile;
  const { spec } = file;
  if (!(spec.bits >= 10 && spec.bits <= 22 && spec.window >= 1)) throw new Error('crisis model: bad feature spec');
  const { decision } = file;
  if (
    !(decision?.threshold > 0 && decision.threshold <= 1 && decision.partThreshold > 0 && decision.vetoBelow >= 0) ||
    !(Number.isInteger(decision.modelMinWords) && Number.isInteger(decision.vetoMinWords))
  )
    throw new Error('crisis model: bad decision settings');
  return {
    file,
    crisis: unpackWeights(file.crisis, spec.bits),
    kinds: {
      suicide: unpackWeights(file.kinds.suicide, file.kinds.spec.bits),
      self_harm: unpackWeights(file.kinds.self_harm, file.kinds.spec.bits),
      overdose: unpackWeights(file.kinds.overdose, file.kinds.spec.bits),
    },
  };
}

export const crisisModelUrl = new URL('safety.crisis-model.json', import.meta.url);

let committed: LoadedCrisisModel | undefined;

/**
 * The committed model, read on first use (not on import: training imports this module and must run
 * when the file is stale or in an older format). The server reads it at start, so a bad file stops it there.
 */
export function committedCrisisModel(): LoadedCrisisModel {
  committed ??= loadCrisisModel(JSON.parse(readFileSync(crisisModelUrl, 'utf8')));
  return committed;
}

/** The model's probabilities for a normalised text: the post's and its strongest part's (see `WindowLogits`). */
export function crisisModelProbabilities(
  normalized: string,
  model: LoadedCrisisModel = committedCrisisModel(),
): { post: number; strongestPart: number } {
  const logits = windowLogits(normalized, model.file.spec, model.crisis);
  return { post: sigmoid(logits.post), strongestPart: sigmoid(logits.strongestPart) };
}

/** The model's probability that a normalised text is crisis language. */
export function crisisModelProbability(normalized: string, model: LoadedCrisisModel = committedCrisisModel()): number {
  return crisisModelProbabilities(normalized, model).post;
}

/** Which kind of crisis a normalised text most sounds like, by the kind models (on a tie, the first). */
export function likeliestCrisisKind(normalized: string, model: LoadedCrisisModel = committedCrisisModel()): CrisisKind {
  const spec = model.file.kinds.spec;
  const logits = (Object.keys(model.kinds) as CrisisKind[]).map((kind) => ({
    kind,
    logit: windowLogits(normalized, spec, model.kinds[kind]).post,
  }));
  return logits.reduce((best, next) => (next.logit > best.logit ? next : best)).kind;
}
