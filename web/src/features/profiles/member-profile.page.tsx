import { Link, useParams } from 'react-router';
import type { MemberProfile } from '@kindred/common/profiles';
import { ButtonLink } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { Loading } from '../../components/loading.tsx';
import { Notice } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';
import { toApiError } from '../../lib/api.ts';
import { formatMonthYear } from '../../lib/dates.ts';
import { useMe } from '../../lib/me.ts';
import { languageName, languageNameLang, pathwayLabel } from './profile-labels.ts';
import { useMemberProfile, useOwnProfile } from './profiles.api.ts';
import { ProfileSafetyActions } from '../safety/profile-safety-actions.tsx';

/** A member's profile, as other members see it. */
export function MemberProfilePage() {
  const { handle = '' } = useParams();
  const profile = useMemberProfile(handle);
  if (profile.isPending) return <Loading label="Loading profile…" />;
  if (profile.isError) {
    const error = toApiError(profile.error);
    if (error.code === 'not_found') return <MemberNotFound />;
    return (
      <Page title="Member profile">
        <Notice tone="error" title="We could not load this profile">
          <p>{error.message}</p>
        </Notice>
      </Page>
    );
  }
  return <MemberProfileView profile={profile.data} />;
}

function MemberNotFound() {
  return (
    <Page title="We could not find that member">
      <p>
        There is no profile to show at this address. The member may have changed their handle, or chosen to keep their
        profile private.
      </p>
      <p>
        <Link to="/">Go to your home page</Link>
      </p>
    </Page>
  );
}

function MemberProfileView({ profile }: { profile: MemberProfile }) {
  const me = useMe();
  const isOwnProfile = me.data?.handle.toLowerCase() === profile.handle.toLowerCase();
  const title = profile.displayName ?? profile.handle;
  return (
    <Page title={title} documentTitle={`${title} (${profile.handle})`}>
      {isOwnProfile && <OwnProfileNote />}
      <div className="stack">
        <Card>
          <dl className="profile-facts">
            <div>
              <dt>Handle</dt>
              <dd>{profile.handle}</dd>
            </div>
            {profile.pronouns && (
              <div>
                <dt>Pronouns</dt>
                <dd>{profile.pronouns}</dd>
              </div>
            )}
            <div>
              <dt>Member since</dt>
              <dd>
                <time dateTime={profile.memberSince}>{formatMonthYear(profile.memberSince)}</time>
              </dd>
            </div>
          </dl>
        </Card>
        {profile.bio && (
          <Card title="About me">
            <p className="profile-bio">{profile.bio}</p>
          </Card>
        )}
        {(profile.recoveryPathways.length > 0 || profile.recoveringFrom) && (
          <Card title="Recovery">
            {profile.recoveryPathways.length > 0 && (
              <>
                <h3 className="profile-subheading">Pathways</h3>
                <ul className="tag-list">
                  {profile.recoveryPathways.map((pathway) => (
                    <li key={pathway}>{pathwayLabel(pathway)}</li>
                  ))}
                </ul>
              </>
            )}
            {profile.recoveringFrom && (
              <>
                <h3 className="profile-subheading">Recovering from</h3>
                <p>{profile.recoveringFrom}</p>
              </>
            )}
          </Card>
        )}
        {profile.languages.length > 0 && (
          <Card title="Languages">
            <ul className="tag-list">
              {profile.languages.map((code) => (
                <li key={code} lang={languageNameLang(code)}>
                  {languageName(code)}
                </li>
              ))}
            </ul>
          </Card>
        )}
        {!isOwnProfile && <ProfileSafetyActions handle={profile.handle} />}
      </div>
    </Page>
  );
}

function OwnProfileNote() {
  const ownProfile = useOwnProfile();
  const isHidden = ownProfile.data?.profileVisibility === 'nobody';
  return (
    <Notice title={isHidden ? 'Only you can see your profile' : 'This is how other members see your profile'}>
      <p>
        {isHidden
          ? 'Your profile is hidden from other members. You can change that in your profile settings.'
          : 'What you are recovering from shows here only if you share it with members.'}
      </p>
      <ButtonLink to="/settings/profile" variant="secondary">
        Edit your profile
      </ButtonLink>
    </Notice>
  );
}
