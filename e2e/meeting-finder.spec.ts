import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './helpers/accessibility.ts';
import { joinKindred, mainNav, pageHeading, uniqueHandle } from './helpers/accounts.ts';

// The server under test has the SE Pennsylvania AA feed imported before it starts (playwright.config.ts).
// A cheap phone in Chicago, an hour behind the Philadelphia meetings: times show in both zones.
const philadelphiaCityHall = { latitude: 39.9526, longitude: -75.1652 };
test.use({
  viewport: { width: 375, height: 740 },
  timezoneId: 'America/Chicago',
  geolocation: philadelphiaCityHall,
  permissions: ['geolocation'],
});

/** The short message that confirms an action. */
const toast = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text });
const results = (page: Page) => page.getByRole('list', { name: 'Meetings found' }).getByRole('listitem');
const resultsHeading = (page: Page) => page.getByRole('heading', { level: 2, name: /meetings?|No meetings found/ });

test('a visitor finds an online meeting near Philadelphia, adds it to their calendar, joins and marks "I went"', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const handle = uniqueHandle('meetings');
  const password = 'keep coming back 2025';

  await test.step('anyone can open the finder from the header; it points to the published feed', async () => {
    await page.goto('/');
    await mainNav(page).getByRole('link', { name: 'Meetings' }).click();
    await expect(pageHeading(page)).toHaveText('Find a meeting');
    await expect(page.locator('head link[rel="alternate"][type="application/json"]')).toHaveAttribute(
      'href',
      '/api/meetings/feed.json',
    );
    await expect(page.locator('head link[rel="alternate"]')).toHaveAttribute('title', 'Meetings Feed');
    await expect(results(page).first()).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'meeting finder');
  });

  await test.step('search near a typed place, chosen from a short list', async () => {
    await page.getByLabel('Town or postal code').fill('Philadelphia');
    await page.getByRole('button', { name: 'Look up' }).click();
    await expect(page.getByText(/Choose the place you mean/)).toBeVisible();
    await page.getByRole('button', { name: 'Philadelphia, PA' }).click();
    await expect(page).toHaveURL(/latitude=39\.95/);
    await expect(page.getByText('Near Philadelphia, PA')).toBeVisible();
    await expect(page.getByText(/^Nearest first, within 10 mi of Philadelphia, PA/)).toBeVisible();
    await expect(results(page).first()).toContainText(/mi away/);
    await expect(resultsHeading(page)).toBeFocused();
  });

  await test.step('or near where the phone is', async () => {
    await page.getByRole('button', { name: 'Use my location' }).click();
    await expect(page.getByText('Near your location')).toBeVisible();
    await expect(page).toHaveURL(/latitude=39\.9526&longitude=-75\.1652/);
    await expect(results(page).first()).toContainText(/mi away/);
    // The meetings keep Philadelphia's clock; the visitor in Chicago also sees their own.
    await expect(results(page).first()).toContainText(/in New York · .+ your time/);
  });

  await test.step('filter to online meetings; the filters live in the URL and the back button undoes them', async () => {
    await page.getByText('Day, time, online or in person, type, language, fellowship, region').click();
    await page.getByRole('group', { name: 'How people meet' }).getByLabel('Online', { exact: true }).check();
    await page.getByRole('button', { name: 'Show meetings' }).click();
    await expect(page).toHaveURL(/mode=online/);
    await expect(results(page).first()).toBeVisible();
    for (const result of (await results(page).all()).slice(0, 10)) {
      await expect(result.locator('.meeting-badge')).toHaveText('Online');
      await expect(result).toContainText('Online');
    }
    await expectNoSeriousA11yViolations(page, 'meeting finder (online near a point)');

    // (The box may be folded away inside "Day, time…": find it by id, not by role.)
    const onlineBox = page.locator('#finder-mode-online');
    await page.goBack();
    await expect(page).not.toHaveURL(/mode=online/);
    await expect(onlineBox).not.toBeChecked();
    await page.goForward();
    await expect(page).toHaveURL(/mode=online/);
    await expect(onlineBox).toBeChecked();
  });

  await test.step('languages, fellowships and regions are lists of what the meetings have', async () => {
    await page.goto('/meetings?language=S&region=Philadelphia%20County');
    await expect(page.locator('#finder-language')).toHaveValue('S');
    await expect(page.locator('#finder-language')).toContainText('Spanish');
    await expect(page.locator('#finder-region')).toHaveValue('Philadelphia County');
    await expect(page.locator('#finder-program')).toContainText('Alcoholics Anonymous');
    await expect(results(page).first()).toBeVisible();
    await expect(results(page).first()).toContainText('Spanish');
    await page.goBack();
  });

  await test.step('the map opens on request; the list stays whole when its pictures cannot load', async () => {
    // No tile server in the test: every picture fails, which is what the page must live with.
    await page.route('https://tile.openstreetmap.org/**', (route) => route.abort());
    await page.getByRole('button', { name: 'Show on a map' }).click();
    await expect(page.getByRole('region', { name: /^Map of \d+ meetings? with an address$/ })).toBeVisible();
    await expect(page).toHaveURL(/view=map/);
    await expect(results(page).first()).toBeVisible();
    await page.getByRole('button', { name: 'Hide the map' }).click();
    await expect(page.getByRole('region', { name: /^Map of/ })).toHaveCount(0);
  });

  let meetingPath = '';
  let meetingName = '';
  await test.step('open a meeting: its time, how to join, and where it comes from', async () => {
    const first = results(page).first().getByRole('heading').getByRole('link');
    meetingName = (await first.textContent()) ?? '';
    await first.click();
    await expect(pageHeading(page)).toHaveText(meetingName);
    meetingPath = new URL(page.url()).pathname;
    expect(meetingPath).toMatch(/^\/meetings\/.+/);
    await expect(page.getByRole('region', { name: 'Join online' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'About this listing' })).toContainText('Last updated');
    await expect(page.getByText('Sign in to keep favorites and count your meetings.')).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'meeting page (signed out)');
  });

  await test.step('"Add to calendar" is a calendar file', async () => {
    const calendarLink = page.getByRole('link', { name: 'Add to calendar' });
    const href = await calendarLink.getAttribute('href');
    expect(href).toBe(`/api${meetingPath}/calendar.ics`);
    const calendar = await page.request.get(href!);
    expect(calendar.ok()).toBe(true);
    expect(calendar.headers()['content-type']).toMatch(/^text\/calendar/);
    const text = await calendar.text();
    expect(text).toContain('BEGIN:VCALENDAR');
    expect(text).toContain('RRULE:FREQ=WEEKLY');
  });

  await test.step('join Kindred, come back, keep the meeting as a favorite and mark "I went"', async () => {
    await joinKindred(page, handle, password);
    await page.goto(meetingPath);
    await expect(pageHeading(page)).toHaveText(meetingName);

    const favorite = page.getByRole('button', { name: 'Favorite' });
    await expect(favorite).toHaveAttribute('aria-pressed', 'false');
    await favorite.click();
    await expect(favorite).toHaveAttribute('aria-pressed', 'true');
    await expect(toast(page, 'Added to your favorites.')).toBeVisible();

    await page.getByRole('button', { name: 'I went today' }).click();
    await expect(page.getByText('Counted. Well done for going.')).toBeVisible();
    await expect(page.locator('.meeting-attendance .ninety-count')).toHaveText('1 of 90 meetings in 90 days');
    await expect(page.getByText('You have marked this meeting once.')).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'meeting page (member)');
  });

  await test.step('My meetings keeps the favorite and the count', async () => {
    await mainNav(page).getByRole('link', { name: 'My recovery' }).click();
    await page.getByRole('link', { name: 'My meetings' }).click();
    await expect(pageHeading(page)).toHaveText('My meetings');
    await expect(page.locator('.ninety-count')).toHaveText('1 of 90 meetings in 90 days');
    const favorites = page.getByRole('region', { name: 'Favorites' });
    await expect(favorites.getByRole('link', { name: meetingName })).toBeVisible();
    await expect(favorites.getByRole('link', { name: 'Add all to your calendar' })).toHaveAttribute(
      'href',
      '/api/me/meetings/favorites.ics',
    );
    await expectNoSeriousA11yViolations(page, 'my meetings');
  });

  await test.step('a private calendar link keeps a calendar app up to date, until it is turned off', async () => {
    await page.getByRole('button', { name: 'Make a private calendar link' }).click();
    const linkField = page.getByLabel(/Your private calendar link/);
    await expect(linkField).toHaveValue(/\/api\/meetings\/calendars\/[A-Za-z0-9_-]{43}\.ics$/);
    const calendarPath = new URL(await linkField.inputValue()).pathname;
    // A calendar app has no session: the link alone gives the favorites.
    const subscribed = await page.context().browser()!.newContext();
    const calendar = await subscribed.request.get(new URL(calendarPath, page.url()).toString());
    expect(calendar.status()).toBe(200);
    expect(await calendar.text()).toContain(`SUMMARY:${meetingName}`);
    await expectNoSeriousA11yViolations(page, 'my meetings with a calendar link');
    await page.getByRole('button', { name: 'Turn the link off' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'The calendar link is off.' })).toBeVisible();
    expect((await subscribed.request.get(new URL(calendarPath, page.url()).toString())).status()).toBe(404);
    await subscribed.close();
  });
});

test('a refused location is explained, and the finder still works by place name', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, permissions: [] });
  const page = await context.newPage();
  await page.goto('/meetings');
  await page.getByRole('button', { name: 'Use my location' }).click();
  await expect(page.getByRole('alert')).toContainText('Your browser did not share your location with Kindred.');
  await expect(page.getByLabel('Town or postal code')).toBeVisible();
  await context.close();
});
