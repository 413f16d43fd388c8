/**
 * Community benchmark: a million forum posts of generated recovery-forum text (a Zipf-like draw
 * over a few thousand recovery words and phrases, with the usual little words between them) in
 * ~50,000 topics by ~5,000 members, on PostgreSQL. autocannon, signed in, against
 * GET /api/community/search (rotated: common words, rare words, two words, a quoted phrase, with
 * and without a forum, both orders) and GET /api/community/topics (with and without a forum); next
 * to the same search SQL run straight against the database. Latencies are collected per response,
 * so p95 is exact.
 *
 *   npm run bench:community                      # DATABASE_URL defaults to the local server
 *   BENCH_POSTS=100000 BENCH_SECONDS=10 npm run bench:community
 *   BENCH_EXPLAIN=1 npm run bench:community       # also EXPLAIN (ANALYZE, BUFFERS) the slowest searches
 *   BENCH_GENERATE_ONLY=1 npm run bench:community # only build (or check) the database
 *
 * The generated database (kindred_bench_community) is kept and reused when it already holds
 * BENCH_POSTS posts; BENCH_REGENERATE=1 builds it again.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { sql, type SQL } from 'drizzle-orm';
import pg from 'pg';
import { loadConfig } from '../server/src/config.ts';
import { openDatabase, type Database } from '../server/src/db/client.ts';
import { signUp } from '../server/src/features/accounts/accounts.service.ts';
import { sessionCookieName } from '../server/src/features/accounts/accounts.sessions.ts';
import { writeEverySearchEntry } from '../server/src/features/community/community.queries.ts';
import {
  findSearchPage,
  type PostSearch,
  type SearchPageStart,
} from '../server/src/features/community/community.search.ts';
import { hashPassword } from '../server/src/platform/passwords.ts';
import { startProcess, stop, waitFor } from './support.ts';

const postCount = Number(process.env.BENCH_POSTS ?? 1_000_000);
const topicCount = Math.max(10, Math.round(postCount / 20));
const memberCount = Math.max(10, Math.round(postCount / 200));
const seconds = Number(process.env.BENCH_SECONDS ?? 15);
// One level, or a curve: "1,4,8,16" runs the rotated searches at each, the rest at the last.
const connectionLevels = (process.env.BENCH_CONNECTIONS ?? '16').split(',').map(Number);
const postgresUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const databaseName = 'kindred_bench_community';
const port = 3404;
const GENERATOR_VERSION = 2;

/* ----------------------------------------------------------------- words */

// Content words and phrases, roughly most used first: the draw's rank is the position here.
const vocabulary = `
day, feel, sober, meeting, today, recovery, drink, time, sponsor, week, help, craving, know, family,
night, good, work, life, hard, year, month, support, people, sleep, clean, step, friend, start,
want, talk, thing, share, better, grateful, love, thank, anxiety, hope, wife, husband, kids, mom,
dad, morning, alcohol, relapse, strong, struggle, urge, program, group, first, using, back, home,
job, tired, happy, sad, angry, scared, lonely, proud, honest, body, mind, head, heart, thought,
call, phone, text, walk, run, gym, eat, food, water, coffee, tea, weekend, friday, saturday,
sunday, monday, evening, party, bar, beer, wine, vodka, whiskey, pills, weed, cocaine, meth,
heroin, opioids, fentanyl, benzos, gambling, smoking, vaping, nicotine, sugar, therapist, therapy,
counselor, doctor, nurse, hospital, rehab, detox, withdrawal, shakes, sweats, headache, nausea,
insomnia, dreams, nightmare, shame, guilt, fear, anger, resentment, serenity, prayer, god,
spiritual, meditation, journal, gratitude, acceptance, surrender, willingness, patience, courage,
wisdom, humility, forgiveness, amends, inventory, character, defects, literature, big book, basic
text, chip, coin, keytag, birthday, anniversary, milestone, streak, counter, days, weeks, months,
years, newcomer, oldtimer, home group, service, commitment, chair, speaker, sharing, fellowship,
aa, na, smart recovery, recovery dharma, al-anon, celebrate recovery, harm reduction, medication,
suboxone, methadone, naltrexone, vivitrol, antabuse, prescription, psychiatrist, diagnosis,
depression, bipolar, adhd, ptsd, trauma, grief, loss, divorce, breakup, custody, court,
probation, lawyer, dui, license, car, drive, money, debt, bills, rent, landlord, apartment,
house, move, roommate, boss, coworker, shift, interview, fired, quit, school, class, exam,
college, degree, career, purpose, goals, plan, routine, habit, boundaries, triggers, stress,
pressure, boredom, loneliness, isolation, connection, community, belonging, vulnerability,
honesty, openness, trust, relationship, partner, girlfriend, boyfriend, dating, sex, marriage,
parents, brother, sister, son, daughter, grandma, grandpa, uncle, aunt, cousin, baby,
pregnancy, dog, cat, pet, outside, nature, hike, park, beach, bike, swim, yoga, stretch,
breathing, breath, calm, peace, quiet, noise, crowd, holiday, christmas, thanksgiving, new year,
vacation, travel, airport, wedding, funeral, reunion, game, football, concert, music, song,
guitar, piano, art, drawing, painting, writing, reading, book, podcast, movie, show, netflix,
cooking, baking, garden, cleaning, laundry, chores, shopping, grocery, store, gas station,
liquor store, corner, neighborhood, city, town, country, hometown, drive-thru, pizza, chocolate,
ice cream, soda, energy drink, sparkling water, mocktail, kombucha, na beer, hangover, blackout,
bottom, rock bottom, wreckage, consequences, denial, excuses, lies, secrets, sneaking, hiding,
bottles, cans, glass, shot, buzz, high, low, numb, escape, reward, celebrate, cope, coping,
skills, tools, toolbox, halt, hungry, tired out, play the tape forward, urge surfing, white
knuckling, pink cloud, dry drunk, one day at a time, easy does it, first things first, let go,
let go and let god, keep coming back, it works if you work it, progress not perfection,
this too shall pass, just for today, the next right thing, higher power, step one, step two,
step three, step four, step five, step six, step seven, step eight, step nine, step ten,
step eleven, step twelve, step work, working the steps, twelve steps, twelve traditions,
serenity prayer, third step prayer, seventh step prayer, daily reflection, daily check-in,
check-in, gratitude list, morning routine, night routine, sober living, halfway house,
outpatient, inpatient, intensive outpatient, sober coach, peer specialist, peer support,
support group, online meeting, zoom meeting, in-person meeting, open meeting, closed meeting,
speaker meeting, big book study, step study, women's meeting, men's meeting, young people,
lgbtq meeting, first meeting, ninety in ninety, thirty days, sixty days, ninety days, six months,
one year, two years, five years, ten years, day one, day two, day three, first week, first month,
first year, early recovery, long-term recovery, sobriety date, clean date, relapse prevention,
warning signs, slip, lapse, reset, starting over, back to day one, cravings, urges, thoughts,
feelings, emotions, mood, energy, appetite, weight, health, liver, blood pressure, heart rate,
bloodwork, checkup, dentist, teeth, skin, hair, eyes, memory, focus, brain fog, clarity,
confidence, self-esteem, self-care, self-compassion, self-worth, identity, shame spiral,
people-pleasing, codependency, enabling, detachment, tough love, intervention, ultimatum,
letter, apology, conversation, argument, fight, silence, distance, space, closeness, hug,
tears, crying, laughing, smiling, joy, relief, freedom, miracle, gift, blessing, journey, path,
road, storm, wave, mountain, climb, fall, stumble, rise, rebuild, repair, heal, healing, grow,
growth, change, new, old, young, older, alone, together, everyone, someone, nobody, anyone,
sleepless, restless, irritable, discontent, anxious, depressed, overwhelmed, exhausted,
hopeful, hopeless, helpless, powerless, worthless, useless, broken, whole, free, safe, unsafe,
stuck, lost, found, ready, willing, able, afraid, nervous, excited, thankful, blessed, lucky,
humble, raw, fragile, shaky, steady, solid, grounded, present, mindful, aware, awake, alive
`;

// The long tail: words a few members use now and then.
const rareVocabulary = `
acupuncture, sauna, crossword, sudoku, knitting, crochet, pottery, woodworking, fishing, hunting,
camping, kayak, canoe, surfing, skateboard, snowboard, marathon, triathlon, pilates, boxing,
jiu-jitsu, karate, climbing, bouldering, birdwatching, astronomy, telescope, chess, poker,
lottery, casino, slot machine, sportsbook, fantasy football, crypto, stocks, bankruptcy,
foreclosure, eviction, homeless, shelter, food bank, soup kitchen, volunteer, mentor, mentee,
internship, apprenticeship, welding, plumbing, electrician, carpenter, trucker, warehouse,
forklift, restaurant, bartender, server, line cook, dishwasher, nurse aide, paramedic, firefighter,
veteran, deployment, army, navy, marines, air force, chaplain, pastor, priest, rabbi, imam,
monk, buddhism, mindfulness, vipassana, metta, dharma talk, sangha, retreat, pilgrimage, rosary,
scripture, psalm, bible, quran, torah, hymn, choir, church basement, clubhouse, alano club,
coffee pot, literature rack, tradition seven, basket, treasurer, secretary, gsr, intergroup,
district, area assembly, convention, roundup, campfire, potluck, cookout, barbecue, picnic,
lemonade, seltzer, la croix, root beer, ginger ale, sweet tea, espresso, decaf, matcha, smoothie,
protein shake, vitamins, magnesium, melatonin, chamomile, lavender, essential oils, weighted
blanket, white noise, nightlight, insomnia app, sleep study, cpap, snoring, sleepwalking, naps,
jet lag, night shift, graveyard shift, overtime, paycheck, budget, savings, credit score, tax
return, paperwork, passport, visa, immigration, deportation, citizenship, language, accent,
spanish, french, german, tagalog, vietnamese, mandarin, arabic, hindi, portuguese, russian,
tattoo, piercing, scar, stitches, broken arm, surgery, anesthesia, painkillers, oxycodone,
hydrocodone, tramadol, gabapentin, xanax, klonopin, ativan, valium, ambien, adderall, ritalin,
kratom, ketamine, mushrooms, lsd, mdma, ecstasy, spice, salvia, inhalants, cough syrup, lean,
codeine, morphine, dilaudid, naloxone, narcan, fentanyl strips, test strips, needle exchange,
syringe, tourniquet, abscess, endocarditis, hepatitis, cirrhosis, pancreatitis, seizures,
delirium tremens, wernicke, thiamine, ultrasound, mri, ct scan, ekg, biopsy, oncologist,
chemotherapy, remission, diabetes, insulin, asthma, inhaler, allergies, migraine, arthritis,
fibromyalgia, chronic pain, physical therapy, chiropractor, massage, reiki, hypnosis, emdr,
dbt, cbt, act therapy, exposure therapy, group therapy, family therapy, couples counseling,
mediation, restraining order, protective order, social worker, case manager, parole officer,
drug court, community service, ankle monitor, breathalyzer, interlock device, impound, towing,
bus pass, bicycle, scooter, uber, lyft, carpool, commute, traffic, parking ticket, speeding,
accident, insurance, deductible, copay, medicaid, medicare, disability, unemployment, food stamps,
wic, daycare, babysitter, preschool, kindergarten, homework, report card, parent-teacher,
soccer practice, little league, dance recital, graduation, prom, homecoming, quinceañera,
bar mitzvah, baptism, confirmation, honeymoon, anniversary dinner, valentine, easter, passover,
ramadan, diwali, hanukkah, kwanzaa, halloween, fourth of july, memorial day, labor day,
super bowl, world cup, march madness, playoffs, tailgate, stadium, arena, festival, carnival,
fair, rodeo, casino night, karaoke, open mic, poetry, haiku, short story, novel, memoir,
autobiography, biography, documentary, audiobook, library, bookstore, museum, aquarium, zoo,
botanical garden, greenhouse, houseplants, succulents, tomatoes, zucchini, compost, chickens,
goats, horses, ranch, farm, orchard, vineyard, brewery, distillery, tasting room, wine country,
cruise, resort, all-inclusive, minibar, room service, duty free, layover, red-eye, turbulence
`;

const littleWords = `i, the, and, to, a, my, it, of, that, in, is, was, me, for, this, but, so, have, not,
with, on, be, just, at, all, about, you, what, out, i'm, like, up, when, had, get, do, can, one,
it's, been, now, am, if, or, from, they, we, would, there, he, she, them, still, really, because,
how, more, will, after, much, again, even, no, got, going, some, every, never, always, said, too,
then, an, over, only, through, into, could, last, other, made, make, go, see, keep, little, around`;

function list(text: string): string[] {
  return text
    .split(/,/)
    .map((entry) => entry.trim().replace(/\s+/g, ' '))
    .filter((entry) => entry.length > 0);
}

const contentWords = [...list(vocabulary), ...list(rareVocabulary)];
const functionWords = list(littleWords);

/** mulberry32: small, fast, deterministic, so every generated forum is the same. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A Zipf–Mandelbrot draw over ranks 0..n-1: rank r has weight 1 / (r + q)^s. */
function zipf(n: number, s: number, q: number, next: () => number): () => number {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let rank = 0; rank < n; rank += 1) {
    total += 1 / (rank + q) ** s;
    cumulative[rank] = total;
  }
  return () => {
    const target = next() * total;
    let low = 0;
    let high = n - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}

/** Made-up names and misspellings: thousands of words each used a handful of times. */
function tailWord(next: () => number): string {
  const syllables = [
    'ka',
    'lo',
    'mi',
    'ren',
    'do',
    'sa',
    'vi',
    'tor',
    'el',
    'an',
    'bri',
    'gus',
    'ne',
    'pha',
    'zu',
    'qua',
  ];
  let word = '';
  const length = 2 + Math.floor(next() * 2);
  for (let index = 0; index < length; index += 1) word += syllables[Math.floor(next() * syllables.length)];
  return word;
}

class TextGenerator {
  private readonly next: () => number;
  private readonly contentRank: () => number;
  private readonly functionRank: () => number;
  constructor(seed: number) {
    this.next = random(seed);
    this.contentRank = zipf(contentWords.length, 1.05, 2.7, this.next);
    this.functionRank = zipf(functionWords.length, 0.9, 1.5, this.next);
  }

  private word(littleShare: number): string {
    const roll = this.next();
    if (roll < littleShare) return functionWords[this.functionRank()]!;
    if (roll < littleShare + 0.012) return tailWord(this.next);
    if (roll < littleShare + 0.02) return String(1 + Math.floor(this.next() * 1500));
    return contentWords[this.contentRank()]!;
  }

  sentence(): string {
    const length = 5 + Math.floor(this.next() * 14);
    const words = Array.from({ length }, () => this.word(0.48));
    const text = words.join(' ');
    const end = this.next();
    return `${text[0]!.toUpperCase()}${text.slice(1)}${end < 0.8 ? '.' : end < 0.93 ? '?' : '!'}`;
  }

  /** Paragraphs of a post: most are a few sentences, stories run long. */
  paragraphs(isStory: boolean): string[] {
    const sentences = isStory
      ? 15 + Math.floor(this.next() * 30)
      : Math.max(1, Math.round(Math.exp(1.4 + this.next() * 1.1 + (this.next() - 0.5) * 0.8)));
    const paragraphs: string[] = [];
    let current: string[] = [];
    for (let index = 0; index < sentences; index += 1) {
      current.push(this.sentence());
      if (current.length >= 2 + Math.floor(this.next() * 4)) {
        paragraphs.push(current.join(' '));
        current = [];
      }
    }
    if (current.length > 0) paragraphs.push(current.join(' '));
    return paragraphs;
  }

  title(): string {
    const length = 3 + Math.floor(this.next() * 6);
    const text = Array.from({ length }, () => this.word(0.3)).join(' ');
    return `${text[0]!.toUpperCase()}${text.slice(1)}${this.next() < 0.3 ? '?' : ''}`.slice(0, 150);
  }

  float(): number {
    return this.next();
  }
}

/* ----------------------------------------------------------------- the generated forum */

const categoryShares: Array<[string, number]> = [
  ['introductions', 0.08],
  ['early-recovery', 0.2],
  ['recovery-stories', 0.1],
  ['questions-and-advice', 0.18],
  ['coping-with-cravings', 0.14],
  ['family-and-friends', 0.1],
  ['mental-health', 0.12],
  ['milestones', 0.08],
];
const warnings = ['relapse', 'overdose', 'trauma', 'grief', 'drug_use', 'abuse'];
const DAY_MS = 24 * 60 * 60 * 1000;

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

async function databaseExists(name: string): Promise<boolean> {
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  try {
    const result = await admin.query('select 1 from pg_database where datname = $1', [name]);
    return result.rowCount === 1;
  } finally {
    await admin.end();
  }
}

function urlOf(name: string): string {
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Whether the kept database holds what this run asks for (written last, so a half-built one does not). */
async function isGenerated(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query(
      `select posts, version from bench_community_generated where posts = $1 and version = $2`,
      [postCount, GENERATOR_VERSION],
    );
    return result.rowCount === 1;
  } catch {
    return false;
  } finally {
    await client.end();
  }
}

type Skeleton = {
  topicTimes: Float64Array;
  topicCategory: Uint8Array;
  topicAuthor: Int32Array;
  topicPostCount: Int32Array;
  topicLastPostedAt: Float64Array;
  /** Posts in time order: their topic and time. */
  postTopic: Int32Array;
  postTime: Float64Array;
};

/** Who posts where and when: topics over three years (busier lately), replies in the days after. */
function buildSkeleton(now: number): Skeleton {
  const next = random(1);
  const span = 3 * 365 * DAY_MS;
  const start = now - span;
  const topicTimes = new Float64Array(topicCount);
  for (let index = 0; index < topicCount; index += 1) topicTimes[index] = start + Math.sqrt(next()) * span;
  topicTimes.sort();
  const topicCategory = new Uint8Array(topicCount);
  const topicAuthor = new Int32Array(topicCount);
  const author = zipf(memberCount, 0.8, 10, next);
  // Heavy-tailed topic popularity: a few threads get hundreds of replies.
  const weights = new Float64Array(topicCount);
  let totalWeight = 0;
  for (let index = 0; index < topicCount; index += 1) {
    let roll = next();
    let category = 0;
    while (category < categoryShares.length - 1 && roll > categoryShares[category]![1]) {
      roll -= categoryShares[category]![1];
      category += 1;
    }
    topicCategory[index] = category;
    topicAuthor[index] = author();
    totalWeight += Math.min(400, (1 - next()) ** -0.85);
    weights[index] = totalWeight;
  }
  const replyCount = postCount - topicCount;
  const postTopic = new Int32Array(postCount);
  const postTime = new Float64Array(postCount);
  for (let index = 0; index < topicCount; index += 1) {
    postTopic[index] = index;
    postTime[index] = topicTimes[index]!;
  }
  for (let index = 0; index < replyCount; index += 1) {
    const target = next() * totalWeight;
    let low = 0;
    let high = topicCount - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (weights[middle]! < target) low = middle + 1;
      else high = middle;
    }
    // Most replies within a day or two; some come back to a thread weeks later.
    const delay = -Math.log(1 - next()) * (next() < 0.9 ? 0.8 * DAY_MS : 20 * DAY_MS) + 60_000;
    postTopic[topicCount + index] = low;
    // A reply that would come after now comes some time between its topic and now instead.
    const topicTime = topicTimes[low]!;
    postTime[topicCount + index] = topicTime + delay < now ? topicTime + delay : topicTime + (now - topicTime) * next();
  }
  const order = new Uint32Array(postCount);
  for (let index = 0; index < postCount; index += 1) order[index] = index;
  order.sort((a, b) => postTime[a]! - postTime[b]! || a - b);
  const sortedTopic = new Int32Array(postCount);
  const sortedTime = new Float64Array(postCount);
  const topicPostCount = new Int32Array(topicCount);
  const topicLastPostedAt = new Float64Array(topicCount);
  for (let index = 0; index < postCount; index += 1) {
    const from = order[index]!;
    sortedTopic[index] = postTopic[from]!;
    sortedTime[index] = postTime[from]!;
    const topic = postTopic[from]!;
    topicPostCount[topic] = topicPostCount[topic]! + 1;
    topicLastPostedAt[topic] = Math.max(topicLastPostedAt[topic]!, postTime[from]!);
  }
  return {
    topicTimes,
    topicCategory,
    topicAuthor,
    topicPostCount,
    topicLastPostedAt,
    postTopic: sortedTopic,
    postTime: sortedTime,
  };
}

async function inBatches(total: number, size: number, work: (from: number, to: number) => Promise<void>) {
  // Two batches in flight: PostgreSQL builds one's search documents while the next is generated.
  const running = new Set<Promise<void>>();
  for (let from = 0; from < total; from += size) {
    const task = work(from, Math.min(total, from + size)).finally(() => running.delete(task));
    running.add(task);
    if (running.size >= 2) await Promise.race(running);
  }
  await Promise.all(running);
}

async function generate(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${databaseName} with (force)`);
  await admin.query(`create database ${databaseName}`);
  await admin.end();
  // The app's own migrations build the schema.
  const database = await openDatabase({ kind: 'server', url, poolSize: 2 });

  const pool = new pg.Pool({ connectionString: url, max: 3 });
  const now = Date.now();
  let started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  try {
    // Loading without the foreign-key triggers, and the indexes of the posts and their search
    // entries built once at the end: ten times faster than keeping a GIN index up to date row by row.
    await pool.query(
      `create table bench_community_generated (posts integer, version integer, generated_at timestamptz)`,
    );
    const indexes = await pool.query<{ indexname: string; indexdef: string }>(
      `select indexname, indexdef from pg_indexes where schemaname = 'public'
         and tablename in ('posts', 'post_search_entries') and indexname not in (select conname from pg_constraint)`,
    );
    for (const index of indexes.rows) await pool.query(`drop index ${index.indexname}`);

    const categories = await pool.query<{ id: string; slug: string }>('select id, slug from forum_categories');
    const categoryIds = categoryShares.map(([slug]) => categories.rows.find((row) => row.slug === slug)!.id);

    const passwordHash = await hashPassword('a calm and steady river 42');
    const memberIds = Array.from({ length: memberCount }, () => randomUUID());
    await inBatches(memberCount, 5000, async (from, to) => {
      const ids = memberIds.slice(from, to);
      await pool.query(
        `insert into users (id, handle, password_hash, created_at, password_changed_at)
         select id, handle, $3, now() - interval '400 days', now() - interval '400 days'
         from unnest($1::uuid[], $2::text[]) as u(id, handle)`,
        [ids, ids.map((_, offset) => `member_${String(from + offset).padStart(5, '0')}`), passwordHash],
      );
    });
    console.log(`${memberCount} members in ${elapsed()}`);

    started = performance.now();
    const skeleton = buildSkeleton(now);
    console.log(`who posts where and when, ${postCount} posts: ${elapsed()}`);

    started = performance.now();
    const text = new TextGenerator(2);
    const topicIds = Array.from({ length: topicCount }, () => randomUUID());
    const topicOpenerIds = Array.from({ length: topicCount }, () => randomUUID());
    const topicTitles: string[] = [];
    const topicIsStory: boolean[] = [];
    const topicIsAnonymous: boolean[] = [];
    await inBatches(topicCount, 5000, async (from, to) => {
      const rows = {
        id: [] as string[],
        category: [] as string[],
        author: [] as string[],
        title: [] as string[],
        kind: [] as string[],
        warnings: [] as string[],
        anonymous: [] as boolean[],
        hidden: [] as (string | null)[],
        postCount: [] as number[],
        createdAt: [] as string[],
        lastPostedAt: [] as string[],
      };
      for (let index = from; index < to; index += 1) {
        const category = skeleton.topicCategory[index]!;
        const isStory = categoryShares[category]![0] === 'recovery-stories';
        const title = text.title();
        topicTitles[index] = title;
        topicIsStory[index] = isStory;
        topicIsAnonymous[index] = text.float() < 0.05;
        const storyWarnings =
          isStory && text.float() < 0.5 ? [warnings[Math.floor(text.float() * warnings.length)]!] : [];
        rows.id.push(topicIds[index]!);
        rows.category.push(categoryIds[category]!);
        rows.author.push(memberIds[skeleton.topicAuthor[index]!]!);
        rows.title.push(title);
        rows.kind.push(isStory ? 'story' : 'discussion');
        rows.warnings.push(`{${storyWarnings.join(',')}}`);
        rows.anonymous.push(topicIsAnonymous[index]!);
        rows.hidden.push(text.float() < 0.003 ? new Date(skeleton.topicLastPostedAt[index]!).toISOString() : null);
        rows.postCount.push(skeleton.topicPostCount[index]!);
        rows.createdAt.push(new Date(skeleton.topicTimes[index]!).toISOString());
        rows.lastPostedAt.push(new Date(skeleton.topicLastPostedAt[index]!).toISOString());
      }
      await pool.query(
        `insert into topics (id, category_id, author_id, title, kind, content_warnings, is_anonymous, hidden_at,
           post_count, created_at, last_posted_at)
         select id, category_id, author_id, title, kind, warnings::text[], is_anonymous, hidden_at, post_count,
           created_at, last_posted_at
         from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::boolean[],
           $8::timestamptz[], $9::integer[], $10::timestamptz[], $11::timestamptz[])
           as t(id, category_id, author_id, title, kind, warnings, is_anonymous, hidden_at, post_count, created_at,
             last_posted_at)`,
        [
          rows.id,
          rows.category,
          rows.author,
          rows.title,
          rows.kind,
          rows.warnings,
          rows.anonymous,
          rows.hidden,
          rows.postCount,
          rows.createdAt,
          rows.lastPostedAt,
        ],
      );
    });
    console.log(`${topicCount} topics in ${elapsed()}`);

    started = performance.now();
    const author = zipf(memberCount, 0.8, 10, random(3));
    const nextNumber = new Int32Array(topicCount);
    let written = 0;
    await inBatches(postCount, 4000, async (from, to) => {
      const rows = {
        id: [] as string[],
        topic: [] as string[],
        author: [] as string[],
        number: [] as number[],
        parent: [] as (string | null)[],
        markdown: [] as string[],
        html: [] as string[],
        text: [] as string[],
        anonymous: [] as boolean[],
        hidden: [] as (string | null)[],
        deleted: [] as (string | null)[],
        createdAt: [] as string[],
      };
      for (let index = from; index < to; index += 1) {
        const topic = skeleton.postTopic[index]!;
        const number = nextNumber[topic]! + 1;
        nextNumber[topic] = number;
        const isOpening = number === 1;
        const paragraphs = text.paragraphs(isOpening && topicIsStory[topic]!);
        const at = new Date(skeleton.postTime[index]!).toISOString();
        const roll = text.float();
        rows.id.push(isOpening ? topicOpenerIds[topic]! : randomUUID());
        rows.topic.push(topicIds[topic]!);
        rows.author.push(memberIds[isOpening ? skeleton.topicAuthor[topic]! : author()]!);
        rows.number.push(number);
        rows.parent.push(!isOpening && text.float() < 0.2 ? topicOpenerIds[topic]! : null);
        rows.markdown.push(paragraphs.join('\n\n'));
        rows.html.push(paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n'));
        rows.text.push(paragraphs.join('\n\n'));
        rows.anonymous.push(isOpening ? topicIsAnonymous[topic]! : text.float() < 0.03);
        rows.hidden.push(roll < 0.002 ? at : null);
        rows.deleted.push(roll > 0.997 ? at : null);
        rows.createdAt.push(at);
      }
      const client = await pool.connect();
      try {
        await client.query(`set session_replication_role = replica`);
        await client.query(
          `insert into posts (id, topic_id, author_id, number, parent_id, body_markdown, body_html, body_text,
             is_anonymous, hidden_at, hidden_by, deleted_at, created_at)
           select id, topic_id, author_id, number, parent_id, body_markdown, body_html, body_text,
             is_anonymous, hidden_at, case when hidden_at is null then null else 'moderator' end, deleted_at, created_at
           from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::integer[], $5::uuid[], $6::text[], $7::text[], $8::text[],
             $9::boolean[], $10::timestamptz[], $11::timestamptz[], $12::timestamptz[])
             as p(id, topic_id, author_id, number, parent_id, body_markdown, body_html, body_text,
               is_anonymous, hidden_at, deleted_at, created_at)`,
          [
            rows.id,
            rows.topic,
            rows.author,
            rows.number,
            rows.parent,
            rows.markdown,
            rows.html,
            rows.text,
            rows.anonymous,
            rows.hidden,
            rows.deleted,
            rows.createdAt,
          ],
        );
      } finally {
        await client.query(`set session_replication_role = origin`).catch(() => {});
        client.release();
      }
      written += to - from;
      if (written % 100_000 < 4000) console.log(`  ${written} posts, ${elapsed()}`);
    });
    console.log(`${postCount} posts in ${elapsed()}`);

    // The search entries of the posts just loaded, by the app's own bulk writer (the app writes
    // them with each post, community.queries.ts writeSearchEntries). Statistics first: without
    // them the planner takes a million fresh posts for a few rows and joins them to the topics in
    // a nested loop (hours, not minutes).
    started = performance.now();
    await pool.query('analyze users, topics, posts');
    await writeEverySearchEntry(database.db);
    console.log(`search entries in ${elapsed()}`);

    started = performance.now();
    await pool.query(`set maintenance_work_mem = '1GB'`);
    for (const index of indexes.rows) {
      const indexStarted = performance.now();
      const client = await pool.connect();
      try {
        await client.query(`set maintenance_work_mem = '1GB'`);
        await client.query(index.indexdef);
      } finally {
        client.release();
      }
      console.log(`  ${index.indexname}: ${((performance.now() - indexStarted) / 1000).toFixed(1)} s`);
    }
    await pool.query('vacuum (analyze) users, topics, posts, post_search_entries');
    await pool.query(`insert into bench_community_generated values ($1, $2, now())`, [postCount, GENERATOR_VERSION]);
    console.log(`indexes and vacuum analyze in ${elapsed()}`);
  } finally {
    await pool.end();
    await database.close();
  }
}

/* ----------------------------------------------------------------- the searches */

type SearchCase = { label: string; q: string; category?: string; sort: 'relevant' | 'newest' };

/** Realistic searches: common words, rare ones, two words, a quoted phrase; a forum or not; both orders. */
function searchCases(): SearchCase[] {
  const common = [
    'sponsor',
    'cravings',
    'meeting',
    'sleep',
    'anxiety',
    'family',
    'relapse',
    'work',
    'grateful',
    'help',
  ];
  const rare = [
    'kombucha',
    'crossword',
    'acupuncture',
    'gabapentin',
    'insomnia',
    'divorce',
    'custody',
    'pottery',
    'melatonin',
    'sauna',
  ];
  const twoWords = [
    'sponsor meeting',
    'sleep anxiety',
    'family support',
    'step work',
    'first meeting',
    'cravings night',
    'wife trust',
    'job interview',
    'therapist trauma',
    'relapse shame',
  ];
  const phrases = ['"pink cloud"', '"one day at a time"', '"higher power"', '"urge surfing"', '"rock bottom"'];
  const forums = categoryShares.map(([slug]) => slug);
  const cases: SearchCase[] = [];
  const groups: Array<[string, string[]]> = [
    ['common word', common],
    ['rare word', rare],
    ['two words', twoWords],
    ['phrase', phrases],
  ];
  for (const [label, words] of groups) {
    words.forEach((q, index) => {
      for (const sort of ['relevant', 'newest'] as const) {
        cases.push({ label: `${label}, ${sort}`, q, sort });
        cases.push({ label: `${label} in a forum, ${sort}`, q, sort, category: forums[index % forums.length]! });
      }
    });
  }
  return cases;
}

function pathOf(search: SearchCase): string {
  const query = new URLSearchParams({ q: search.q, sort: search.sort });
  if (search.category) query.set('category', search.category);
  return `/api/community/search?${query.toString()}`;
}

/** The rows of a plain SQL query: both drivers answer { rows }. */
async function rowsOf<Row>(db: Database, query: SQL): Promise<Row[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: Row[] }).rows;
}

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * fraction) - 1)]!;
}

function summary(latencies: number[]): string {
  const sorted = [...latencies].sort((a, b) => a - b);
  return `median ${percentile(sorted, 0.5).toFixed(1)} ms, p95 ${percentile(sorted, 0.95).toFixed(1)} ms, p99 ${percentile(sorted, 0.99).toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`;
}

async function directSearches(db: Database, viewerBlockedIds: Set<string>) {
  const categories = await rowsOf<{ id: string; slug: string }>(db, sql`select id, slug from forum_categories`);
  const categoryIdOf = new Map(categories.map((row) => [row.slug, row.id]));
  const cases = searchCases();
  const searchOf = (search: SearchCase): PostSearch => ({
    text: search.q,
    categoryId: search.category ? categoryIdOf.get(search.category)! : null,
    authorId: null,
    fromDay: undefined,
    toDay: undefined,
    blockedIds: viewerBlockedIds,
  });
  const startOf = (search: SearchCase): SearchPageStart =>
    search.sort === 'newest' ? { sort: 'newest', after: undefined } : { sort: 'relevant', offset: 0 };
  const run = (search: SearchCase) => findSearchPage(db, searchOf(search), startOf(search));

  // One at a time: what each kind of search costs the database (and its driver) alone.
  for (const search of cases) await run(search); // warm the cache
  const byLabel = new Map<string, number[]>();
  const slowest: Array<{ time: number; search: SearchCase }> = [];
  for (let round = 0; round < 3; round += 1) {
    for (const search of cases) {
      const start = performance.now();
      await run(search);
      const time = performance.now() - start;
      byLabel.set(search.label, [...(byLabel.get(search.label) ?? []), time]);
      slowest.push({ time, search });
    }
  }
  console.log('\nthe search queries straight against the database, one search at a time (3 rounds of each):');
  for (const [label, times] of byLabel) console.log(`  ${label.padEnd(36)} ${summary(times)}`);

  // Ten at a time, over the whole mix.
  const concurrent: number[] = [];
  let next = 0;
  const rounds = cases.length * 4;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (next < rounds) {
        const search = cases[next++ % cases.length]!;
        const start = performance.now();
        await run(search);
        concurrent.push(performance.now() - start);
      }
    }),
  );
  const rate = concurrent.length / ((performance.now() - started) / 1000);
  console.log(`  all of them, 10 at a time: ${rate.toFixed(0)} searches/s, ${summary(concurrent)}`);

  if (process.env.BENCH_EXPLAIN) {
    // Each statement the slowest searches run, with its plan.
    slowest.sort((a, b) => b.time - a.time);
    const seen = new Set<string>();
    const execute = db.execute.bind(db);
    const explaining = new Proxy(db, {
      get(target, property, receiver) {
        if (property !== 'execute') return Reflect.get(target, property, receiver);
        return async (query: SQL) => {
          // A statement that is itself an EXPLAIN (the search's estimate of a range) runs as it is.
          const plan: unknown = await execute(sql`explain (analyze, buffers) ${query}`).catch(() => null);
          if (plan) {
            const rows = (plan as { rows: Array<{ 'QUERY PLAN': string }> }).rows;
            for (const row of rows) console.log(`    ${row['QUERY PLAN']}`);
            console.log('');
          }
          return execute(query);
        };
      },
    });
    for (const { search, time } of slowest) {
      const key = JSON.stringify(search);
      if (seen.has(key)) continue;
      seen.add(key);
      if (seen.size > 3) break;
      console.log(`\nEXPLAIN (ANALYZE, BUFFERS) of each statement of ${key} (${time.toFixed(1)} ms):`);
      await findSearchPage(explaining, searchOf(search), startOf(search));
    }
  }
}

/* ----------------------------------------------------------------- over HTTP */

async function load(name: string, cookie: string, paths: string[], connections: number) {
  let next = 0;
  const latencies: number[] = [];
  const run = (duration: number, record: boolean) =>
    new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url: `http://127.0.0.1:${port}`,
          connections,
          duration,
          headers: { cookie },
          requests: [{ setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }) }],
        },
        (error, result) =>
          error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(result),
      );
      if (record) instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
    });
  await run(3, false); // warm-up
  const result = await run(seconds, true);
  console.log(
    `  ${`${name}, ${connections}`.padEnd(48)} ${result.requests.average.toFixed(0).padStart(5)} req/s, ${summary(latencies)}; non-2xx ${result.non2xx}, errors ${result.errors}`,
  );
}

async function main() {
  const url = urlOf(databaseName);
  const started = performance.now();
  if (process.env.BENCH_REGENERATE || !(await databaseExists(databaseName)) || !(await isGenerated(url))) {
    console.log(`generating ${postCount} posts, ${topicCount} topics, ${memberCount} members in ${databaseName}…`);
    await generate(url);
    console.log(`generated in ${((performance.now() - started) / 1000 / 60).toFixed(1)} min`);
  } else {
    console.log(`reusing ${databaseName} (${postCount} posts)`);
  }
  if (process.env.BENCH_GENERATE_ONLY) return;
  // Settings for the bench's sessions, and the server's (PGOPTIONS reaches node-postgres too).
  if (process.env.BENCH_PGOPTIONS) process.env.PGOPTIONS = process.env.BENCH_PGOPTIONS;

  const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'warn' });
  const database = await openDatabase({ kind: 'server', url, poolSize: 10 });
  let cookie: string;
  try {
    const ctx = { db: database.db, config };
    const [sizes] = await rowsOf<{ posts: string; entries: string; entriesTable: string; searchIndex: string }>(
      database.db,
      sql`select pg_size_pretty(pg_total_relation_size('posts')) as "posts",
        pg_size_pretty(pg_total_relation_size('post_search_entries')) as "entries",
        pg_size_pretty(pg_relation_size('post_search_entries')) as "entriesTable",
        pg_size_pretty(pg_relation_size('post_search_entries_category_document_idx')) as "searchIndex"`,
    );
    console.log(
      `posts with their indexes: ${sizes!.posts}; search entries ${sizes!.entriesTable} (with indexes ${sizes!.entries}); the search index: ${sizes!.searchIndex}`,
    );
    // The member the load signs in as: new each run, blocking three prolific members.
    const viewer = await signUp(
      ctx,
      { handle: `bench_${Date.now().toString(36)}`, password: 'a calm and steady river 42' },
      'bench',
    );
    const blocked = await rowsOf<{ id: string }>(
      database.db,
      sql`select id from users where handle in ('member_00001', 'member_00002', 'member_00003')`,
    );
    for (const row of blocked) {
      await database.db.execute(
        sql`insert into member_blocks (blocker_id, blocked_id) values (${viewer.user.id}, ${row.id})`,
      );
    }
    cookie = `${sessionCookieName(config)}=${viewer.token}`;
    if (!process.env.BENCH_SKIP_DIRECT) await directSearches(database.db, new Set(blocked.map((row) => row.id)));
  } finally {
    await database.close();
  }

  const server = startProcess('server/src/main.ts', {
    PORT: String(port),
    HOST: '127.0.0.1',
    BASE_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: url,
    DATABASE_POOL_SIZE: '20',
    REDIS_URL: '',
  });
  try {
    await waitFor(`http://127.0.0.1:${port}/api/ready`);
    const cases = searchCases();
    console.log(`\nover HTTP (signed in), name and connections, ${seconds} s each after 3 s of warm-up:`);
    for (const connections of connectionLevels) {
      await load(`search, ${cases.length} searches rotated`, cookie, cases.map(pathOf), connections);
    }
    const connections = connectionLevels.at(-1)!;
    const newest = cases.filter((c) => c.sort === 'newest').map(pathOf);
    await load('search, newest first only', cookie, newest, connections);
    const relevant = cases.filter((c) => c.sort === 'relevant').map(pathOf);
    await load('search, most relevant only', cookie, relevant, connections);
    await load('topics, latest across the forums', cookie, ['/api/community/topics'], connections);
    const forums = categoryShares.map(([slug]) => `/api/community/topics?category=${slug}`);
    await load('topics, one forum (rotated)', cookie, forums, connections);
    console.log('  target for search: p95 <= 50 ms, p99 <= 150 ms');
    // Let the requests still queued in the server finish before it closes its pool.
    await new Promise((resolve) => setTimeout(resolve, 2000));
  } finally {
    await stop(server);
  }
}

await main();
