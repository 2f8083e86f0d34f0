import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { Profile } from '@contract';
import { listAnnouncements } from '../shared/announcement-store';
import { HttpError } from '../shared/http-error';
import { readPreferences, savePreferences } from '../shared/profile-store';
import { restHandler } from '../shared/rest-handler';

/**
 * The signed-in user as the Cognito authorizer passed them on. REST APIs hand over every
 * claim as a string; `cognito:groups` arrives joined with commas (or `[a b]` from some
 * authorizers), so both are read.
 */
function tokenUser(event: APIGatewayProxyEvent) {
  const claims = (event.requestContext.authorizer?.claims ?? {}) as Record<string, string>;
  const rawGroups = claims['cognito:groups'] ?? '';
  const groups = rawGroups
    .replace(/^\[|\]$/g, '')
    .split(/[,\s]+/)
    .filter(Boolean);
  if (!claims.sub) throw new Error('The Cognito authorizer passed no sub claim');
  return { username: claims.sub, email: claims.email ?? '', groups };
}

async function profileOf(event: APIGatewayProxyEvent): Promise<Profile> {
  const user = tokenUser(event);
  return { ...user, ...(await readPreferences(user.username)) };
}

/** The general API's one function: API Gateway (Cognito authorizer) proxies `/api/*` here. */
export const handler = restHandler('general', {
  getMyProfile: (_request, event) => profileOf(event),

  updateMyProfile: async ({ body }, event) => {
    const user = tokenUser(event);
    const saved = await savePreferences(
      user.username,
      { displayName: body.displayName, language: body.language },
      body.version,
      new Date(),
    );
    if (!saved) {
      throw new HttpError(409, 'Your profile was changed elsewhere; these are the newer values.', {
        code: 'VersionConflict',
        current: await profileOf(event),
      });
    }
    return { ...user, ...saved };
  },

  listAnnouncements: async () => ({ announcements: await listAnnouncements() }),
});
