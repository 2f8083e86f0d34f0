import {
  COGNITO_ASSIGNED_ATTRIBUTES,
  STANDARD_ATTRIBUTES,
  customAttribute,
  type AppClientSettings,
  type UserPoolSettings,
} from '@contract';
import { invalidParameter, notAuthorized } from '../aws/errors';

/**
 * What the pool's schema and the app client's attribute permissions allow, with Cognito's
 * refusals. Admin operations answer to the schema alone; a user's own access token (and the
 * attributes a sign-in challenge sets) to the app client's read and write attributes too.
 *
 * Messages: "Attribute does not exist in the schema." and "The attribute is required" are
 * Cognito's (seen in SignUp's "Attributes did not conform to the schema: …" answers). For
 * AdminCreateUser we use that same wording, and for (Admin)UpdateUserAttributes moto's
 * "Invalid user attributes: user.<name>: …" (its AdminDeleteUserAttributes answer); we could
 * not confirm either operation's exact text against AWS.
 */
export class AttributeRules {
  private readonly schema: ReadonlyMap<string, { required: boolean; mutable: boolean }>;
  private readonly readable: ReadonlySet<string>;
  private readonly writable: ReadonlySet<string>;

  constructor(pool: UserPoolSettings, client: AppClientSettings) {
    const schema = new Map<string, { required: boolean; mutable: boolean }>();
    for (const name of STANDARD_ATTRIBUTES) {
      schema.set(name, {
        required: name === 'sub',
        mutable: !COGNITO_ASSIGNED_ATTRIBUTES.includes(name),
        ...pool.standardAttributes[name],
      });
    }
    for (const [name, custom] of Object.entries(pool.customAttributes)) {
      schema.set(customAttribute(name), { required: false, mutable: custom.mutable });
    }
    this.schema = schema;
    // `sub` identifies the user: Cognito returns it whatever the client may read.
    this.readable = new Set(['sub', ...client.readAttributes]);
    this.writable = new Set(client.writeAttributes);
  }

  exists(name: string): boolean {
    return this.schema.has(name);
  }

  /** The attributes every user must have a value for. */
  get required(): string[] {
    return [...this.schema].filter(([, s]) => s.required).map(([name]) => name);
  }

  /** AdminCreateUser: names in the schema, none Cognito assigns itself, every required one set. */
  assertCreatable(attributes: Record<string, string>): void {
    const problems = [
      ...Object.keys(attributes)
        .filter((name) => !this.exists(name))
        .map((name) => `${name}: Attribute does not exist in the schema.`),
      ...this.required
        .filter((name) => !COGNITO_ASSIGNED_ATTRIBUTES.some((a) => a === name))
        .filter((name) => !attributes[name])
        .map((name) => `${name}: The attribute is required`),
    ];
    if (problems.length) {
      throw invalidParameter(`Attributes did not conform to the schema: ${lines(problems)}`);
    }
    this.assertNoneAssigned(attributes);
  }

  /** An update by an administrator: names in the schema, and only mutable ones. */
  assertUpdatable(attributes: Record<string, string>): void {
    const unknown = Object.keys(attributes).filter((name) => !this.exists(name));
    if (unknown.length) {
      throw invalidParameter(
        `Invalid user attributes: ${lines(unknown.map((n) => `user.${n}: Attribute does not exist in the schema.`))}`,
      );
    }
    this.assertNoneAssigned(attributes);
    const fixed = Object.keys(attributes).find((name) => !this.schema.get(name)!.mutable);
    if (fixed) throw invalidParameter(`Cannot modify the non-mutable attribute ${fixed}`);
  }

  /** An update with the user's own access token: the schema's rules, then the client's. */
  assertClientMayWrite(attributes: Record<string, string>): void {
    this.assertUpdatable(attributes);
    if (Object.keys(attributes).some((name) => !this.writable.has(name))) {
      // The code and message users of Cognito report (amazon-cognito-identity-js #397, #438).
      throw notAuthorized('A client attempted to write unauthorized attribute');
    }
  }

  /** The attributes a user's own access token (GetUser) and ID token show. */
  readableOf(attributes: Record<string, string>): Record<string, string> {
    return Object.fromEntries(
      Object.entries(attributes).filter(([name]) => this.readable.has(name)),
    );
  }

  private assertNoneAssigned(attributes: Record<string, string>): void {
    const assigned = COGNITO_ASSIGNED_ATTRIBUTES.find((name) => name in attributes);
    if (assigned) throw invalidParameter(`Cannot modify the non-mutable attribute ${assigned}`);
  }
}

/** Cognito lists each problem on a line of its own, the last one ended too. */
const lines = (problems: string[]) => `${problems.join('\n')}\n`;
