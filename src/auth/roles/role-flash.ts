/** The flashbar's key for role switches: a newer result about the role replaces the older. */
export const ROLE_FLASH_ID = 'session:role';
