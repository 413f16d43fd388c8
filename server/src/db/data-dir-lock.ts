/**
 * One process at a time may open an embedded data directory. The lock is a file
 * created exclusively, holding the owner's pid; a lock left by a dead process is taken over.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../platform/errors.ts';

export type DataDirLock = { release(): void };

const LOCK_FILE = 'kindred.lock';

export class DataDirInUseError extends AppError {
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
  ) {
    super(
      'unavailable',
      `The embedded database in ${dataDir} is in use by another Kindred process (pid ${ownerPid}). ` +
        'Stop the Kindred server (Ctrl+C in its terminal) and run this command again.',
    );
  }
}

export function acquireDataDirLock(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      return { release: () => rmSync(lockPath, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const ownerPid = Number(readFileSync(lockPath, 'utf8').trim());
      if (Number.isInteger(ownerPid) && ownerPid > 0 && isProcessAlive(ownerPid)) {
        throw new DataDirInUseError(dataDir, ownerPid);
      }
      rmSync(lockPath, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`Could not lock ${lockPath}`);
}

function isProcessAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
