import { z } from 'zod';
import { parseInput, type JsonService } from '../aws/json-service';
import type { SecretStore } from './model';

/** secretsmanager's wire protocol (JSON 1.1): the one operation the handlers use. */
export function secretsManagerService(store: SecretStore): JsonService {
  return {
    targetPrefix: 'secretsmanager',
    operations: {
      GetSecretValue: async (raw, context) => {
        await context.authenticate();
        const input = parseInput(z.object({ SecretId: z.string().min(1) }), raw);
        // Decided on the secret's ARN; the refusal names the SecretId as given, as AWS's does.
        await context.authorize(
          'secretsmanager:GetSecretValue',
          store.arnFor(input.SecretId),
          input.SecretId,
        );
        const secret = store.get(input.SecretId);
        return {
          ARN: secret.arn,
          Name: secret.name,
          VersionId: secret.versionId,
          SecretString: secret.value,
          VersionStages: ['AWSCURRENT'],
          CreatedDate: secret.createdAt / 1000,
        };
      },
    },
  };
}
