import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

const failingImpacts = new Set(['serious', 'critical']);

function describeViolation(violation: Violation): string {
  const nodes = violation.nodes
    .slice(0, 5)
    .map((node) => `    - ${node.target.join(' ')}\n      ${node.failureSummary?.replaceAll('\n', '\n      ') ?? ''}`)
    .join('\n');
  const more = violation.nodes.length > 5 ? `\n    … and ${violation.nodes.length - 5} more` : '';
  return `  [${violation.impact}] ${violation.id}: ${violation.help}\n    ${violation.helpUrl}\n${nodes}${more}`;
}

/**
 * Runs axe on the page as it is now and fails on any serious or critical violation, listing
 * each one readably. Minor and moderate findings are printed but do not fail the journey.
 */
export async function expectNoSeriousA11yViolations(page: Page, where = page.url()): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => failingImpacts.has(violation.impact ?? ''));
  const others = results.violations.filter((violation) => !failingImpacts.has(violation.impact ?? ''));
  if (others.length > 0) {
    console.log(`Accessibility notes on ${where}:\n${others.map(describeViolation).join('\n')}`);
  }
  expect(
    serious.map((violation) => violation.id),
    `Serious accessibility violations on ${where}:\n${serious.map(describeViolation).join('\n')}`,
  ).toEqual([]);
}
