/** Where a signed-in person changes their password (the route table and redirects read it). */
export const CHANGE_PASSWORD_PATH = '/profile/password';
