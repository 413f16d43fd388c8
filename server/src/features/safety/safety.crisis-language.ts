/**
 * Crisis language: does a piece of text say someone may be about to die or be hurt (suicide,
 * self-harm, an overdose), in the words people really write, slang and disguises included? Built to
 * fire on "i just want it all to end" and "k1ll mys3lf", not on "this craving is killing me", "I'm
 * dying to see my kids" or "when I was suicidal five years ago, the rooms saved me".
 *
 * How: the text is normalised (case, accents, look-alike digits, s p a c e d and s*tarred letters,
 * apostrophes), then every run of one letter is squeezed to one ("kill" → "kil", "diiie" → "die"),
 * so the phrases below are written as the squeezed text reads. Each sentence is matched on its own;
 * a match is set aside when its sentence is plainly about the past, about others long ago, or about
 * prevention and news. A miss costs more than a false alarm (a moderator looks, the author sees
 * care and help), so the phrases lean wide. The labelled sets and the measured rates are in
 * crisis-examples.*.json and the unit test.
 */

export const crisisKinds = ['suicide', 'self_harm', 'overdose'] as const;
export type CrisisKind = (typeof crisisKinds)[number];

export type CrisisAssessment = { isCrisis: boolean; kinds: CrisisKind[] };

type Phrase = {
  kind: CrisisKind;
  pattern: RegExp;
  /** A word about the thing (suicide, overdose) rather than a person's own words: news, grief and prevention set it aside. */
  isTopicWord?: boolean;
};

const drugs =
  '(?:pils|pil|tablets|tabs|meds|medication|heroin|fent\\w*|oxy\\w*|xan\\w*|bars|percs?|dope|opi\\w+|methadone|subs|h|benzos?|klonopin|lorazepam|valium|seroquel|paracetamol|tylenol|ambien|gabapentin|pack|packet|sheet|script|botle|stash|bag|vodka)';

/** Written as squeezed text reads: one letter for any run ("kil", "slep", "beter of", "to many"). */
const phrases: Phrase[] = [
  // Suicide: intent, wish, plan, means, goodbye.
  {
    kind: 'suicide',
    pattern:
      /\b(?:kil|end|hang|shot|drown|unalive|of|suffocate|poison|top|remove)(?:ing|ed|s)? ?(?:my ?s(?:el|le)f|meself)\b/,
  },
  { kind: 'suicide', pattern: /\b(?:kil|end|hang|shot|unalive)(?:ing)? (?:her|him|them) ?sel(?:f|ves)\b/ },
  {
    kind: 'suicide',
    pattern: /\bkms\b|\bunaliv(?:e|ing)\b|\bsewer ?slide\b|\bidw(?:tl| to (?:live|be alive|be here|exist))\b/,
  },
  { kind: 'suicide', pattern: /\bs[uw]?ic?id(?:e|al|ing)\b|\bsu?cid(?:e|al)\b/, isTopicWord: true },
  {
    kind: 'suicide',
    pattern:
      /(?<!\b(?:dont|do not|never|didnt|not) )\b(?:want|wana|wanted|wants|wish|ready|going|gona|plan(?:ing)?|trying|decided|about) (?:to |2 )?(?:just )?(?:die(?! (?:of|from|laughing|for|on|in a))|be dead|not (?:be here|exist|be alive|wake up)|disapear for ?ever|end (?:it|my life|things|everything|this)(?! with| al with)|go to slep for ?ever|stop existing|jump(?! (?:in|into|on|at|right|back|ship|ahead|the gun)))\b/,
  },
  {
    kind: 'suicide',
    pattern: /\bwant (?:it|this|everything|al|it al) (?:al )?to (?:end|stop(?: for ?ever| permanently)?|be over)\b/,
  },
  { kind: 'suicide', pattern: /\bend(?:ing)? it al\b(?! with)|\b(?:end|take|taking|ending) my (?:own )?life\b/ },
  {
    kind: 'suicide',
    pattern:
      /\b(?:im|i am|gona|going to|wants? to|wana|about to|moment to|thinking (?:of|about)) end(?:ing)? it\b(?! with| al with| up)/,
  },
  { kind: 'suicide', pattern: /\bend (?:her|his|their) (?:own )?life\b|\btake (?:her|his|their) (?:own )?life\b/ },
  {
    kind: 'suicide',
    pattern:
      /\b(?:wish|hope|pray|praying|want|hoping) (?:i |to )?(?:dont|didnt|wont|never|not|would ?nt|wouldnt) (?:wake|waking) up\b(?! (?:until|til|before|early))|\bnot wake up (?:tomorow|again|this time)\b|\bslep and (?:never|not) wake\b(?! up (?:until|til|before))|\b(?:hope|wish|pray) i die\b|\bto not wake up\b/,
  },
  {
    kind: 'suicide',
    pattern:
      /\bbeter of (?:without me|if i (?:was|were|wasnt|werent) (?:dead|gone|here|around))\b|\b(?:rather|beter|wish i (?:was|were)) (?:be )?dead\b|\beasier for (?:everyone|every ?one|al|them|my \w+) if i\b/,
  },
  {
    kind: 'suicide',
    pattern: /\bwish i (?:was|were) ?(?:nt|not) (?:alive|here|born|around)\b|\bwish i was never born\b/,
  },
  {
    kind: 'suicide',
    pattern:
      /(?<!\bnot )\b(?:dont|do not|doesnt|does not|no longer) wan(?:t|a) to (?:live|be alive|be here|exist|wake up|go on)\b(?! like)|\bno (?:reason|point) (?:to|in) (?:live|living|go on|going on|being alive|waking up)\b/,
  },
  {
    kind: 'suicide',
    pattern:
      /\b(?:whats|what is) the point (?:of|in) (?:living|being alive|going on|life)\b|\b(?:cant|can not|cannot) (?:go on any ?more|go on living|live like this|live with (?:this|myself)|keep living)\b|\bnot worth living\b/,
  },
  {
    kind: 'suicide',
    pattern:
      /\btired of (?:being alive|living|existing|life)\b|\bout of life\b|\bways? to not be\b|\bdone with (?:life|living)\b/,
  },
  {
    kind: 'suicide',
    pattern:
      /\b(?:last|final) (?:post|message|goodbye|note)\b(?! (?:for a|in this|of the|til|until|before|on this|here for))|\bthis is (?:my )?godbye\b|\bsuicide note\b|\bif you find this\b|\bleave a note\b/,
  },
  {
    kind: 'suicide',
    pattern:
      /\bgodbye (?:everyone|al|forever|world|cruel|message|text|post|leter|note)\b|\bsay(?:ing)? my godbyes\b|\b(?:texted|sent|said|posted|wrote) (?:me |us |everyone )?(?:a )?godbye\b|\bafter im gone\b|\bse you on the other side\b/,
  },
  {
    kind: 'suicide',
    pattern:
      /\b(?:check|checking) out (?:for god|permanently)\b|\bgone by (?:morning|tomorow|tonight)\b|\bnot (?:gona|going to) be (?:around|here) (?:much )?(?:longer|tomorow)\b|\bpermanent (?:kind|solution|slep)\b|\bdisapeared? (?:permanently|for ?ever|for god)\b/,
  },
  {
    kind: 'suicide',
    pattern:
      /\bno ?(?:one|body) (?:would|wil|will|d) (?:even )?(?:miss|notice)\b|\b(?:a|such a) burden\b|\bdanger to (?:my ?self|herself|himself)\b/,
  },
  {
    kind: 'suicide',
    pattern: /\b(?:only (?:way out|option|answer|thing)|makes sense)(?: \w+){0,6} (?:death|dying|die)\b/,
  },
  {
    kind: 'suicide',
    pattern:
      /\bgo(?:ing)? through with it\b|\bmake it quick\b|\bpainles (?:way|death)\b|\bmost painles\b|\bhow many (?:\w+ ){0,6}(?:would it take|to (?:die|not wake|kil))\b/,
  },
  {
    kind: 'suicide',
    pattern: /\b(?:bought|tied|tying) (?:a |the )?(?:rope|nose)\b|\bnose (?:is )?(?:ready|tied|around my neck)\b/,
  },
  {
    kind: 'suicide',
    pattern:
      /\bjump(?:ing)? (?:of|from) (?:a|the|my) (?:bridge|rof|building|balcony|car park|parking)\b|\b(?:standing|sitting) on (?:the|a) (?:bridge|ledge|rof|edge)\b/,
  },
  {
    kind: 'suicide',
    pattern:
      /\b(?:in front of|under) (?:a |the )?(?:train|bus|truck)\b|\bdrive (?:my car )?(?:into|of) (?:a|the) (?:tre|wal|bridge|river|clif|truck)\b|\bengine running\b/,
  },
  { kind: 'suicide', pattern: /\bgun (?:is )?loaded\b|\bloaded gun\b|\b(?:has|have|got|bought) a gun\b/ },
  {
    kind: 'suicide',
    pattern:
      /\b(?:saving|saved|coleting|colected) (?:up )?(?:al )?(?:my |of my )?(?:pils|meds|medication|tablets|scripts)\b|\b(?:stockpil|hoard)\w* (?:up )?(?:my |of my )?\w+/,
  },
  {
    kind: 'suicide',
    pattern: /\b(?:pils|meds|tablets) (?:are )?lined up\b|\ba plan (?:and a date|to (?:die|end it|kil))\b/,
  },
  { kind: 'suicide', pattern: /\bslit(?:ing)? my (?:wrists?|throat)\b/ },
  {
    kind: 'suicide',
    pattern: /\bquiero morir(?:me)?\b|\bmatarme\b|\bsuicidarme\b|\bno quiero vivir\b|\bquitarme la vida\b/,
  },

  // Self-harm.
  {
    kind: 'self_harm',
    pattern:
      /\b(?:cut|cuting|cuted|hurt(?:ing)?|harm(?:ing|ed)?|starv(?:e|ing)|hiting|punching|burning|burnt|burned|carving) ?(?:my ?self|meself)\b(?! (?:out|up))|\b(?:want|urge|urges|ned|wana|started|keep|kep) (?:to )?(?:burn(?:ing)?|scratch(?:ing)?|hit(?:ing)?|punish(?:ing)?|cut|hurt|harm|bled) (?:my ?self|meself|again)\b/,
  },
  { kind: 'self_harm', pattern: /\b(?:cut|cuting|hurting|burning|harming) (?:her|him|them) ?sel(?:f|ves)\b/ },
  { kind: 'self_harm', pattern: /\bself ?harm(?:ing|ed)?\b|\bself ?injur(?:y|ing)\b/, isTopicWord: true },
  {
    kind: 'self_harm',
    pattern:
      /\b(?:cut|cuting) (?:again|my (?:arms?|wrists?|legs?|thighs?|skin))\b|\bcting\b|\bcuting (?:came back|is back)\b|\bhabit of cuting\b/,
  },
  {
    kind: 'self_harm',
    pattern:
      /\b(?:relapsed|relapse|urges?|clean) (?:on|with|from)? ?sh\b|\bsh (?:again|urges?)\b|\bshd\b|\burges? to (?:cut|sh|harm|hurt|burn|bled)\b|\bme corte\b/,
  },
  {
    kind: 'self_harm',
    pattern:
      /\b(?:razor|blade|lighter) (?:on|to|against|in) my\b|\b(?:has|have|got) (?:a |the )?razor\b|\bcarv(?:e|ing|ed) into my\b|\bused it on my (?:arm|wrist|leg|skin)\b/,
  },
  {
    kind: 'self_harm',
    pattern:
      /\b(?:until|til|so) (?:it|they|i) (?:bleds?|bled|split)\b|\bmake my ?self bled\b|\b(?:ned|want|wana) to bled\b|\bbleding through\b|\breopen(?:ed|ing)? (?:the |my )?(?:scars|cuts|wounds)\b|\b(?:cuts|burn\w*|punch\w*|scratch\w*|picking|glas)\b.*\bon purpose\b/,
  },

  // Overdose: happening now, meant, or someone in danger.
  { kind: 'overdose', pattern: /\boverdos(?:e|es|ed|ing)\b|\bsobredosis\b/, isTopicWord: true },
  {
    kind: 'overdose',
    pattern:
      /\b(?:i|im|i am|think im|gona|going to|about to|want to|trying to|might|wana) (?:od|oding|odeing|ode)\b|\b(?:oding|odeing)\b/,
  },
  {
    kind: 'overdose',
    pattern: new RegExp(
      `\\b(?:tok|taken|take|taking|swalowed|swalow|ate|downed|popped|snorted|shot|drank|mixed) (?:like |about |around |over )?(?:al|every|everything|the (?:whole|entire|rest of)|way to many|to many|a (?:bunch|handful|lot|botle|whole \\w+) of|a whole|\\d+|\\w+ (?:bunch|handful) of)(?: \\w+){0,3} ?${drugs}\\b`,
    ),
  },
  {
    kind: 'overdose',
    pattern:
      /\b(?:tok|swalowed|downed|drank) (?:the|a) (?:whole |entire )?botle\b|\btok (?:way )?to many\b(?! \w*(?:photos|pictures|pics|notes|breaks|days|selfies|cals|calories|shifts))|\btok everything\b|\bmixed everything\b/,
  },
  {
    kind: 'overdose',
    pattern:
      /\b(?:use|shot|take|do|snort) (?:up )?(?:everything|it al|al (?:of )?it|al i have|the whole (?:bag|bundle|stash|botle|lot))\b|\b(?:do|doing|shot|snort|use) a (?:whole|big) \w+(?: \w+)? (?:alone|tonight|by my ?self)\b/,
  },
  {
    kind: 'overdose',
    pattern:
      /\bhot ?shot\b|\b(?:shot|used|did|tok|snorted|smoked) (?:way )?more than (?:usual|normal|i should)\b|\bdid (?:way )?to much\b|\buntil my heart stops\b|\bwhatever happens happens\b/,
  },
  {
    kind: 'overdose',
    pattern:
      /\b(?:dont|do not) care if i (?:dont |never )?(?:wake|come back|make it|survive|die)\b|\bdont want to be saved\b|\bif i dont post (?:tomorow|again)\b|\btome todas las pastilas\b/,
  },
  {
    kind: 'overdose',
    pattern:
      /\b(?:not|isnt|stoped|barely|cant stop|wont start) breathing\b|\b(?:lips|face|skin) (?:are |is |r |going |turning |turned )?blue\b|\bturn(?:ed|ing) blue\b|\bwont wake (?:him|her|them) up\b|\b(?:cant|cannot|can not) wake (?:him|her|them|my \w+) up\b|\bwont wake up after\b|\bcolapsed after\b|\bgurgling\b|\bunresponsive\b|\bpinpoint pupils\b|\bbreathing is (?:slow|shalow|weird)\b/,
  },
];

/**
 * Beyond the phrases: a sentence that joins an ending (dying, being gone, ending it) with a wish, a
 * plan or a time ("i'll be dead by the weekend", "so close to ending it", "death sounds peaceful").
 * Composed from parts, so it reaches wordings no phrase list names.
 */
const endingWords =
  /\b(?:die|died|dying|dead|death|kil(?:ing)? (?:my ?self|me)|end (?:it|things|everything|al|my life)|ending (?:it|things|everything|my life)|suicid\w*|kys|kms|ideation|(?:be|im|i am) gone|not (?:be )?(?:here|around|alive)|stop (?:living|existing|trying to stay alive)|stay alive|take my ?self out|top (?:my|him|her) ?self|out of the picture|my (?:suicide )?note|made my peace|acabar con todo|matar)\b/;
const wishOrPlan =
  /\b(?:want|wana|wish|going to|gona|il|wil|plan\w*|ready|close to|thinking (?:of|about)|should just|deserve|beter|hapier|favou?r|tonight|by (?:the weekend|tomorow|morning|friday|sunday)|sounds (?:so )?(?:peaceful|god|nice|easy)|meant it|listen|ok with|why am i still|dont want|no reason|no point|so close|for god|voy a|quiero)\b/;
/** Endings that are not about a life: "die of embarrassment", "dead tired", "end things with him". */
const idiom =
  /\b(?:die|dying|dead|death|kil\w*) (?:of (?:embar\w*|shame|boredom|laughter|cringe)|laughing|tired|inside lol|to (?:se|get|go|try|know|hear|meet|have)|for (?:a|some|one))\b|\bto die for\b|\bkiling it\b|\bend(?:ing)? (?:it|things) (?:with|between)\b|\bdead (?:tired|batery|phone|end|set|serious|last)\b|\b(?:phone|batery|car|plant|plants|laptop|show|party|town) (?:is |was |s )?(?:dead|dying)\b|\bdeadline\b|\bdeath (?:metal|cab|row|star)\b|\bnear death\b|\b(?:going to|gona|wil|il) kil me\b|\bthe death of me\b|\b(?:plants?|flowers?|batery|phone) (?:\w+ )?(?:keps? |is |are )?dying\b/;

/** A sentence about the past, about someone lost long ago, about prevention or news: the topic words there are not a crisis. */
const pastOrOthers =
  /\b(?:\d+|a|one|a few|few|many|two|thre|four|five|six|seven|eight|nine|ten|several) (?:years?|months?|yrs?) (?:ago|back|clean|sober|free|since)\b|\bused to\b|\bback (?:then|when|in)\b|\bin (?:19|20)\d\d\b|\bno longer\b|\bnot \w+ (?:any ?more|these days)\b|\bwhen i was (?:drinking|using|active|in active|in my|younger|a teen|a kid)\b|\bsurviv(?:ed|or|ors|ing)\b|\b(?:clean|free) (?:of|from)\b|\bhavent (?:cut|harmed|hurt|used)\b|\bin the past\b|\bonce upon\b|\bin my first year\b|\bi remember\b|\bthere was a time\b/;
const topicOnly =
  /\bprevention\b|\bawarenes\b|\btraining\b|\bnarcan\b|\bnaloxone\b|\bhotline\b|\bhelpline\b|\bstatistics?\b|\brates?\b|\bdeaths\b|\bepidemic\b|\bresearch\b|\barticle\b|\bnews\b|\bdocumentary\b|\bpodcast\b|\bworkshop\b|\bclas\b|\bcourse\b|\bmovie\b|\bfilm\b|\bsong\b|\bbok\b|\bdied\b|\bpased away\b|\blost (?:him|her|them|my \w+|a \w+) to\b|\bfuneral\b|\bmemorial\b|\banniversary\b|\brip\b|\bin memory\b|\bhonou?r\b|\bsquad\b|\bdors?\b|\bbomb(?:er|ing)\b|\bmision\b|\boverdos\w* on (?!(?:pils|meds|heroin|fent|oxy|xan|dope|opi|methadone|tablets|my|purpose|it|everything|something|benzo))\w+|\b(?:my|his|her|their) \w+s (?:suicide|overdose)\b|\bsigns of\b|\btalk(?:ing)? to (?:my |our |a )?\w+ about\b|\bsuport group\b|\b98\b|\bcal or text\b/;
const pastForOwnWords =
  /\b(?:\d+|a few|few|many|two|thre|four|five|six|seven|eight|nine|ten|several) (?:years?|months?|yrs?) ago\b|\bused to\b|\bback (?:then|when|in)\b|\bin (?:19|20)\d\d\b|\bno longer\b|\bwhen i was (?:drinking|using|active|in active|younger|a teen|a kid)\b|\bhavent (?:cut|harmed|hurt) (?:my ?self )?(?:in|for)\b|\bi remember\b|\bthere was a time\b|\bnot me any ?more\b/;
/** Words about the words: "someone said kms as a joke", "the word 'unalive'"; sport: "killing myself at the gym". */
const aboutTheWords = /\bas a joke\b|\bthe word\b|\bthe phrase\b|\bat the gym\b|\bworkout\b/;
/** Everyday accidents: "cut myself shaving". */
const accident =
  /\b(?:shaving|coking|choping|by acident|acidentaly|on (?:a |the |some )?(?:paper|glas|knife|can|tin))\b/;

const leet: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
};

/** Lower case, no accents, look-alike digits read as letters inside words, disguises undone, one space. */
export function normalizeForCrisis(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f\u200b-\u200f\u00ad\u2060\ufeff]/g, '')
      .toLowerCase()
      .replace(/[’‘`´]/g, "'")
      // Look-alikes in a word that has a letter: "k1ll", "su1c1de", "$uicide", "t00", "d!e" (a "!" only between letters).
      .replace(/(?<=[a-z])!+(?=[a-z])/g, (marks) => 'i'.repeat(marks.length))
      .replace(/[a-z013457@$]*[a-z][a-z013457@$]*/g, (word) =>
        word.replace(/[013457@$]/g, (match) => leet[match] ?? match),
      )
      // Starred letters: "s*icide", "k*ll" (the star stands for a letter the phrases allow to be missing).
      .replace(/(?<=[a-z])[*#]+(?=[a-z])/g, '')
      // Apostrophes: "can't" → "cant", "i'm" → "im", "od'ing" → "oding".
      .replace(/(?<=[a-z])'(?=[a-z])/g, '')
      // S p a c e d or d.o.t.t.e.d letters: three or more single letters in a row become a word.
      .replace(/\b(?:[a-z][\s.\-_]+){2,}[a-z]\b/g, (match) => match.replace(/[\s.\-_]+/g, ''))
      .replace(/[^a-z0-9\n.!?;:,'\s]/g, ' ')
  );
}

/** Every run of one letter squeezed to one: "kill" → "kil", "diiiie" → "die", "too" → "to". */
function squeeze(text: string): string {
  return text.replace(/([a-z])\1+/g, '$1');
}

const MAX_TEXT = 50_000;

/** What a text says: whether it is crisis language and of which kinds. Never throws. */
export function assessCrisisLanguage(text: string): CrisisAssessment {
  if (typeof text !== 'string' || text.length === 0) return { isCrisis: false, kinds: [] };
  const normalized = squeeze(normalizeForCrisis(text.slice(0, MAX_TEXT)));
  const kinds = new Set<CrisisKind>();
  for (const rawSentence of normalized.split(/[.!?;\n]+/)) {
    const sentence = rawSentence.replace(/[\s,:']+/g, ' ').trim();
    if (sentence.length < 2) continue;
    for (const phrase of phrases) {
      if (kinds.has(phrase.kind) || !phrase.pattern.test(sentence)) continue;
      if (
        phrase.isTopicWord ? pastOrOthers.test(sentence) || topicOnly.test(sentence) : pastForOwnWords.test(sentence)
      ) {
        continue;
      }
      if (aboutTheWords.test(sentence) || (phrase.kind === 'self_harm' && accident.test(sentence))) continue;
      kinds.add(phrase.kind);
    }
  }
  if (!kinds.has('suicide')) {
    for (const rawSentence of normalized.split(/[.!?;\n]+/)) {
      const sentence = rawSentence.replace(/[\s,:']+/g, ' ').trim();
      if (
        endingWords.test(sentence) &&
        wishOrPlan.test(sentence) &&
        !idiom.test(sentence) &&
        !pastForOwnWords.test(sentence) &&
        !topicOnly.test(sentence) &&
        !aboutTheWords.test(sentence)
      ) {
        kinds.add('suicide');
        break;
      }
    }
  }
  const found = crisisKinds.filter((kind) => kinds.has(kind));
  return { isCrisis: found.length > 0, kinds: found };
}
