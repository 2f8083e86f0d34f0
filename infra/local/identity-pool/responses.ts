import { z } from 'zod';
import { parseInput, type JsonService } from '../aws/json-service';
import type { IdentityPool } from './model';

/** cognito-identity's wire protocol. Both operations are unsigned, as in AWS. */
export function identityPoolService(pool: IdentityPool): JsonService {
  const logins = z.record(z.string(), z.string()).optional();
  return {
    targetPrefix: 'AWSCognitoIdentityService',
    operations: {
      GetId: async (raw) => {
        const input = parseInput(
          z.object({
            IdentityPoolId: z.string().min(1),
            AccountId: z.string().optional(),
            Logins: logins,
          }),
          raw,
        );
        return { IdentityId: await pool.getId(input.IdentityPoolId, input.Logins) };
      },
      GetCredentialsForIdentity: async (raw) => {
        const input = parseInput(
          z.object({
            IdentityId: z.string().min(1),
            Logins: logins,
            CustomRoleArn: z.string().optional(),
          }),
          raw,
        );
        const issued = await pool.getCredentialsForIdentity(
          input.IdentityId,
          input.Logins,
          input.CustomRoleArn,
        );
        return {
          IdentityId: input.IdentityId,
          Credentials: {
            AccessKeyId: issued.accessKeyId,
            SecretKey: issued.secretAccessKey,
            SessionToken: issued.sessionToken,
            Expiration: issued.expiresAt / 1000,
          },
        };
      },
    },
  };
}
