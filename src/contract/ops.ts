import { z } from 'zod';

export const opsHealth = z.object({
  status: z.literal('ok'),
  time: z.iso.datetime(),
});
export type OpsHealth = z.infer<typeof opsHealth>;

export const opsStats = z.object({
  users: z.number().int().min(0),
  admins: z.number().int().min(0),
  adminActionsLast24h: z.number().int().min(0),
  generatedAt: z.iso.datetime(),
});
export type OpsStats = z.infer<typeof opsStats>;
