/**
 * What a member sees at once when their words sounded like a crisis: a warm message, the crisis
 * lines (each a tel:, sms: or https: link), the emergency number, and the people from their own
 * recovery plan. It takes the focus when it appears. Used after posting in the community; chat
 * will use it too.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import type { CrisisSupport } from '@kindred/common/community';
import { Button, ButtonAnchor } from '../../components/button.tsx';

/** A tel: address with only what a phone dials. */
const telHref = (phone: string) => `tel:${phone.replace(/[^0-9+*#]/g, '')}`;

type CrisisSupportPanelProps = {
  support: CrisisSupport;
  /** What happened to what they wrote, gently ("Your reply is posted."), and any link onwards. */
  children?: ReactNode;
  /** The panel's heading level in the page's outline (default 2). */
  headingLevel?: 2 | 3;
  /** Offers a way to put the panel away; without it the panel stays. */
  onDismiss?: () => void;
};

export function CrisisSupportPanel({ support, children, headingLevel = 2, onDismiss }: CrisisSupportPanelProps) {
  const panelRef = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  useEffect(() => {
    // After the page has settled (a page moves focus to its title in its own effect).
    queueMicrotask(() => {
      panelRef.current?.focus();
      panelRef.current?.scrollIntoView({ block: 'start' });
    });
  }, []);

  return (
    <div ref={panelRef} className="crisis-panel" role="alert" aria-labelledby={titleId} tabIndex={-1}>
      <Heading id={titleId} className="crisis-panel-title">
        You do not have to carry this alone
      </Heading>
      <p className="crisis-panel-message">{support.message}</p>
      {children && <div className="crisis-panel-context">{children}</div>}

      <p className="crisis-panel-emergency">
        If you are in danger right now, call{' '}
        <a href={telHref(support.emergencyNumber)} className="crisis-panel-call">
          {support.emergencyNumber}
        </a>
        .
      </p>

      {support.resources.length > 0 && (
        <>
          <p className="crisis-panel-subheading">People you can reach any time, for free:</p>
          <ul className="crisis-resources">
            {support.resources.map((resource) => (
              <li key={resource.name}>
                <span className="crisis-resource-name">{resource.name}</span>
                <span className="crisis-resource-description">{resource.description}</span>
                <span className="crisis-resource-contacts">
                  {resource.contacts.map((contact) => (
                    <a
                      key={contact.href}
                      href={contact.href}
                      className="crisis-contact"
                      {...(contact.href.startsWith('https:') ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
                    >
                      {contact.label}
                      {contact.href.startsWith('https:') && (
                        <span className="visually-hidden"> (opens in a new tab)</span>
                      )}
                    </a>
                  ))}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}

      {support.supportContacts.length > 0 && (
        <>
          <p className="crisis-panel-subheading">The people in your recovery plan:</p>
          <ul className="contact-list">
            {support.supportContacts.map((person, index) => (
              <li key={`${person.name}-${index}`}>
                {person.phone ? (
                  <a href={telHref(person.phone)} className="contact-call">
                    Call {person.name}
                  </a>
                ) : (
                  <strong>{person.name}</strong>
                )}{' '}
                <span className="muted">{[person.phone, person.note].filter(Boolean).join(' · ')}</span>
              </li>
            ))}
          </ul>
        </>
      )}

      <div className="actions">
        <ButtonAnchor href="/help" variant="secondary">
          See all crisis lines
        </ButtonAnchor>
        {onDismiss && (
          <Button variant="quiet" onClick={onDismiss}>
            Close this message
          </Button>
        )}
      </div>
    </div>
  );
}
