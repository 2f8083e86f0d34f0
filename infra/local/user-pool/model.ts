import { randomUUID } from 'node:crypto';
import type { JSONWebKeySet } from 'jose';
import {
  GROUPS,
  GROUP_NAMES,
  SPA_CLIENT_SETTINGS,
  USER_POOL_SETTINGS,
  roleArn,
  type AppClientSettings,
  type GroupName,
  type UserPoolSettings,
} from '@contract';
import { AwsError, invalidParameter, notAuthorized, resourceNotFound } from '../aws/errors';
import { newUserPoolClientId, newUserPoolId } from '../aws/identifiers';
import type { StateFile } from '../store/state-file';
import { AttributeRules } from './attribute-rules';
import { EmailVerification, codeMismatch, expiredCode, newCode } from './email-verification';
import type { Outbox } from './outbox';
import { assertPasswordConforms, generateTemporaryPassword } from './password-policy';
import {
  createStoredSigningKey,
  keySetOf,
  loadSigningKey,
  type PoolSigningKeys,
} from './signing-key';
import { SoftwareTokens } from './software-token';
import { createPasswordVerifier, passwordMatches, poolShortName } from './srp';
import type {
  GroupRecord,
  RefreshTokenRecord,
  UserPoolState,
  UserRecord,
  UserStatus,
} from './state';
import { TokenMinter, hashRefreshToken, type AuthenticationResult } from './tokens';
import { matchesFilter, type UserFilter } from './user-filter';

/** How long a password-reset code works. */
const RESET_CODE_LIFETIME_MS = 60 * 60 * 1000;
const PAGE_LIMIT_MAX = 60;

/** The pool and its one app client, as `src/contract` declares them for both deployments. */
export interface UserPoolDefinition {
  pool: UserPoolSettings;
  client: AppClientSettings;
}
export const DEPLOYED_USER_POOL: UserPoolDefinition = {
  pool: USER_POOL_SETTINGS,
  client: SPA_CLIENT_SETTINGS,
};

export interface UserPoolOptions {
  file: StateFile<UserPoolState>;
  outbox: Outbox;
  /** Base URL of the AWS edge; the issuer is `${edgeUrl}/${userPoolId}`. */
  edgeUrl: string;
  region: string;
  accountId: string;
  now: () => number;
  /** Defaults to the deployed definition; tests give others to pin behaviour both ways. */
  definition?: UserPoolDefinition;
}

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

export const userNotFound = () => new AwsError('UserNotFoundException', 'User does not exist.');

/**
 * The state of one Cognito user pool with e-mail sign-in (the username is a UUID; the e-mail
 * is the sign-in alias) and one app client without a secret, enforcing the settings of its
 * definition. Wire shapes live in responses.ts.
 */
export class UserPool {
  readonly attributes: AttributeRules;
  /** Authenticator apps (TOTP), the pool's one second factor. */
  readonly softwareTokens: SoftwareTokens;
  private readonly emails: EmailVerification;

  private constructor(
    private readonly state: UserPoolState,
    private readonly options: UserPoolOptions,
    readonly definition: UserPoolDefinition,
    readonly signingKeys: PoolSigningKeys,
    readonly tokens: TokenMinter,
  ) {
    this.attributes = new AttributeRules(definition.pool, definition.client);
    this.softwareTokens = new SoftwareTokens({
      secondFactor: definition.pool.mfaSecondFactor,
      now: options.now,
      save: () => this.save(),
    });
    this.emails = new EmailVerification({
      outbox: options.outbox,
      now: options.now,
      save: () => this.save(),
      ownerOf: (email) => this.findUser(email),
      autoVerify: definition.pool.autoVerifiedAttributes.includes('email'),
      keepOriginal: definition.pool.attributesRequireVerificationBeforeUpdate.includes('email'),
    });
  }

  static async open(options: UserPoolOptions): Promise<UserPool> {
    const definition = options.definition ?? DEPLOYED_USER_POOL;
    assertEmulated(definition);
    const state = options.file.load() ?? (await UserPool.createState(options));
    // State files from before access tokens had a key of their own get one now.
    state.accessTokenSigningKey ??= await createStoredSigningKey('accessToken');
    // A group the contract gained since the state was made is created, as a deploy creates it.
    for (const name of GROUP_NAMES) state.groups[name] ??= contractGroup(name, options);
    options.file.save(state);
    const signingKeys = {
      idToken: await loadSigningKey(state.signingKey),
      accessToken: await loadSigningKey(state.accessTokenSigningKey),
    };
    const issuer = `${options.edgeUrl}/${state.userPoolId}`;
    return new UserPool(
      state,
      options,
      definition,
      signingKeys,
      new TokenMinter(signingKeys, issuer, options.now, definition.client),
    );
  }

  private static async createState(options: UserPoolOptions): Promise<UserPoolState> {
    const now = options.now();
    const groups = Object.fromEntries(
      GROUP_NAMES.map((name) => [name, contractGroup(name, options)]),
    );
    return {
      userPoolId: newUserPoolId(options.region),
      userPoolName: 'console-local',
      clientId: newUserPoolClientId(),
      clientName: 'console-spa',
      createdAt: now,
      signingKey: await createStoredSigningKey('idToken'),
      accessTokenSigningKey: await createStoredSigningKey('accessToken'),
      users: {},
      groups,
      refreshTokens: {},
    };
  }

  get id(): string {
    return this.state.userPoolId;
  }
  get clientId(): string {
    return this.state.clientId;
  }
  get issuer(): string {
    return this.tokens.issuer;
  }
  /** `/{userPoolId}/.well-known/jwks.json`: both keys, each token naming its own by `kid`. */
  get jwks(): JSONWebKeySet {
    return keySetOf(this.signingKeys.idToken, this.signingKeys.accessToken);
  }
  /** The app client's settings (the pool has one client, the SPA's). */
  get client(): AppClientSettings {
    return this.definition.client;
  }
  get now(): number {
    return this.options.now();
  }

  private save(): void {
    this.options.file.save(this.state);
  }

  // ---- lookups -------------------------------------------------------------------------

  assertPool(userPoolId: string): void {
    if (userPoolId !== this.state.userPoolId) {
      throw resourceNotFound(`User pool ${userPoolId} does not exist.`);
    }
  }

  assertClient(clientId: string): void {
    if (clientId !== this.state.clientId) {
      throw resourceNotFound(`User pool client ${clientId} does not exist.`);
    }
  }

  /**
   * By username or, as e-mail sign-in allows, by e-mail: exactly, or in any case when the
   * pool's sign-in is case-insensitive (which covers the username and the e-mail alias alike).
   */
  findUser(usernameOrEmail: string): UserRecord | undefined {
    const direct = ownValue(this.state.users, usernameOrEmail);
    if (direct) return direct;
    const name = this.signInForm(usernameOrEmail);
    const users = Object.values(this.state.users);
    return (
      users.find((u) => this.signInForm(u.username) === name) ??
      users.find(
        (u) => u.attributes.email !== undefined && this.signInForm(u.attributes.email) === name,
      )
    );
  }

  /** A name as sign-in compares it. */
  private signInForm(name: string): string {
    return this.definition.pool.signInCaseSensitive ? name : name.toLowerCase();
  }

  requireUser(usernameOrEmail: string): UserRecord {
    const user = this.findUser(usernameOrEmail);
    if (!user) throw userNotFound();
    return user;
  }

  requireGroup(name: string): GroupRecord {
    const group = ownValue(this.state.groups, name);
    if (!group) throw resourceNotFound('Group not found.');
    return group;
  }

  /** The user's groups, lowest precedence first (the order Cognito lists them in tokens). */
  groupsOf(user: UserRecord): GroupRecord[] {
    return user.groups
      .map((name) => ownValue(this.state.groups, name))
      .filter((group): group is GroupRecord => group !== undefined)
      .sort((a, b) => a.precedence - b.precedence || a.name.localeCompare(b.name));
  }

  // ---- passwords -----------------------------------------------------------------------

  passwordMatches(user: UserRecord, password: string): boolean {
    return passwordMatches(this.poolName, user.username, password, user.password);
  }

  get poolName(): string {
    return poolShortName(this.state.userPoolId);
  }

  private get passwordPolicy() {
    return this.definition.pool.passwordPolicy;
  }

  private setPassword(user: UserRecord, password: string, status: UserStatus): void {
    assertPasswordConforms(password, this.passwordPolicy);
    user.password = createPasswordVerifier(this.poolName, user.username, password);
    user.status = status;
    user.temporaryPasswordExpiresAt =
      status === 'FORCE_CHANGE_PASSWORD'
        ? this.now + this.passwordPolicy.temporaryPasswordValidityDays * 24 * 3600 * 1000
        : undefined;
    user.resetCode = undefined;
    user.updatedAt = this.now;
  }

  /** Completes NEW_PASSWORD_REQUIRED. */
  setPermanentPassword(user: UserRecord, password: string): void {
    this.setPassword(user, password, 'CONFIRMED');
    this.save();
  }

  // ---- sessions ------------------------------------------------------------------------

  /** A new sign-in: a refresh token and the access and ID tokens minted from it. */
  async startSession(user: UserRecord, clientId: string): Promise<AuthenticationResult> {
    const refreshToken = this.tokens.newRefreshToken();
    const record: RefreshTokenRecord = {
      username: user.username,
      clientId,
      originJti: randomUUID(),
      authTime: Math.floor(this.now / 1000),
      expiresAt: this.now + this.client.refreshTokenValiditySeconds * 1000,
      revoked: false,
    };
    this.state.refreshTokens[hashRefreshToken(refreshToken)] = record;
    this.pruneRefreshTokens();
    this.save();
    const result = await this.tokens.mint(user, this.groupsOf(user), record);
    return { ...result, RefreshToken: refreshToken };
  }

  /** REFRESH_TOKEN_AUTH and GetTokensFromRefreshToken: fresh access and ID tokens. */
  async refresh(refreshToken: string, clientId: string): Promise<AuthenticationResult> {
    const record = this.state.refreshTokens[hashRefreshToken(refreshToken)];
    if (!record || record.clientId !== clientId || record.expiresAt <= this.now) {
      throw notAuthorized('Invalid Refresh Token');
    }
    const user = ownValue(this.state.users, record.username);
    if (!user) throw notAuthorized('Invalid Refresh Token');
    if (record.revoked || record.authTime < user.tokensValidAfter) {
      throw notAuthorized('Refresh Token has been revoked');
    }
    this.assertCanSignIn(user);
    return this.tokens.mint(user, this.groupsOf(user), record);
  }

  /** The user an access token belongs to, refusing revoked, signed-out or disabled ones. */
  async userFromAccessToken(accessToken: string): Promise<UserRecord> {
    const claims = await this.tokens.verifyAccessToken(accessToken);
    const user = ownValue(this.state.users, claims.username);
    if (!user) throw userNotFound();
    const origin = Object.values(this.state.refreshTokens).find(
      (r) => r.originJti === claims.origin_jti,
    );
    if (!origin || origin.revoked || claims.iat < user.tokensValidAfter) {
      throw notAuthorized('Access Token has been revoked');
    }
    if (!user.enabled) throw notAuthorized('User is disabled.');
    return user;
  }

  /** RevokeToken: the refresh token and every token minted from it stop working. */
  revokeRefreshToken(refreshToken: string, clientId: string): void {
    if (!this.client.enableTokenRevocation) {
      // The exception RevokeToken declares for a client without revocation; the message is
      // ours (not confirmed against AWS).
      throw new AwsError(
        'UnsupportedOperationException',
        'Token revocation is not enabled for this client.',
      );
    }
    const record = this.state.refreshTokens[hashRefreshToken(refreshToken)];
    if (!record) return; // RFC 7009: an unknown token is not an error
    if (record.clientId !== clientId) {
      throw new AwsError('UnauthorizedException', 'Token is not issued to this client.');
    }
    record.revoked = true;
    this.save();
  }

  /** GlobalSignOut / AdminUserGlobalSignOut: every token issued so far stops working. */
  signOutEverywhere(user: UserRecord): void {
    // Tokens carry whole seconds; +1 makes one minted within this second invalid too.
    user.tokensValidAfter = Math.floor(this.now / 1000) + 1;
    for (const record of Object.values(this.state.refreshTokens)) {
      if (record.username === user.username) record.revoked = true;
    }
    this.save();
  }

  /** Refusals that apply to every way of signing in once the password is proven. */
  assertCanSignIn(user: UserRecord): void {
    if (!user.enabled) throw notAuthorized('User is disabled.');
    if (user.status === 'RESET_REQUIRED') {
      throw new AwsError('PasswordResetRequiredException', 'Password reset required for the user');
    }
    if (
      user.status === 'FORCE_CHANGE_PASSWORD' &&
      (user.temporaryPasswordExpiresAt ?? 0) <= this.now
    ) {
      throw notAuthorized('Temporary password has expired and must be reset by an administrator.');
    }
  }

  private pruneRefreshTokens(): void {
    for (const [hash, record] of Object.entries(this.state.refreshTokens)) {
      if (record.expiresAt <= this.now) delete this.state.refreshTokens[hash];
    }
  }

  // ---- admin operations ----------------------------------------------------------------

  adminCreateUser(input: {
    username: string;
    attributes: Record<string, string>;
    temporaryPassword?: string;
    messageAction?: 'SUPPRESS' | 'RESEND';
  }): UserRecord {
    if (input.messageAction === 'RESEND') {
      // A resend names an existing user, by username or by e-mail.
      const existing = this.findUser(input.username);
      if (!existing) throw userNotFound();
      if (existing.status !== 'FORCE_CHANGE_PASSWORD') {
        throw new AwsError(
          'UnsupportedUserStateException',
          'Resend not possible. User state is not FORCE_CHANGE_PASSWORD.',
        );
      }
      const password = input.temporaryPassword ?? generateTemporaryPassword(this.passwordPolicy);
      this.setPassword(existing, password, 'FORCE_CHANGE_PASSWORD');
      this.save();
      this.sendInvitation(existing, password);
      return existing;
    }
    // Kept as given, as Cognito keeps it; sign-in compares it as the pool's case rule says.
    const email = input.attributes.email ?? input.username;
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      throw invalidParameter('Username should be an email.');
    }
    if (this.findUser(email)) {
      throw new AwsError(
        'UsernameExistsException',
        'An account with the given email already exists.',
      );
    }
    this.attributes.assertCreatable({ ...input.attributes, email });
    const password = input.temporaryPassword ?? generateTemporaryPassword(this.passwordPolicy);
    const sub = randomUUID();
    const user: UserRecord = {
      username: sub,
      attributes: { ...input.attributes, email, sub },
      enabled: true,
      status: 'FORCE_CHANGE_PASSWORD',
      password: { salt: '', verifier: '' },
      groups: [],
      createdAt: this.now,
      updatedAt: this.now,
      tokensValidAfter: 0,
    };
    this.setPassword(user, password, 'FORCE_CHANGE_PASSWORD');
    this.state.users[user.username] = user;
    this.save();
    if (input.messageAction !== 'SUPPRESS') this.sendInvitation(user, password);
    return user;
  }

  private sendInvitation(user: UserRecord, temporaryPassword: string): void {
    const email = user.attributes.email!;
    this.options.outbox.send({
      to: email,
      username: user.username,
      kind: 'temporary-password',
      secret: temporaryPassword,
      subject: 'Your temporary password',
      body: `Your username is ${email} and temporary password is ${temporaryPassword}.`,
    });
  }

  /** Seeding: creates a confirmed user in its groups once; an existing user is left as it is. */
  ensureSeedUser(email: string, password: string, groups: readonly string[]): UserRecord {
    const existing = this.findUser(email);
    if (existing) return existing;
    const user = this.adminCreateUser({
      username: email,
      attributes: { email, email_verified: 'true' },
      temporaryPassword: password,
      messageAction: 'SUPPRESS',
    });
    this.setPassword(user, password, 'CONFIRMED');
    for (const group of groups) this.requireGroup(group);
    user.groups = [...groups];
    this.save();
    return user;
  }

  adminDeleteUser(name: string): void {
    const user = this.requireUser(name);
    delete this.state.users[user.username];
    for (const [hash, record] of Object.entries(this.state.refreshTokens)) {
      if (record.username === user.username) delete this.state.refreshTokens[hash];
    }
    this.save();
  }

  adminSetEnabled(name: string, enabled: boolean): void {
    const user = this.requireUser(name);
    user.enabled = enabled;
    user.updatedAt = this.now;
    this.save();
  }

  adminResetUserPassword(name: string): void {
    const user = this.requireUser(name);
    if (user.status === 'FORCE_CHANGE_PASSWORD') {
      throw notAuthorized('User password cannot be reset in the current state.');
    }
    this.assertHasVerifiedEmail(user);
    user.status = 'RESET_REQUIRED';
    user.updatedAt = this.now;
    this.sendResetCode(user);
  }

  adminSetUserPassword(name: string, password: string, permanent: boolean): void {
    const user = this.requireUser(name);
    this.setPassword(user, password, permanent ? 'CONFIRMED' : 'FORCE_CHANGE_PASSWORD');
    this.save();
  }

  /** AdminUpdateUserAttributes: bound by the schema, not by any app client. */
  adminUpdateAttributes(user: UserRecord, attributes: Record<string, string>): void {
    this.attributes.assertUpdatable(attributes);
    this.emails.write(user, attributes);
  }

  /**
   * UpdateUserAttributes and sign-in challenges: the app client's write attributes too.
   * Returns the address a verification code went to, if one did.
   */
  updateOwnAttributes(user: UserRecord, attributes: Record<string, string>): string | undefined {
    this.attributes.assertClientMayWrite(attributes);
    return this.emails.write(user, attributes);
  }

  /** GetUserAttributeVerificationCode: returns where the code went. */
  sendAttributeVerificationCode(user: UserRecord, attributeName: string): string {
    return this.emails.resend(user, attributeName);
  }

  /** VerifyUserAttribute. */
  verifyAttribute(user: UserRecord, attributeName: string, code: string): void {
    this.emails.verify(user, attributeName, code);
  }

  /** GetUser: the attributes the app client may read. */
  readableAttributes(user: UserRecord): Record<string, string> {
    return this.attributes.readableOf(user.attributes);
  }

  addUserToGroup(name: string, groupName: string): void {
    const group = this.requireGroup(groupName);
    const user = this.requireUser(name);
    if (!user.groups.includes(group.name)) user.groups.push(group.name);
    user.updatedAt = this.now;
    this.save();
  }

  removeUserFromGroup(name: string, groupName: string): void {
    const group = this.requireGroup(groupName);
    const user = this.requireUser(name);
    user.groups = user.groups.filter((g) => g !== group.name);
    user.updatedAt = this.now;
    this.save();
  }

  listUsers(filter: UserFilter | undefined, limit: number, token?: string): Page<UserRecord> {
    const users = this.sortedUsers().filter((user) => !filter || matchesFilter(user, filter));
    return paginate(users, (u) => u.username, limit, token);
  }

  /**
   * ListUsers' `AttributesToGet`: each must be in the schema, and (as Cognito documents) set
   * for every user in the answer. Cognito refuses either with this one message.
   */
  assertAttributesToGet(names: readonly string[], users: readonly UserRecord[]): void {
    const missing = names.some(
      (name) =>
        !this.attributes.exists(name) || users.some((u) => u.attributes[name] === undefined),
    );
    if (missing) throw invalidParameter('One or more requested attributes do not exist.');
  }

  /** AdminListGroupsForUser: by group name, a page at a time. */
  listGroupsForUser(name: string, limit: number, token?: string): Page<GroupRecord> {
    const groups = this.groupsOf(this.requireUser(name)).sort(byKey((g) => g.name));
    return paginate(groups, (g) => g.name, limit, token);
  }

  listGroups(limit: number, token?: string): Page<GroupRecord> {
    const groups = Object.values(this.state.groups).sort(byKey((g) => g.name));
    return paginate(groups, (g) => g.name, limit, token);
  }

  listUsersInGroup(groupName: string, limit: number, token?: string): Page<UserRecord> {
    const group = this.requireGroup(groupName);
    const users = this.sortedUsers().filter((user) => user.groups.includes(group.name));
    return paginate(users, (u) => u.username, limit, token);
  }

  private sortedUsers(): UserRecord[] {
    return Object.values(this.state.users).sort(byKey((u) => u.username));
  }

  // ---- forgotten passwords -------------------------------------------------------------

  private assertHasVerifiedEmail(user: UserRecord): void {
    if (!user.attributes.email || user.attributes.email_verified !== 'true') {
      throw invalidParameter(
        'Cannot reset password for the user as there is no registered/verified email or phone_number',
      );
    }
  }

  /** Sends a reset code; returns where it went, masked as Cognito masks it. */
  forgotPassword(name: string): string {
    const user = this.findUser(name);
    if (!user) {
      if (!this.client.preventUserExistenceErrors) {
        throw new AwsError('UserNotFoundException', 'Username/client id combination not found.');
      }
      // Without revealing that the user does not exist (PreventUserExistenceErrors).
      return maskEmail(name.includes('@') ? name : 'unknown@example.com');
    }
    if (!user.enabled) throw notAuthorized('User is disabled.');
    if (user.status === 'FORCE_CHANGE_PASSWORD') {
      throw notAuthorized('User password cannot be reset in the current state.');
    }
    this.assertHasVerifiedEmail(user);
    this.sendResetCode(user);
    return maskEmail(user.attributes.email!);
  }

  private sendResetCode(user: UserRecord): void {
    const code = newCode();
    user.resetCode = { code, expiresAt: this.now + RESET_CODE_LIFETIME_MS };
    this.save();
    this.options.outbox.send({
      to: user.attributes.email!,
      username: user.username,
      kind: 'reset-code',
      secret: code,
      subject: 'Your verification code',
      body: `Your password reset code is ${code}.`,
    });
  }

  confirmForgotPassword(name: string, code: string, password: string): void {
    const user = this.findUser(name);
    const stored = user?.resetCode;
    if (!user || !stored) throw codeMismatch();
    if (stored.expiresAt <= this.now) throw expiredCode();
    if (stored.code !== code) throw codeMismatch();
    this.setPassword(user, password, 'CONFIRMED');
    this.save();
  }
}

/** A group as the contract defines it, mapped to its role in the local account. */
function contractGroup(name: GroupName, options: UserPoolOptions): GroupRecord {
  const now = options.now();
  return {
    name,
    description: GROUPS[name].description,
    precedence: GROUPS[name].precedence,
    roleArn: roleArn(options.accountId, name),
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * A record's own entry: names such as `__proto__` or `constructor`, which a client may send as a
 * username or group name, must not find the properties every object inherits.
 */
function ownValue<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * Refuses a definition the local pool cannot enforce as Cognito would, rather than ignoring
 * part of it: the local pool must never be looser than the deployed one.
 */
function assertEmulated({ pool, client }: UserPoolDefinition): void {
  const notAutoVerified = pool.attributesRequireVerificationBeforeUpdate.filter(
    (name) => !pool.autoVerifiedAttributes.includes(name),
  );
  if (notAutoVerified.length) {
    // What CreateUserPool and UpdateUserPool answer (aws-cli #7151).
    throw invalidParameter(
      'All attributes in AttributesRequireVerificationBeforeUpdate must exist in AutoVerifiedAttributes',
    );
  }
  if (pool.mfaSecondFactor.sms) {
    throw new Error('The local user pool sends no SMS: keep mfaSecondFactor.sms false.');
  }
  if (pool.mfa !== 'OFF' && !pool.mfaSecondFactor.otp && !pool.mfaSecondFactor.sms) {
    // What CreateUserPool answers for MFA without a factor; the message is ours.
    throw invalidParameter('MFA requires at least one second factor.');
  }
  if (client.oAuthEnabled) {
    throw new Error(
      'The local user pool has no OAuth endpoints (managed login, authorize, token): keep oAuthEnabled false.',
    );
  }
}

/** `a***@e***`, as Cognito shows a code's destination. */
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}***@${domain.slice(0, 1)}***`;
}

export function assertLimit(limit: number | undefined, max = PAGE_LIMIT_MAX): number {
  if (limit === undefined) return max;
  if (!Number.isInteger(limit) || limit < 0 || limit > max) {
    throw invalidParameter(
      `1 validation error detected: Value '${limit}' at 'limit' failed to satisfy constraint: Member must have value less than or equal to ${max}`,
    );
  }
  return limit === 0 ? max : limit;
}

/** Code-unit order, the same order the pagination token's `>` uses. */
function byKey<T>(keyOf: (item: T) => string) {
  return (a: T, b: T) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0);
}

/** Keyset pagination; the token is the last key returned, opaque to clients. */
function paginate<T>(
  items: T[],
  keyOf: (item: T) => string,
  limit: number,
  token?: string,
): Page<T> {
  let start = 0;
  if (token !== undefined) {
    let after: string;
    try {
      after = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')).after;
    } catch {
      throw invalidParameter('Invalid pagination token.');
    }
    if (typeof after !== 'string') throw invalidParameter('Invalid pagination token.');
    start = items.findIndex((item) => keyOf(item) > after);
    if (start < 0) start = items.length;
  }
  const page = items.slice(start, start + limit);
  const last = page.at(-1);
  const more = start + limit < items.length && last !== undefined;
  return {
    items: page,
    ...(more
      ? { nextToken: Buffer.from(JSON.stringify({ after: keyOf(last) })).toString('base64url') }
      : {}),
  };
}
