import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input, { type InputProps } from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea, { type TextareaProps } from '@cloudscape-design/components/textarea';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouteMutation } from '../../../api/route-mutations';
import { useFlash } from '../../../ui/flash';
import {
  ANNOUNCEMENT_LIMITS,
  checkAnnouncement,
  countedLength,
  type AnnouncementDraft,
  type AnnouncementField,
  type FieldProblem,
} from './announcement-checks';

const EMPTY: AnnouncementDraft = { title: '', body: '' };

/**
 * Writes a new announcement. Each field counts its characters against the API's limit and
 * says what is wrong next to it; nothing is sent, or shortened, until both are right.
 */
export function AnnouncementForm() {
  const { t } = useTranslation();
  const flash = useFlash();
  const [draft, setDraft] = useState(EMPTY);
  // Empty fields are only wrong once the person tries to post; too long is wrong at once.
  const [tried, setTried] = useState(false);
  const titleRef = useRef<InputProps.Ref>(null);
  const bodyRef = useRef<TextareaProps.Ref>(null);
  const post = useRouteMutation('postAnnouncement', {
    onSuccess: () => {
      setDraft(EMPTY);
      setTried(false);
      flash.success('announcement:new', t('admin.announcements.posted'));
    },
    onError: (error) => flash.failure('announcement:new', error),
  });

  const { problems, value } = checkAnnouncement(draft);
  const shown = (field: AnnouncementField) => {
    const problem = problems[field];
    return problem && (tried || problem.kind === 'tooLong') ? problem : undefined;
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (post.isPending) return;
    if (!value) {
      setTried(true);
      (problems.title ? titleRef : bodyRef).current?.focus();
      return;
    }
    post.mutate({ body: value });
  }

  const describe = (field: AnnouncementField, problem: FieldProblem | undefined) => {
    if (!problem) return undefined;
    if (problem.kind === 'tooLong') return t('admin.announcements.tooLong', problem);
    return t(
      field === 'title' ? 'admin.announcements.enterTitle' : 'admin.announcements.enterBody',
    );
  };
  const counter = (field: AnnouncementField) =>
    t('admin.announcements.counter', {
      count: countedLength(draft[field]),
      max: ANNOUNCEMENT_LIMITS[field],
    });

  return (
    <form onSubmit={submit} noValidate>
      <Form
        actions={
          <Button variant="primary" loading={post.isPending}>
            {t('admin.announcements.post')}
          </Button>
        }
      >
        <Container
          header={
            <Header variant="h2" description={t('admin.announcements.newDescription')}>
              {t('admin.announcements.newHeading')}
            </Header>
          }
        >
          <SpaceBetween size="l">
            <FormField
              label={t('admin.announcements.title')}
              constraintText={counter('title')}
              errorText={describe('title', shown('title'))}
              stretch
            >
              <Input
                ref={titleRef}
                name="title"
                value={draft.title}
                onChange={({ detail }) => setDraft({ ...draft, title: detail.value })}
                invalid={shown('title') !== undefined}
              />
            </FormField>
            <FormField
              label={t('admin.announcements.body')}
              constraintText={counter('body')}
              errorText={describe('body', shown('body'))}
              stretch
            >
              <Textarea
                ref={bodyRef}
                name="body"
                rows={6}
                value={draft.body}
                onChange={({ detail }) => setDraft({ ...draft, body: detail.value })}
                invalid={shown('body') !== undefined}
              />
            </FormField>
          </SpaceBetween>
        </Container>
      </Form>
    </form>
  );
}
