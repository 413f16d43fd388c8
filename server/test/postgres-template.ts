/**
 * Vitest global setup for the PostgreSQL project: migrate a template database once;
 * each test file then gets its own copy (CREATE DATABASE … TEMPLATE), dropped after.
 */
import pg from 'pg';
import { openDatabase } from '../src/db/client.ts';

export const TEMPLATE_DATABASE = 'kindred_test_template';

export function databaseUrlFor(baseUrl: string, database: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export default async function setup(): Promise<() => Promise<void>> {
  const baseUrl = process.env.DATABASE_URL!;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  // Leftovers of an interrupted run.
  const { rows } = await admin.query<{ datname: string }>(
    "select datname from pg_database where datname like 'kindred_test_%'",
  );
  for (const { datname } of rows) await admin.query(`drop database if exists "${datname}" with (force)`);
  await admin.query(`create database "${TEMPLATE_DATABASE}"`);
  const template = await openDatabase({ kind: 'server', url: databaseUrlFor(baseUrl, TEMPLATE_DATABASE), poolSize: 1 });
  await template.close();
  return async () => {
    await admin.query(`drop database if exists "${TEMPLATE_DATABASE}" with (force)`);
    await admin.end();
  };
}
