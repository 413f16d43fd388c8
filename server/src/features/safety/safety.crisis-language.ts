/**
 * Crisis language: does a piece of text say someone may be about to die or be hurt (suicide,
 * self-harm, an overdose), in the words people really write, slang and disguises included? Built to
 * fire on "i just want it all to end", "k1ll mys3lf" and "gave my cat to my sister, I've made my
 * peace", not on "this craving is killing me", "I'm dying to see my kids", "when I was suicidal five
 * years ago, the rooms saved me" or "please don't hurt yourself, call 988".
 *
 * How, in four steps:
 *
 * 1. Normalise: case, accents, hidden characters, look-alike digits ("k1ll"), s p a c e d, d.o.t.t.e.d,
 *    h-y-p-h-e-n-e-d and s*tarred letters, apostrophes ("can't" → "cant"), "w/o", a few emoji (🔪 💊 🪦),
 *    then squeeze every run of one letter to one ("kill" → "kil", "diiie" → "die"). Patterns are
 *    written in plain spelling and squeezed the same way when they are compiled (see `re`).
 * 2. Cut the text into clauses: sentences, and again at "but", "though", "and then", "and now", so
 *    that "I tried to end it years ago, but tonight I want to die" is judged in two parts. A short
 *    tail joins the clause before ("i want off this ride. permanently."); a pattern that ends where a
 *    phrase ends is also tried on each comma-parted piece ("says she's going to jump, I'm on the phone").
 * 3. Find signals in each clause, built from parts rather than listed whole: a wish, plan or intent
 *    ("want to", "gonna", "ready to", "thinking about") joined to an ending ("die", "end it", "not
 *    wake up", "kill myself"); a life refused ("don't want to be here", "no reason to live"); a
 *    burden ("better off without me"); means at hand (a rope, pills lined up, a bridge); an act of
 *    harm on oneself ("cut my arms", "burned myself on purpose"); a dose taken ("took the whole
 *    bottle", "swallowed 40 ibuprofen"); a body in danger ("lips are blue", "won't wake up after
 *    using"). Each signal is then set aside when its clause is structurally not a crisis: told of
 *    the far past ("years ago", "used to", "back when"), negated ("I don't want to die"), said of
 *    or to someone else ("you're not a burden", "my brother's suicide"), about the topic (awareness,
 *    news, training, a question about facts), an idiom ("killing it", "dead tired", "cut back"), an
 *    accident ("cut myself shaving"), medicine taken as prescribed.
 * 4. Weigh warning signs across the post: despair, means or a plan, a farewell, an apology, giving
 *    things away, sudden calm, finality ("tonight's the night"), someone unreachable, a hint of the
 *    act ("do it properly"). One alone is ordinary ("I have a plan for the holidays", "love you
 *    guys"); two different ones together are a crisis ("I'm checking out. Goodbye."). A dose that is
 *    too much ("did too much", "bad batch") with a body reacting ("chest is tight") is an overdose.
 *
 * Speed: each rule names key words, and a clause runs only the rules its words call for (a 2 KB post
 * runs a few hundred small regex tests, not thousands); long word lists inside patterns are matched
 * `once`, which keeps compiled patterns small. Set-asides run only on clauses where a rule matched.
 *
 * A miss costs more than a false alarm (a moderator looks, the author sees care and help), so the
 * rules lean wide. The labelled sets and measured rates are in crisis-examples.*.json and the test.
 *
 * The rules are half of the detector. `assessCrisisLanguage` (at the end) also asks a learned model
 * (safety.crisis-model.ts), which finds paraphrases the rules were never written for and can set
 * aside a rule's match on text it finds plainly ordinary; `assessCrisisRules` is the rules alone.
 */

import {
  committedCrisisModel,
  crisisModelProbabilities,
  crisisWordCount,
  likeliestCrisisKind,
  modelAloneFinds,
  ruleStands,
} from './safety.crisis-model.ts';

export const crisisKinds = ['suicide', 'self_harm', 'overdose'] as const;
export type CrisisKind = (typeof crisisKinds)[number];

export type CrisisAssessment = { isCrisis: boolean; kinds: CrisisKind[] };

// ────────────────────────────────────────────────────────────────────────────────────────────────
// 1. Normalising
// ────────────────────────────────────────────────────────────────────────────────────────────────

const leet: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };

/** Emoji people use for the means or the end ("i want to 🪦", "💊💊💊 tonight"). */
const emojiWords: Record<string, string> = {
  '🔪': 'knife',
  '🗡': 'knife',
  '💊': 'pills',
  '🪦': 'die',
  '⚰': 'die',
  '🔫': 'gun',
  '🪢': 'rope',
  '🩸': 'blood',
};
const emoji = /[🔪🗡💊🪦⚰🔫🪢🩸]/gu;

/** Lower case, no accents, look-alike digits read as letters inside words, disguises undone, one space between words. */
export function normalizeForCrisis(text: string): string {
  let out = text;
  // Steps that only some texts need are tried only when their character is there: most posts are plain.
  if (/[\u0080-\uffff]/.test(out)) {
    out = out
      .replace(emoji, (symbol) => ` ${emojiWords[symbol] ?? ''} `)
      .normalize('NFKD')
      .replace(/[\u0300-\u036f\u200b-\u200f\u00ad\u2060\ufeff]/g, '')
      .replace(/[’‘`´]/g, "'");
  }
  out = out
    .toLowerCase()
    // "OD'd" is an overdose, "odd" is strange: told apart before squeezing makes both "od".
    .replace(/\bod'?d\b/g, (word) => (word === 'odd' ? 'weird' : 'oded'));
  // Look-alikes in a word that has a letter: "k1ll", "su1c1de", "$uicide", "d!e" ("!" only between letters).
  // A number with a unit ("3x", "20mg", "2nd") is left as it is.
  if (out.includes('!'))
    out = out.replace(/([a-z])(!+)(?=[a-z])/g, (_, letter: string, marks: string) => letter + 'i'.repeat(marks.length));
  if (/[a-z][013457@$]|[013457@$][a-z]/.test(out)) {
    out = out.replace(/(?<![a-z013457@$])[a-z013457@$]*(?:[a-z][013457@$]|[013457@$][a-z])[a-z013457@$]*/g, (word) =>
      /^\d+[a-z]{1,3}$/.test(word) ? word : word.replace(/[013457@$]/g, (match) => leet[match] ?? match),
    );
  }
  // Starred letters: "s*icide", "k*ll", "c*tting" (the star stands for a letter the patterns allow to be missing).
  if (/[*#]/.test(out)) out = out.replace(/([a-z])[*#]+(?=[a-z])/g, '$1');
  // Apostrophes: "can't" → "cant", "i'm" → "im", "od'ing" → "oding".
  if (out.includes("'")) out = out.replace(/([a-z])'(?=[a-z])/g, '$1');
  // Slashed pairs: "w/o" → "without", "s/h" → "sh".
  if (out.includes('/')) out = out.replace(/\bw\/o\b/g, 'without').replace(/\b([a-z])\/([a-z])\b/g, '$1$2');
  // Dotted and hyphenated letters: "o.d.ing" → "oding", "k.m.s" → "kms", "k-i-l-l" → "kill"; then s p a c e d
  // letters (three or more single letters in a row become a word), after, so "k-i-l-l m-y-s-e-l-f" stays two words.
  if (/\b[a-z][.\-_][a-z]/.test(out)) {
    out = out
      .replace(/\b([a-z])\.([a-z])(?:\.|\b)/g, '$1$2')
      .replace(/\b(?:[a-z][.\-_]+){2,}[a-z]\b/g, (match) => match.replace(/[.\-_]+/g, ''));
  }
  return (
    out
      .replace(/\b(?:[a-z] ){2,}[a-z]\b/g, (match) => match.replace(/ /g, ''))
      // Everything else is a space (one), apart from what ends a sentence and commas.
      .replace(/[^a-z0-9\n.!?;,]+/g, ' ')
  );
}

/** Every run of one letter squeezed to one: "kill" → "kil", "diiiie" → "die", "too" → "to". */
function squeeze(text: string): string {
  return text.replace(/([a-z])\1+/g, '$1');
}

// ────────────────────────────────────────────────────────────────────────────────────────────────
// 2. Writing patterns
// ────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * A pattern written in plain spelling ("kill", "sleep", "too many") and compiled for squeezed text
 * ("kil", "slep", "to many"). Parts may be other patterns, so rules read as compositions:
 * re`${wantTo}${ending}`. Escapes (\b, \s, \w) are left alone.
 */
function re(strings: TemplateStringsArray, ...parts: Array<RegExp | string>): RegExp {
  const source = String.raw(
    { raw: strings.raw },
    ...parts.map((part) => (typeof part === 'string' ? part : part.source)),
  );
  let taken = 0;
  return new RegExp(
    source
      .replace(/(?<!\\)([a-z])\1+/g, '$1')
      // Each `once` part gets a name of its own (a1, a2, …) for its group and the back-reference to it.
      .replace(/\(\?<@>|\\k<@>/g, (marker) => (marker.startsWith('(') ? `(?<a${(taken += 1)}>` : `\\k<a${taken}>`)),
  );
}

/**
 * A long list of words matched once, without backtracking into it: the list is tried in a look-ahead
 * (up to a word's end) and the words it found are then taken by back-reference. Written inline, a list of a hundred drug names
 * after "(?: \w+){0,3}" makes the regex engine copy it for every way to get there: slow to compile
 * (tens of milliseconds per pattern) and slow to run. This keeps each pattern compact.
 */
function once(part: RegExp): string {
  return `(?=(?<@>${part.source})\\b)\\k<@>`;
}

// ────────────────────────────────────────────────────────────────────────────────────────────────
// 3. Vocabulary: the parts signals are built from
// ────────────────────────────────────────────────────────────────────────────────────────────────

/** Myself, as people type it in a hurry. */
const myself = re`(?:myself|my self|meself|myslef|mysefl|myslf|mself)`;
/** Someone else's self: a friend in danger now ("she's going to hang herself") is a crisis too. */
const themself = re`(?:himself|herself|themselves|themself|hisself)`;
/** Soft words that sit between the parts: "i just really want to die", "gonna fucking end it". */
const filler = re`(?:(?:just|finally|really|actually|literally|simply|honestly|fucking|fuckin|fking|fkn|seriously|legit|kinda|genuinely|probably|prob|still|even|sometimes|quietly|peacefully) )*`;
/** "to", and "2" as in "i want 2 die". */
const to = re`(?:to|2)`;

/**
 * A wish, a plan, an intent, being about to: the forward-looking frame that turns "die" into a
 * crisis ("want to die", "ready to end it", "courage to end it", "the easiest way to die").
 */
const wantTo = re`\b(?:(?:want(?:s|ed|ing)?|wish(?:ing|ed|es)?|hope|hoping|pray(?:ing|s)?|ready|deserve|deserves|need|needs|going|gon|about|bout|plan(?:s|ed|ing)?|trying|try|tried|decided|deciding|tempted|longing|itching|courage|guts|nerve|strength|urge|urges|desire|choose|choosing|chose|meant|ways?|how|telling me|tells me|keeps telling me|time|moment|chance|opportunity) ${to}|wanna|gonna|finna|tryna|gotta|boutta|wish (?:i|id) could|if only i could|(?:id|i would|i d) (?:like|love) to|wouldnt mind) ${filler}`;
/** Thinking, dreaming, planning of: the gerund frame ("thinking about ending it", "close to ending it"). */
const thinkingOf = re`(?:\b(?:think(?:ing|s)?|thought(?:s)?|dream(?:ing|s)?|fantasi[sz](?:e|ing)|obses(?:ed|ing)|fixated|contemplat(?:e|ing)|consider(?:ing)?|planning|picturing|imagining|romantici[sz]ing|close|obsessed) (?:a lot |so much |constantly |again |seriously |more |really |all the time )?(?:about|of|on|to) ${filler}|\ball i (?:can )?(?:think about|want|dream about|wish for) is ${filler})`;

/** Dying, not being, not waking: "die", "be dead", "not wake up", "stop existing", "sleep forever", "go to heaven". */
const notBeing = re`(?:die(?! (?:of|from|laughing|for|on|in a|my|her|his|your|down|out|trying|happy|sober|clean|old|alone|like|before|in (?:my|your) sleep one day)\b)|be dead|be gone(?! (?:for|til|until|on|by the time|from|a)\b)|not (?:be (?:here|alive|around)(?! (?:for|at|on|this|til|until|when|to|with|in)\b)|exist|wake up(?! (?:until|til|before|early|for|on time|at)\b)|be$|live)|never wake up|stop (?:existing|living|being alive|breathing|waking up|trying to (?:stay alive|live|survive))(?! as\b| like (?:i|this|that|the|a|my|before)\b)|cease (?:to )?exist\w*|disappear (?:forever|for ever|permanently|for good|and never come back)|sleep (?:forever|for ever|and never wake)(?! after)|go to sleep (?:forever|and (?:never|not) wake)|fall asleep and (?:never|not) wake|leave this (?:world|earth|life|planet)|go to heaven(?! when)|be in heaven|go away (?:for ?ever|for good|permanently)|fade away (?:for ?ever|for good)|quit life|give up on life|rest for ?ever|be done with (?:life|living|existing))`;
/** Ending it: "end it (all)", "end the pain", "make it stop forever", "let it take me". */
const endingIt = re`(?:end (?:it|it all|things|everything|this$|the pain|this pain|my pain|all this pain|the suffering|this suffering|my suffering|my misery|this life|all of this|all this)(?! (?:with|between|off|up|on|for now|there|here|early|today|by|now)\b)|make (?:it|the pain|everything) stop (?:for ?ever|for good|permanently)|let (?:it|this|death|the \w+) (?:take|kill|finish|have) me|put ${myself} out of (?:my|this) misery)`;
/** A way named, or the word for it: "jump", "walk into the sea", "drink myself to death", "kill myself", "kms". */
const byMeans = re`(?:jump(?= (?:off|from|in front)|$)|walk into the (?:sea|ocean|river|lake|water|traffic)|(?:drink|use|smoke|starve) ${myself} to death|kill ${myself}|unalive|kms|kys|undo ${myself}|top ${myself}|off ${myself}|hang ${myself})`;
/**
 * An ending, as a verb after a wish ("want to …"). Ambiguous alone ("this job is going to end me",
 * "I'll die if I have to hear that song"), a crisis in the frame of a wish or plan. The look-aheads
 * keep the everyday uses out: "die of embarrassment", "end things with him", "jump in the shower".
 */
const ending = re`(?:${notBeing}|${endingIt}|${byMeans})`;

/** What follows "cut" when it is not a cut in the skin: "cut back", "cut ties", "cut my hair", "cut carbs". */
const notACut = re`(?! (?:back|down|out|ties|off|the|a|an|some|this|that|it|them|him|her|people|corners|costs|class|school|loose|in line|to the chase|carbs|sugar|caffeine|alcohol|drinking|contact|losses|through|across|my (?:hair|nails|fringe|hours|losses|spending|drinking|ties|grass|lawn|toenails)|hair|calories|bread|onions|wood|grass|cheese)\b)`;
/** "Killing myself at the gym", "drowning myself in work": hard work and excess, not an ending. */
const notHardWork = re`(?! (?:at (?:the gym|work|the office|my job|practice|training|uni|school|the weekend job)|with (?:work|guilt|stress|worry|overtime|training|exercise|kindness)|in (?:work|paperwork|coffee|tea|study|books|music)|over (?:it|this|that|nothing|work)|trying|to (?:get|make|finish|pay|keep|please|impress)|for (?:this|that|work|nothing|them)|laughing|in the foot|out\b)\b)`;
/** Ending oneself, as a verb with "myself": no frame needed ("kill myself", "unalive myself", "off myself" after a modal). */
const killVerb = re`(?:kill|end|hang|shoot|drown|unalive|undo|poison|suffocate|gas|electrocute|neck|yeet|delete|top)`;

/** Drugs and medicines, by name and by street name, and the things they come in. */
const drug = re`(?:pills?|tablets?|tabs|caps|capsules|meds|medication|medications|medicine|prescription|script|dose|doses|heroin|fent\w*|fetty|oxy\w*|xan\w*|bars|percs?|percocet|dope|opiates?|opioids?|methadone|subs|suboxone|bupe|benzos?|klonopin|kpins|lorazepam|ativan|valium|diazepam|seroquel|quetiapine|paracetamol|tylenol|acetaminophen|ibuprofen|advil|aspirin|codeine|tramadol|morphine|hydrocodone|vicodin|dilaudid|ambien|zolpidem|gabapentin|lyrica|sertraline|zoloft|prozac|fluoxetine|lexapro|citalopram|amitriptyline|trazodone|lithium|insulin|antidepressants?|painkillers?|pain meds|sleeping (?:pills|tablets)|sleepers|meth|coke|cocaine|crack|ket|ketamine|mdma|molly|ghb|xylazine|tranq|pressies|blues|m30s?|h|gear|smack|shit|stuff|stash|bag|bundle|gram|grams|points?|8 ball|eight ball|lines?)`;
/** A big amount: "all", "the whole", "a handful of", "40", "3x", "two weeks' worth". */
const amount = re`(?:all|all of|every|everything|the whole|a whole|whole|the entire|an entire|entire|the rest of|way too many|too many|a (?:full |whole |entire )?(?:bunch|handful|fistful|load|ton|lot|heap|pile|shit ?load|sleeve|strip|sheet|pack|packet|box|bottle|blister|prescription|script) of|(?:whole|full|entire) (?:prescription|script|supply|bottle|pack|packet|box|strip) of|half (?:a|the|my) (?:bottle|pack|packet|box|strip|prescription) of|(?:my |a )?(?:whole |full |entire )?(?:\w+s |\w+ )?(?:supply|worth) of|loads of|double|triple|twice|\d+x|[5-9]|[1-9]\d+|ten|fifteen|twenty|thirty|forty|fifty|a hundred|(?:two|three|four|\d+) (?:weeks?|days?|months?)(?: worth)? of|a (?:week|month)s?(?: worth)? of)`;
/** The two lists above, for use inside patterns: see `once`. */
const aDrug = once(drug);
const anAmount = once(amount);
/** Taking something in. */
const ingest = re`\b(?:took|take|taking|taken|swallowed|swallow|swallowing|downed|necked|popped|ate|eaten|drank|drunk|finished|snorted|shot|injected|did|done|doing|used|mixed|chugged|crushed)`;

/** People other than the writer: a friend, a son, "the guy next to me". */
const people =
  'friend mate buddy bestie bff brother bro sister sis son daughter mum mom mother mam dad father husband wife hubby partner boyfriend girlfriend bf gf fiance fiancee roommate roomie flatmate housemate sponsee sponsor cousin uncle aunt auntie nephew niece kid child teen teenager grandma gran nan nana grandad grandpa colleague coworker neighbour neighbor guy girl man woman lady dude member client patient student ex parent stepdad stepmom boy';

// ────────────────────────────────────────────────────────────────────────────────────────────────
// 4. Rules
// ────────────────────────────────────────────────────────────────────────────────────────────────

/** Warning signs: ordinary alone, a crisis when two different ones meet in a post. */
type Warning =
  | 'despair'
  | 'wish'
  | 'means'
  | 'farewell'
  | 'absolution'
  | 'apology'
  | 'giving'
  | 'affairs'
  | 'calm'
  | 'finality'
  | 'unreachable'
  | 'act'
  /** Telling it without asking for anything: "I don't know why I'm posting this", "just wanted someone to know". */
  | 'disclosure'
  /** Overdose: a dose that is too much, and a body reacting to it. */
  | 'dose'
  | 'symptom';

type Rule = {
  kind: CrisisKind;
  /**
   * own: someone's own words of wish, plan or act (set aside when past, negated, said to someone).
   * topic: a word for the thing itself ("suicidal", "overdose", "self harm"): also set aside when
   * about the topic, a question of fact, or someone else not in danger now.
   * sign: a body in danger ("not breathing", "lips are blue"): set aside when resolved or taught.
   */
  frame: 'own' | 'topic' | 'sign';
  pattern: RegExp;
  /** Not enough alone: a warning sign, counted when a different one is in the same post. */
  warning?: Warning;
  /** The pattern names its person ("myself", "without me", "herself"): whoever the clause's subject is, it stands. */
  personal?: true;
  /** The post must also say this somewhere ("he used earlier" for "can't wake him up"). */
  context?: RegExp;
  /**
   * Words of which a clause must hold at least one for the pattern to be worth trying ("kil*" for any
   * word starting "kil"): a fast index, so a 2 KB post runs only the few rules its words call for.
   * Every branch of the pattern needs one of them.
   */
  keys: string;
};

const rules: Rule[] = [
  // ── Suicide: ending oneself, named ──
  // "kill myself", "unalive myself", "k1ll mys3lf"; someone else now: "she's going to hang herself".
  {
    kind: 'suicide',
    frame: 'own',
    personal: true,
    keys: 'myself meself myslef mysefl myslf mself self kil*',
    pattern: re`\b${killVerb}(?:s|ing|ed)? ?${myself}\b${notHardWork}`,
  },
  // "off myself", "top myself" read as "of myself": only after a modal ("going to off myself"), never "proud of myself".
  {
    kind: 'suicide',
    frame: 'own',
    personal: true,
    keys: 'myself meself myslef mysefl myslf mself self',
    pattern: re`\b(?:to|gonna|wanna|will|ll|should|just|might|gon|finna) (?:off|top) ${myself}\b|\b(?:offing|topping) ${myself}\b`,
  },
  {
    kind: 'suicide',
    frame: 'own',
    personal: true,
    keys: 'himself herself themselves themself hisself',
    pattern: re`\b(?:(?:going|wants?|about|trying|threatening|threatened|planning|gonna|said (?:s?he|they)(?:s|d| is| was| would)?(?: going)?) ${to} |(?:is|s|are|keeps?) )?(?:${killVerb}|killing|hanging|ending|shooting|drowning|unaliving) ${themself}\b`,
  },
  // "end my life", "take my own life", "ending my life is all i think about"; never "took my life back".
  {
    kind: 'suicide',
    frame: 'own',
    personal: true,
    keys: 'life',
    pattern: re`\b(?:end|ending|take|taking|finish|finishing) my (?:own )?life\b(?! (?:back|in|into|seriously|one day|over)\b)`,
  },
  {
    kind: 'suicide',
    frame: 'own',
    personal: true,
    keys: 'life',
    pattern: re`\b(?:going|wants?|about|trying|threatening|planning|gonna) to (?:end|take) (?:his|her|their) (?:own )?life\b`,
  },
  // "take myself out of the picture", "remove myself from the equation".
  {
    kind: 'suicide',
    frame: 'own',
    personal: true,
    keys: 'myself meself myslef mysefl myslf mself self',
    pattern: re`\b(?:take|taking|remove|removing|delete|deleting|erase|erasing) ${myself} (?:out |off )?(?:of|from) (?:the picture|the equation|this world|existence|the earth|the planet|everyone's life|this life)\b`,
  },
  // Slang and disguises: "kms", "kys" of oneself, "unalive", "sewerslide", "ctb", "self delete".
  {
    kind: 'suicide',
    frame: 'own',
    personal: true,
    keys: 'kms kmskms kmskmskms kyskys kyskyskys unalive unaliving sewer sewerslide sewerslides ctb self selfdelete selfdeleting idwtl idw delete deleting',
    pattern: re`\b(?:kms)+\b|\b(?:kys){2,}\b|\bunaliv(?:e|ing)\b|\bsewer ?slides?\b|\bctb\b|\bself ?delet(?:e|ing)\b|\bidwtl\b|\bidw to (?:live|be alive|be here|exist)\b`,
  },
  {
    kind: 'suicide',
    frame: 'own',
    keys: 'kys',
    pattern: re`\b(?:i|should|just|gonna|wanna|to|might|gon|finna) (?:just )?kys\b`,
  },
  // Spanish, French, Portuguese, German, for members who write in their own language.
  {
    kind: 'suicide',
    frame: 'own',
    personal: true,
    keys: 'morir morirme matarme matar suicidarme vivir despertar vida todo mourir suicider tuer morrer sterben umbringen',
    pattern: re`\b(?:quiero morir(?:me)?|me quiero morir|matarme|me (?:voy a|quiero) matar|suicidarme|no quiero (?:vivir|seguir viviendo|despertar)|quitarme la vida|acabar con (?:todo|mi vida)|je veux mourir|me suicider|me tuer|quero morrer|me matar|ich will sterben|mich umbringen)\b`,
  },

  // ── Suicide: a wish, plan or intent joined to an ending ──
  // "want to die", "ready to end it", "gonna not wake up", "the courage to end it", "ways to not be".
  {
    kind: 'suicide',
    frame: 'own',
    keys: 'die dead gone here alive around exist wake live existing living breathing trying cease disappear sleep asleep world earth end let jump done kms kys unalive be walk misery stop away fade quit life rest heaven death myself meself myslef mysefl myslf mself self',
    pattern: re`${wantTo}${ending}`,
  },
  // "I want it all to stop", "just want everything to end", never "I want the cravings to stop".
  {
    kind: 'suicide',
    frame: 'own',
    keys: 'end stop over go',
    pattern: re`\b(?:want|wanna|need|wish|pray for|hope) (?:it|this|everything|it all|all of this|all this|the pain|life|my life) (?:all )?(?:${to} )?(?:end|stop|be over|go (?:black|dark|quiet|away) (?:for ?ever|and stay|permanently))\b(?! (?:for (?:a|the|now|tonight|today)|so i|at|soon so)\b)`,
  },
  // "thinking about ending it", "so close to ending it", "dreaming of not waking up", "thinking of dying on purpose".
  {
    kind: 'suicide',
    frame: 'own',
    keys: 'dying death ending being existing waking disappearing killing die jumping throwing suicide',
    pattern: re`\b(?:death|dying|suicide|killing ${myself}|ending it|ending my life) (?:is )?(?:all|the only thing) i (?:can |ever )?(?:think|dream) about\b|${thinkingOf}(?:dying(?! (?:of|from|young|alone|my|her|his)\b)|death|ending (?:it|it all|things|everything|my life|this)(?! (?:with|between|off)\b)|not (?:being here|existing|waking up)|disappearing for ?ever|killing ${myself}|how to die|ways to die|jumping(?= (?:off|from|in front))|throwing ${myself} (?:off|in front|under))`,
  },
  // "What's the point of living", "no point in going on".
  {
    kind: 'suicide',
    frame: 'own',
    keys: 'point',
    pattern: re`\b(?:no|whats the|what is the|dont see the|cant see the|lost the|any) point (?:in |of )?(?:me |my )?(?:living|being here|being alive|going on|carrying on|staying alive|life|waking up|existing|trying to stay alive)\b(?! (?:like|with|in|at|here with|without|sober|drunk)\b)`,
  },
  // "I'm ending it", "im ending it all": the present as intent.
  {
    kind: 'suicide',
    frame: 'own',
    keys: 'ending',
    pattern: re`\b(?:im|i am) ${filler}ending (?:it|it all|things|everything)\b(?! (?:with|between|off|up)\b)`,
  },
  // "i'll be dead by the weekend", "i'll be gone by morning".
  {
    kind: 'suicide',
    frame: 'own',
    keys: 'dead gone',
    pattern: re`\b(?:ill|i will|i ll|ill probably|hell|shell|theyll|he will|she will|they will) (?:be )?(?:dead|gone) (?:by|before|soon|tomorrow|within|in a (?:week|few))\b`,
  },
  // "i'd rather be dead", "wish i was dead", "better dead", never "i'd rather die than do karaoke".
  {
    kind: 'suicide',
    frame: 'own',
    keys: 'dead',
    pattern: re`\b(?:rather|better|wish i (?:was|were|could be)|want to be|wanna be|deserve to be) ${filler}(?:be )?(?:off )?dead\b(?! (?:than|tired|serious|on)\b)`,
  },
  // "I'd rather be dead than keep living like this" (not "rather die than do karaoke").
  {
    kind: 'suicide',
    frame: 'own',
    keys: 'rather',
    pattern: re`\brather (?:be dead|die) than (?:keep |go on |continue |carry on )?(?:living|live|be alive|being alive|feel(?:ing)? (?:like )?this|go on|wake up|face|being like this)\b`,
  },
  // "I feel like dying", never "I feel like I'm dying from this flu".
  {
    kind: 'suicide',
    frame: 'own',
    keys: 'dying killing ending disappearing',
    pattern: re`\bfeel(?:ing|s)? like (?:dying|killing ${myself}|ending it|ending my life|disappearing for ?ever)\b`,
  },
  // "hope I die soon", "hope I get hit by a bus", "wish a truck would hit me", "praying for death".
  {
    kind: 'suicide',
    frame: 'own',
    keys: 'hope hoping pray praying wish wishing long longing welcome welcoming crave craving',
    pattern: re`\b(?:hope|hoping|pray|praying|wish|wishing) (?:that )?(?:(?:i|id|i would|i d|i could) (?:just )?(?:die|dont wake|never wake|wont wake|get (?:hit|run over|killed)|crash|stop breathing|drop dead)|(?:\w+ ){1,3}(?:hits|would hit|kills|would kill|runs me over|would run me over|takes|would take) me\b|my heart (?:stops|would stop|gives out))|\b(?:pray|praying|wish|wishing|long|longing|welcome|welcoming|crave|craving) for death\b`,
  },
  {
    kind: 'suicide',
    frame: 'own',
    keys: 'death dying suicide',
    pattern: re`\bdeath (?:sounds|seems|feels|looks|would be|is)(?: \w+)? (?:peaceful|nice|good|easy|easier|kinder|preferable|like a relief|like relief|like freedom|like peace|better|welcome|a relief|a release|a blessing|a mercy|sweet)\b|\b(?:death|dying|suicide) (?:is|would be|seems|feels like) (?:the|my) (?:only|best|last) (?:way|option|answer|solution|escape|choice|way out|hope)\b`,
  },
  // Not waking up, wished: "hope I don't wake up", "sleep and never wake up", "please let me not wake up tomorrow".
  {
    kind: 'suicide',
    frame: 'own',
    keys: 'wake waking',
    pattern: re`\b(?:wish|hope|hoping|pray|praying|let me|please|and|to|hopefully|make sure|making sure|ensure) (?:i |to )?(?:just )?(?:dont|didnt|wont|never|not|wouldnt|would not) (?:wake|waking) up\b(?! (?:until|til|before|early|for|on time|at|in time|when)\b)`,
  },
  // Asking God for it: "God please just let me die", "begging god to take me".
  {
    kind: 'suicide',
    frame: 'own',
    personal: true,
    keys: 'god lord please',
    pattern: re`\b(?:god|lord|please)(?: \w+){0,2} (?:let me die|let me go|take me(?: now| away| home| tonight| in my sleep)?$)|\b(?:begging|asking|praying (?:for|to)?|pray (?:for|to)?|beg) (?:god|the lord|the universe) to (?:take me|let me die|end it|kill me)\b|\bgod (?:takes|would take|will take) me\b`,
  },
  // "wish I'd never been born", "wish i wasn't alive".
  {
    kind: 'suicide',
    frame: 'own',
    keys: 'wish',
    pattern: re`\bwish (?:i|id) (?:was|were|had|d)? ?(?:never|not|nt) (?:been )?(?:born|alive|here|exist\w*|around)\b`,
  },

  // ── Suicide: a life refused ──
  // "don't want to be alive", "no longer want to live", "can't go on living", never "don't want to live like I used to".
  {
    kind: 'suicide',
    frame: 'own',
    keys: 'live alive here exist wake around living earth stick life world',
    pattern: re`\b(?:dont|do not|doesnt|does not|didnt|no longer|not|never|dont even|dont really) (?:want|wanna|wana|wish|need) (?:${to} )?(?:live|be alive|be here|stay alive|exist|wake up|be around|keep living|continue living|go on living|be on this earth|stick around|do life|do this life|live this life|be in this world)\b(?! (?:like|with|in|at|here with|for a|that way|this way|the way|near|there|without|sober|drunk|until|til|early|on|for)\b)`,
  },
  {
    kind: 'suicide',
    frame: 'own',
    keys: 'live living alive going keep stick here being wake waking exist',
    pattern: re`\b(?:no|no good|any|not a single|nothing left to|nothing to|no one to|nobody to|(?:dont|cant|do not|can not) see (?:a|any|the)) (?:reason|point)? ?(?:for me )?(?:to|in|for) (?:live|living|live for|stay alive|staying alive|keep going|keep living|go on|going on|stick around|be alive|being alive|be here|being here|wake up|waking up|exist)\b(?! (?:like|with|in|at|here with|for a|that way|the way)\b)|\bnothing (?:left )?to live for\b`,
  },
  {
    kind: 'suicide',
    frame: 'own',
    keys: 'go keep carry living live',
    pattern: re`\b(?:cant|can not|cannot|dont want to) (?:go on|keep going|carry on)(?: any ?more| living| with life)?$|\b(?:cant|can not|cannot) (?:go on|keep) living\b|\b(?:cant|can not|cannot) live with ${myself}\b`,
  },
  {
    kind: 'suicide',
    frame: 'own',
    keys: 'worth',
    pattern: re`\b(?:life|living|my life|it) (?:is|s|isnt|is not|aint)? ?(?:not )?worth (?:living|it)\b(?! (?:if|when|for|to)\b)(?<!\bi(?:s|t)s worth it|life is worth it|it is worth it)|\bnot worth living\b`,
  },
  {
    kind: 'suicide',
    frame: 'own',
    keys: 'why',
    pattern: re`\bwhy (?:am i|im|i am|do i) (?:even )?still (?:alive|here|breathing|around|living)\b(?! (?:at|in|with|on|sober)\b)|\bwhy (?:do i|does my body|am i) (?:keep|still) (?:waking up|breathing|surviving)\b|\bwhy (?:even )?(?:bother|should i bother|keep) (?:staying alive|living|being alive|going on|waking up|trying to stay alive|existing|breathing)\b`,
  },
  {
    kind: 'suicide',
    frame: 'own',
    keys: 'tired sick fed exhausted',
    pattern: re`\b(?:tired|sick|fed up|exhausted) (?:of|with) (?:being alive|living|existing|life|being here|waking up)\b(?! (?:paycheck|with|in|at|like|under|a lie|as|on|off|for|without|the)\b)`,
  },
  {
    kind: 'suicide',
    frame: 'own',
    keys: 'done had',
    pattern: re`\bdone (?:with )?(?:living|life|being alive|existing)$|\b(?:im|i am) (?:so )?done with (?:life|living|being alive|existing)\b|\b(?:had it|fed up|had enough) with (?:life|living|being alive|existing)\b`,
  },
  // "want out … of life", "want off this ride permanently", "Out of life."
  {
    kind: 'suicide',
    frame: 'own',
    keys: 'permanently good life world existence',
    pattern: re`\b(?:want|wanna|need|get me) (?:out|off)\b.*\b(?:permanently|for good|of (?:life|this life|this world|existence))\b|^out of (?:this )?(?:life|world)$`,
  },
  // "I won't be around much longer", "not going to be here next week", "won't make it to sunday", "don't think I'll be alive by".
  {
    kind: 'suicide',
    frame: 'own',
    keys: 'here around alive see',
    pattern: re`\b(?:not|wont|won't|will not|never) (?:gonna |going to )?(?:be (?:here|around|alive)|see|live to see) (?:much longer|any ?more|for (?:long|my|the next|his|her|their)|by|next (?:week|month|year)|tomorrow|to see|for \w+ \w+ (?:coin|chip|birthday))\b|\b(?:dont|do not) think (?:ill|i will|i wil|il) be (?:alive|here|around) (?:by|for|next|much|to)\b`,
  },
  {
    kind: 'suicide',
    frame: 'own',
    keys: 'make making',
    pattern: re`\b(?:not|wont|will not|dont think i(?:ll| will| can| could)?|never|cant|can not|cannot|dont see ${myself}|cant see ${myself}) (?:gonna |going to )?mak(?:e|ing) it (?:through (?:tonight|the night|this night|another night|another day|the day|today|tomorrow|this week|the weekend)|to (?:sunday|monday|tuesday|wednesday|thursday|friday|saturday|tomorrow|morning|christmas|new year|the weekend|my birthday))(?! (?:meeting|service|party|dinner|session|appointment|class|because|bc|cos)\b)\b`,
  },

  // "a danger to myself tonight", "not safe with myself", "checking out for good".
  {
    kind: 'suicide',
    frame: 'own',
    personal: true,
    keys: 'danger safe check checking',
    pattern: re`\b(?:a )?danger to ${myself}\b|\b(?:not|dont feel|dont) (?:feel )?safe (?:with|around|alone with|by) ${myself}\b|\bcheck(?:ing)? out (?:for good|permanently|of life|of this world|forever)\b`,
  },
  // "the only way out is death", "the only way to stop the pain is to die".
  {
    kind: 'suicide',
    frame: 'own',
    keys: 'only way escape other option options choice choices',
    pattern: re`\bonly (?:way|way out|option|answer|solution|choice|thing|escape)\b(?: \w+){0,8} (?:death|dying|die|suicide|end it|ending it|to not be here|not being here)\b|\b(?:no way out|no escape|no other (?:way|option|choice)|no (?:option|choice)s? left)(?: \w+){0,3} (?:except|but|other than|besides|than) (?:death|dying|to die|suicide|ending it)\b`,
  },
  // Grief turned to a wish: "I want to go too", "I just want to join her".
  {
    kind: 'suicide',
    frame: 'own',
    keys: 'join again go die where',
    pattern: re`\b(?:want|wanna|ready|wish i could) (?:to )?(?:go|die) too$|\b(?:want|wanna|ready|wish i could|going) (?:to )?join (?:him|her|them|my \w+)(?: \w+)? (?:soon|in heaven|up there|on the other side|wherever|again|now)\b|\bbe with (?:him|her|them|my \w+) again\b(?=.*\b(?:gone|died|passed|dead|lost)\b)|\b(?:want|wanna|need) (?:to )?(?:go|be) where (?:he|she|they) (?:is|are|went|has gone|have gone)\b`,
  },
  // Grief turned to a wish, with the loss in the post: "I want to be with my brother. He died last year."
  {
    kind: 'suicide',
    frame: 'own',
    keys: 'with',
    context: re`\b(?:died|passed|passed away|gone|dead|lost|killed)\b`,
    pattern: re`\b(?:want|wanna|need|long|longing|wish i could|ready) (?:to )?be with (?:him|her|them|my (?:\w+ )?(?:son|daughter|mum|mom|mother|dad|father|brother|sister|wife|husband|partner|baby|boy|girl|friend|grandma|nan|grandad|kid|kids))\b(?! (?:tonight|this weekend|for|at|on)\b)`,
  },
  // "I'd jump if I had the guts", "I'd do it if I had the courage".
  {
    kind: 'suicide',
    frame: 'own',
    keys: 'guts courage nerve balls',
    pattern: re`\b(?:id|d|would|ll|il|wil) (?:jump|do it|end it|kill ${myself}|go through with it) if i (?:had|could find|found|get) the (?:guts|courage|nerve|balls)\b`,
  },
  // "Planning how I'd do it", "worked out exactly how to go".
  {
    kind: 'suicide',
    frame: 'own',
    keys: 'how',
    pattern: re`\b(?:planning|planned|plan|figured out|figuring out|worked out|working out|thinking about|thought about|wondering|researching) (?:out )?(?:exactly )?how (?:i(?:d|l| would| will| am going to| m going to)?|to) (?:do it|go|end it|die|kill)\b(?! (?:differently|better|again|sober|without)\b)`,
  },
  // "My last drink will be my last anything."
  {
    kind: 'suicide',
    frame: 'own',
    keys: 'last',
    pattern: re`\bmy last (?:anything|everything)\b|\bmy last (?:day|night) (?:alive|on earth|on this earth)\b`,
  },

  // What keeps one alive, named: "the only thing stopping me is my dog", "only reason I'm still here".
  {
    kind: 'suicide',
    frame: 'own',
    personal: true,
    keys: 'stopping keeping holding reason',
    pattern: re`\bonly (?:thing|things|one|person|reason)s? (?:thats |that is |that are )?(?:stopping|keeping|holding) me(?: back)?(?: (?:from (?:doing it|ending it|killing|jumping|going through)|alive|here|around|going))?(?:$| (?:is|are|was|right now|rn)\b)|\bonly (?:thing|reason|one) (?:stopping|keeping) me (?:alive|here|from (?:doing it|ending it|killing))\b|\bonly reason (?:im|i am) still (?:alive|here|breathing)\b`,
  },
  // Who would come to my funeral; if I die they'll understand.
  {
    kind: 'suicide',
    frame: 'own',
    personal: true,
    keys: 'funeral die died dead gone',
    pattern: re`\b(?:who|nobody|no one|anyone|would anyone)(?: \w+){0,3} (?:come|go|show up|cry|care) (?:to|at|about) my funeral\b|\bif i (?:die|died|was dead|were dead|was gone|killed ${myself})(?: \w+){0,4} (?:they|he|she|everyone|people|you|my \w+)(?:ll| will| would|d)? (?:finally |all |would )?(?:understand|be sorry|see|get it|be happy|be free|notice|miss me|care|regret|realise|realize)\b`,
  },
  // The voice that says it: "my brain keeps telling me to kys", "kys, that's what my head says".
  {
    kind: 'suicide',
    frame: 'own',
    personal: true,
    keys: 'brain head mind voice voices thoughts tell telling',
    pattern: re`\b(?:brain|head|mind|voice|voices|thoughts?) (?:\w+ )?(?:says|say|tells me|telling me|keeps telling me|keeps saying|saying|is saying|is telling me)(?: to)? (?:me )?(?:to )?(?:kys|kms|kill ${myself}|die|end it|jump|do it)\b|\b(?:kys|kms|die|kill ${myself}|end it)\b.*\bmy (?:brain|head|mind|thoughts|voices?) (?:says|keeps saying|tells me|is saying|is telling me)\b|\b(?:kys|kms|die|kill yourself|end it) (?:is )?(?:what|all) i (?:tell|say to) ${myself}\b|\bi (?:tell|keep telling) ${myself} (?:to )?(?:kys|die|kill ${myself}|end it)\b`,
  },
  // Intrusive pictures of one's own death: "every time I close my eyes I see myself hanging".
  {
    kind: 'suicide',
    frame: 'own',
    personal: true,
    keys: 'see seeing picture picturing imagine imagining visualise visualize',
    pattern: re`\b(?:see|seeing|picture|picturing|imagine|imagining|visuali[sz]e|visuali[sz]ing) ${myself} (?:hanging|dead|dying|jumping|falling|in a coffin|with a gun|bleeding out|lying dead|on the tracks|gone)\b`,
  },
  // "I can't see myself being alive next year".
  {
    kind: 'suicide',
    frame: 'own',
    personal: true,
    keys: 'see picture imagine',
    pattern: re`\b(?:dont|cant|do not|can not|cannot) (?:see|picture|imagine) ${myself} (?:being |still )?(?:alive|here|around|living|surviving|waking up|making it)\b(?! (?:without|with|in|at|like)\b)`,
  },
  // A modal of ending: "I should just die", "might as well end it", "I'll finish it for good".
  {
    kind: 'suicide',
    frame: 'own',
    keys: 'should might may ought finish end ended',
    pattern: re`\b(?:should|might as well|may as well|ought to) ${filler}(?:die|end it(?: all)?|kill ${myself}|end my life|kys|not be here|not exist)\b|\b(?:ill|il|i will|gonna|going to|im going to) ${filler}(?:end|finish) (?:it|it all|things|everything|this)(?: for good| tonight| this time| then)?$|\bfinish (?:it|it all|${myself}) (?:off )?for good\b|\b(?:tonight|today|now|soon|this weekend) i (?:end|finish) (?:it|it all|things|everything)\b|\btime (?:i|for me to) (?:end|ended|finish|finished) (?:it|it all|things|everything)\b|\bi (?:end|finish) (?:it|it all|things|everything) (?:tonight|today|now|soon)\b`,
  },
  // A fragment with its subject left out: "ending it.", "Done. Ending it tonight."
  {
    kind: 'suicide',
    frame: 'own',
    keys: 'ending',
    pattern: re`^(?:just |im |so )?ending (?:it|it all|things|everything|my life)(?: (?:now|tonight|today|soon|for good))?$`,
  },
  // An attempt, told now: "I attempted last night", "woke up in hospital after my attempt".
  {
    kind: 'suicide',
    frame: 'topic',
    keys: 'attempted attempt',
    pattern: re`\b(?:i |just |had |made )?attempted(?: suicide| again| last night| yesterday| today| this (?:week|morning|weekend)| on \w+day)?$|\battempted (?:suicide|again|last night|yesterday|today|this (?:week|morning|weekend))\b|\b(?:my|an|another) (?:suicide )?attempt (?:last night|yesterday|this week|today|on \w+day)\b`,
  },
  // A gun to the head: "put a bullet in my head", "blow my brains out".
  {
    kind: 'suicide',
    frame: 'own',
    personal: true,
    keys: 'bullet brains gun',
    pattern: re`\b(?:put|putting|eat|eating) a bullet (?:in|through|into) (?:my|his|her) (?:head|brain|skull|mouth)\b|\bblow(?:ing)? my brains out\b|\beat(?:ing)? (?:a|my) (?:bullet|gun)\b`,
  },

  // ── Suicide: a burden, better gone ──
  {
    kind: 'suicide',
    frame: 'own',
    personal: true,
    keys: 'better',
    pattern: re`\bbetter(?: off)?(?: \w+){0,5} (?:without (?:a|an) \w+ (?:like me|for a (?:dad|mum|mom|father|mother|husband|wife|partner|parent|son|daughter|brother|sister|friend))|without me|than (?:with )?me|if i (?:was|were|wasnt|werent|was not|just)? ?(?:dead|gone|not here|not around|died|disappeared|wasnt here|here|around|alive)|(?:when|once|after) im gone|with me gone)\b`,
  },
  {
    kind: 'suicide',
    frame: 'own',
    personal: true,
    keys: 'happier easier better lighter simpler relieved free favour favor',
    pattern: re`\b(?:happier|easier|better|lighter|simpler|relieved|free) without me\b|\b(?:happier|easier|better|lighter|simpler|relieved|free|a favou?r)(?: \w+){0,4} (?:if|once|when|after) (?:i|im) (?:just )?(?:was |were |am )?(?:gone|dead|not here|not around|wasnt here|wasnt around|werent here|died|disappeared|killed ${myself}|no longer here|out of the picture|stopped (?:existing|living|breathing)|didnt exist|wasnt alive|didnt wake up|never woke up|wasnt born)\b`,
  },
  {
    kind: 'suicide',
    frame: 'own',
    personal: true,
    keys: 'care notice miss mourn',
    pattern: re`\b(?:would|will) (?:anyone|anybody|any one) (?:even )?(?:care|notice|miss me)(?: \w+)? (?:if|when) (?:i|im)\b|\b(?:no ?one|no body|nobody) (?:would|will|wil|is going to|gonna|d)? ?(?:even )?(?:care|notice|miss me|mourn)(?: \w+){0,2} (?:if|when) (?:i|im)(?: \w+)? (?:gone|dead|died|disappeared|was gone|killed)\b`,
  },
  // "planning my own funeral", "picturing my funeral".
  {
    kind: 'suicide',
    frame: 'own',
    personal: true,
    keys: 'funeral death suicide exit last',
    pattern: re`\b(?:planning|imagining|picturing|planned|imagine|picture) my (?:own )?(?:funeral|death|suicide|exit|last day)\b`,
  },

  // ── Suicide: means and method ──
  {
    kind: 'suicide',
    frame: 'own',
    // "Noose" squeezes to "nose": only where a nose cannot be ("tied a noose", "the noose is ready").
    keys: 'rope noose belt helium charcoal',
    pattern: re`\b(?:bought|got|have|has|buying|tied|tying|tie|put up|hung|made|make|making|ordered) (?:a |the |my )?(?:rope|noose)\b(?! (?:swing|for the|to tie|ladder|course|piercing|job|bleed)\b)|\b(?:rope|belt|noose) (?:is )?(?:ready|tied|up|hanging|around my neck)\b|\bput the (?:rope|belt|noose) up\b|\b(?:rope|belt|noose) and (?:a |the )?(?:chair|stool)\b|\b(?:bought|ordered|got) (?:a )?(?:helium|charcoal)\b`,
  },
  {
    kind: 'suicide',
    frame: 'own',
    keys: 'gun loaded shotgun rifle pistol revolver',
    pattern: re`\bgun (?:is )?loaded\b|\bloaded gun\b|\b(?:gun|shotgun|rifle|pistol|revolver) (?:in my mouth|to my head|on ${myself}|against my)\b|\b(?:using|use|used) (?:my |his |her |my \w+s |the )?(?:gun|shotgun|rifle|pistol) on ${myself}\b|\b(?:gun|shotgun|rifle|pistol|rope|knife)\b.*\b(?:use|using|used) (?:it|them) on ${myself}\b`,
  },
  {
    kind: 'suicide',
    frame: 'own',
    keys: 'knife blade razor slit slitting',
    pattern: re`\b(?:knife|blade|razor) (?:to|against|at|on) my (?:throat|neck|wrists?|chest|heart)\b|\bslit(?:ing)? my (?:wrists?|throat)\b`,
  },
  {
    kind: 'suicide',
    frame: 'own',
    keys: 'running hose charcoal',
    pattern: re`\b(?:engine|car|motor)(?:s| is)? running in (?:the |a |my )?(?:closed |shut )?garage\b|\bgarage with the engine running\b|\bhose (?:that fits|to|on|for) the exhaust\b|\bhose and (?:duct )?tape\b|\b(?:car|garage|exhaust)\b.*\bhose\b|\bhose\b.*\b(?:car|exhaust|garage)\b|\bcharcoal (?:in|and) (?:the|my) (?:car|room|tent)\b`,
  },
  {
    kind: 'suicide',
    frame: 'own',
    keys: 'jump jumping front under',
    pattern: re`\bjump(?:ing)? (?:off|from) (?:a |the |my |this )?(?:\w+ )?(?:bridge|roof|rooftop|building|balcony|car park|parking (?:garage|lot)|cliff|cliffs|ledge|overpass|tower|window)\b|\b(?:jump|step|stepping|throw ${myself}|walk|walking|lie|lying) (?:in front of|under) (?:a |the |an )?(?:\d+ )?(?:train|bus|truck|lorry|car|tube|subway|traffic)\b|\bin front of the \d`,
  },
  {
    kind: 'suicide',
    frame: 'own',
    keys: 'drive driving drove crash crashing swerve swerving steer steering',
    pattern: re`\b(?:drive|driving|drove|crash|crashing|swerve|swerving|steer|steering) (?:my car |the car )?(?:into|off|in) (?:a |the |oncoming )?(?:\w+ )?(?:tree|wall|bridge|river|cliff|truck|lorry|traffic|lane|lake|pillar|barrier)\b(?! (?:on my way|today|yesterday)\b (?:but|and) (?:im|i am) (?:ok|fine))`,
  },
  // Letting the car go into oncoming traffic, wished or pictured.
  {
    kind: 'suicide',
    frame: 'own',
    keys: 'oncoming',
    pattern: re`\b(?:think|thinking|thought|want|wanna|tempted|could|should|urge|picture|picturing|imagine|imagining|just)\b.*\binto (?:the |an? )?(?:oncoming|on coming) (?:lane|traffic|truck|lorry|bus|car)\b`,
  },
  // Saving up pills, method research: "saving them for when I'm ready", "how many would it take", "painless ways".
  {
    kind: 'suicide',
    frame: 'own',
    keys: 'saving saved collecting collected stockpiling stockpiled stockpile hoarding hoarded storing holding',
    // Saving pills, unless for an ordinary purpose ("saving my xanax for the flight").
    pattern: re`\b(?:saving|saved|collecting|collected|stockpil\w*|hoard\w*|storing|holding onto) (?:up )?(?:all )?(?:of )?(?:my |them |the |his |her )?(?:\w+ )?(?:${aDrug}|them)\b(?= *$| (?:for (?:when|the (?:right|day))|up|now|instead|until|enough|for (?:a|weeks|months)\b))|\bstockpil\w*|\bhoard(?:ing|ed) (?:my |the )?${aDrug}`,
  },
  {
    kind: 'suicide',
    frame: 'own',
    personal: true,
    keys: 'how',
    pattern: re`\bhow (?:many|much)\b(?: \w+){0,6} (?:would it take|it would take|does it take|it takes|would kill|i(?:d| would)? need(?: to take)?|to (?:die|not wake|kill|end it|overdose|od))\b`,
  },
  // A lethal dose looked up is a question of fact, unless it is one's own pills or "asking for me".
  {
    kind: 'suicide',
    frame: 'own',
    personal: true,
    keys: 'lethal fatal deadly',
    context: re`\b(?:for me|for ${myself}|asking for (?:me|real)|not for a friend|my (?:meds|pills|tablets|prescription|script|\w+ pills|\w+s pills)|i (?:have|got) \d+)\b`,
    pattern: re`\b(?:lethal|fatal|deadly) (?:doses?|amounts?)\b|\bis (?:lethal|fatal|deadly|enough to kill)\b`,
  },
  {
    kind: 'suicide',
    frame: 'own',
    keys: 'painless quickest easiest fastest surest best quietest quick hurting',
    pattern: re`\b(?:painless|quickest|easiest|fastest|surest|best|quietest) (?:way|ways|method|methods) (?:to (?:die|go|do it|end it|kill)|of dying)\b|\bpainless (?:ways?|methods?|death)\b|\bmost painless\b|\bmake it quick\b|\bwithout it hurting\b`,
  },
  // A note, a date.
  {
    kind: 'suicide',
    frame: 'own',
    personal: true,
    keys: 'suicide goodbye final last note picked chosen chose pick choose set',
    pattern: re`\b(?:suicide|goodbye|final|last) (?:note|letter|letters|notes|message|video)s?\b(?<!\blast message)(?! (?:to|for)\b (?:alcohol|drink\w*|booze|drugs|the bottle|my (?:addiction|old|drinking|using|disease)|\w+ing\b))|\b(?:written|wrote|writing|write|leave|leaving|left) (?:a |my |the )note\b(?! (?:for (?:the|my) (?:landlord|teacher|neighbou?r|boss|roommate)|on the fridge|to say)\b)|\b(?:picked|chosen|chose|set|pick|choose) (?:the |a )(?:date|day)\b(?! (?:for|of)\b (?:the|my|our|a) (?:wedding|party|meeting|move|trip|surgery))`,
  },
  // Standing on the edge: "standing on the bridge rn", "I'm at the cliffs", "I waited for one".
  {
    kind: 'suicide',
    frame: 'own',
    keys: 'standing sitting stood sat cliff cliffs ledge edge tracks bridge roof',
    pattern: re`\b(?:standing|sitting|stood|sat) (?:on|at) (?:the |a )?(?:edge|ledge|bridge|roof|railing|tracks)\b.*\b(?:rn|right now|now)\b|\b(?:im|i am) (?:on|at|standing on|sitting on) the (?:cliffs?|ledge|edge|tracks|bridge|roof)(?: of (?:the|a) (?:roof|bridge|building|platform|cliff|car park))?(?: (?:now|rn|right now|tonight|again|alone))?$`,
  },

  // ── Suicide: said goodbye ──
  {
    kind: 'suicide',
    frame: 'own',
    personal: true,
    keys: 'goodbye goodbyes last final again find gone side',
    pattern: re`\bthis is (?:my )?goodbye\b|\bgoodbye (?:everyone|every one|all|guys|yall|friends|everybody)$\b|\bgoodbye (?:forever|world|cruel world)\b|\bsaying my goodbyes\b|\b(?:last|final) (?:post|goodbye|words)\b(?! (?:for a|in this|of the|til|until|before|on this|here for|for now|for today|for tonight|of 20|in the)\b)|\b(?:last|final) time (?:you(?:ll| wil| will)?|anyone(?: wil)?) (?:hear|see|read) (?:from )?me\b|\byou (?:wont|will not|wil not|ll never) (?:hear from|see) me again\b|\bif you find this\b|\bafter im gone\b|\bwhen im gone\b(?! (?:on|for|to|at)\b)|\bse (?:you|u) on the other side\b`,
  },
  {
    kind: 'suicide',
    frame: 'own',
    personal: true,
    keys: 'goodbye',
    pattern: re`\b(?:texted|sent|said|posted|wrote|left|messaged|called) (?:me |us |everyone |a |his |her |their )*(?:a )?goodbye\b(?! (?:to (?:his|her|their|the|my|our) (?:old|job|home|house|dog|cat|friends|ex)|and (?:left|moved))\b)|\bgoodbye (?:message|text|post|letter|note|video)s?\b`,
  },

  // ── Suicide: the word itself ("suicidal tonight", "contemplating suicide", "my ideation is bad") ──
  {
    kind: 'suicide',
    frame: 'topic',
    keys: 'sui* swi* sic* suc* ideation si',
    pattern: re`\bs[uw]?ic?id(?:e|es|al|ality|ing)\b|\bsu?cid(?:e|al)\b|\bsuisid\w*|\b(?:my|the|passive|active|having) (?:suicidal )?ideation\b|\b(?:my|having|the|passive|active|bad|strong|intense|constant) (?:\w+ ){0,2}si\b|\bsi (?:tonight|today|again|is (?:bad|back|loud|strong))\b|\bsui\b(?= (?:again|thoughts|is|tonight|rn))|(?<=\babout )sui\b`,
  },

  // ── Self-harm ──
  // Harming oneself by name: "cut myself", "burning myself", "starving myself", "my friend is cutting herself".
  {
    kind: 'self_harm',
    frame: 'own',
    personal: true,
    keys: 'myself meself myslef mysefl myslf mself self himself herself themselves themself hisself',
    pattern: re`\b(?:cut|cuts|cutting|cuted|slash|slashing|slashed|slice|slicing|sliced|slit|carve|carving|carved|burn|burns|burning|burnt|burned|scratch|scratching|scratched|hit|hits|hitting|punch|punching|punched|bang|banging|banged|bash|bashing|bite|biting|bit|hurt|hurts|hurting|harm|harms|harming|harmed|starve|starving|starved|stab|stabbing|stabbed|mutilate|mutilating|claw|clawing|choke|choking|strangle|strangling|punish|punishing|punished|beat|beating) (?:${myself}|${themself})\b(?! (?:out|up|of|off|some slack|a break|short|free|laughing|lifting|at the gym|in the foot|over (?:it|this|that|nothing))\b)`,
  },
  // Acts on one's body: "cut my arms", "carve into my thigh", "bashing my head against the wall".
  {
    kind: 'self_harm',
    frame: 'own',
    personal: true,
    keys: 'wrist wrists arm arms forearm forearms leg legs thigh thighs skin stomach belly hip hips chest ankle ankles cuts scars scabs',
    pattern: re`\b(?:cut|cutting|slash|slashing|slashed|slice|slicing|sliced|slit|carve|carving|carved|scratch|scratching|scratched|dig|digging|dug|gouge|gouging|pick|picking|burn|burning|burnt|burned) (?:\w+ ){0,3}?(?:into |up |open )?(?:my|her|his|their) (?:wrists?|arms?|forearms?|legs?|thighs?|skin|stomach|belly|hips?|chest|ankles?|cuts|scars|scabs)\b(?! (?:on (?:a|the|some)|with (?:a|the) (?:knife|oven|stove|iron) (?:while|when)|while|when i (?:fell|was cooking)|cooking|shaving)\b)`,
  },
  {
    kind: 'self_harm',
    frame: 'own',
    keys: 'head',
    pattern: re`\b(?:keep|kept|been|cant stop|started) (?:banging|bashing|hitting|smashing) my head (?:against|on|into) (?:the |a )?(?:wall|floor|desk|mirror|door|ground)\b|\b(?:bang|banging|banged|bash|bashing|bashed|hit|hitting|smash|smashing) my head (?:against|on|into) (?:the |a )?(?:wall|floor|desk|mirror|door|ground)\b(?=.*\b(?:till|until|again|over and over|on purpose|so hard|every|keep|kept|want|cant stop|tonight|rn)\b)`,
  },
  // Harm on purpose, till it bleeds: "burnt my hand on the stove on purpose", "scratching until they bleed".
  {
    kind: 'self_harm',
    frame: 'own',
    keys: 'purpose deliberately intentionally bled bleeds bleed broke split cracked stars cigarette cigarettes cig cigs lighter match',
    pattern: re`\b(?:cut|cutting|burn|burnt|burned|burning|scratch\w*|punch\w*|hit|hitting|bang\w*|bash\w*|bit|bite|biting|starv\w*|hurt|hurting|broke|smash\w*|pull\w*|dig\w*|pick\w*)\b(?: \w+){0,8} (?:on purpose|deliberately|intentionally)\b|\b(?:till|until|so) (?:it|they|i|my \w+) (?:bled|bleeds?|bleed|broke|split|cracked|see stars|saw stars)\b|\bmy (?:hand|hands|arm|arms|head|wrist|wrists|leg|legs|fingers?|skin|face|body|thigh|thighs|stomach)\b.*\bon purpose\b|\b(?:cigarettes?|cigs?|lighter|lit match) (?:out )?on my (?:skin|arms?|wrists?|legs?|thighs?|hands?|stomach)\b`,
  },
  // Wanting to: "really want to cut rn", "need to bleed", "i deserve to bleed", "i want to feel physical pain".
  {
    kind: 'self_harm',
    frame: 'own',
    keys: 'cut slash slice burn carve bleed harm sh self scratch pain blood cutting burning hurting harming',
    pattern: re`\b(?:want|wanna|need|urge|urges|going|gonna|tempted|ready|about|itching|craving|deserve) ${to} ${filler}(?:cut|slash|slice|burn|carve|bleed|harm|sh|self harm|scratch)\b${notACut}|\b(?:want|wanna|need|deserve) ${to} (?:feel )?(?:physical )?(?:pain|bleed)\b|\b(?:want|wanna|need) ${to} see (?:blood|myself bleed)\b|\bdeserve (?:the|this) pain\b|\b(?:thinking|thought) (?:about|of) (?:cutting|burning ${myself}|hurting ${myself}|harming ${myself})\b${notACut}`,
  },
  // At it now: "cutting again", "fresh cuts on my legs", "broke skin again", "got the blade out", "reopened the scars".
  {
    kind: 'self_harm',
    frame: 'own',
    keys: 'cut cuting cutting cuted cting fresh skin reopen reopened reopening razor blade blades razors bleeding cuts covered',
    pattern: re`\b(?:cut|cuting|cutting|cuted|cting) (?:again|last night|tonight|today|this morning|for the first time in|\w+ times (?:this|today|tonight)|deeper|too deep|so deep|really deep|deep)\b|\b(?:havent|cant|couldnt|cannot) stop(?:ed)? cutting\b|\b(?:been|keep|kept|started|start|still) cutting\b(?! (?:back|down|out|ties|corners|my hair|carbs|sugar|class|school|people|off|the|it|onions)\b)|\bcutting (?:again|in places|came back|is back|every night|helps)\b|\bfresh cuts\b|\bcovered in (?:fresh |new )?(?:cuts|burns|scratches|scars from (?:last night|today|this week))\b|\bcuts? (?:are |is )?(?:getting |get |got )?(?:deeper|worse|so deep|too deep|really deep)\b|\bbroke (?:the )?skin (?:again|tonight|today)\b|\breopen(?:ed|ing)? (?:the |my )?(?:scars|cuts|wounds)\b|\b(?:got|took|get|getting|have|grab|grabbing|holding) (?:the |a |my )?(?:razor|blade|razor blade|blades|razor blades)s? (?:out|in my hand|ready)\b|\b(?:razor|blade)s? (?:is |are )?(?:right there|in my hand|out again)\b|\b(?:blade|razor) out of (?:a |the |my )?(?:pencil )?sharpener\b|\bbleeding through (?:my|the)\b|\bcuts on my (?:arms?|legs?|thighs?|wrists?|stomach)\b(?! (?:are|have)\b (?:healed|faded))`,
  },
  // Means named, then used on oneself: "I have a razor and I'm thinking of using it on my wrists".
  {
    kind: 'self_harm',
    frame: 'own',
    keys: 'razor blade knife lighter scissors glass',
    pattern: re`\b(?:razor|blade|knife|lighter|scissors|glass)\b.*\b(?:use|using|used) (?:it|them) (?:on|against) my (?:wrists?|arms?|throat|neck|thighs?|legs?|skin|stomach)\b`,
  },
  // "make myself bleed", "took a blade to my skin".
  {
    kind: 'self_harm',
    frame: 'own',
    personal: true,
    keys: 'blade razor knife lighter scissors myself meself myslef mysefl myslf mself self',
    pattern: re`\bmake ${myself} (?:bleed|hurt|suffer|bruise|pay)\b|\b(?:take|took|taking|put|putting|held|holding) (?:a |the |my )?(?:blade|razor|knife|lighter|scissors) (?:to|against|into) my\b`,
  },
  // "relapsed on sh", "sh urges", "s/h again", "sh'd last night", "the self harm is back".
  {
    kind: 'self_harm',
    frame: 'own',
    keys: 'sh shd urge urges corte cortando cortar cortarme relapsed relapse relapsing',
    pattern: re`\b(?:relapsed?|relapsing) (?:on|with|into) (?:sh|self ?harm\w*|cutting|burning)\b|\bsh (?:again|urges?|relapse|is back|tonight)\b|\b(?:did|do|doing) sh\b|\bshd\b|\burges? to (?:cut|sh|self ?harm|harm|hurt|burn|bleed)\b|\b(?:from|on) sh\b|\bme (?:corte|estoy cortando|quiero cortar)\b|\bcortarme\b`,
  },
  {
    kind: 'self_harm',
    frame: 'topic',
    keys: 'self selfharm* selfinj* selfmut* harm harming harmed harms injury injuring injured',
    pattern: re`\bself ?harm(?:ing|ed|s)?\b|\bselfharm\w*|\bself ?injur(?:y|ing|ed)\b|\bself ?mutilat\w*`,
  },

  // ── Overdose: taken, now or meant ──
  // "took the whole bottle", "swallowed 40 ibuprofen", "took like 15 of my xanax", "ate a whole sheet of my lorazepam".
  {
    kind: 'overdose',
    frame: 'own',
    keys: 'took take taking taken swallowed swallow swallowing downed necked popped ate eaten drank drunk finished snorted shot injected did done doing used mixed chugged crushed',
    pattern: re`${ingest} (?:like |about |around |over |maybe |probably |literally |just |almost |nearly )?(?:my |his |her |their |the )?${anAmount}(?: of)?(?: (?:my|his|her|their|the|those|these|our|his|\w+s|mums?|moms?|dads?|nans?))?(?: \w+){0,3}? ${aDrug}\b(?! (?:on time|as prescribed|like (?:a good|im supposed|i should)|this morning (?:on time|like))\b)`,
  },
  {
    kind: 'overdose',
    frame: 'own',
    keys: 'took take taking taken swallowed swallow swallowing downed necked popped ate eaten drank drunk finished snorted shot injected did done doing used mixed chugged crushed every',
    pattern: re`${ingest} (?:the|a|my|her|his|half (?:a|the)) (?:whole |entire |full )?(?:bottle|pack|packet|box|strip|sleeve|sheet|blister pack|tub|jar)(?= *$| (?:and|an hour|about|like|\d+|last|this|earlier|ago|sorry|please|of (?:my |his |her |their |the |those |these |\w+s )?(?:\w+ )?${aDrug})\b)|\b(?:took|swallowed|popped) (?:way )?too many$|\b(?:took|swallowed|popped|taken) (?:way )?too many (?:${aDrug}|of (?:my|the|them|those))\b|\b(?:took|taken|swallowed|popped) (?:every|each) (?:single )?(?:pill|tablet|one)\b`,
  },
  {
    kind: 'overdose',
    frame: 'own',
    keys: 'took taking take taken',
    pattern: re`\b(?:took|taking|take|taken) (?:all|every one) (?:of )?my (?:${aDrug})\b(?=.*\b(?:at once|in one go|together|all at once|now|rn|sorry|bye|goodbye|and|just)\b|$)(?! (?:on time|today like|as prescribed|this morning)\b)`,
  },
  {
    kind: 'overdose',
    frame: 'own',
    keys: 'doubled tripled quadrupled double triple twice 2x 3x 4x 5x 6x 10x',
    pattern: re`\b(?:doubled|tripled|quadrupled|\d+x) (?:up )?(?:my )?(?:dose|methadone|meds|${aDrug})\b(?=.*\b(?:on purpose|on top|and took|hoping|with)\b)|\b\d+x my (?:dose|usual|normal)\b|\b(?:took|taking|take) (?:double|triple|twice) (?:my|the) (?:usual|normal|dose|amount)\b`,
  },
  // "2 grams tonight", "a whole point of fent", "the whole bag alone", "use everything I have".
  {
    kind: 'overdose',
    frame: 'own',
    keys: 'everything all whole huge massive big',
    pattern: re`\b(?:use|using|shoot|shooting|take|taking|do|doing|snort|snorting|smoke|smoking|did|done|shot|used) (?:up )?(?:everything|it all|all of it|all i have|all i got|the whole (?:bag|gram|bundle|stash|lot|bottle|point|8 ball|eight ball|thing)|a whole (?:bag|gram|bundle|point|8 ball|eight ball))\b|\b(?:do|doing|shoot|use|snort) a (?:whole|huge|massive|big) (?:\w+ )?(?:shot|bag|gram|line|point|8 ball|eight ball)?\b(?=.*\b(?:alone|tonight|by ${myself}|no narcan|scared|chest|weird)\b)`,
  },
  {
    kind: 'overdose',
    frame: 'own',
    keys: 'until til till',
    pattern: re`\b(?:use|using|shoot|drink|take|do|keep (?:using|drinking|going)) (?:\w+ ){0,3}(?:until|til|till) (?:i|my heart|my body) (?:dont|do not|never|stop|stops|die|pass out and dont|give out|gives out|gives up|fails|explodes|bursts|cant)\b|\buntil my heart (?:stops|gives out|gives up|explodes)\b`,
  },
  // Intent: "want to OD", "gonna od tonight", "going to take everything in the cabinet", "mix the pills and the vodka".
  {
    kind: 'overdose',
    frame: 'own',
    keys: 'overdose od all every everything whole rest mix',
    pattern: re`${wantTo}(?:overdose|od|(?:take|swallow|inject|shoot|use|drink|down|pop|snort) (?:up )?(?:all|every|everything|the whole|the rest|(?:them|it|these|those) all|all of (?:them|it|my))|swallow (?:all|every|everything|the whole)|do (?:it all|the whole|everything|all of it)|use (?:it all|everything|all of it)|mix (?:the|my|all))\b|\b(?:im|i am|gonna|will|might|probably|prob|to) od\b|\bod (?:tonight|rn|on purpose|soon|again)\b`,
  },
  {
    kind: 'overdose',
    frame: 'own',
    keys: 'mix purpose',
    pattern: re`\b(?:gonna|going to|will|about to|want to|wanna) mix (?:the |my |all )?(?:\w+ )?(?:${aDrug}) (?:and|with) (?:the |my |a )?(?:vodka|gin|wine|whiskey|whisky|alcohol|booze|rum|beer|drink)\b|\b(?:with|and) (?:vodka|gin|wine|whisky|alcohol|booze) on purpose\b`,
  },
  {
    kind: 'overdose',
    frame: 'own',
    keys: 'care saved enough nothing kills',
    pattern: re`\b(?:dont|do not) care if i (?:dont |never )?(?:wake|come back|make it|survive|die|live|wake up)\b|\bdont want to be saved\b|\b(?:hoping|hope) (?:its|it is|that is|thats) enough\b|\bhopefully nothing after\b|\bif (?:it|this) kills me\b`,
  },
  // The word itself, first person now: "I think I'm overdosing", "ODing rn", "pretty sure i overdosed", "ovrdosing".
  {
    kind: 'overdose',
    frame: 'topic',
    keys: 'overdose overdosed overdoses overdosing ovr* overdoes oded oding odeing sobredosis od',
    pattern: re`\b(?:overdos(?:e|ed|es|ing)|ovr?dos\w*|overdoes|oded|oding|odeing|sobredosis)\b|\bi (?:think )?od\b`,
  },
  // Spanish: "tomé todas las pastillas", "tomé demasiado".
  {
    kind: 'overdose',
    frame: 'own',
    keys: 'tome',
    pattern: re`\btome (?:todas|todos|todo|demasiad[oa]s?|un monton|muchas) ?(?:las |mis )?(?:pastilas|pildoras)?\b`,
  },

  // ── Overdose: a body in danger, now (anyone's) ──
  {
    kind: 'overdose',
    frame: 'sign',
    keys: 'breathing lips face skin fingers fingertips nails gurgling pinpoint foaming agonal needle spoon rig',
    pattern: re`\b(?:not|isnt|stopped|barely|hardly|wont start|cant stop) breathing\b(?! (?:normally|fine|properly now)\b)|\b(?:lips|face|skin|fingers|fingertips|nails) (?:(?:are|is|r|look|looks|going|turning|turned|went|gone|all|kind of|kinda|a bit|really) )*(?:blue|purple|grey|gray)\b|\bgurgling\b|\bpinpoint pupils\b|\bfoaming at the mouth\b|\bagonal\b|\b(?:needle|spoon|rig) (?:still )?(?:in (?:his|her|their) arm|next to (?:him|her|them)|by (?:him|her|them)|on the floor)\b`,
  },
  // Signs that are a crisis after using, not after a long shift: "can't wake him up, he used earlier".
  {
    kind: 'overdose',
    frame: 'sign',
    context: re`\b(?:used|using|use|${aDrug}|narcan|naloxone|needle|overdos\w*|od|oded|did a|took|taken|smok\w*|snort\w*|shot|drank|911|999|112|ambulance|help|what do (?:i|we) do)\b`,
    keys: 'unresponsive unconscious responding respond waking wake passed slumped seizure seizing fitting convulsing eyes rolling snoring choking breathing talking slurring collapsed moving sense blue grey gray',
    pattern: re`\b(?:unresponsive|unconscious|not responding|wont respond|isnt responding|not waking up|wont wake up|cant wake (?:him|her|them|my \w+)(?: up)?|cant wake \w+ up|cant get (?:him|her|them) to wake|passed out|slumped|seizure|seizing|fitting|convulsing|eyes (?:keep )?rolling|snoring (?:\w+ )?(?:sounds|noises|weird|weirdly|strange|funny)|making snoring|choking (?:noises|sounds)|breathing (?:is )?(?:weird|slow|shallow|funny|strange|really slow)|talking funny|slurring|collapsed|not moving|not making sense|(?:turn(?:ed|ing)?|going|gone|went|is|and) (?:blue|grey|gray))\b`,
  },

  // ── Warning signs: ordinary alone, a crisis with another of a different kind ──
  // Despair: no point, no way out, can't do this anymore, a burden.
  {
    kind: 'suicide',
    frame: 'own',
    warning: 'despair',
    keys: 'point pointless hopeless meaningless future way forward longer over unbearable much hard painful',
    pattern: re`\b(?:no|dont see (?:the|a|any)|cant see (?:the|a|any)|whats the|what is the|is there (?:a|any)|lost (?:the|all)) point(?: any ?more\b| *$| (?:in|of|to) (?:anything|any of this|it all|life|living|going on|trying|being here|being alive|carrying on|waking up|this)\b)|\b(?:everything|life|it all|my life) (?:is|feels|seems) (?:so )?(?:pointless|hopeless|meaningless)\b|\bno (?:future|way out|hope left|way forward)\b(?! (?:in|at|with)\b (?:this job|that job|drinking|using))|\bcant see a way (?:forward|out)\b|\bhow (?:much )?longer i can (?:hold on|hang on|keep going|do this|last|take (?:it|this))\b|\b(?:its|it is) (?:all )?over for me\b|\bmy life is over\b|\b(?:life|everything|it all|this|the pain|living)(?: is|s)? (?:so |just |becoming )?(?:unbearable|too (?:much|hard|painful) to (?:bear|live|handle))\b`,
  },
  {
    kind: 'suicide',
    frame: 'own',
    warning: 'despair',
    keys: 'anymore more fighting trying pretending give giving left keep go done live enough tired exhausted out crying',
    pattern: re`\b(?:cant|cannot) (?:do|take) (?:this|it) any ?more\b|\bdone (?:fighting|trying|pretending)\b|\bi give up$|\bgiving up on (?:life|everything)\b|\bnothing left(?: for me)?(?: here)?$|\b(?:cant|can not|cannot) (?:keep going|go on like this)\b|^(?:im |i am )?(?:so )?done$|\b(?:and|so) (?:im|i am) (?:so )?done$|\bcant live like this\b|\b(?:cant|can not|cannot) stop crying\b|\b(?:ive|i have|i) had enough$|\bi (?:just )?want out$|\bim (?:so )?(?:tired|exhausted) of (?:everything|it all|fighting|trying)$`,
  },
  {
    kind: 'suicide',
    frame: 'own',
    warning: 'despair',
    keys: `burden waste needs wants cares miss notice scared afraid trust`,
    pattern: re`\b(?:a|such a|nothing but a) burden\b(?<!\bnot a burden)|\bwaste of (?:space|air|oxygen)\b|\b(?:nobody|no one|noone) (?:needs|wants|cares about) me\b|\bno one (?:will|would) (?:miss|notice) me\b|\b(?:scared|afraid) of ${myself}\b|\bdont trust ${myself}\b`,
  },
  // A death wished the way people say it in jest ("kill me now"): a sign only beside another.
  {
    kind: 'suicide',
    frame: 'own',
    warning: 'wish',
    keys: 'kill end welcome',
    pattern: re`\b(?:someone|somebody|god|please|just) (?:please )?kill me\b|\bkill me (?:now|already|please)\b|\bend me\b|\bi (?:welcome|would welcome|d welcome) (?:it|death|the end)$`,
  },
  // Means or a plan: "I have a plan", "planned out how", "googling how many", "the pills are lined up".
  {
    kind: 'suicide',
    frame: 'own',
    warning: 'means',
    keys: 'plan planned means everything enough google googled googling research researching researched looking look looked searching searched',
    pattern: re`\bmy plan is (?:simple|set|ready|made|done|clear|in place)\b|\b(?:have|got|ive got|made|has) a plan\b(?= *$| (?:and|now|for (?:it|how|when|tonight)|in place|to (?:do|end|die|kill)))|\bplanned (?:out )?(?:how|when|where|it|the (?:day|date|method))\b|\b(?:i have|ive got|i got|got|have) the means\b|\bhave (?:everything|all) i need\b|\benough (?:\w+ ){0,2}to (?:do it|not wake up|die|kill|end it|do the job)\b|\b(?:got|have|ive got) enough (?:pills|meds|tablets|sleeping pills|painkillers|${aDrug})(?: now| saved| here)?$|\b(?:googl\w*|research\w*|looking up|look up|looked up|searching|searched) (?:\w+ ){0,3}(?:how|ways?|methods?|the bridge|painless|lethal|bridges)\b`,
  },
  {
    kind: 'suicide',
    frame: 'own',
    warning: 'means',
    keys: 'lined counted table desk counter bed nightstand ready saved stashed stockpiled here next reach drawer counting holding sitting bottle pile handful knife blade razor rope gun shotgun rifle belt bought',
    pattern: re`\b(?:pills|meds|tablets|${aDrug}) (?:are |is )?(?:lined up|counted out|on the (?:desk|table|counter|bed|nightstand)|ready|saved|saved up|stashed|stockpiled|hidden away|right here|right next to me|within reach|in the drawer)\b|\b(?:bought|got|ordered|collected) (?:a (?:bunch|load|lot|box|pack) of |loads of |some |more )?(?:sleeping pills|pills|tablets|painkillers|paracetamol|tylenol)\b|\b(?:counting|counted|holding|sitting with) (?:the |my |all )?(?:pills|meds|tablets|them)\b|\ba (?:bottle|pile|handful) of (?:pills|tablets)\b|\b(?:bottle|pills) (?:\w+ ){0,3}(?:and|with) a bottle of (?:gin|vodka|whisky|whiskey|wine)\b|\b(?:knife|blade|razor|rope|gun|shotgun|rifle|pills)\b(?=.*\b(?:in (?:my )?hand|in the bath|on the (?:table|desk|bed)|ready|in front of me|for an hour)\b)|\b(?:with|holding|got) (?:a|the|my) (?:knife|razor|blade|razor blade|rope|gun|belt)\b|\bbought a gun\b|\b(?:a |the |my )?(?:rope|gun|shotgun|rifle|pistol)\b (?:in|under|behind|on|at) (?:the|my) \w+|\b(?:has|have|got) a (?:gun|razor)\b|\bknife block\b`,
  },
  // A place to fall from or in front of: "at the tracks", "the edge of the platform", "looking up the bridge".
  {
    kind: 'suicide',
    frame: 'own',
    warning: 'means',
    keys: 'tracks bridge cliff cliffs ledge rooftop roof platform edge river overpass top balcony',
    pattern: re`\b(?:at|on|to|near|by|toward|towards|standing on|edge of|up) (?:the|a|my|her|his|their) (?:train |railway |rail |motorway |highway )?(?:tracks|bridge|cliffs?|ledge|rooftop|roof|platform edge|river|overpass|balcony)\b(?! (?:club|game|party|bar|pub|cafe|restaurant)\b)|\bedge of the platform\b|\b(?:top|roof|edge) of (?:the|a) (?:car park|multi ?storey|parking (?:garage|structure)|building|bridge|cliff|tower|block)\b`,
  },
  // Means in hand, now: "the pills are in my hand right now", "the gun is in my lap".
  {
    kind: 'suicide',
    frame: 'own',
    keys: 'pills meds tablets painkillers gun rifle shotgun pistol rope noose belt',
    pattern: re`\b(?:pills|meds|tablets|sleeping pills|pain meds|painkillers|gun|rifle|shotgun|pistol|rope|noose|belt) (?:is |are )?(?:lined up|counted out|in my (?:hand|hands|lap|mouth)|on my lap|in front of me|to my head|around my neck)\b`,
  },
  // A dose that is too much, taken or about to be: "did too much", "bad batch", "tolerance is zero", "no narcan".
  {
    kind: 'overdose',
    frame: 'own',
    warning: 'dose',
    keys: 'tolerance narcan grams gram g points point bags bundles more much many batch laced everything whole huge massive big mix mixed mixing shot shooting',
    pattern: re`\btolerance (?:is )?(?:zero|gone|nothing|shot|low|down)\b|\b(?:no|without) narcan\b|\b\d+ (?:grams?|g|points?|bags?|bundles?)\b|\b(?:bought|got) (?:way )?more than (?:i|ive) (?:ever )?(?:used|could|can)\b|\b(?:took|taking|did|used|shot|snorted|smoked)(?: up)? (?:way |so much |a lot )?more than (?:(?:my )?usual|(?:my )?normal|i should|ever|i meant)\b|\bdid (?:way )?too much\b(?! (?:at|on|in|for|today|yesterday|this|work|exercise|running|lifting|walking|cleaning|shopping)\b)|\btook (?:way )?too much\b(?! (?:on|of (?:my|the) time|time|food|at)\b)|\bbad batch\b|\blaced\b|\b(?:took|taken|had|done|did|swallowed|popped) (?:way )?too many\b(?! (?:photos|pictures|pics|notes|breaks|days|selfies|calories|shifts|classes|naps|risks|chances|steps|things|people|hours|questions|jobs|sweets|cookies|biscuits))|\b(?:had|taken|done|used|did) (?:way )?too much ${aDrug}\b|\bshot up\b|\bshooting up\b|\b(?:took|swallowed|mixed|downed|popped|taken|used|did) everything\b(?! (?:from|away|out|back|in (?:my )?stride|personally|so seriously)\b)|\ba (?:whole|huge|massive|big) (?:shot|bag|gram|line|point|8 ball|eight ball)\b|\bmix(?:ed|ing)? (?:\w+ ){0,3}(?:with|and) (?:\w+ ){0,3}(?:vodka|gin|wine|whiskey|whisky|alcohol|booze|rum|beer)\b|\bmix(?:ed|ing)? (?:my |the |some )?${aDrug} (?:and|with) (?:my |the |some )?${aDrug}\b`,
  },
  // Using a street drug (or "something") at all: a dose, when a body is reacting too.
  {
    kind: 'overdose',
    frame: 'own',
    warning: 'dose',
    keys: 'used did took tried smoked shot snorted injected using doing done',
    pattern: re`\b(?:used|did|took|tried|smoked|shot|snorted|injected|using|doing|done) (?:up )?(?:a |some |the |more |a few |\d+ |two |three |four |five )?(?:line|lines|shot|shots|hit|hits|fent\w*|heroin|dope|meth|crack|coke|cocaine|something|xans?|bars|benzos|ket|ketamine|h|pills|tabs|grams? of \w+)\b(?! (?:free|clean|sober)\b)`,
  },
  // A body reacting: "can't feel my face", "chest is tight", "room is spinning", "im fading".
  {
    kind: 'overdose',
    frame: 'own',
    warning: 'symptom',
    keys: 'breathe breath see awake eyes move type stand walk talk think feel chest heart hearts room rooms vision nodding lips sleepy drowsy fading slurring shaking throwing vomiting puking seizure passing dizzy floaty everything',
    pattern: re`\b(?:cant|can not|cannot|hard to|struggling to|barely|can barely) (?:breathe|breath|see|stay awake|keep my eyes open|move|type|stand|walk|talk|think straight|feel my (?:face|legs|arms|hands|body|feet|heart|chest|lips|fingers))\b|\bfeel like (?:im|i am|i m) (?:dying|going to die|gona die)\b|\bchest (?:is |feels |s )?(?:so )?(?:tight|weird|heavy|hurts|pain)\b|\bheart(?:s| is)? (?:racing|pounding|going crazy|beating so|feels like|stopping|skipping)\b|\broom(?:s| is)? (?:spinning|going dark)\b|\bvision (?:is )?(?:blurry|going)\b|\bnodding (?:out|hard|off)\b|\blips (?:(?:are|feel|feeling|going|r|so|really) )*numb\b|\bgetting (?:really |so )?(?:sleepy|drowsy)\b|\bfading\b|\bslurring\b|\bcant stop (?:shaking|throwing up|vomiting|puking)\b|\bseizure\b|\bpassing out\b|\b(?:so|really|very) (?:dizzy|floaty|sleepy|drowsy)\b|\beverything is (?:slow|spinning|dark)\b|\bfeel (?:really |so )?(?:weird|strange|floaty)\b|\bthrowing up\b`,
  },
  // Farewell: goodbye, thanks for everything, love you all.
  {
    kind: 'suicide',
    frame: 'own',
    warning: 'farewell',
    personal: true,
    keys: 'goodbye bye farewell thanks thank love loves loved know say saying said',
    pattern: re`\b(?:good ?bye|bye|farewell)\b|\bthank(?:s| you) (?:\w+ ){0,2}for (?:everything|trying|all of it|being there|the support|all the support|\w+ years of)\b|\b(?:say|saying|said) (?:thanks|thank you|goodbye|bye)\b|\bthanks to (?:everyone|the people|you all|all of you|this group)\b|\bthank (?:you|u) (?:all|everyone|guys)$|\blove(?:d)? (?:you|u) (?:all|guys|everyone|so much|lots)\b|\bjust know (?:that )?i love(?:d)?\b|^i love (?:you|u)(?: all| guys| both)?$|\b(?:s?he|they) (?:loves|love|said (?:s?he|they) loves?) (?:us|you|everyone|me)\b`,
  },
  // Absolution and instructions for after: "it's not your fault", "take care of each other", "don't look for me".
  {
    kind: 'suicide',
    frame: 'own',
    warning: 'absolution',
    personal: true,
    keys: 'care tell give sorry fault blame',
    pattern: re`\btake care of (?:each other|yourselves|my \w+|mum|mom|dad|the kids|everyone)\b|\b(?:tell|give) (?:everyone|every one|my \w+|them|her|him|the group|my family) (?:\w+ )?(?:im sorry|i am sorry|i love|my love|sorry|i said)\b|\b(?:its|this is|this isnt|it is|its not|is not) (?:not )?(?:your|anyones|nobodys) fault\b|\bdont blame (?:yourselves|yourself|anyone)\b`,
  },
  // An apology with nothing after it: "I'm sorry.", "sorry for everything", "sorry for being a burden".
  {
    kind: 'suicide',
    frame: 'own',
    warning: 'apology',
    personal: true,
    keys: 'sorry',
    pattern: re`\bsorry (?:for|to|about) (?:everything|everyone|every one|all of you|all this|the mess)\b|\b(?:saying|said|says|texted|messaged) (?:that )?(?:s?he|they)(?:s| is| are| was)? (?:so )?sorry$|\b(?:saying|said|says|texted|messaged) (?:that )?(?:s?he|they)(?:s| is| are| was)? (?:so )?sorry (?:and|for everything)\b|^(?:\w+ ){0,2}(?:im |i am |so )?sorry(?: (?:guys|everyone|all|yall|mum|mom|dad|friends))?$|\bsorry for being a\b`,
  },
  {
    kind: 'suicide',
    frame: 'own',
    warning: 'absolution',
    personal: true,
    keys: 'look looking try stop said talk tell asking help save saved stopped helped',
    pattern: re`\bdont (?:come )?look(?:ing)? for me\b|\bdont try (?:and|to) (?:stop|find|save|talk) me\b|\b(?:dont|do not|no one|nobody) (?:try (?:and|to) )?talk me out of (?:it|this)\b|\b(?:dont|do not) (?:tell me to|try to get me to|bother telling me to) (?:call|text|ring|reach out|get help|go to)\b|\b(?:im|i am) not asking for help\b|\bdont want (?:help|to be (?:saved|stopped|helped))\b|\bno one can (?:stop|save|help) me\b|\bno ?one try (?:and|to) stop me\b|\bsaid (?:what|everything) i (?:needed|wanted) to (?:say)?\b`,
  },
  // Giving things away: pets, belongings (not the bar cart or the old drinking glasses).
  {
    kind: 'suicide',
    frame: 'own',
    warning: 'giving',
    personal: true,
    keys: 'gave given giving give now',
    pattern: re`\b(?:gave|given|giving|give) (?:away )?(?:my|all my|all of my) (?:stuff|things|belongings|possessions|dog|cat|pets?|guitar|car|clothes|plants)\b(?! (?:for|because|since|when)\b|.*\b(?:old|bar|drinking|charity|cart|glasses|shakers|lessons|starting|birthday|moving)\b)|\bgave away my (?:\w+ )?(?:guitar|dog|cat|stuff|things)\b(?!.*\b(?:old|bar|drinking|charity)\b)|\b(?:hes|shes|theyre|he is|she is|they are|my (?:dog|cat|pets?)(?: is| are|s)?) (?:with|staying with|living with) (?:my|a|the) \w+ now\b`,
  },
  // Putting affairs in order: a will, letters to each, cancelled plans.
  {
    kind: 'suicide',
    frame: 'own',
    warning: 'affairs',
    personal: true,
    keys: 'wrote written writing write cancelled canceled',
    pattern: re`\b(?:wrote|written|writing|write) (?:my )?(?:will|letters to (?:my|everyone|each)|a letter (?:to|for) (?:my|each|everyone))\b(?!.*\b(?:birthday|step|younger self|late|therapist|amends|gratitude|inventory|cover|court|judge|work|school|for their)\b)|\bcancel+ed (?:all )?my (?:meetings|appointments|plans)\b`,
  },
  // Sudden calm: "I've made my peace", "at peace with it now", "not scared anymore".
  {
    kind: 'suicide',
    frame: 'own',
    warning: 'calm',
    personal: true,
    keys: 'peace calm scared afraid ok okay fine alright',
    pattern: re`\b(?:made|found|making) (?:my )?peace\b(?! (?:with (?:my (?:past|ex|dad|mum|mom|family|sobriety)|it all in))\b)|\bat peace (?:with (?:it|this|that|my decision)|now)\b|\b(?:feel|felt) (?:so )?calm (?:now|for the first time)\b|\bnot (?:scared|afraid) (?:of (?:dying|death|it|dying any ?more) )?any ?more\b|\b(?:im|i am) (?:ok|okay|fine|at peace|alright) with (?:that|it|dying|this)$|\b(?:thats|that is|itd be|it would be) (?:fine|ok|okay|alright) (?:with|by) me$`,
  },
  // Finality: "tonight's the night", "it'll all be over soon", "I've decided", "if I don't post tomorrow you know why".
  {
    kind: 'suicide',
    frame: 'own',
    warning: 'finality',
    personal: true,
    keys: 'tonights tonight today todays over ready time go decided mind sure might could may find need end gone',
    pattern: re`\b(?:tonights|tonight is|today is|todays) the (?:night|day)\b|\b(?:it|this|everything)(?:ll| will|d| would)? (?:all )?be over (?:soon|tonight|by|then)\b|\bit(?:ll|d| will| would) all be over\b|\b(?:its|it is|this is|everything is) (?:going to|gonna) be (?:all )?over (?:soon|tonight|by)\b|\b(?:im |i am )?ready to go\b(?! (?:to|out|back|home|on|shopping|in)\b)|\btime (?:for me )?to go$|\b(?:why|that) i (?:had|have|need|needed) to go\b|\b(?:im|i am|shes|hes|theyre|she is|he is) (?:so |finally )?ready$|\b(?:tonight|today|this|this weekend) (?:might|could|may|will) be (?:it|the night|the day|the end)\b|\bthis is (?:the end|the end of the road|where it ends) for me\b|\bif (?:im|i am|i m) (?:gone|not here|dead|not around) (?:tomorrow|by|when|in the morning)\b|\b(?:no one|nobody|noone) (?:will|wil|is going to|gonna|would) (?:ever )?find me\b|\b(?:wont|will not|dont|wouldnt) need (?:it|them|any of (?:it|this|them)|anything|this|my \w+) where (?:im|i am) going\b|\bmy time is up\b|\b(?:ive |i have |i )?(?:decided|made up my mind)$|\bmy mind is made up\b|\bmade sure of it\b`,
  },
  {
    kind: 'suicide',
    frame: 'own',
    warning: 'finality',
    personal: true,
    keys: 'good permanently forever out check checking coming back happens nights last final problem burden sorted order arranged permanent',
    pattern: re`\b(?:im|i am) (?:out|gone|done) (?:for good|permanently|forever)\b|\bcheck(?:ing)? out$|\b(?:dont|do not) know if (?:im|i am|i will|ill) (?:coming back|be back)\b|\bnot coming back\b(?! (?:to (?:this|that|the)|here)\b)|\bwhatever happens happens\b|\bdont care what happens\b|\bone of these nights\b|\b(?:last drink|last night) (?:will be|is) my last\b|\bwont be a (?:problem|burden) (?:for \w+ )?(?:much longer|soon|anymore)\b|\b(?:everything|it all)(?:s| is) (?:sorted|in order|arranged)\b|\bfor good this time$|\bthe permanent kind\b|\bpermanent (?:solution|sleep|nap|exit|way out|vacation)\b(?!.*\btemporary)|\b(?:last|final) (?:message|time)\b`,
  },
  {
    kind: 'suicide',
    frame: 'own',
    warning: 'finality',
    personal: true,
    keys: 'post reply answer show wake here why mean',
    pattern: re`\bif (?:i|im) (?:dont|do not) (?:post|reply|answer|show up|wake up)\b|\bif im not (?:here|on here|around|back)\b|\byou(?:ll)? know why$|\bthats why$|\b(?:if )?(?:you|u) know what i mean\b`,
  },
  {
    kind: 'suicide',
    frame: 'own',
    warning: 'finality',
    personal: true,
    keys: 'it',
    pattern: re`^(?:so |well |guess )?this is it$|\bif this is it\b`,
  },
  // Someone unreachable (for a friend in danger): "not picking up", "phone is off", "her location is at the river".
  {
    kind: 'suicide',
    frame: 'own',
    warning: 'unreachable',
    personal: true,
    keys: 'picking pick answering answer responding replying reply respond phone airplane mode locked location reach find hold hung walked ran drove turned switched missing',
    pattern: re`\b(?:not|isnt|wont|stopped|doesnt|didnt|never) (?:picking up|pick up|answering|answer|responding|replying|reply|respond)\b|\bphone (?:is |s )?(?:off|switched off|on airplane mode|going (?:straight )?to voicemail|dead)\b|\bairplane mode\b|\b(?:turned|switched) (?:off )?(?:his|her|their|my) phone\b|\blocked (?:${themself}|${myself}) in\b|\blocation (?:is|shows|says) (?:at )?(?:the )?(?:river|bridge|cliffs?|lake|tracks|sea|beach|woods)\b|\bcant (?:reach|find|get hold of) (?:him|her|them)\b|\bhung up\b|\b(?:walked|ran|drove) (?:out|off) with\b|\b(?:is|s|has gone|went) missing\b`,
  },
  // Telling it without asking: "I don't know why I'm telling you", "just wanted someone to know".
  {
    kind: 'suicide',
    frame: 'own',
    warning: 'disclosure',
    personal: true,
    keys: 'know why asking',
    pattern: re`\b(?:dont|do not) know why (?:im|i am) (?:posting|telling|writing|saying|typing|sharing)\b|\bjust wanted (?:someone|somebody|one person|you all|you guys|you|people) to know\b|\bnot asking for (?:help|advice|anything)\b`,
  },
  // A hint of the act, or meaning it: "do it properly", "go through with it", "I mean it", "working on the guts".
  {
    kind: 'suicide',
    frame: 'own',
    warning: 'act',
    keys: 'properly time real do doing through act courage guts nerve balls thinking',
    pattern: re`\b(?:do|doing|did) it (?:properly|this time|for real|right this time)\b|\b(?:going to|gonna|about to|ready to|finally) do it\b(?! (?:sober|with|for (?:my|the)|again (?:sober|clean))\b)|\bgo(?:ing)? through with it\b|\b(?:keep|cant stop|can not stop|cannot stop) thinking about (?:it|doing it)$|\b(?:so |really )?close to doing it\b|\bact on (?:it|them|the thoughts|the urges?|these thoughts)\b|\b(?:courage|guts|nerve|balls) to (?:do it|go through|jump|act)\b|\bif i had the (?:guts|courage|nerve|balls)\b|\bworking on the (?:guts|courage|nerve)\b`,
  },
  {
    kind: 'suicide',
    frame: 'own',
    warning: 'act',
    keys: 'stepping step waited close put over fix fixing jump mean joking joke kidding catch catching bus might could know almost nearly waiting when once after disappear tempted driving drive walking walk jumping purpose decide else',
    pattern: re`\b(?:stepping|step) (?:forward|off|out in front)\b|\bwaited for (?:one|a train|the train)\b|\bit was (?:really |so |too )?close\b|\bnot (?:going|gonna) (?:to )?put them back\b|\bwhat i (?:might|could|am going to|m going to|m about to) do\b|\bknow (?:exactly )?what (?:im|i am) (?:doing|going to do|gonna do)\b|\bget it over with\b|\b(?:waiting (?:till|until|for)|when|once|after) (?:everyone|every one|the house|the kids|my \w+)(?:s| is| are)? (?:asleep|is empty|empty|gone|out|at work)\b|\btrying to decide\b|\bcant decide\b|\b(?:not going to|not gonna|wont|never|wouldnt|cant) (?:hurt|harm|burden|disappoint) (?:anyone|anybody|them|you) (?:else|anymore|any more|ever again)\b|\bwaiting for the (?:right|perfect) (?:moment|time|night)\b|\b(?:almost|nearly) (?:did it|went through with it|jumped|did something)\b|\b(?:going to|gonna|gona|about to) disappear (?:tonight|today|soon|for ?ever)\b|\b(?:so |really )?tempted$|\btempted to (?:do it|take them|swallow|jump|use it)\b|\b(?:driving|drive|walking|walk|jumping|jump) (?:in|into it|in there|off|over the edge)$|\bon purpose\b|\b(?:im |i am )?(?:going to |gonna )?fix(?:ing)? (?:that|it|the problem)(?: (?:tonight|soon|today|for (?:everyone|them|good)))?$|\b(?:im |i am )?going to fix that\b|\bid jump\b|\b(?:going|gonna|about) to jump$|\bi mean (?:it|that)(?: literally)?\b|\bnot (?:joking|a joke|kidding)\b|\bcatch(?:ing)? the bus\b`,
  },
];

// ────────────────────────────────────────────────────────────────────────────────────────────────
// 5. Set-asides: when a signal in a clause is not a crisis
// ────────────────────────────────────────────────────────────────────────────────────────────────

/** The far past: "five years ago", "used to", "back when", "in 2019", "when I was using", "there was a time". */
const farPast = re`\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|few|couple|couple of|many|several|some|a few|a couple of) (?:years?|yrs?|months?|decades?) (?:ago|back|before)\b|\b(?:ages|a long time|years) ago\b|\bin (?:19|20)\d\d\b|\bback (?:in|then|when)\b|\bused to\b(?<!\b(?:than (?:i |ive )?(?:ever )?|get |got |getting |am |im |be |being |was )used to)(?! (?:handle|it|this|that|them)\b)|\b(?:clean|free) (?:from|of) (?:sh|cutting|self ?harm|that|it)\b(?!.*\b(?:ruined|relapsed?|broke|gone|lost|reset|slipped|til|until)\b)(?<!\b(?:relaps\w*|ruined|broke|slipped)\b.*)|\bin (?:early|my early|my first (?:year|months?) of) (?:sobriety|recovery)\b|\b(?:they|it|the thoughts|thoughts|urges|the urges|feelings) (?:passed|went away|faded|stopped|lifted|eased)\b|\bwhen i was (?:a |an |\d|younger|using|drinking|in|at|still|active|little|young|suicidal|at my|in my|deep|sick|\w+ing)|\bin my (?:teens|twenties|thirties|\d0s|first year|early|late|old|using|drinking|active|addiction|youth|past)\b|\bas a (?:teen|teenager|kid|child)\b|\bat my (?:lowest|worst)\b|\bthere was a time\b|\bi remember\b|\bonce upon\b|\bin active addiction\b|\bduring my (?:using|drinking|addiction|active)\b|\bbefore i got (?:sober|clean|help)\b|\bnot me any ?more\b|\bnot any ?more$|\bmy (?:old|past) (?:life|self)\b|\bsurviv(?:ed|or|ors)\b|\bi (?:was|got) (?:found|saved|hospitali[sz]ed|revived|brought back|narcanned|sectioned)\b|\bnarcan brought me back\b|\bafter my (?:overdose|attempt|od)\b|\bsince my (?:overdose|attempt|od)\b|\b(?:its|it has|it s) been (?:\w+ )?(?:years?|months?)(?: since)?\b|\b(?:years?|months?) since (?:i|my|the)\b|\bhavent (?!stopped|quit|been able|managed)(?:\w+ ){0,3}(?:in|for|since)\b|\blast (?:year|spring|summer|winter|autumn|fall|decade)\b|\bmy story\b|\bi (?:was|had been) (?:so |really |very |pretty |severely |actively )?(?:suicidal|self harming|cutting|in a dark place)\b(?!.*\b(?:today|tonight|yesterday|last night|this (?:week|morning)|again|rn|right now|now|all day)\b)|\bthe (?:day|night) i (?:tried|attempted|overdosed|oded|almost|nearly|was|got|first)\b|\bwhen (?:my|i) (?:\w+ ){0,3}(?:left|died|passed) in\b`;
/** A following sentence that puts the one before in the past: "I tried to end it. That was 8 years ago." */
const pastAfter = re`\b(?:that|this|it) (?:was|is|s) (?:\w+ ){0,3}(?:years?|months?|decades?|yrs?) ago\b|^(?:that|it) was (?:back )?in (?:19|20)\d\d\b|^(?:that|it) was (?:a long time|ages|forever) ago\b|^(?:thats|that is) not me any ?more\b|^not any ?more\b`;

/** Words for the words: "someone said kms as a joke", "the word 'unalive'". */
const aboutTheWords = re`\bas a joke\b|\bjoking about\b|\b(?:the|that) (?:word|phrase|term|saying|expression) (?:\w+ )?(?:kms|kys|unalive|unaliving|suicide|suicidal|committed|sewer ?slide|die|dead|od|overdose|self ?harm)\b|\b(?:said|says|say|told me to|typed|wrote|use|uses|using) (?:kms|kys|unalive|sewer ?slide)\b|\bin (?:a|the) (?:song|movie|film|book|show|game|lyric)\b`;
/** A clinician's screening question and its answer: "asked if I'd had thoughts of harming myself and I said no". */
const screening = re`\basked (?:me )?(?:if|whether|about)\b(?!.*\b(?:said yes|told (?:her|him|them) yes|i do|i am|i did)\b)`;
/** Idioms of dying and killing: "to die for", "killing it", "dead tired", "end of my rope", "the death of me". */
const idiom = re`\b(?:die|dying|dead|death|kill\w*) (?:of (?:embarrassment|shame|boredom|laughter|cringe|thirst|hunger|cuteness)|laughing|tired|inside lol|to (?:see|get|go|try|know|hear|meet|have|tell|find)|for (?:a|some|one|coffee))\b|\bto die for\b|\bkilling it\b|\bdead (?:tired|battery|phone|end|set|serious|last|on my feet)\b|\bthe death of me\b|\b(?:going to|gonna|will|ll) kill me\b|\bkill me now\b|\bif i have to\b.*\bdie\b|\brather die than\b|\bdie (?:my|her|his) hair\b|\bdie if i (?:dont|do not|cant|have to|miss|see|hear|eat)\b|\bdying my hair\b|\bwould kill for\b|\bkilling (?:time|two birds)\b|\bmy (?:phone|battery|laptop|car|plants?)(?:s| is| was)? (?:dead|dying|died)\b`;
/** If I keep going like this: a consequence feared, not a plan ("I'll be dead by 40 if I keep drinking"). */
const consequence = re`\bif i (?:keep|dont stop|carry on|go on|continue) (?:drinking|using|like this|this way)\b|\bat this rate\b|\bthe way im going\b|\bmy (?:liver|doctor|gp)\b`;

/** About the thing, not in it: prevention, awareness, news, grief, education, a question of fact. */
const aboutTheTopic = re`\bif (?:anyone|anyones|someone|you|youre|u|ur)\b|\bcoroner\b|\bautopsy\b|\binquest\b|\btoxicology\b|\bobituary\b|\b(?:it|that|this) was (?:an? )?(?:\w+ )?(?:overdose|suicide|od)\b|\bprevention\b|\bawareness\b|\btraining\b|\bnarcan\b|\bnaloxone\b|\bhotline\b|\bhelpline\b|\bcrisis line\b|\bstatistics?\b|\bstats\b|\brates?\b|\bnumbers\b|\bdata\b|\bdeaths\b|\bepidemic\b|\bcrisis in\b|\bresearch\w*\b|\barticle\b|\bstudy\b|\bpapers?\b|\bnews\b|\bdocumentary\b|\bpodcast\b|\btalk on\b|\bsession on\b|\bworkshop\b|\bclass\b|\bcourse\b|\bschool\b|\bproject\b|\bbook\b|\bmovie\b|\bfilm\b|\bsong\b|\brisk\b|\btrends?\b|\bsurvivors?\b|\bloss\b|\bwatch\b|\bmemorial\b|\bvigil\b|\bfuneral\b|\banniversary\b|\brip\b|\bgrave\b|\bhonou?r\b|\bin memory\b|\bpassed away\b|\blost (?:him|her|them|my \w+|a \w+|another \w+|our \w+) to\b|\bsigns of\b|\bsigns? (?:include|are)\b|\btalk(?:ing)? to (?:my |our |a |your )?\w+ about\b|\bhow (?:do|can|to|should) (?:i|we|you) (?:talk|help|respond|support|ask|spot|tell)\b|\bsupport group\b|\bpolicy\b|\bhearing about\b|\bheard about\b|\bin (?:town|our (?:area|town|city|county|state))\b|\banother (?:overdose|suicide)\b|\bvolunteer\w*\b|\bcall or text\b|\b988\b|\b116 ?123\b|\b741741\b|\bsquad\b|\bpsa\b|\breminder\b|\bsafe (?:consumption|injection|use)\b|\bscared (?:of|that|i(?:ll| will| might)?) (?:\w+ )?(?:overdos\w*|od)\b|\b(?:afraid|terrified|worried|fear) (?:of|that|about) (?:\w+ )?(?:overdos\w*|od|ing)\b|\bprotect\b|\b(?:overdose|suicide|od)s\b|\b(?:overdos\w*|oded|od) on (?!(?:${aDrug}|my|his|her|their|purpose|it|everything|something|them|those|these|the|a|an|some|insulin|\d)\b)\w+`;
/** Everyday accidents: "cut myself shaving", "burned myself on the oven", "hurt myself lifting". */
const accident = re`\b(?:cat|dog|kitten|puppy|thorns?|brambles?|barbed wire|shaving|cooking|baking|chopping|by accident|accidentally|on (?:a |the |some )?(?:oven|stove|pan|iron|grill|paper|glass|knife|can|tin|nail|fence|kettle|hob|tray|door|cupboard|corner|rose|bush)|lifting|at the gym|playing|when i fell|tripped)\b`;
/** Medicine taken as meant: "took all my meds today like I'm supposed to". */
const routine = re`\b(?:like (?:a good \w+|im supposed to|i should|i was told|prescribed)|as prescribed|as directed|on time|supposed to|every (?:day|morning|night)|daily|routine|my doctor|doctor (?:said|told|prescribed|upped|doubled))\b`;
const onPurpose = re`\b(?:on purpose|deliberately|intentionally|so it (?:hurts|would hurt)|to feel)\b`;
/** The supportive reply: "please don't hurt yourself", "if you're thinking of ending it, reach out". */
const secondPerson = re`\b(?:you|u|youre|ur|your|yourself|yall|ya)\b`;
const firstPerson = re`\b(?:i|im|ive|id|ill|me|myself|my)\b`;
/** Danger told as over: breathing normally, in hospital, fine now. */
const resolved = re`\bbreathing (?:normally|fine|ok|okay|again|better|on (?:his|her|their) own)\b|\b(?:s?he|they|hes|shes|theyre)(?: is| are| s)? (?:fine|ok|okay|stable|safe|alright|all right|doing (?:well|better|ok|fine))\b|\bfine now\b|\bcame (?:round|around|to)\b|\bin (?:the )?hospital\b|\bparamedics (?:took|have|came|arrived)\b|\bsurvived\b|\bvet\b|\bit passed\b|\bfalse alarm\b|\bpanic attack\b|\btoo much (?:coffee|caffeine)\b|\bflu\b|\bsleeping it off\b(?=.*\bwatch)|\bon (?:her|his|their) side\b|\bsitting with (?:her|him|them)\b|\bwatching (?:her|him|them)\b|\bsleeps? like\b|\bsnor(?:es?|ing) (?:so|like)\b|\bdoing (?:really |so |much )?(?:well|better|good|great|ok|okay|fine)\b|\bin (?:rehab|treatment|detox|recovery) now\b|\brecovering\b|\b(?:hes|shes|theyre|he is|she is|they are) (?:ok|okay|fine|alright) now\b`;
/** Teaching what to do: "if someone is unresponsive, give naloxone", "signs of an overdose". */
const teaching = re`\bif i (?:find|see|come across)\b|\bif (?:someone|somebody|a person|they|you see|your)\b|\breminder\b|\bpsa\b|\bsigns? (?:of|include)\b|\bwhat (?:does|do|are) (?:\w+ ){0,4}look like\b|\bhow to (?:spot|tell|recognise|recognize|respond|help|use)\b|\btraining\b|\bcourse\b|\bin case\b|\bcarry(?:ing)? (?:narcan|naloxone)\b|\bnever use alone\b`;
/** Benign goodbyes: to a year, an old life, a thread, for a trip. */
const benignFarewell = re`\bto (?:alcohol|drinking|booze|drugs|the bottle|my (?:addiction|old (?:life|self)|drinking|using|disease))\b|\btherapist\b|\b(?:good ?bye|bye|farewell) (?:to )?(?:\d{4}|20\d\d|my old|the old|old|drinking|booze|alcohol|the bottle|my drinking|this job|that job|this place|the pub|my using|using)|\bretir\w*|\bsee (?:you|u|ya|yall)\b|\b(?:til|until) (?:tomorrow|next|then|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\bfor (?:a (?:bit|while|week|few)|now|today|tonight|the night|the weekend)\b|\bback (?:soon|on|in|next)\b|\bmoving\b|\bholiday\b|\bvacation\b|\bretreat\b|\btrip\b|\bflight\b|\brehab\b|\bdetox\b|\btreatment\b|\bthread\b|\bdms?\b|\bchat\b|\bzoom\b|\bmeeting\b|\boffline\b|\blogging\b|\bsigning off\b|\bgoodnight\b|\bgood night\b|\bcheck in\b|\bnew (?:job|chapter|life)\b|\bsee everyone\b|\b(?:bedtime|bed time|off to bed)\b|\bspeak soon\b|\btalk soon\b`;

/** Negation right before a signal: "I don't want to die", "I'm not going to kill myself", "never wanted to …". */
const negatedBefore =
  /\b(?:not|no|never|dont|do not|didnt|doesnt|wont|wouldnt|isnt|arent|wasnt|aint|havent|hasnt|nobody|no one|without|nor)(?: (?:going to|gona|planing to|trying to|about to|wanting to|thoughts of|thoughts about|urges to|urge to|intention of|plans to|(?!know|think|understand|remember|care)\w+))? $/;
/** Words that start a signal that carries its own negation ("don't want to live"): checked for none. */
const negatedSignal =
  /^(?:not|no|dont|do not|doesnt|does not|didnt|never|cant|can not|cannot|wont|will not|nobody|no one|noone|nothing|why)\b/;

// ────────────────────────────────────────────────────────────────────────────────────────────────
// 6. Clauses and the assessment
// ────────────────────────────────────────────────────────────────────────────────────────────────

/** Who a clause is about, read from the last subject before the signal. */
type Subject = 'self' | 'other' | 'addressee' | 'anyone';
const wordSet = (list: string) => new Set(list.split(' ').map(squeeze));
const selfWords = wordSet('i im ive id ill me my myself');
/** Anyone at all, never a person in danger: "to anyone feeling suicidal tonight", "someone said kms as a joke". */
const anyoneWords = wordSet('someone somebody anyone anybody whoever anyones someones');
const everyoneWords = wordSet('everyone everybody people nobody');
const addresseeWords = wordSet('you u youre ur your yourself yourselves yall ya');
const otherWords = wordSet(
  `he hes him his himself she shes her hers herself they theyre them their themselves ${people}`,
);
/** A pronoun after these is an object ("a burden to everyone", "told him"), not who the clause is about. */
const objectMarkers = wordSet(
  'to for with at from of than like about tell told telling miss love thank thanks by on in into',
);

function subjectBefore(clause: string, match: RegExpExecArray): Subject | null {
  // The signal's own first word counts ("im going to fix that"), the rest of it does not.
  const firstSpace = match[0].indexOf(' ');
  const words = clause.slice(0, match.index + (firstSpace < 0 ? match[0].length : firstSpace)).split(' ');
  for (let index = words.length - 1; index >= 0; index -= 1) {
    const word = words[index]!;
    if (selfWords.has(word)) return 'self';
    // "anyone else feel like this?" asks for company in one's own state.
    if (anyoneWords.has(word)) return words[index + 1] === 'else' ? 'self' : 'anyone';
    if (index > 0 && objectMarkers.has(words[index - 1]!)) continue;
    if (everyoneWords.has(word)) return 'anyone';
    if (addresseeWords.has(word)) return 'addressee';
    if (otherWords.has(word) || (word.endsWith('s') && otherWords.has(word.slice(0, -1)))) return 'other';
  }
  return null;
}

/** Danger now, for someone else: "right now", "tonight", "locked herself in", "not answering". */
const imminent = re`\b(?:rn|right now|just now|tonight|just (?:said|texted|told|called|posted|messaged)|locked|not answering|wont answer|isnt answering|cant reach|has a (?:gun|knife|rope)|pills|bridge|roof)\b`;

/**
 * A clause, with whether it ended in "?", the clause after it (which can put it in the past), and the
 * set-asides already tried on it (each is tried at most once per clause, and only when a rule matched).
 */
type Clause = { text: string; question: boolean; next: string; known?: Map<RegExp, boolean>; pieces?: string[] };

/** Whether a clause says this, remembered. */
function says(clause: Clause, pattern: RegExp): boolean {
  clause.known ??= new Map();
  let found = clause.known.get(pattern);
  if (found === undefined) {
    found = pattern.test(clause.text);
    clause.known.set(pattern, found);
  }
  return found;
}

/** Words that split a sentence into clauses judged apart ("years ago … but tonight …"). */
const clauseBreak = re`\b(?:but|though|tho|although|however|whereas|and then|and now|then)\b`;
/** A short tail that belongs to the clause before: "i want off this ride. permanently.", "i'm done. with life." */
const tail = re`^(?:for good|permanently|forever|for ever|for real|like for real|or ever|ever again|this time|not joking|no joke|i mean it|with (?:life|everything|living|it all))\b`;

/** Longest clause judged in one piece: a run-on text without punctuation is cut in pieces this long, so no pattern ever scans far. */
const MAX_CLAUSE = 400;

function chunks(parts: string[]): string[] {
  if (parts.every((part) => part.length <= MAX_CLAUSE)) return parts;
  const out: string[] = [];
  for (const part of parts) {
    let rest = part;
    while (rest.length > MAX_CLAUSE) {
      const cut = rest.lastIndexOf(' ', MAX_CLAUSE);
      out.push(rest.slice(0, cut > 0 ? cut : MAX_CLAUSE));
      rest = rest.slice(cut > 0 ? cut + 1 : MAX_CLAUSE);
    }
    out.push(rest);
  }
  return out;
}

function clausesOf(normalized: string): Clause[] {
  const clauses: Clause[] = [];
  // Commas are kept (as "a,b") to cut pieces.
  const spaced = normalized.includes(',') ? normalized.replace(/ ?,[ ,]*/g, ',') : normalized;
  const sentence = /([^.!?;\n]*)([.!?;\n]*)/g;
  for (let match = sentence.exec(spaced); match && match[0].length > 0; match = sentence.exec(spaced)) {
    const question = match[2]!.includes('?');
    for (const part of chunks(match[1]!.split(clauseBreak))) {
      const withCommas = part.trim().replace(/^,+|,+$/g, '');
      const text = withCommas.includes(',') ? withCommas.replace(/,/g, ' ') : withCommas;
      if (text.length < 2) continue;
      const previous = clauses[clauses.length - 1];
      if (previous && tail.test(text) && text.split(' ').length <= 5) {
        previous.text = `${previous.text} ${text}`;
        previous.question ||= question;
        continue;
      }
      if (previous) previous.next = text;
      const clause: Clause = { text, question, next: '' };
      // The comma-parted pieces, for patterns that end where a phrase ends ("says she's going to jump, I'm on the phone").
      if (text !== withCommas) {
        clause.pieces = withCommas.split(',').map((piece) => piece.trim());
      }
      clauses.push(clause);
    }
  }
  return clauses;
}

/** Told of the far past, here or by the sentence after ("…. That was 8 years ago."). */
function isPast(clause: Clause): boolean {
  return says(clause, farPast) || pastAfter.test(clause.next);
}

/** Whether a rule's match in a clause stands, or is set aside. */
function stands(rule: Rule, clause: Clause, match: RegExpExecArray, post: Clause, matched = clause.text): boolean {
  // The words right before the match and its subject are read where it matched (the clause or one of its
  // comma-parted pieces); what the clause says around it is read on the whole clause.
  const before = matched.slice(0, match.index);
  if (rule.context && !says(post, rule.context)) return false;
  // A body in danger: set aside when the post says it is over ("but she's breathing normally") or teaches.
  if (rule.frame === 'sign') return !says(post, resolved) && !says(clause, teaching) && !isPast(clause);
  if (!negatedSignal.test(match[0]) && negatedBefore.test(before)) return false;
  if (isPast(clause) || says(clause, aboutTheWords) || says(clause, screening)) return false;
  if (rule.kind === 'suicide' && !rule.warning && (says(clause, idiom) || says(clause, consequence))) return false;
  if (rule.kind === 'self_harm' && says(clause, accident) && !says(clause, onPurpose)) return false;
  if (rule.kind === 'overdose' && rule.frame === 'own' && says(clause, routine)) return false;
  if (/\b(?:godbye|bye|farewel)\b/.test(match[0]) && says(clause, benignFarewell)) return false;
  // Said to someone ("please don't hurt yourself", "you're not a burden") rather than of oneself.
  const addressed = says(clause, secondPerson) && !says(clause, firstPerson);
  const subject = subjectBefore(matched, match);
  if (rule.frame === 'topic') {
    if (addressed || clause.question || says(clause, aboutTheTopic)) return false;
    if (subject === 'addressee' || subject === 'anyone') return false;
    // Someone else: a crisis when it is happening now ("my mate's overdosing", "she's suicidal and locked in").
    if (subject === 'other') return /ing\b/.test(match[0]) || says(clause, imminent);
    return true;
  }
  // Someone else, now fine: "my ex said she wanted to die when I left but she's fine now".
  if (subject === 'other' && says(post, resolved)) return false;
  if (rule.personal) return true;
  if (subject === 'addressee' || subject === 'anyone') return false;
  return subject !== null || !addressed;
}

/** Rules by key word ("kil*": by a word's first three letters), so each clause runs only the rules its words call for. */
const rulesByKey = new Map<string, number[]>();
rules.forEach((rule, index) => {
  for (const written of rule.keys.split(' ')) {
    const key = written.endsWith('*') ? `${squeeze(written.slice(0, -1)).slice(0, 3)}*` : squeeze(written);
    const list = rulesByKey.get(key) ?? [];
    if (!list.includes(index)) list.push(index);
    rulesByKey.set(key, list);
  }
});
const rulesByPrefix = new Map<string, number[]>();
for (const [key, list] of rulesByKey) if (key.endsWith('*')) rulesByPrefix.set(key.slice(0, -1), list);
/** Which rules the current clause calls for: called[index] === call (a counter, so nothing is cleared between clauses). */
const called = new Int32Array(rules.length);
/** Rules whose pattern ends at a phrase's end ("$"): tried on comma-parted pieces too. */
const endsAtPhrase = rules.map((rule) => /(?<!\\)\$/.test(rule.pattern.source));
let call = 0;

function callRules(list: number[] | undefined): void {
  if (list !== undefined) for (const index of list) called[index] = call;
}

/** Marks the rules a clause's words call for. */
function callRulesFor(text: string): void {
  call += 1;
  if (call === 0x7fffffff) {
    call = 1;
    called.fill(0);
  }
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf(' ', start);
    if (end < 0) end = text.length;
    const word = text.slice(start, end);
    callRules(rulesByKey.get(word));
    if (word.length >= 3) callRules(rulesByPrefix.get(word.slice(0, 3)));
    start = end + 1;
  }
}

const MAX_TEXT = 50_000;

/**
 * A text as both halves of the detector read it: normalised (`normalizeForCrisis`) and squeezed,
 * cut at 50,000 characters.
 */
export function normalizeForCrisisMatching(text: string): string {
  return squeeze(normalizeForCrisis(text.slice(0, MAX_TEXT)));
}

/**
 * What the rules alone find in a text: whether it is crisis language and of which kinds. Never throws.
 * `everyRule` (for tests) tries every rule on every clause, to check that the key index only saves time.
 */
export function assessCrisisRules(text: string, options: { everyRule?: boolean } = {}): CrisisAssessment {
  if (typeof text !== 'string' || text.length === 0) return { isCrisis: false, kinds: [] };
  return rulesOn(normalizeForCrisisMatching(text), options);
}

function rulesOn(normalized: string, options: { everyRule?: boolean }): CrisisAssessment {
  const clauses = clausesOf(normalized);
  // The whole post, a clause a line, for what must be said somewhere in it ("he used earlier", "she's fine now").
  const post: Clause = { text: clauses.map((clause) => clause.text).join('\n'), question: false, next: '' };
  const kinds = new Set<CrisisKind>();
  const warnings = new Set<Warning>();
  for (const clause of clauses) {
    callRulesFor(clause.text);
    for (let index = 0; index < rules.length; index += 1) {
      if (called[index] !== call && !options.everyRule) continue;
      const rule = rules[index]!;
      if (rule.warning ? warnings.has(rule.warning) : kinds.has(rule.kind)) continue;
      let matched = clause.text;
      let match = rule.pattern.exec(matched);
      // A pattern that ends at the end of a phrase also tries each comma-parted piece.
      if (!match && clause.pieces && endsAtPhrase[index]) {
        for (const piece of clause.pieces) {
          match = rule.pattern.exec(piece);
          if (match) {
            matched = piece;
            break;
          }
        }
      }
      if (!match || !stands(rule, clause, match, post, matched)) continue;
      if (rule.warning) warnings.add(rule.warning);
      else kinds.add(rule.kind);
    }
    if (kinds.size === crisisKinds.length) break;
  }
  // A dose that is too much with a body reacting, or with any other warning sign: an overdose.
  if (warnings.has('dose') && warnings.size >= 2) kinds.add('overdose');
  // Two different warning signs of an ending in one post: despair and means, a farewell and finality, …
  let endingSigns = 0;
  for (const warning of warnings) if (warning !== 'dose' && warning !== 'symptom') endingSigns += 1;
  if (endingSigns >= 2 && kinds.size === 0) kinds.add('suicide');
  const found = crisisKinds.filter((kind) => kinds.has(kind));
  return { isCrisis: found.length > 0, kinds: found };
}

/**
 * What a text says: whether it is crisis language and of which kinds, by the rules and the learned
 * model together (see `safety.crisis-model.ts`). A rule's match stands unless, in a text long enough
 * for the model to judge, no part of it reads like a crisis to the model (`ruleStands`); the model
 * alone finds a crisis in a text long enough at its threshold or above, and names its likeliest kind
 * (`modelAloneFinds`). The thresholds and lengths were chosen by cross-validation
 * (`safety.crisis-training.ts`). Never throws. `everyRule`: see `assessCrisisRules`.
 */
export function assessCrisisLanguage(text: string, options: { everyRule?: boolean } = {}): CrisisAssessment {
  if (typeof text !== 'string' || text.length === 0) return { isCrisis: false, kinds: [] };
  const normalized = normalizeForCrisisMatching(text);
  const byRules = rulesOn(normalized, options);
  const reading = {
    rulesFire: byRules.isCrisis,
    ...crisisModelProbabilities(normalized),
    words: crisisWordCount(normalized),
  };
  const { decision } = committedCrisisModel().file;
  if (ruleStands(reading, decision)) return byRules;
  if (modelAloneFinds(reading, decision)) return { isCrisis: true, kinds: [likeliestCrisisKind(normalized)] };
  return { isCrisis: false, kinds: [] };
}
