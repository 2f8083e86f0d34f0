import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { routeQuery } from '../../../api/route-queries';
import { groupScreen } from '../../../app/admin-screens';
import { QueryStatus } from '../../../ui/QueryStatus';

/** The pool's groups as deployed: the IAM role each hands out, precedence and members. */
export default function GroupsPage() {
  const { t } = useTranslation();
  const groups = useQuery(routeQuery('listGroups'));
  return (
    <section className="panel wide" aria-labelledby="groups-heading">
      <h2 id="groups-heading">{t('groups.heading')}</h2>
      <p>{t('groups.intro')}</p>
      <QueryStatus query={groups}>
        {({ groups: list }) => (
          <table>
            <caption>{t('groups.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('groups.name')}</th>
                <th scope="col">{t('groups.description')}</th>
                <th scope="col">{t('groups.precedence')}</th>
                <th scope="col">{t('groups.role')}</th>
                <th scope="col">{t('groups.members')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((group) => (
                <tr key={group.name}>
                  <th scope="row">{group.name}</th>
                  <td>{group.description}</td>
                  <td>{group.precedence ?? '—'}</td>
                  <td>
                    <code>{group.roleArn ?? t('groups.noRole')}</code>
                  </td>
                  <td>
                    <Link
                      to={groupScreen(group.name)}
                      aria-label={t('groups.membersOf', {
                        group: group.name,
                        count: group.memberCount,
                      })}
                    >
                      {group.memberCount}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryStatus>
    </section>
  );
}
