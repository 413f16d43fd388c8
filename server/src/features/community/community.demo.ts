/**
 * The demo community's forums: introductions, questions, a recovery story with content warnings,
 * replies, reactions, and the resource articles with a first comment. Written through the services.
 */
import type { ContentWarning, PostReaction } from '@kindred/common/community';
import type { ServiceContext } from '../../platform/context.ts';
import type { Auth } from '../accounts/accounts.sessions.ts';
import { getArticle, publishArticle, type ArticleDraft } from './community.articles.ts';
import { findCategoryBySlug } from './community.queries.ts';
import { createTopic, reactToPost, replyToTopic } from './community.service.ts';

type DemoReply = { by: string; body: string; answersReply?: number; reactions?: Array<[string, PostReaction]> };
type DemoTopic = {
  forum: string;
  by: string;
  title: string;
  body: string;
  kind?: 'discussion' | 'story';
  contentWarnings?: ContentWarning[];
  isAnonymous?: boolean;
  reactions?: Array<[string, PostReaction]>;
  replies: DemoReply[];
};

const demoTopics: DemoTopic[] = [
  {
    forum: 'introductions',
    by: 'trail_mix',
    title: 'Hi, I’m new here (day 6)',
    body: 'Hi everyone. Six days without a drink. I don’t really know anyone in recovery yet and evenings are the hardest. Just wanted to say hello.',
    reactions: [
      ['morning_coffee', 'support'],
      ['grateful_grace', 'support'],
      ['peer_coach_ray', 'celebrate'],
    ],
    replies: [
      {
        by: 'morning_coffee',
        body: 'Welcome! Six days is real. Evenings were hard for me too; a 7 pm online meeting got me through the first month. Keep coming back.',
        reactions: [['trail_mix', 'thank_you']],
      },
      { by: 'trail_mix', body: 'Thank you, I’ll look for one tonight.', answersReply: 1 },
      {
        by: 'peer_coach_ray',
        body: 'Glad you’re here @trail_mix. If you want, write down three things you’ll do at 6 pm tonight instead. Small plans help.',
      },
    ],
  },
  {
    forum: 'coping-with-cravings',
    by: 'quiet_river',
    title: 'What do you do in the first ten minutes of a craving?',
    body: 'I’ve read that cravings peak and pass. What do you actually *do* in those first minutes? I’ll start: cold water on my face and I text someone.',
    replies: [
      {
        by: 'kintsugi',
        body: 'Urge surfing. I name it: "this is a craving, it will pass", and I breathe through it like a wave.',
      },
      {
        by: 'steady-oak',
        body: 'HALT check: am I Hungry, Angry, Lonely or Tired? Nine times out of ten I’m just hungry.',
        reactions: [
          ['quiet_river', 'me_too'],
          ['one_day_at_a_time', 'me_too'],
        ],
      },
      { by: 'quiet_river', body: 'Ha, hungry is me too. Keeping snacks in the car now.', answersReply: 2 },
    ],
  },
  {
    forum: 'recovery-stories',
    by: 'northern_lights',
    kind: 'story',
    contentWarnings: ['relapse', 'overdose'],
    title: 'Starting again after a relapse',
    body:
      'I had fourteen months and then I went back out. It ended with a friend using naloxone on me, and I’m alive because of her.\n\n' +
      'I’m writing this because I was ashamed to come back here. I’m on day 20 now. A relapse is not the end of the story; it was a chapter.',
    reactions: [
      ['kintsugi', 'support'],
      ['peer_coach_ray', 'support'],
      ['morning_coffee', 'thank_you'],
    ],
    replies: [
      { by: 'kintsugi', body: 'Thank you for coming back and telling it. Day 20 counts. So do the fourteen months.' },
      { by: 'peer_coach_ray', body: 'Carry naloxone, everyone. And welcome back, truly.' },
    ],
  },
  {
    forum: 'family-and-friends',
    by: 'grateful_grace',
    isAnonymous: true,
    title: 'How do I talk to my teenage son about my drinking?',
    body: 'He saw more than I wish he had. I’m 8 months sober. How did you start that conversation with your kids?',
    replies: [
      {
        by: 'one_day_at_a_time',
        body: 'I kept it short and honest: I was sick, I’m getting better, it wasn’t his fault. Then I let him ask. It took a few talks.',
      },
    ],
  },
  {
    forum: 'milestones',
    by: 'luz_del_dia',
    title: 'Un año hoy / One year today',
    body: 'Un año sin alcohol. Gracias a todos. One year without alcohol. Thank you all.',
    reactions: [
      ['morning_coffee', 'celebrate'],
      ['northern_lights', 'celebrate'],
      ['trail_mix', 'celebrate'],
    ],
    replies: [{ by: 'northern_lights', body: '¡Felicidades! That gives me hope.' }],
  },
];

export const demoArticles: ArticleDraft[] = [
  {
    slug: 'what-is-peer-support',
    title: 'What peer support is (and what it isn’t)',
    summary: 'Help from people who have walked the same road: why it works, and where its limits are.',
    subjects: ['peer support'],
    bodyMarkdown: `Peer support is help from someone with lived experience of recovery. It is mutual: both people give and both receive.

### Why it helps
- **Hope you can see.** Someone a few steps ahead shows that recovery is possible.
- **No judgement.** A peer has been there; you don't have to explain the shame.
- **Practical know-how.** What to say at a family dinner, how to get through payday, which meeting has good coffee.

### What it isn't
Peer support is not treatment. A peer is not your doctor, counsellor or crisis line. If you are in danger, or thinking of ending your life, call or text **988** (in the US), or your emergency number, now.

### Getting started
Say hello in *Introductions*, go to a meeting, or ask a question. You can post anonymously whenever you need to.`,
  },
  {
    slug: 'knowing-your-triggers',
    title: 'Knowing your triggers',
    summary: 'People, places, feelings and times that bring on cravings, and how to plan around them.',
    subjects: ['triggers', 'cravings'],
    bodyMarkdown: `A trigger is anything that sets off the urge to use: a place, a person, a feeling, a time of day, even a song.

### Common triggers
- **HALT:** being Hungry, Angry, Lonely or Tired.
- **Places and people** tied to using.
- **Celebrations and stress**, both.

### Make a plan
1. Write your triggers down (your recovery plan in Kindred has a place for them).
2. For each, decide one thing you will do instead: leave, call someone, eat, rest.
3. Tell someone your plan. It is easier to follow a plan someone else knows.

### When a craving comes
Cravings rise, peak and pass, often within 20–30 minutes. Urge surfing, a walk, cold water, or a call can carry you through the peak.`,
  },
  {
    slug: 'relapse-prevention-warning-signs',
    title: 'Relapse prevention: the warning signs before the drink or drug',
    summary: 'Relapse often starts long before using. Spotting the early signs gives you time to act.',
    subjects: ['relapse prevention'],
    bodyMarkdown: `Many people describe relapse as a process with stages: emotional, then mental, then physical.

### Emotional
Not sleeping, skipping meals, isolating, bottling things up, missing meetings. You are not thinking about using yet.

### Mental
Part of you wants to use. Romanticising the past, bargaining ("just at the weekend"), planning how it could happen.

### Physical
Using. It is never too late to reach out, before or after.

### What helps
- Check in daily and notice patterns.
- Have two or three people you can call, and call before it's an emergency.
- If you slip, you have not lost what you learned. Starting again is part of many recoveries.

If you have used after a break, your tolerance is lower: the risk of overdose is higher. Don't use alone, carry naloxone, and call your emergency number if someone can't be woken.`,
  },
  {
    slug: 'supporting-someone-in-crisis',
    title: 'When someone in the community is struggling',
    summary: 'What to say, and what to do, when a peer posts that they are not OK.',
    subjects: ['peer support', 'safety'],
    bodyMarkdown: `When someone writes that they want to die, or hurt themselves, or that they took too much:

1. **Take it seriously.** Reply kindly and directly: "I'm glad you told us. Are you safe right now?"
2. **Point to help now:** 988 (call or text, in the US), the SAMHSA Helpline 1-800-662-4357, or the emergency number.
3. **Use "Report" with "Someone may be in danger".** Moderators see it first.
4. **Don't promise secrecy**, and don't try to be their only support.

Look after yourself too. You can step away and let others and professionals help.`,
  },
];

/** Writes the demo forums, stories, replies, reactions and articles for the demo members. */
export async function seedDemoForums(ctx: ServiceContext, authByHandle: ReadonlyMap<string, Auth>): Promise<void> {
  // Demo members are seconds old; the new-member limits would stop the seed after three topics.
  const seedCtx: ServiceContext = {
    ...ctx,
    config: { ...ctx.config, community: { ...ctx.config.community, newMemberDays: 0 } },
  };
  const member = (handle: string) => {
    const auth = authByHandle.get(handle);
    if (!auth) throw new Error(`demo member ${handle} is missing`);
    return auth;
  };
  for (const topic of demoTopics) {
    const category = await findCategoryBySlug(ctx.db, topic.forum);
    if (!category) continue;
    const created = await createTopic(seedCtx, member(topic.by), {
      categoryId: category.id,
      title: topic.title,
      body: topic.body,
      kind: topic.kind ?? 'discussion',
      contentWarnings: topic.contentWarnings ?? [],
      isAnonymous: topic.isAnonymous ?? false,
    });
    for (const [handle, reaction] of topic.reactions ?? []) {
      await reactToPost(seedCtx, member(handle), created.post.id, reaction);
    }
    const replyIds: string[] = [];
    for (const demoReply of topic.replies) {
      const written = await replyToTopic(seedCtx, member(demoReply.by), created.topic.id, {
        body: demoReply.body,
        parentId: demoReply.answersReply ? replyIds[demoReply.answersReply - 1] : null,
        isAnonymous: false,
      });
      replyIds.push(written.post.id);
      for (const [handle, reaction] of demoReply.reactions ?? []) {
        await reactToPost(seedCtx, member(handle), written.post.id, reaction);
      }
    }
  }
  for (const draft of demoArticles) await publishArticle(ctx, draft);
  const firstArticle = await getArticle(ctx, 'knowing-your-triggers');
  await replyToTopic(seedCtx, member('kintsugi'), firstArticle.discussionTopicId, {
    body: 'Writing my triggers down was the first thing that actually helped me. Payday Fridays were a big one.',
    isAnonymous: false,
  });
}
