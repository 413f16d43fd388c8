/**
 * The /help page: plain server-rendered HTML with no script, so it works on any phone,
 * with JavaScript off, and when the app itself is failing.
 */
import type { SupportContact } from '@kindred/common/recovery';
import type { HelpResources } from '@kindred/common/safety';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/** What the help page adds for a signed-in member: the people in their recovery plan. */
export type PersonalHelp = { peopleToCall: SupportContact[] };

/** A phone number as a tel: link target (digits and a leading + only). */
function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+*#]/g, '')}`;
}

function renderPersonalHelp(personal: PersonalHelp): string {
  const people = personal.peopleToCall
    .map((person) => {
      const note = person.note ? ` <span class="who">(${escapeHtml(person.note)})</span>` : '';
      const name = escapeHtml(person.name);
      return person.phone
        ? `<li><a class="contact" href="${escapeHtml(telHref(person.phone))}">Call ${name}: ${escapeHtml(person.phone)}</a>${note}</li>`
        : `<li>${name}${note}</li>`;
    })
    .join('\n          ');
  return `
    <section class="resource personal" aria-labelledby="your-people">
      <h2 id="your-people">Your people</h2>
      ${
        people
          ? `<p>The people you chose to call when it gets hard:</p>
        <ul class="contacts">
          ${people}
        </ul>`
          : '<p>Add people you can call to your recovery plan, and they will be here when you need them.</p>'
      }
      <p><a href="/recovery/plan">Your recovery plan</a>: your coping strategies, reasons and safe places.</p>
    </section>`;
}

export function renderHelpPage(help: HelpResources, personal?: PersonalHelp): string {
  const resources = help.resources
    .map(
      (resource) => `
      <section class="resource" aria-labelledby="${slug(resource.name)}">
        <h2 id="${slug(resource.name)}">${escapeHtml(resource.name)}</h2>
        <p>${escapeHtml(resource.description)}</p>
        <ul class="contacts">
          ${resource.contacts
            .map(
              (contact) =>
                `<li><a class="contact" href="${escapeHtml(contact.href)}">${escapeHtml(contact.label)}</a></li>`,
            )
            .join('\n          ')}
        </ul>
      </section>`,
    )
    .join('\n');
  const emergency = escapeHtml(help.emergencyNumber);
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Get help now · Kindred</title>
  <meta name="description" content="Crisis lines and treatment help, available 24/7.">
  <link rel="stylesheet" href="/help.css">
</head>
<body>
  <header class="bar">
    <a class="home" href="/">Kindred</a>
  </header>
  <main id="main">
    <h1>Get help now</h1>
    <section class="emergency" aria-labelledby="emergency">
      <h2 id="emergency">In immediate danger?</h2>
      <p>If you or someone with you is in danger, overdosing or thinking of suicide, call emergency services now.</p>
      <p><a class="contact urgent" href="tel:${emergency}">Call ${emergency}</a></p>
    </section>
${resources}
${personal ? renderPersonalHelp(personal) : ''}
    <section class="note" aria-labelledby="about-kindred">
      <h2 id="about-kindred">About Kindred</h2>
      <p>Kindred is peer support: people in recovery helping each other. It is not a substitute for professional treatment,
        medical care or crisis services. If you are struggling, the people above are there for you, day and night.</p>
    </section>
  </main>
  <footer class="bar"><a href="/">Back to Kindred</a></footer>
</body>
</html>
`;
}

function slug(text: string): string {
  return (
    'resource-' +
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
  );
}

export const helpPageCss = `
:root { color-scheme: light dark; --bg: #fbfaf7; --text: #1f2328; --muted: #4b5563; --card: #ffffff; --line: #d9d4c7;
  --accent: #1f5f8b; --urgent: #a4161a; --focus: #b45309; }
@media (prefers-color-scheme: dark) { :root { --bg: #15171a; --text: #eef0f2; --muted: #c3c8cf; --card: #1f2226;
  --line: #3a3f46; --accent: #8cc4ee; --urgent: #ff8a8a; --focus: #fbbf24; } }
* { box-sizing: border-box; }
body { margin: 0; font: 1.0625rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: var(--bg); color: var(--text); }
main { max-width: 40rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.75rem; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.2rem; margin: 0 0 0.25rem; }
.bar { padding: 0.75rem 1rem; border-bottom: 1px solid var(--line); }
footer.bar { border-top: 1px solid var(--line); border-bottom: 0; text-align: center; }
.home { font-weight: 700; text-decoration: none; color: var(--text); }
section { background: var(--card); border: 1px solid var(--line); border-radius: 12px; padding: 1rem; margin: 0 0 1rem; }
.emergency { border-color: var(--urgent); border-width: 2px; }
.contacts { list-style: none; padding: 0; margin: 0.5rem 0 0; display: flex; flex-wrap: wrap; gap: 0.5rem; }
a { color: var(--accent); }
a.contact { display: inline-block; min-height: 44px; padding: 0.6rem 1rem; border: 2px solid currentColor; border-radius: 999px; font-weight: 600; text-decoration: none; }
a.urgent { color: var(--urgent); }
a:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.note p { color: var(--muted); }
`;
