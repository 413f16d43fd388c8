import type { Me } from '@kindred/common/accounts';
import { ButtonAnchor, ButtonLink } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { Page } from '../../components/page.tsx';
import { useOwnProfile } from '../profiles/profiles.api.ts';

function greetingFor(date: Date): string {
  const hour = date.getHours();
  if (hour < 5) return 'Hello';
  if (hour < 12) return 'Good morning';
  if (hour < 18) return 'Good afternoon';
  return 'Good evening';
}

/** A member's home: a greeting, their profile and account, help, and where their communities will be. */
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
        <EmptyState title="Your communities will appear here">
          <p>As Kindred grows, the meetings, groups and people you connect with will show up on this page.</p>
        </EmptyState>
      </div>
    </Page>
  );
}
