/** Only paths inside Kindred may be a `next` destination, so a link cannot send someone elsewhere. */
export function safeNextPath(next: string | null | undefined, fallback = '/'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  // /help is served by the server, not the app: still fine as a destination, but never loop back to sign-in.
  if (next.startsWith('/sign-in') || next.startsWith('/join')) return fallback;
  return next;
}

/** The sign-in address that comes back to `path` afterwards. */
export function signInPathFor(path: string): string {
  return path === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(path)}`;
}
