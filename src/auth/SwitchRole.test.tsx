// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  confirmSignIn,
  fetchAuthSession,
  getCurrentUser,
  signIn,
  signOut,
  type SignInOutput,
} from 'aws-amplify/auth';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { roleArn } from '@contract/groups';
import { useSession } from './session-context';
import { SessionProvider } from './SessionProvider';

vi.mock('aws-amplify/auth', () =>
  import('../testing/amplify-auth-mock').then((mock) => mock.amplifyAuthMock()),
);

const EMAIL = 'ada@example.com';
const ADMIN = roleArn('000000000000', 'admin');
const GENERAL = roleArn('000000000000', 'general');
const SUB = 'sub-ada';
/** When the identity pool's credentials expire: an hour, unless a test shortens it. */
let expiry = () => new Date(Date.now() + 3_600_000);
const cognitoError = (name: string) => Object.assign(new Error(name), { name });
const step = (signInStep: string) =>
  ({ isSignedIn: signInStep === 'DONE', nextStep: { signInStep } }) as SignInOutput;

/** What the session says, and its actions as buttons. */
function SessionProbe() {
  const session = useSession();
  const { state } = session;
  return (
    <>
      <p>
        {state.status === 'signedIn'
          ? `acting as ${state.details.role}${state.details.roleUntil ? ' until expiry' : ''}`
          : state.status === 'signedOut'
            ? `signed out: ${state.notice ?? ''} ${state.switchingTo ?? ''}`
            : state.status}
      </p>
      <button onClick={() => void session.signIn(EMAIL, 'Passw0rd!')}>sign in</button>
      <button onClick={() => void session.confirmTotpCode('123456')}>code</button>
      <button onClick={() => void session.switchRole(ADMIN)}>to admin</button>
      <button onClick={() => void session.switchRole(GENERAL)}>to general</button>
    </>
  );
}

/** Amplify's session: an admin+general user's token, and credentials of whichever role. */
beforeEach(() => {
  expiry = () => new Date(Date.now() + 3_600_000);
  // Signed out at start; signed in once a sign-in has run.
  vi.mocked(getCurrentUser)
    .mockRejectedValueOnce(cognitoError('UserUnAuthenticatedException'))
    .mockResolvedValue({ username: 'ada', userId: SUB, signInDetails: { loginId: EMAIL } });
  vi.mocked(fetchAuthSession).mockImplementation(
    async () =>
      ({
        tokens: {
          idToken: {
            payload: {
              sub: SUB,
              email: EMAIL,
              'cognito:groups': ['admin', 'general'],
              'cognito:roles': [ADMIN, GENERAL],
              'cognito:preferred_role': ADMIN,
            },
            toString: () => 'id',
          },
        },
        credentials: { accessKeyId: 'ASIA', secretAccessKey: 's', expiration: expiry() },
      }) as unknown as Awaited<ReturnType<typeof fetchAuthSession>>,
  );
  vi.mocked(signOut).mockResolvedValue(undefined);
  sessionStorage.clear();
});
afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

async function start() {
  render(
    <SessionProvider>
      <SessionProbe />
    </SessionProvider>,
  );
  const user = userEvent.setup();
  await screen.findByText(/^signed out/);
  return user;
}

async function signInWithCode(user: ReturnType<typeof userEvent.setup>) {
  vi.mocked(signIn).mockResolvedValue(step('CONFIRM_SIGN_IN_WITH_TOTP_CODE'));
  vi.mocked(confirmSignIn).mockResolvedValue(step('DONE'));
  await user.click(screen.getByRole('button', { name: 'sign in' }));
  await user.click(screen.getByRole('button', { name: 'code' }));
}

describe('Switching role', () => {
  it('acts as the least-privileged role after sign-in, though Cognito prefers admin', async () => {
    const user = await start();
    await signInWithCode(user);
    expect(await screen.findByText(`acting as ${GENERAL}`)).toBeTruthy();
  });

  it('to more rights: signs out here, and the next sign-in with a code acts as it, until its credentials expire', async () => {
    const user = await start();
    await signInWithCode(user);
    await screen.findByText(`acting as ${GENERAL}`);
    await user.click(screen.getByRole('button', { name: 'to admin' }));
    expect(await screen.findByText(`signed out: signInToSwitchRole ${ADMIN}`)).toBeTruthy();
    expect(signOut).toHaveBeenCalledTimes(1);

    await signInWithCode(user);
    expect(await screen.findByText(`acting as ${ADMIN} until expiry`)).toBeTruthy();

    // Back to fewer rights: at once, without signing out.
    await user.click(screen.getByRole('button', { name: 'to general' }));
    expect(await screen.findByText(`acting as ${GENERAL}`)).toBeTruthy();
    expect(signOut).toHaveBeenCalledTimes(1);
  });

  it('does not take a pending switch up from a sign-in without a code', async () => {
    const user = await start();
    await signInWithCode(user);
    await screen.findByText(`acting as ${GENERAL}`);
    await user.click(screen.getByRole('button', { name: 'to admin' }));
    await screen.findByText(/^signed out: signInToSwitchRole/);

    vi.mocked(signIn).mockResolvedValue(step('DONE'));
    await user.click(screen.getByRole('button', { name: 'sign in' }));
    expect(await screen.findByText(`acting as ${GENERAL}`)).toBeTruthy();
  });

  it('ends a switch by itself shortly before its credentials would be refreshed', async () => {
    // Credentials that expire in 5 minutes and 1.5 seconds: new ones would be fetched (as the
    // higher role, for another hour) 5 minutes before, so the switch ends then.
    expiry = () => new Date(Date.now() + 5 * 60_000 + 1_500);
    const user = await start();
    await signInWithCode(user);
    await screen.findByText(`acting as ${GENERAL}`);
    await user.click(screen.getByRole('button', { name: 'to admin' }));
    await screen.findByText(/^signed out: signInToSwitchRole/);
    await signInWithCode(user);
    expect(await screen.findByText(`acting as ${ADMIN} until expiry`)).toBeTruthy();
    expect(await screen.findByText(`acting as ${GENERAL}`, {}, { timeout: 5_000 })).toBeTruthy();
  });
});

describe('A reloaded tab', () => {
  const restore = async () => {
    vi.mocked(getCurrentUser).mockReset();
    vi.mocked(getCurrentUser).mockResolvedValue({
      username: 'ada',
      userId: SUB,
      signInDetails: { loginId: EMAIL },
    });
    render(
      <SessionProvider>
        <SessionProbe />
      </SessionProvider>,
    );
  };
  const choice = (sub: string, until: number) =>
    sessionStorage.setItem('console.roleChoice', JSON.stringify({ roleArn: ADMIN, sub, until }));

  it('keeps its switch while it lasts', async () => {
    choice(SUB, Date.now() + 60_000);
    await restore();
    expect(await screen.findByText(`acting as ${ADMIN} until expiry`)).toBeTruthy();
  });

  it('acts with the fewest rights once the switch has ended', async () => {
    choice(SUB, Date.now() - 1);
    await restore();
    expect(await screen.findByText(`acting as ${GENERAL}`)).toBeTruthy();
  });

  it('ignores a switch someone else made in this tab', async () => {
    choice('sub-eve', Date.now() + 60_000);
    await restore();
    expect(await screen.findByText(`acting as ${GENERAL}`)).toBeTruthy();
  });
});
