import type { Me } from '@kindred/common/accounts';
import { Link } from 'react-router';
import { ButtonAnchor, ButtonLink } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { Loading } from '../../components/loading.tsx';
import { Page } from '../../components/page.tsx';
import { toApiError } from '../../lib/api.ts';
import { useOwnProfile } from '../profiles/profiles.api.ts';
import { NextMilestone } from '../recovery/counter-summary.tsx';
import { useCounters } from '../recovery/counters.api.ts';
import { formatDays } from '../../lib/calendar-days.ts';

function greetingFor(date: Date): string {
  const hour = date.getHours();
  if (hour < 5) return 'Hello';
  if (hour < 12) return 'Good morning';
  if (hour < 18) return 'Good afternoon';
  return 'Good evening';
}

/** A member's home: a greeting, their recovery at a glance, their profile and account, and help. */
export function MemberHomePage({ me }: { me: Me }) {
  const profile = useOwnProfile();
  const name = profile.data?.displayName ?? me.handle;
  return (
    <Page
      title={`${greetingFor(new Date())}, ${name}`}
      documentTitle="Home"
      lead="Welcome back. One day at a time."
      width="wide"
    >
      <div className="stack">
        <RecoveryCard />
        <div className="card-grid">
          <Card title="Your profile">
            <p>Choose what other members see: your pathways, languages and a few words about you.</p>
            <ButtonLink to="/settings/profile" variant="secondary">
              Edit your profile
            </ButtonLink>
          </Card>
          <Card title="Your account">
            <p>Your email, password, signed-in devices, and your data.</p>
            <ButtonLink to="/settings/account" variant="secondary">
              Account settings
            </ButtonLink>
          </Card>
          <Card title="Having a hard moment?" tone="help">
            <p>You do not have to wait it out alone. Crisis lines are open day and night.</p>
            <ButtonAnchor href="/help" variant="secondary">
              See crisis lines
            </ButtonAnchor>
          </Card>
        </div>
      </div>
    </Page>
  );
}

/** "My recovery" at a glance: each counter's days and next milestone, or an invitation to add the first. */
function RecoveryCard() {
  const counters = useCounters();
  return (
    <Card title={<Link to="/recovery">My recovery</Link>} className="home-recovery">
      {counters.isPending ? (
        <Loading label="Loading your counters…" />
      ) : counters.isError ? (
        <p>{toApiError(counters.error).message}</p>
      ) : counters.data.counters.length === 0 ? (
        <p>Count your days in recovery and celebrate each milestone. Only you can see your counters.</p>
      ) : (
        <ul className="home-counters">
          {counters.data.counters.map((counter) => (
            <li key={counter.id}>
              <Link to={`/recovery/counters/${encodeURIComponent(counter.id)}`} className="home-counter-label">
                {counter.label}
              </Link>
              <span className="home-counter-days">{formatDays(counter.days)}</span>
              <NextMilestone milestone={counter.nextMilestone} today={counters.data.today} />
            </li>
          ))}
        </ul>
      )}
      <div className="actions">
        <ButtonLink to="/recovery/check-in">Today’s check-in</ButtonLink>
        {counters.data?.counters.length === 0 && (
          <ButtonLink to="/recovery/counters/new" variant="secondary">
            Add your first counter
          </ButtonLink>
        )}
      </div>
    </Card>
  );
}
