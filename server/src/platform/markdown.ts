/**
 * The one Markdown renderer for member text (forum posts, replies, comments, later chat).
 *
 * Two layers: markdown-it never emits raw HTML (`html: false`) and refuses every link that is not
 * http(s) or mailto; sanitize-html then re-parses its output and keeps only an allowlist, so a bug
 * or a future option in the first layer still cannot put a script, a style or an image on the page.
 */
import { HANDLE_MAX_LENGTH, HANDLE_MIN_LENGTH, reservedHandles } from '@kindred/common/accounts';
import MarkdownIt, { type StateInline, type Token } from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

export type RenderedMarkdown = {
  /** Sanitized HTML, safe to insert into the page as is. */
  html: string;
  /** The visible text (no tags, entities decoded, whitespace collapsed): for search, excerpts, crisis-language matching. */
  plainText: string;
  /** How many links to other sites the text holds (explicit or autolinked). */
  linkCount: number;
  /** @handles mentioned, de-duplicated case-insensitively, in order, at most 20. Not inside code or links. */
  mentionedHandles: string[];
};

const MAX_MENTIONED_HANDLES = 20;
const MENTION_PATH = '/members/';
const EXTERNAL_LINK_REL = 'nofollow ugc noopener';

// Only these reach the page; everything else a member writes is text.
const EXTERNAL_URL = /^(?:https?:\/\/|mailto:)/i;
const MENTION_URL = /^\/members\/[A-Za-z0-9_-]+$/;

const AT_SIGN = 0x40;
// handleSchema's rules (common/src/accounts.ts), checked without zod: a zod parse per "@" cost
// ~30 µs, tens of ms on a mention-heavy post. A property test keeps the two in agreement.
const HANDLE_CHAR = /[A-Za-z0-9_-]/;
// A mention starts a word: "me@alice", "me_@alice" and "site.org/@alice" are not mentions.
const CHAR_BEFORE_NO_MENTION = /[\p{L}\p{N}\p{M}\-.+@/=:&]/u;
const UNDERSCORE = 0x5f;

const markdown = new MarkdownIt('default', {
  html: false,
  linkify: true,
  breaks: true,
  typographer: false,
});

// Pipe tables would need table tags in the allowlist; as text they stay readable.
markdown.disable(['table']);

// Members link out to the web or to an address, nothing else: no javascript:, data:, relative or
// protocol-relative URLs. Receives the URL after entity decoding and percent-encoding, so
// "&#106;avascript:" and "java\tscript:" arrive here already unmasked or broken.
markdown.validateLink = (url) => EXTERNAL_URL.test(url);

// Members write "# Title"; the page owns h1 and h2, so headings start at h3 and stop at h5.
markdown.core.ruler.after('block', 'kindred_cap_headings', (state) => {
  for (const token of state.tokens) {
    if (token.type === 'heading_open' || token.type === 'heading_close') {
      const level = Number(token.tag.slice(1));
      token.tag = `h${Math.min(level + 2, 5)}`;
    }
  }
});

// Keep the image rule so "![alt](url)" does not fall back to a link, but render only its alt text:
// a remote image would tell its host who read the post and when.
markdown.renderer.rules.image = (tokens, index, options, env, renderer) =>
  markdown.utils.escapeHtml(renderer.renderInlineAsText(tokens[index]?.children ?? [], options, env));

/** Whether `handle` (already only handle characters) is one a member could hold. */
function isMentionableHandle(handle: string): boolean {
  return (
    handle.length >= HANDLE_MIN_LENGTH &&
    handle.length <= HANDLE_MAX_LENGTH &&
    !reservedHandles.has(handle.toLowerCase())
  );
}

/**
 * How many underscores open emphasis right before the "@" at `at` ("_@alice_"), or null when the
 * "@" does not begin a word and so cannot begin a mention.
 */
function underscoresBeforeMention(source: string, at: number): number | null {
  let before = at - 1;
  while (before >= 0 && source.charCodeAt(before) === UNDERSCORE) before--;
  // "me_@example.org": underscores after a word character belong to an address.
  if (before >= 0 && CHAR_BEFORE_NO_MENTION.test(source.charAt(before))) return null;
  return at - 1 - before;
}

// An inline rule (not a regex over HTML) so code spans, escapes ("\@alice"), autolinks and link
// labels consume their text before a mention could be seen in it.
// linkLevel (inside a link's label) exists in markdown-it 14 but not yet in its types.
markdown.inline.ruler.push('kindred_mention', (state: StateInline, silent: boolean) => {
  const start = state.pos;
  const isInLinkLabel = (state as StateInline & { linkLevel: number }).linkLevel > 0;
  if (state.src.charCodeAt(start) !== AT_SIGN || isInLinkLabel) return false;
  const openingUnderscores = underscoresBeforeMention(state.src, start);
  if (openingUnderscores === null) return false;

  let end = start + 1;
  while (end < state.posMax && HANDLE_CHAR.test(state.src.charAt(end))) end++;
  // "@alice@example.social" is an address elsewhere, not our member alice.
  if (end < state.posMax && state.src.charCodeAt(end) === AT_SIGN) return false;
  // In "_@alice_" the closing underscore ends the emphasis; it is not part of the handle "alice_".
  for (let closing = 0; closing < openingUnderscores && state.src.charCodeAt(end - 1) === UNDERSCORE; closing++) {
    end--;
  }

  const handle = state.src.slice(start + 1, end);
  if (!isMentionableHandle(handle)) return false;

  if (!silent) {
    const open = state.push('link_open', 'a', 1);
    open.attrs = [
      ['href', `${MENTION_PATH}${handle}`],
      ['class', 'mention'],
    ];
    open.meta = { mentionedHandle: handle };
    const text = state.push('text', '', 0);
    text.content = `@${handle}`;
    state.push('link_close', 'a', -1);
  }
  state.pos = end;
  return true;
});

const ALLOWED_TAGS = [
  'p',
  'br',
  'strong',
  'em',
  'del',
  's',
  'blockquote',
  'ul',
  'ol',
  'li',
  'code',
  'pre',
  'h3',
  'h4',
  'h5',
  'hr',
  'a',
];

function sanitizerOptions(onExternalLink: () => void): sanitizeHtml.IOptions {
  return {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: { a: ['href', 'rel', 'class'], ol: ['start'] },
    allowedClasses: { a: ['mention'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: {},
    allowedSchemesAppliedToAttributes: ['href'],
    allowProtocolRelative: false,
    allowedStyles: {},
    parseStyleAttributes: false,
    disallowedTagsMode: 'discard',
    transformTags: {
      a: (tagName, attribs): sanitizeHtml.Tag => {
        const href = attribs.href ?? '';
        if (MENTION_URL.test(href)) {
          return { tagName, attribs: { href, class: 'mention' } };
        }
        if (EXTERNAL_URL.test(href)) {
          onExternalLink();
          // No target: a new window is the reader's choice, and rel stops search credit and opener access.
          return { tagName, attribs: { href, rel: EXTERNAL_LINK_REL } };
        }
        // Not reachable through markdown-it as configured; if it ever is, keep the words, drop the link.
        return { tagName: 'kindred-dropped-link', attribs: {} };
      },
    },
  };
}

function inlineText(children: readonly Token[], parts: string[]): void {
  for (const token of children) {
    if (token.type === 'text' || token.type === 'code_inline') parts.push(token.content);
    else if (token.type === 'softbreak' || token.type === 'hardbreak') parts.push(' ');
    else if (token.type === 'image') inlineText(token.children ?? [], parts);
  }
}

function visibleText(tokens: readonly Token[]): string {
  const parts: string[] = [];
  for (const token of tokens) {
    if (token.type === 'inline') inlineText(token.children ?? [], parts);
    else if (token.type === 'code_block' || token.type === 'fence') parts.push(token.content);
    // Every block boundary separates words: "# Hi" then "there" is "Hi there", not "Hithere".
    parts.push(' ');
  }
  return parts.join('').replace(/\s+/g, ' ').trim();
}

function mentionedHandlesIn(tokens: readonly Token[]): string[] {
  const seen = new Set<string>();
  const handles: string[] = [];
  for (const block of tokens) {
    for (const token of block.children ?? []) {
      const meta = token.meta as { mentionedHandle?: string } | null;
      const handle = token.type === 'link_open' ? meta?.mentionedHandle : undefined;
      if (handle === undefined || seen.has(handle.toLowerCase())) continue;
      seen.add(handle.toLowerCase());
      handles.push(handle);
      if (handles.length === MAX_MENTIONED_HANDLES) return handles;
    }
  }
  return handles;
}

/** Renders member-written Markdown to sanitized HTML, with its visible text, link count and mentions. */
export function renderMarkdown(source: string): RenderedMarkdown {
  const env = {};
  const tokens = markdown.parse(source, env);
  const unsafeHtml = markdown.renderer.render(tokens, markdown.options, env);
  let linkCount = 0;
  const html = sanitizeHtml(
    unsafeHtml,
    sanitizerOptions(() => (linkCount += 1)),
  ).trim();
  return {
    html,
    plainText: visibleText(tokens),
    linkCount,
    mentionedHandles: mentionedHandlesIn(tokens),
  };
}
