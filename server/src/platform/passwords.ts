/** Password hashing (argon2id via @node-rs/argon2) and the common-password check. */
import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

// @node-rs/argon2 hashes with argon2id by default (its Algorithm enum is a const enum we cannot import).
// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
const ARGON2_OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

const commonPasswords: ReadonlySet<string> = new Set(
  dictionary['passwords-common'].map((password) => password.toLowerCase()),
);

/** True when the password is one of the ~50,000 most used passwords (ignoring case). */
export function isCommonPassword(password: string): boolean {
  return commonPasswords.has(password.toLowerCase());
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verified against when no account matches, so "no such handle" takes as long as "wrong password".
const decoyHashPromise = hashPassword('kindred-decoy-password-for-timing');
export async function verifyAgainstDecoy(password: string): Promise<false> {
  await verifyPassword(await decoyHashPromise, password);
  return false;
}
