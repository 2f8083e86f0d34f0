import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import { useTranslation } from 'react-i18next';
import { Countdown } from '../ui/Countdown';
import type { SessionDetails } from './summarize-session';
import { BreakableText } from '../ui/BreakableText';

/** Who is signed in and what the identity pool gave them. Shows no token or secret. */
export function SessionDetailsList({ details }: { details: SessionDetails }) {
  const { t, i18n } = useTranslation();
  const { email, groups, role, roleUntil, identityId, accessKeyPrefix, credentialsExpire } =
    details;
  const notObtained = t('session.notObtained');
  return (
    <KeyValuePairs
      columns={3}
      items={[
        { label: t('session.email'), value: <BreakableText text={email} /> },
        {
          label: t('session.groups'),
          value:
            groups.length > 0 ? (
              <ul className="inline-list">
                {groups.map((group) => (
                  <li key={group}>{group}</li>
                ))}
              </ul>
            ) : (
              t('session.noGroups')
            ),
        },
        {
          label: t('session.role'),
          value: role ? (
            <>
              <BreakableText text={role} />
              {roleUntil &&
                ` ${t('session.roleUntil', { time: roleUntil.toLocaleTimeString(i18n.language) })}`}
            </>
          ) : (
            t('session.noRole')
          ),
        },
        {
          label: t('session.identityId'),
          value: identityId ? <BreakableText text={identityId} /> : notObtained,
        },
        {
          label: t('session.accessKey'),
          value: accessKeyPrefix ? `${accessKeyPrefix}…` : notObtained,
        },
        {
          label: t('session.credentialsExpire'),
          value: credentialsExpire ? (
            <>
              <time dateTime={credentialsExpire.toISOString()}>
                {credentialsExpire.toLocaleString(i18n.language)}
              </time>{' '}
              (<Countdown until={credentialsExpire} />)
            </>
          ) : (
            notObtained
          ),
        },
      ]}
    />
  );
}
