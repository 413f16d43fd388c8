/** Every table, gathered for Drizzle and drizzle-kit. Each area owns its own tables file. */
export * from '../features/accounts/accounts.tables.ts';
export * from '../features/profiles/profiles.tables.ts';
export * from '../platform/audit.tables.ts';
export * from '../features/recovery/recovery.tables.ts';
export * from '../features/meetings/meetings.tables.ts';
export * from '../features/community/community.tables.ts';
export * from '../features/notifications/notifications.tables.ts';
export * from '../features/safety/safety.tables.ts';
