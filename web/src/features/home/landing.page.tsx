import { ButtonLink } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { Page } from '../../components/page.tsx';

const purposes = [
  { title: 'Find each other', text: 'Meet people on a path like yours, whatever your pathway, wherever you are.' },
  { title: 'Meetings', text: 'Find AA, NA, SMART, Recovery Dharma and other meetings tonight, near you or online.' },
  { title: 'Community', text: 'Ask, answer, share your story and encourage someone who is a few days behind you.' },
  { title: 'Groups', text: 'Small online support groups that meet and talk together.' },
  { title: 'Mentorship', text: 'Find a mentor, sponsor or recovery coach, and walk alongside someone else later on.' },
  { title: 'One day at a time', text: 'A quiet daily place to check in, count your days and mark your milestones.' },
];

/** The welcome for someone who is not signed in: what Kindred is, how it keeps them anonymous, where help is. */
export function LandingPage() {
  return (
    <Page
      title="You do not have to do this alone"
      documentTitle="Kindred"
      lead="Kindred is a free, open-source place where people in recovery from addiction support each other — peer to peer, one day at a time."
      width="wide"
    >
      <div className="landing">
        <div className="actions landing-actions">
          <ButtonLink to="/join">Join Kindred</ButtonLink>
          <ButtonLink to="/sign-in" variant="secondary">
            Sign in
          </ButtonLink>
        </div>

        <section aria-labelledby="landing-purpose" className="landing-section">
          <h2 id="landing-purpose">What Kindred is for</h2>
          <p className="muted">
            Kindred is young and growing. Today you can create an anonymous account and a profile; this is what we are
            building it for, together.
          </p>
          <ul className="purpose-list">
            {purposes.map((purpose) => (
              <li key={purpose.title} className="purpose">
                <h3>{purpose.title}</h3>
                <p>{purpose.text}</p>
              </li>
            ))}
          </ul>
        </section>

        <div className="card-grid landing-section">
          <Card title="Anonymous by default">
            <ul className="check-list">
              <li>You choose a handle. Your real name is never needed.</li>
              <li>Email is optional, never shown to anyone, and only used to help you back into your account.</li>
              <li>You decide who sees your profile and what you are recovering from.</li>
              <li>Download your data or delete your account whenever you want.</li>
            </ul>
          </Card>
          <Card title="Peer support, not treatment" tone="help">
            <p>
              Kindred is peer support: people in recovery helping each other. It is not a substitute for professional
              treatment, medical care or crisis services.
            </p>
            <p>
              If you are struggling right now, you can talk to someone today, day or night.{' '}
              <a href="/help">See crisis lines and where to find help</a>.
            </p>
          </Card>
        </div>
      </div>
    </Page>
  );
}
