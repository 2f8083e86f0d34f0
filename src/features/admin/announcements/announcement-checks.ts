import { ROUTES } from '@contract/routes';

/** The post route's own schema: what the API accepts is what the form accepts. */
const schema = ROUTES.postAnnouncement.body;

export type AnnouncementField = keyof typeof schema.shape;

/** Each field's longest length, as the schema limits it (counted after trimming). */
export const ANNOUNCEMENT_LIMITS: Record<AnnouncementField, number> = {
  title: schema.shape.title.maxLength ?? Infinity,
  body: schema.shape.body.maxLength ?? Infinity,
};

/** What is wrong with a field: nothing but spaces, or longer than its limit (by `over`). */
export type FieldProblem = { kind: 'missing' } | { kind: 'tooLong'; max: number; over: number };

export type AnnouncementDraft = Record<AnnouncementField, string>;

/** The length the schema counts: what is stored, without surrounding spaces. */
export const countedLength = (value: string) => value.trim().length;

/**
 * Checks a draft with the route's schema, field by field. `value` is what may be sent when
 * nothing is wrong: the schema's own output (trimmed), never a silently shortened text.
 */
export function checkAnnouncement(draft: AnnouncementDraft): {
  problems: Partial<Record<AnnouncementField, FieldProblem>>;
  value?: AnnouncementDraft;
} {
  const parsed = schema.safeParse(draft);
  if (parsed.success) return { problems: {}, value: parsed.data };
  const problems: Partial<Record<AnnouncementField, FieldProblem>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as AnnouncementField;
    if (problems[field]) continue;
    if (issue.code === 'too_big') {
      const max = ANNOUNCEMENT_LIMITS[field];
      problems[field] = { kind: 'tooLong', max, over: countedLength(draft[field]) - max };
    } else {
      problems[field] = { kind: 'missing' };
    }
  }
  return { problems };
}
