import { useTranslation } from 'react-i18next';
import { Countdown } from '../ui/Countdown';
import { DescriptionItem, DescriptionList } from '../ui/DescriptionList';
import type { SessionDetails } from './summarize-session';

/** Who is signed in and what the identity pool gave them. Shows no token or secret. */
export function SessionDetailsList({ details }: { details: SessionDetails }) {
  const { t, i18n } = useTranslation();
  const { email, groups, role, identityId, accessKeyPrefix, credentialsExpire } = details;
  const notObtained = t('session.notObtained');
  return (
    <DescriptionList>
      <DescriptionItem term={t('session.email')}>{email}</DescriptionItem>
      <DescriptionItem term={t('session.groups')}>
        {groups.length > 0 ? (
          <ul className="inline-list">
            {groups.map((group) => (
              <li key={group}>{group}</li>
            ))}
          </ul>
        ) : (
          t('session.noGroups')
        )}
      </DescriptionItem>
      <DescriptionItem term={t('session.role')}>{role ?? t('session.noRole')}</DescriptionItem>
      <DescriptionItem term={t('session.identityId')}>{identityId ?? notObtained}</DescriptionItem>
      <DescriptionItem term={t('session.accessKey')}>
        {accessKeyPrefix ? `${accessKeyPrefix}…` : notObtained}
      </DescriptionItem>
      <DescriptionItem term={t('session.credentialsExpire')}>
        {credentialsExpire ? (
          <>
            <time dateTime={credentialsExpire.toISOString()}>
              {credentialsExpire.toLocaleString(i18n.language)}
            </time>{' '}
            (<Countdown until={credentialsExpire} />)
          </>
        ) : (
          notObtained
        )}
      </DescriptionItem>
    </DescriptionList>
  );
}
