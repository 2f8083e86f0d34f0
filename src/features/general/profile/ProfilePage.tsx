import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../../api/api-error';
import { useRouteMutation } from '../../../api/route-mutations';
import { routeQuery } from '../../../api/route-queries';
import {
  DISPLAY_NAME_MAX,
  LANGUAGES,
  profileConflict,
  updateProfileBody,
  type Language,
  type Profile,
} from '@contract';
import { DescriptionItem, DescriptionList } from '../../../ui/DescriptionList';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { QueryStatus } from '../../../ui/QueryStatus';
import { SelectField } from '../../../ui/SelectField';
import { Notice } from '../../../ui/Notice';
import { TextField } from '../../../ui/TextField';
import { ChangeEmail } from './ChangeEmail';

/**
 * The signed-in person's profile: identity from the token, display name and language, and
 * changing their e-mail address.
 */
export default function ProfilePage() {
  const { t } = useTranslation();
  const profile = useQuery(routeQuery('getMyProfile'));
  return (
    <>
      <section className="panel" aria-labelledby="profile-heading">
        <h2 id="profile-heading">{t('profile.heading')}</h2>
        <QueryStatus query={profile}>{(current) => <ProfileForm profile={current} />}</QueryStatus>
        <p>
          <Link to="/profile/password">{t('session.changePassword')}</Link>
        </p>
      </section>
      {/* Outside the profile's query, so reading the profile again does not reset it. */}
      <ChangeEmail onChanged={() => void profile.refetch()} />
    </>
  );
}

/** The newer profile a 409 carries, when the save lost a race with another tab or device. */
function newerProfile(error: unknown): Profile | undefined {
  if (!(error instanceof ApiError) || error.status !== 409) return undefined;
  const parsed = profileConflict.safeParse(error.body);
  return parsed.success ? parsed.data.current : undefined;
}

function ProfileForm({ profile }: { profile: Profile }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const profileKey = routeQuery('getMyProfile').queryKey;
  const [displayName, setDisplayName] = useState(profile.displayName);
  const [language, setLanguage] = useState<Language>(profile.language);
  const [conflict, setConflict] = useState(false);

  const save = useRouteMutation('updateMyProfile', {
    onSuccess: async (saved) => {
      // The answer is the saved profile: the next save starts from its version at once.
      queryClient.setQueryData(profileKey, saved);
      if (saved.language !== i18n.resolvedLanguage) await i18n.changeLanguage(saved.language);
    },
    onError: (error) => {
      const newer = newerProfile(error);
      if (!newer) return;
      // Show what won, in the form too; the next save starts from its version.
      setConflict(true);
      setDisplayName(newer.displayName);
      setLanguage(newer.language);
      queryClient.setQueryData(profileKey, newer);
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setConflict(false);
    const parsed = updateProfileBody.safeParse({ displayName, language, version: profile.version });
    if (parsed.success && !save.isPending) save.mutate({ body: parsed.data });
  }

  return (
    <>
      <DescriptionList>
        <DescriptionItem term={t('session.email')}>{profile.email}</DescriptionItem>
        <DescriptionItem term={t('session.groups')}>
          {profile.groups.length ? profile.groups.join(', ') : t('session.noGroups')}
        </DescriptionItem>
      </DescriptionList>
      {conflict && (
        <p className="notice notice-error" role="alert">
          {t('profile.conflict')}
        </p>
      )}
      <form onSubmit={onSubmit}>
        <TextField
          label={t('profile.displayName')}
          name="displayName"
          maxLength={DISPLAY_NAME_MAX}
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
        />
        <SelectField
          label={t('profile.language')}
          name="language"
          value={language}
          onChange={(e) => setLanguage(e.target.value as Language)}
          options={LANGUAGES.map((value) => ({ value, label: t(`app.languages.${value}`) }))}
        />
        {!conflict && <ErrorNotice error={save.error} />}
        {save.isSuccess && <Notice>{t('profile.saved')}</Notice>}
        <button type="submit" disabled={save.isPending}>
          {save.isPending ? t('profile.saving') : t('profile.save')}
        </button>
      </form>
    </>
  );
}
