import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { handleSchema, reservedHandles } from '@kindred/common/accounts';
import {
  buildXssPayloadFile,
  parsePayloadFile,
  XSS_PAYLOADS_PATH,
} from '../../../e2e/fixtures/generate-xss-payloads.ts';
import { renderMarkdown } from './markdown.ts';

const ALLOWED_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  p: [],
  br: [],
  strong: [],
  em: [],
  del: [],
  s: [],
  blockquote: [],
  ul: [],
  ol: ['start'],
  li: [],
  code: [],
  pre: [],
  h3: [],
  h4: [],
  h5: [],
  hr: [],
  a: ['href', 'rel', 'class'],
};
const SAFE_HREF = /^(?:https?:\/\/|mailto:|\/members\/[A-Za-z0-9_-]+$)/i;

/** Everything in `html` that the allowlist does not permit, as readable strings (empty when safe). */
function allowlistViolations(html: string): string[] {
  const violations: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const allowed = ALLOWED_ATTRIBUTES[name];
        if (allowed === undefined) {
          violations.push(`element <${name}>`);
          return;
        }
        for (const [attribute, value] of Object.entries(attributes)) {
          if (!allowed.includes(attribute)) violations.push(`attribute ${attribute} on <${name}>`);
          if (attribute === 'start' && !/^\d+$/.test(value)) violations.push(`start="${value}"`);
        }
        if (name !== 'a') return;
        const href = attributes.href;
        if (href === undefined || !SAFE_HREF.test(href)) violations.push(`href ${JSON.stringify(href)}`);
        const isMention = href?.startsWith('/members/') ?? false;
        if (attributes.class !== undefined && !(isMention && attributes.class === 'mention')) {
          violations.push(`class ${JSON.stringify(attributes.class)}`);
        }
        if (!isMention && attributes.rel !== 'nofollow ugc noopener') {
          violations.push(`rel ${JSON.stringify(attributes.rel)} on ${href}`);
        }
      },
      oncomment(comment) {
        violations.push(`comment ${comment}`);
      },
      onprocessinginstruction(name) {
        violations.push(`processing instruction ${name}`);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return violations;
}

const dangerousFragments = [
  '<script>',
  '</script>',
  'alert(1)',
  '<img src=x onerror=alert(1)>',
  '<svg/onload=alert(1)>',
  '<iframe src=javascript:alert(1)>',
  'javascript:',
  'JaVaScRiPt:',
  'vbscript:',
  'data:text/html,',
  '&#106;avascript:',
  '&#x6A;',
  '&colon;',
  '&quot;',
  '&lt;',
  '" onmouseover="',
  "' onfocus='",
  '[a](javascript:alert(1))',
  '![x](https://t.example/p.gif)',
  '<https://example.org>',
  'https://example.org/',
  'www.example.org',
  'me@example.org',
  '[r]: javascript:alert(1)',
  '[r]',
  '@alice',
  '@',
  '`',
  '```',
  '[',
  ']',
  '(',
  ')',
  '<',
  '>',
  '"',
  "'",
  '\\',
  '*',
  '_',
  '#',
  '> ',
  '- ',
  '1. ',
  '    ',
  '\n',
  '\n\n',
  '\t',
  '\u0000',
  '\u2028',
];
const dangerousMarkdown = fc
  .array(fc.oneof(fc.constantFrom(...dangerousFragments), fc.string({ maxLength: 4 })), { maxLength: 40 })
  .map((parts) => parts.join(''));

describe('renderMarkdown', () => {
  it('renders bold, italic, strikethrough, lists, quotes and code', () => {
    const { html } = renderMarkdown(
      '**bold** _italic_ ~~gone~~\n\n- one\n- two\n\n3. three\n4. four\n\n> quoted\n\nsay `code`\n\n```js\nlet a = 1 < 2;\n```',
    );
    expect(html).toContain('<strong>bold</strong> <em>italic</em> <s>gone</s>');
    expect(html).toContain('<ul>\n<li>one</li>\n<li>two</li>\n</ul>');
    expect(html).toContain('<ol start="3">\n<li>three</li>');
    expect(html).toContain('<blockquote>\n<p>quoted</p>\n</blockquote>');
    expect(html).toContain('<p>say <code>code</code></p>');
    expect(html).toContain('<pre><code>let a = 1 &lt; 2;\n</code></pre>');
  });

  it('turns a single line break into <br>', () => {
    expect(renderMarkdown('one\ntwo').html).toBe('<p>one<br />\ntwo</p>');
  });

  it('shows raw HTML as text instead of parsing it', () => {
    const { html, plainText } = renderMarkdown('<script>alert(1)</script> <b onclick="x()">hi</b>');
    expect(html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;b onclick="x()"&gt;hi&lt;/b&gt;</p>');
    expect(plainText).toBe('<script>alert(1)</script> <b onclick="x()">hi</b>');
  });

  it('makes no link of javascript:, vbscript:, data:, relative or protocol-relative destinations', () => {
    for (const destination of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      '&#106;avascript:alert(1)',
      'javascript&colon;alert(1)',
      '<java script:alert(1)>',
      'vbscript:msgbox(1)',
      'data:text/html,<script>alert(1)</script>',
      '/api/admin',
      '//evil.example/x',
      '#top',
    ]) {
      const { html, linkCount } = renderMarkdown(`[click](${destination})`);
      expect(html, destination).not.toContain('<a');
      expect(linkCount, destination).toBe(0);
    }
    expect(renderMarkdown('<javascript:alert(1)>').html).toBe('<p>&lt;javascript:alert(1)&gt;</p>');
  });

  it('renders images as their alt text, never as <img>', () => {
    const { html, linkCount } = renderMarkdown(
      '![a *quiet* morning](https://tracker.example/pixel.gif) ![][p] ![alt "quoted" <b>](https://x.example/x.png)\n\n[p]: https://tracker.example/p.gif',
    );
    expect(html).toBe('<p>a quiet morning  alt "quoted" &lt;b&gt;</p>');
    expect(linkCount).toBe(0);
    // An image whose address members may not link to stays the text they typed.
    expect(renderMarkdown('![alt](/relative.png)').html).toBe('<p>![alt](/relative.png)</p>');
  });

  it('caps headings so a post never makes an h1 or h2: h1 is h3, h2 is h4, the rest h5', () => {
    const { html } = renderMarkdown('# one\n## two\n### three\n#### four\n###### six\nsetext\n===\nsetext two\n---');
    expect(html).toBe(
      '<h3>one</h3>\n<h4>two</h4>\n<h5>three</h5>\n<h5>four</h5>\n<h5>six</h5>\n<h3>setext</h3>\n<h4>setext two</h4>',
    );
  });

  it('gives every external link rel="nofollow ugc noopener" and no target, explicit or autolinked', () => {
    const { html, linkCount } = renderMarkdown(
      '[site](https://example.org/a?b=1&c=2 "title") and https://example.net and www.example.com and <https://example.edu> and me@example.org',
    );
    expect(html).toBe(
      '<p><a href="https://example.org/a?b=1&amp;c=2" rel="nofollow ugc noopener">site</a> and ' +
        '<a href="https://example.net" rel="nofollow ugc noopener">https://example.net</a> and ' +
        '<a href="http://www.example.com" rel="nofollow ugc noopener">www.example.com</a> and ' +
        '<a href="https://example.edu" rel="nofollow ugc noopener">https://example.edu</a> and ' +
        '<a href="mailto:me@example.org" rel="nofollow ugc noopener">me@example.org</a></p>',
    );
    expect(linkCount).toBe(5);
  });

  it('links @handle mentions to the member page without counting them as links', () => {
    const { html, linkCount, mentionedHandles } = renderMarkdown('thank you @alice and (@Bob_-9)!');
    expect(html).toBe(
      '<p>thank you <a href="/members/alice" class="mention">@alice</a> and ' +
        '(<a href="/members/Bob_-9" class="mention">@Bob_-9</a>)!</p>',
    );
    expect(linkCount).toBe(0);
    expect(mentionedHandles).toEqual(['alice', 'Bob_-9']);
  });

  it('lists mentions once each, case-insensitively, in order of first mention', () => {
    expect(renderMarkdown('@carol @alice @Carol\n\n> @ALICE @dave').mentionedHandles).toEqual([
      'carol',
      'alice',
      'dave',
    ]);
  });

  it('lists at most 20 mentioned handles', () => {
    const handles = Array.from({ length: 25 }, (_, index) => `member${index}`);
    const { mentionedHandles } = renderMarkdown(handles.map((handle) => `@${handle}`).join(' '));
    expect(mentionedHandles).toEqual(handles.slice(0, 20));
  });

  it('sees no mention inside code, links, escapes, email addresses or other sites’ addresses', () => {
    const { html, mentionedHandles } = renderMarkdown(
      [
        '`@incode`',
        '```\n@infence\n```',
        '[@inlabel](https://example.org)',
        'https://example.org/@inurl',
        'example.org/@fuzzy',
        'me@example.org',
        'me_@example.org',
        '\\@escaped',
        '@remote@example.social',
      ].join('\n\n'),
    );
    expect(mentionedHandles).toEqual([]);
    expect(html).not.toContain('class="mention"');
  });

  it('mentions only valid, unreserved handles', () => {
    const tooLong = 'x'.repeat(31);
    const { mentionedHandles } = renderMarkdown(`@ab @admin @${tooLong} @ok_1 @trailing_ **@strong**`);
    expect(mentionedHandles).toEqual(['ok_1', 'trailing_', 'strong']);
  });

  it('mentions exactly the handles handleSchema accepts', () => {
    const handleLike = fc.oneof(
      fc.stringMatching(/^[A-Za-z0-9_-]{1,34}$/),
      fc.constantFrom(...reservedHandles).map((handle) => handle.toUpperCase()),
    );
    fc.assert(
      fc.property(handleLike, (candidate) => {
        const isMentioned = renderMarkdown(`hi @${candidate} !`).mentionedHandles.includes(candidate);
        expect(isMentioned).toBe(handleSchema.safeParse(candidate).success);
      }),
      { numRuns: 500 },
    );
  });

  it('ends a mention before the underscore that closes its emphasis', () => {
    const { html, mentionedHandles } = renderMarkdown('_@alice_ and __@bob__ and _@carol__');
    expect(mentionedHandles).toEqual(['alice', 'bob', 'carol_']);
    expect(html).toContain('<em><a href="/members/alice" class="mention">@alice</a></em>');
    expect(html).toContain('<strong><a href="/members/bob" class="mention">@bob</a></strong>');
  });

  it('gives the visible text without tags, with entities decoded and whitespace collapsed', () => {
    const { plainText } = renderMarkdown(
      '# Day one\n\nI **made** it &amp; I&#39;m [proud](https://example.org).\n\n- one\n-   two\n\n```\ncode  here\n```\n\n![alt](https://x.example/x.png) &copy;',
    );
    expect(plainText).toBe("Day one I made it & I'm proud. one two code here alt ©");
  });

  it('renders nothing for empty or blank input', () => {
    expect(renderMarkdown('')).toEqual({ html: '', plainText: '', linkCount: 0, mentionedHandles: [] });
    expect(renderMarkdown(' \n\t\n ')).toEqual({ html: '', plainText: '', linkCount: 0, mentionedHandles: [] });
  });

  it('renders pipe tables as text rather than table markup', () => {
    expect(renderMarkdown('| a | b |\n|---|---|\n| 1 | 2 |').html).not.toContain('<table');
  });

  it('gives the same answer for the same input', () => {
    const source = 'Hi @alice, see https://example.org\n\n# Title\n\n`code` <b>x</b>';
    expect(renderMarkdown(source)).toEqual(renderMarkdown(source));
  });

  it('renders long and deeply nested input without failing', () => {
    const inputs = [
      'word '.repeat(4_000),
      '['.repeat(20_000),
      '*a'.repeat(10_000),
      '>'.repeat(20_000),
      '- '.repeat(10_000),
      '`'.repeat(20_000),
      '@alice '.repeat(2_900),
      'https://example.org/ '.repeat(1_000),
      '[a](javascript:alert(1))'.repeat(800),
    ];
    for (const input of inputs) {
      const { html } = renderMarkdown(input);
      expect(allowlistViolations(html), input.slice(0, 20)).toEqual([]);
    }
  });

  it('never throws and emits only allowlisted markup for arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (source) => {
        const { html } = renderMarkdown(source);
        expect(allowlistViolations(html)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws and emits only allowlisted markup and safe links for text built from attack fragments', () => {
    fc.assert(
      fc.property(dangerousMarkdown, (source) => {
        const result = renderMarkdown(source);
        expect(allowlistViolations(result.html)).toEqual([]);
        expect(result.plainText).not.toMatch(/\s{2}/);
        expect(result.mentionedHandles.length).toBeLessThanOrEqual(20);
      }),
      { numRuns: 1_000 },
    );
  });
});

describe('the XSS payload corpus', () => {
  const corpusText = readFileSync(XSS_PAYLOADS_PATH, 'utf8');
  const payloads = parsePayloadFile(corpusText);

  it('holds at least 500 distinct payloads and is what its generator writes', () => {
    expect(new Set(payloads).size).toBe(payloads.length);
    expect(payloads.length).toBeGreaterThanOrEqual(500);
    expect(corpusText).toBe(buildXssPayloadFile());
  });

  it('renders every payload with only allowlisted elements, attributes and safe links', () => {
    const failures = payloads.flatMap((payload) => {
      const violations = allowlistViolations(renderMarkdown(payload).html);
      return violations.length === 0 ? [] : [{ payload, violations }];
    });
    expect(failures).toEqual([]);
  });
});
