import Button from '@cloudscape-design/components/button';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
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
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { useFlash } from '../../../ui/flash';
import { Notice } from '../../../ui/Notice';

/** The newer profile a 409 carries, when the save lost a race with another tab or device. */
function newerProfile(error: unknown): Profile | undefined {
  if (!(error instanceof ApiError) || error.status !== 409) return undefined;
  const parsed = profileConflict.safeParse(error.body);
  return parsed.success ? parsed.data.current : undefined;
}

/**
 * Display name and language. A save that lost a race with another tab shows what won, in the
 * form, so the next save starts from it; the saved language becomes the console's.
 */
export function ProfileForm({ profile }: { profile: Profile }) {
  const { t, i18n } = useTranslation();
  const flash = useFlash();
  const queryClient = useQueryClient();
  const profileKey = routeQuery('getMyProfile').queryKey;
  const [displayName, setDisplayName] = useState(profile.displayName);
  const [language, setLanguage] = useState<Language>(profile.language);
  const [conflict, setConflict] = useState(false);
  const tooLong = displayName.trim().length > DISPLAY_NAME_MAX;

  const save = useRouteMutation('updateMyProfile', {
    onSuccess: async (saved) => {
      // The answer is the saved profile: the next save starts from its version at once.
      queryClient.setQueryData(profileKey, saved);
      if (saved.language !== i18n.resolvedLanguage) await i18n.changeLanguage(saved.language);
      flash.success('profile', t('profile.saved'));
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

  const languageOption = (value: Language) => ({ value, label: t(`app.languages.${value}`) });

  return (
    <form onSubmit={onSubmit} noValidate>
      <Form
        actions={
          <Button
            variant="primary"
            formAction="submit"
            loading={save.isPending}
            loadingText={t('profile.saving')}
          >
            {t('profile.save')}
          </Button>
        }
      >
        <SpaceBetween size="m">
          <FormField
            label={t('profile.displayName')}
            constraintText={t('profile.displayNameLimit', { max: DISPLAY_NAME_MAX })}
            errorText={tooLong ? t('profile.displayNameTooLong', { max: DISPLAY_NAME_MAX }) : ''}
          >
            <Input
              name="displayName"
              value={displayName}
              onChange={({ detail }) => setDisplayName(detail.value)}
            />
          </FormField>
          <FormField label={t('profile.language')}>
            <Select
              selectedOption={languageOption(language)}
              options={LANGUAGES.map(languageOption)}
              onChange={({ detail }) => setLanguage(detail.selectedOption.value as Language)}
            />
          </FormField>
          {conflict ? (
            <Notice type="error">{t('profile.conflict')}</Notice>
          ) : (
            <ErrorNotice error={save.error} />
          )}
        </SpaceBetween>
      </Form>
    </form>
  );
}
