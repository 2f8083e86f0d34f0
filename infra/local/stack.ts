import type { Server } from 'node:http';
import { join } from 'node:path';
import type { RuntimeConfig } from '../../src/contract';
import { LOCAL_ACCOUNT_ID, LOCAL_REGION } from './aws/identifiers';
import { createEdgeServer } from './edge/server';
import { CredentialStore, credentialStoreSchema } from './iam/credentials';
import { IdentityPool, identityPoolStateSchema } from './identity-pool/model';
import { identityPoolService } from './identity-pool/responses';
import { close, listen } from './net';
import type { LocalSettings } from './settings';
import { StateFile } from './store/state-file';
import { AuthFlows } from './user-pool/auth-flows';
import { UserPool } from './user-pool/model';
import { Outbox } from './user-pool/outbox';
import { userPoolService } from './user-pool/responses';
import { userPoolStateSchema } from './user-pool/state';

export interface LocalStack {
  settings: LocalSettings;
  edgeUrl: string;
  userPool: UserPool;
  identityPool: IdentityPool;
  credentials: CredentialStore;
  outbox: Outbox;
  /** The `/config.json` an SPA served on this stack loads. */
  runtimeConfig: RuntimeConfig;
  close(): Promise<void>;
}

/** Starts the local AWS services on their ports, with state under `settings.stateDir`. */
export async function startLocalStack(
  settings: LocalSettings,
  now: () => number = Date.now,
): Promise<LocalStack> {
  const url = (port: number) => `http://${settings.host}:${port}`;
  const edgeUrl = url(settings.ports.edge);
  const file = <T>(name: string, schema: ConstructorParameters<typeof StateFile<T>>[1]) =>
    new StateFile<T>(join(settings.stateDir, name), schema);

  const outbox = new Outbox(file('outbox.json', Outbox.schema), now);
  const userPool = await UserPool.open({
    file: file('user-pool.json', userPoolStateSchema),
    outbox,
    edgeUrl,
    region: LOCAL_REGION,
    accountId: LOCAL_ACCOUNT_ID,
    now,
  });
  const credentials = new CredentialStore(file('credentials.json', credentialStoreSchema), now);
  const identityPool = IdentityPool.open({
    file: file('identity-pool.json', identityPoolStateSchema),
    credentials,
    providers: [
      {
        providerName: `cognito-idp.${LOCAL_REGION}.amazonaws.com/${userPool.id}`,
        issuer: userPool.issuer,
        clientId: userPool.clientId,
        publicKey: userPool.signingKey.publicKey,
      },
    ],
    region: LOCAL_REGION,
    credentialLifetimeSeconds: settings.credentialLifetimeSeconds,
    now,
  });
  for (const seed of settings.seedUsers)
    userPool.ensureSeedUser(seed.email, seed.password, seed.groups);

  const servers: Server[] = [];
  const edge = createEdgeServer({
    services: [
      userPoolService(userPool, new AuthFlows(userPool)),
      identityPoolService(identityPool),
    ],
    userPool,
    identityPool,
    credentials,
    outbox,
  });
  await listen(edge, 'edge', settings.ports.edge, settings.host);
  servers.push(edge);

  return {
    settings,
    edgeUrl,
    userPool,
    identityPool,
    credentials,
    outbox,
    runtimeConfig: {
      region: LOCAL_REGION,
      userPoolId: userPool.id,
      userPoolClientId: userPool.clientId,
      identityPoolId: identityPool.id,
      userPoolEndpoint: edgeUrl,
      identityPoolEndpoint: edgeUrl,
      adminApiUrl: url(settings.ports.adminApi),
      generalApiUrl: '/api',
      opsApiUrl: url(settings.ports.opsApi),
    },
    close: async () => {
      await Promise.all(servers.map(close));
    },
  };
}
