import { DescriptionItem, DescriptionList } from '../ui/DescriptionList';
import type { SessionDetails } from './summarizeSession';

interface SessionSummaryProps {
  details: SessionDetails;
  busy: boolean;
  onSignOut(): void;
}

/** Who is signed in and what the identity pool gave them. Shows no token or secret. */
export function SessionSummary({ details, busy, onSignOut }: SessionSummaryProps) {
  const { email, groups, role, identityId, accessKeyPrefix, credentialsExpire } = details;
  return (
    <section className="panel" aria-labelledby="signed-in-heading">
      <h2 id="signed-in-heading">Signed in</h2>
      <DescriptionList>
        <DescriptionItem term="Email">{email}</DescriptionItem>
        <DescriptionItem term="Groups">
          {groups.length > 0 ? (
            <ul className="inline-list">
              {groups.map((group) => (
                <li key={group}>{group}</li>
              ))}
            </ul>
          ) : (
            'None'
          )}
        </DescriptionItem>
        <DescriptionItem term="Role">{role ?? 'None (not in a group with a role)'}</DescriptionItem>
        <DescriptionItem term="Identity ID">{identityId ?? 'Not obtained'}</DescriptionItem>
        <DescriptionItem term="Access key">
          {accessKeyPrefix ? `${accessKeyPrefix}…` : 'Not obtained'}
        </DescriptionItem>
        <DescriptionItem term="Credentials expire">
          {credentialsExpire ? (
            <time dateTime={credentialsExpire.toISOString()}>
              {credentialsExpire.toLocaleString()}
            </time>
          ) : (
            'Not obtained'
          )}
        </DescriptionItem>
      </DescriptionList>
      <button type="button" onClick={onSignOut} disabled={busy}>
        Sign out
      </button>
    </section>
  );
}
