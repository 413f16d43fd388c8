/** Calls and builders the community, notifications and moderation tests share. */
import { expect } from 'vitest';
import type { TopicInput } from '@kindred/common/community';
import { setMemberRole } from '../src/features/accounts/accounts.service.ts';
import type { ServiceContext } from '../src/platform/context.ts';
import { buildMember, type BuiltMember } from './factories.ts';
import type { TestApp } from './test-app.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export function caller(t: TestApp) {
  return function call(member: BuiltMember | null, method: Method, url: string, body?: unknown) {
    return t.app.inject({
      method,
      url,
      headers: {
        ...(member && { cookie: member.cookie }),
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { payload: JSON.stringify(body) }),
    });
  };
}

let counter = 0;
/** Text no other test wrote, so the duplicate-post rule never trips across tests. */
export function uniqueText(prefix = 'Thinking of everyone here today') {
  counter += 1;
  return `${prefix} (${counter}-${Math.random().toString(36).slice(2, 8)})`;
}

export async function buildModerator(ctx: ServiceContext): Promise<BuiltMember> {
  const member = await buildMember(ctx);
  await setMemberRole(ctx, member.handle, 'moderator');
  return { ...member, user: { ...member.user, role: 'moderator' } };
}

export async function categoryId(t: TestApp, member: BuiltMember, slug = 'early-recovery'): Promise<string> {
  const response = await caller(t)(member, 'GET', '/api/community/categories');
  expect(response.statusCode).toBe(200);
  const category = response.json().categories.find((entry: { slug: string }) => entry.slug === slug);
  return category.id;
}

export async function startTopic(t: TestApp, member: BuiltMember, input: Partial<TopicInput> = {}) {
  const response = await caller(t)(member, 'POST', '/api/community/topics', {
    categoryId: input.categoryId ?? (await categoryId(t, member)),
    title: input.title ?? uniqueText('My first week'),
    body: input.body ?? uniqueText('Hello everyone, one day at a time.'),
    ...input,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

export async function reply(t: TestApp, member: BuiltMember, topicId: string, input: Record<string, unknown> = {}) {
  const response = await caller(t)(member, 'POST', `/api/community/topics/${topicId}/posts`, {
    body: uniqueText('Welcome, glad you are here'),
    ...input,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}
