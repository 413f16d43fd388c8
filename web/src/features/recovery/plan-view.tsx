/** The saved recovery plan, read-only: what shows on the page and what prints. */
import type { ReactNode } from 'react';
import { copingStrategies, type RecoveryPlan } from '@kindred/common/recovery';
import { formatDate } from '../../lib/dates.ts';

type Contact = RecoveryPlan['peopleToCall'][number];

/** A tel: address with only what a phone dials. */
const telHref = (phone: string) => `tel:${phone.replace(/[^0-9+]/g, '')}`;

function PlanSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="plan-view-section">
      <h3>{title}</h3>
      {children}
    </div>
  );
}

function TextItems({ items }: { items: readonly string[] }) {
  return (
    <ul className="plan-view-list">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

function ContactItems({ contacts }: { contacts: readonly Contact[] }) {
  return (
    <ul className="plan-view-list plan-view-contacts">
      {contacts.map((contact, index) => (
        <li key={`${contact.name}-${index}`}>
          <span className="plan-view-contact-name">{contact.name}</span>
          {contact.phone && (
            <>
              {' '}
              <a href={telHref(contact.phone)}>{contact.phone}</a>
            </>
          )}
          {contact.note && <span className="plan-view-contact-note"> · {contact.note}</span>}
        </li>
      ))}
    </ul>
  );
}

/** True when the plan has nothing in it yet. */
export function isPlanEmpty(plan: RecoveryPlan): boolean {
  return (
    plan.triggers.length +
      plan.warningSigns.length +
      plan.copingStrategies.length +
      plan.ownCopingStrategies.length +
      plan.reasons.length +
      plan.peopleToCall.length +
      plan.safePlaces.length +
      plan.professionalContacts.length ===
    0
  );
}

export function PlanView({ plan, headingId }: { plan: RecoveryPlan; headingId: string }) {
  const strategies = copingStrategies.filter((strategy) => plan.copingStrategies.includes(strategy.code));
  const hasStrategies = strategies.length > 0 || plan.ownCopingStrategies.length > 0;
  return (
    <div className="plan-view">
      <h2 id={headingId} className="plan-view-title">
        My recovery plan
      </h2>
      {plan.updatedAt && (
        <p className="muted">
          Last changed on <time dateTime={plan.updatedAt}>{formatDate(plan.updatedAt)}</time>
        </p>
      )}
      {plan.reasons.length > 0 && (
        <PlanSection title="Why I am in recovery">
          <TextItems items={plan.reasons} />
        </PlanSection>
      )}
      {plan.triggers.length > 0 && (
        <PlanSection title="My triggers">
          <TextItems items={plan.triggers} />
        </PlanSection>
      )}
      {plan.warningSigns.length > 0 && (
        <PlanSection title="My early warning signs">
          <TextItems items={plan.warningSigns} />
        </PlanSection>
      )}
      {hasStrategies && (
        <PlanSection title="What helps me cope">
          <ul className="plan-view-list">
            {strategies.map((strategy) => (
              <li key={strategy.code}>
                <span className="plan-view-strategy">{strategy.name}</span>: {strategy.description}
              </li>
            ))}
            {plan.ownCopingStrategies.map((strategy) => (
              <li key={strategy}>{strategy}</li>
            ))}
          </ul>
        </PlanSection>
      )}
      {plan.peopleToCall.length > 0 && (
        <PlanSection title="People I can call">
          <ContactItems contacts={plan.peopleToCall} />
        </PlanSection>
      )}
      {plan.safePlaces.length > 0 && (
        <PlanSection title="Safe places I can go">
          <TextItems items={plan.safePlaces} />
        </PlanSection>
      )}
      {plan.professionalContacts.length > 0 && (
        <PlanSection title="Professional help">
          <ContactItems contacts={plan.professionalContacts} />
        </PlanSection>
      )}
      <p className="plan-view-footer">
        If I am in danger or cannot stay safe, I call my local emergency number or a crisis line.
      </p>
    </div>
  );
}
