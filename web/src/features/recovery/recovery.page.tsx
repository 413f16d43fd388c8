import { useId } from 'react';
import { Link } from 'react-router';
import type { Counter } from '@kindred/common/recovery';
import { ButtonLink } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { Loading } from '../../components/loading.tsx';
import { Notice } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';
import { toApiError } from '../../lib/api.ts';
import { CounterToday } from './counter-summary.tsx';
import { useCounters } from './counters.api.ts';

/** "My recovery": the member's counters and the way to their check-ins, plan, journal and the community. */
export function RecoveryPage() {
  const counters = useCounters();
  const countersHeadingId = useId();
  return (
    <Page
      title="My recovery"
      lead="One day at a time. Everything here is private to you, unless you choose to share a milestone."
      width="wide"
    >
      <div className="stack">
        <section aria-labelledby={countersHeadingId}>
          <div className="section-heading">
            <h2 id={countersHeadingId}>Your counters</h2>
            {counters.data && counters.data.counters.length > 0 && (
              <ButtonLink to="/recovery/counters/new" variant="secondary">
                Add a counter
              </ButtonLink>
            )}
          </div>
          {counters.isPending ? (
            <Loading label="Loading your counters…" />
          ) : counters.isError ? (
            <Notice tone="error" title="We could not load your counters">
              <p>{toApiError(counters.error).message}</p>
            </Notice>
          ) : counters.data.counters.length === 0 ? (
            <EmptyState
              headingLevel={3}
              title="Count the days that matter to you"
              action={<ButtonLink to="/recovery/counters/new">Add your first counter</ButtonLink>}
            >
              <p>
                A counter keeps track of your time in recovery, from alcohol, gambling or anything you are working on,
                and celebrates each milestone with you. Only you can see it.
              </p>
            </EmptyState>
          ) : (
            <div className="card-grid">
              {counters.data.counters.map((counter) => (
                <CounterCard key={counter.id} counter={counter} today={counters.data.today} />
              ))}
            </div>
          )}
        </section>
        <DayByDay />
      </div>
    </Page>
  );
}

function CounterCard({ counter, today }: { counter: Counter; today: string }) {
  return (
    <Card
      headingLevel={3}
      className="counter-card"
      title={<Link to={`/recovery/counters/${encodeURIComponent(counter.id)}`}>{counter.label}</Link>}
    >
      <CounterToday counter={counter} today={today} />
    </Card>
  );
}

const dailyLinks = [
  { to: '/recovery/check-in', label: 'Today’s check-in', text: 'How are you today? Mood, cravings and your pledge.' },
  {
    to: '/recovery/check-ins',
    label: 'Your check-ins',
    text: 'How your days have gone, and what tends to set off cravings.',
  },
  { to: '/recovery/plan', label: 'Your recovery plan', text: 'Your triggers, what helps, and the people to call.' },
  { to: '/recovery/journal', label: 'Your journal', text: 'A private place to put the day into words.' },
  { to: '/recovery/meetings', label: 'My meetings', text: 'Your favorite meetings, and 90 meetings in 90 days.' },
  { to: '/milestones', label: 'Community milestones', text: 'Cheer on other members, and share your own milestones.' },
] as const;

function DayByDay() {
  return (
    <Card title="Day by day">
      <ul className="link-list">
        {dailyLinks.map((link) => (
          <li key={link.to}>
            <Link to={link.to} className="link-list-link">
              {link.label}
            </Link>
            <span className="link-list-text">{link.text}</span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
