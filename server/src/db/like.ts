/** Text search helpers for SQL. */

/** An ILIKE pattern that matches the words literally anywhere (% _ and \ are escaped). */
export function likePattern(words: string): string {
  return `%${words.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}
