import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './helpers/accessibility.ts';
import { mainNav, pageHeading, uniqueHandle } from './helpers/accounts.ts';

test('a person joins, signs out and in, shapes their profile, downloads their data and deletes their account', async ({
  page,
  playwright,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const handle = uniqueHandle('journey');
  const password = 'steady morning light 42';

  await test.step('the landing page welcomes and explains', async () => {
    await page.goto('/');
    await expect(pageHeading(page)).toHaveText('You do not have to do this alone');
    await expect(page.getByText('It is not a substitute for professional treatment')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Get help now' })).toHaveAttribute('href', '/help');
    await expectNoSeriousA11yViolations(page, 'landing');
  });

  await test.step('join: mistakes are explained, then the account is created', async () => {
    await page.getByRole('link', { name: 'Join Kindred' }).click();
    await expect(page).toHaveURL(/\/join$/);
    await expect(pageHeading(page)).toHaveText('Join Kindred');
    await expect(pageHeading(page)).toBeFocused();
    await expectNoSeriousA11yViolations(page, 'join');

    await page.getByLabel('Handle').fill('x');
    await page.getByRole('button', { name: 'Create my account' }).click();
    const summary = page.getByRole('group', { name: 'Please check these things' });
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('Handle: A handle has at least 3 characters.');
    await expect(summary).toContainText('Password: Use at least 10 characters.');
    await expect(page.getByLabel('Handle')).toHaveAttribute('aria-invalid', 'true');
    await expectNoSeriousA11yViolations(page, 'join with errors');

    await page.getByLabel('Handle').fill(handle);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Show password' }).click();
    await expect(page.getByLabel('Password', { exact: true })).toHaveAttribute('type', 'text');
    await page.getByRole('button', { name: 'Create my account' }).click();

    await expect(page).toHaveURL(/\/$/);
    await expect(pageHeading(page)).toContainText(handle);
    await expect(page.getByRole('status').filter({ hasText: `Welcome to Kindred, ${handle}` })).toBeVisible();
    await expect(page.getByRole('region', { name: 'My recovery' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'member home');
  });

  await test.step('sign out, then sign in again (a wrong password is refused kindly)', async () => {
    await mainNav(page).getByRole('button', { name: 'Sign out' }).click();
    await expect(pageHeading(page)).toHaveText('You do not have to do this alone');
    await expect(mainNav(page).getByRole('link', { name: 'Sign in' })).toBeVisible();

    await mainNav(page).getByRole('link', { name: 'Sign in' }).click();
    await expect(pageHeading(page)).toHaveText('Sign in');
    await expectNoSeriousA11yViolations(page, 'sign in');

    await page.getByLabel('Handle').fill(handle);
    await page.getByLabel('Password', { exact: true }).fill('not my password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const summary = page.getByRole('group', { name: 'That did not work' });
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('do not match');

    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(pageHeading(page)).toContainText(handle);
  });

  await test.step('a members-only page sends a signed-out visitor to sign in and back', async () => {
    const visitor = await page.context().browser()!.newContext({ baseURL });
    const visitorPage = await visitor.newPage();
    await visitorPage.goto('/settings/profile');
    await expect(visitorPage).toHaveURL(/\/sign-in\?next=%2Fsettings%2Fprofile$/);
    await visitorPage.getByLabel('Handle').fill(handle);
    await visitorPage.getByLabel('Password', { exact: true }).fill(password);
    await visitorPage.getByRole('button', { name: 'Sign in' }).click();
    await expect(visitorPage).toHaveURL(/\/settings\/profile$/);
    await expect(pageHeading(visitorPage)).toHaveText('Your profile');
    await visitor.close();
  });

  await test.step('edit the profile and find it saved after a reload', async () => {
    await mainNav(page).getByRole('link', { name: 'Profile' }).click();
    await expect(pageHeading(page)).toHaveText('Your profile');
    await expect(page.getByLabel('Handle')).toHaveValue(handle);
    await expectNoSeriousA11yViolations(page, 'profile settings');

    await page.getByLabel('Display name').fill('River');
    await page.getByLabel('Pronouns').fill('they/them');
    await page.getByLabel('About me').fill('Two years in. Mornings are for walking the dog.');
    await expect(
      page.getByText(`${500 - 'Two years in. Mornings are for walking the dog.'.length} of 500 characters left`),
    ).toBeVisible();
    const pathways = page.getByRole('group', { name: 'Recovery pathways' });
    await pathways.getByRole('checkbox', { name: 'SMART Recovery' }).check();
    await pathways.getByRole('checkbox', { name: 'Harm reduction' }).check();
    await page.getByLabel('What you are recovering from').fill('alcohol');
    await page
      .getByRole('group', { name: 'Who can see what you are recovering from?' })
      .getByRole('radio', { name: 'Members of Kindred' })
      .check();
    const languages = page.getByRole('group', { name: 'Languages you speak' });
    await languages.getByRole('checkbox', { name: 'English' }).check();
    await languages.getByRole('checkbox', { name: 'Español' }).check();
    await page.getByLabel('Time zone').selectOption('America/Chicago');
    const visibility = page.getByRole('group', { name: 'Who can see your profile?' });
    await visibility.getByRole('radio', { name: 'Nobody' }).check();
    await visibility.getByRole('radio', { name: 'Members of Kindred' }).check();

    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Profile saved' })).toBeVisible();

    await page.reload();
    await expect(page.getByLabel('Display name')).toHaveValue('River');
    await expect(page.getByLabel('About me')).toHaveValue('Two years in. Mornings are for walking the dog.');
    await expect(pathways.getByRole('checkbox', { name: 'SMART Recovery' })).toBeChecked();
    await expect(pathways.getByRole('checkbox', { name: 'Harm reduction' })).toBeChecked();
    await expect(pathways.getByRole('checkbox', { name: '12-step' })).not.toBeChecked();
    await expect(languages.getByRole('checkbox', { name: 'Español' })).toBeChecked();
    await expect(page.getByLabel('Time zone')).toHaveValue('America/Chicago');
    await expect(visibility.getByRole('radio', { name: 'Members of Kindred' })).toBeChecked();
  });

  await test.step('a bio that is too long is caught before saving', async () => {
    await page.getByLabel('About me').fill('a'.repeat(501));
    await expect(page.getByText('1 character too many')).toBeVisible();
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect(page.getByRole('group', { name: 'Please check one thing' })).toContainText(
      'About me: A bio has at most 500 characters.',
    );
    await page.reload();
    await expect(page.getByLabel('About me')).toHaveValue('Two years in. Mornings are for walking the dog.');
  });

  await test.step('view the member page as others see it', async () => {
    await page.getByRole('link', { name: 'See your profile as other members see it' }).click();
    await expect(page).toHaveURL(new RegExp(`/members/${handle}$`));
    await expect(pageHeading(page)).toHaveText('River');
    await expect(page.getByText('This is how other members see your profile')).toBeVisible();
    await expect(page.getByText('Two years in. Mornings are for walking the dog.')).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: 'SMART Recovery' })).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: 'Español' })).toBeVisible();
    await expect(page.getByText('alcohol', { exact: true })).toBeVisible();
    await expect(page.getByText('they/them')).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'member page');

    await page.goto('/members/nobody_has_this_handle');
    await expect(pageHeading(page)).toHaveText('We could not find that member');
  });

  await test.step('account: download my data', async () => {
    await mainNav(page).getByRole('link', { name: 'Account' }).click();
    await expect(pageHeading(page)).toHaveText('Account');
    await expectNoSeriousA11yViolations(page, 'account settings');

    const downloadStarted = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download my data' }).click();
    const download = await downloadStarted;
    expect(download.suggestedFilename()).toMatch(new RegExp(`^kindred-${handle}-\\d{4}-\\d{2}-\\d{2}\\.json$`));
    const text = await readFile(await download.path(), 'utf8');
    const exported = JSON.parse(text) as {
      account: { handle: string };
      profile: { displayName: string; bio: string; recoveryPathways: string[]; languages: string[] };
    };
    expect(exported.account.handle).toBe(handle);
    expect(exported.profile.displayName).toBe('River');
    expect(exported.profile.bio).toBe('Two years in. Mornings are for walking the dog.');
    expect(exported.profile.recoveryPathways).toEqual(expect.arrayContaining(['smart_recovery', 'harm_reduction']));
    expect(exported.profile.languages).toEqual(expect.arrayContaining(['en', 'es']));
    expect(text).not.toMatch(/argon2|passwordHash|password_hash|tokenHash|token_hash/i);
    expect(text).not.toContain(password);
  });

  await test.step('account: see where I am signed in and end another session', async () => {
    const elsewhere = await playwright.request.newContext({
      baseURL,
      userAgent: 'Mozilla/5.0 (Linux; Android 14) Firefox/128.0',
    });
    const signIn = await elsewhere.post('/api/auth/sign-in', { data: { handle, password } });
    expect(signIn.status()).toBe(200);

    await page.reload();
    const sessions = page.locator('.session-list > li');
    await expect(sessions).toHaveCount(3);
    await expect(sessions.first()).toContainText('This device');
    const firefox = sessions.filter({ hasText: 'Firefox on Android' });
    await expect(firefox).toHaveCount(1);
    await firefox.getByRole('button', { name: /^Revoke Firefox on Android/ }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Firefox on Android is signed out.' })).toBeVisible();
    await expect(sessions).toHaveCount(2);
    expect((await elsewhere.get('/api/me')).status()).toBe(401);
    await elsewhere.dispose();
  });

  await test.step('delete the account, after a dialog that asks for the password', async () => {
    const deleteButton = page.getByRole('button', { name: 'Delete my account', exact: true });
    await deleteButton.click();
    const dialog = page.getByRole('dialog', { name: 'Delete your account?' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel('Your password')).toBeFocused();
    await expect(dialog).toContainText(`Your handle ${handle} becomes free for someone else to use.`);
    await expectNoSeriousA11yViolations(page, 'delete dialog');

    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(deleteButton).toBeFocused();

    await deleteButton.click();
    await dialog.getByLabel('Your password').fill('the wrong password');
    await dialog.getByRole('button', { name: 'Delete my account forever' }).click();
    await expect(dialog.getByRole('group', { name: 'Please check one thing' })).toBeFocused();
    await expect(dialog.getByLabel('Your password')).toHaveAttribute('aria-invalid', 'true');

    await dialog.getByLabel('Your password').fill(password);
    await dialog.getByRole('button', { name: 'Delete my account forever' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(pageHeading(page)).toHaveText('You do not have to do this alone');
    await expect(page.getByRole('status').filter({ hasText: 'Your account has been deleted' })).toBeVisible();
  });

  await test.step('signing in to the deleted account fails', async () => {
    await page.goto('/sign-in');
    await page.getByLabel('Handle').fill(handle);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('group', { name: 'That did not work' })).toContainText('do not match');
    await expect(page).toHaveURL(/\/sign-in$/);
  });
});
