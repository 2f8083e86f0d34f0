/**
 * The English of everything before sign-in: in the first download. The signed-in screens'
 * English (`en-console.ts`) is added when the signed-in frame loads; `en.ts` joins both as
 * the reference every language must match.
 */
export const enSignIn = {
  app: {
    title: 'Cognito IAM console',
    nav: {
      label: 'Main',
      home: 'Home',
      profile: 'Profile',
      access: 'Access',
      users: 'Users',
      groups: 'Groups',
      announcements: 'Announcements',
      audit: 'Audit log',
      admin: 'Administration',
      open: 'Open navigation',
      close: 'Close navigation',
    },
    breadcrumbs: 'Breadcrumbs',
    notifications: 'Notifications',
    skipToContent: 'Skip to main content',
    languageMenu: 'Language: {{language}}',
    userMenu: 'Account menu for {{email}}',
    mode: { label: 'Appearance', system: 'Same as the system', light: 'Light', dark: 'Dark' },
    more: 'More',
    all: 'All',
    back: 'Back',
    close: 'Close',
    dismiss: 'Dismiss',
    language: 'Language',
    languages: { en: 'English', ja: '日本語' },
    loading: 'Loading…',
    offline:
      'You are offline. What you open now waits for the connection and loads when it is back.',
    waitingForNetwork: 'Waiting for the connection…',
    tryAgain: 'Try again',
    screenFailed: 'This screen could not be downloaded. Check your connection, then try again.',
    cancel: 'Cancel',
    signedInAs: 'Signed in as {{email}}',
    notFound: 'There is no page at this address.',
    goHome: 'Go to Home',
  },
  form: {
    email: 'Email',
    password: 'Password',
    newPassword: 'New password',
    confirmNewPassword: 'Confirm new password',
    currentPassword: 'Current password',
    code: 'Verification code',
    passwordsDiffer: 'The two new passwords are different. Type the same password twice.',
    required: 'Fill in {{field}}.',
  },
  signIn: {
    heading: 'Sign in',
    submit: 'Sign in',
    restoring: 'Checking for an existing session…',
    forgot: 'Forgot your password?',
    passwordChanged: 'Your password has been reset. Sign in with the new one.',
    signedOut: 'You have signed out.',
  },
  newPassword: {
    heading: 'Choose a new password',
    intro: 'Your password was set by an administrator. Choose your own to finish signing in.',
    submit: 'Set new password',
  },
  forgotPassword: {
    heading: 'Reset your password',
    intro: 'Enter your email and we will send you a verification code.',
    sendCode: 'Send code',
    codeSent: 'We sent a code to {{destination}}. Enter it with your new password.',
    submit: 'Reset password',
    backToSignIn: 'Back to sign in',
    resend: 'Send a new code',
  },
  signOut: {
    submit: 'Sign out',
    partial:
      'You are signed out on this device, but the sign-in service could not be told to end the session: {{reason}}',
  },
  session: {
    heading: 'Session',
    email: 'Email',
    groups: 'Groups',
    noGroups: 'None',
    role: 'Role',
    noRole: 'None (not in a group with a role)',
    identityId: 'Identity ID',
    accessKey: 'Access key',
    credentialsExpire: 'Credentials expire',
    notObtained: 'Not obtained',
    refresh: 'Refresh my access',
    refreshHelp:
      'After an administrator adds you to a group or removes you from one, this fetches new tokens and credentials so the change applies without signing out.',
    refreshed: 'Your access is up to date.',
    expiresIn: 'in {{time}}',
    expired: 'expired',
    changePassword: 'Change password',
    failed: 'Signed in, but the session could not be loaded: {{reason}}',
  },
  guard: {
    needGroupHeading: 'You need the {{group}} group',
    needGroup:
      'This page is for members of the {{group}} group, and you are not in it. Ask an administrator to add you, then refresh your access.',
  },
  authErrors: {
    noRole:
      'You are signed in, but none of your groups gives access through the identity pool. Ask an administrator to add you to a group, then sign in again.',
    temporaryPasswordExpired:
      'Your temporary password has expired. Ask an administrator to reset your password.',
    cannotResetPassword:
      'This account cannot reset its password yet: first sign in with the temporary password you were sent.',
    incorrectCredentials: 'The email or password is incorrect.',
    userDisabled: 'This account is disabled. Ask an administrator to enable it.',
    attemptsExceeded: 'Too many wrong passwords. Wait a few minutes before trying again.',
    sessionExpired: 'The sign-in took too long and expired. Start again.',
    refreshRevoked: 'Your session has ended. Sign in again.',
    userNotFound: 'There is no account with this email.',
    passwordResetRequired:
      'An administrator has reset your password. Use “Forgot your password?” to choose a new one.',
    passwordTooShort: 'The password is too short: use at least 8 characters.',
    passwordNeedsLowercase: 'The password needs a lowercase letter.',
    passwordNeedsUppercase: 'The password needs an uppercase letter.',
    passwordNeedsNumber: 'The password needs a number.',
    passwordNeedsSymbol: 'The password needs a symbol such as ! or #.',
    passwordInvalid:
      'The password does not meet the rules: at least 8 characters with upper and lower case letters, a number and a symbol.',
    wrongCurrentPassword: 'The current password is incorrect.',
    codeMismatch: 'The verification code is wrong. Check the latest message and try again.',
    codeExpired: 'The verification code has expired. Ask for a new one.',
    limitExceeded: 'Too many attempts. Wait a while before trying again.',
    tooManyRequests: 'The sign-in service is busy. Wait a moment and try again.',
    invalidParameter:
      'The sign-in service did not accept what was entered. Check it and try again.',
    network:
      'Could not reach the sign-in service. Check your connection (and, locally, that `npm start` is running), then try again.',
    notSignedIn: 'You are not signed in. Sign in again.',
    enterEmail: 'Enter your email.',
    enterPassword: 'Enter your password.',
    enterNewPassword: 'Enter a new password.',
    enterCode: 'Enter the verification code.',
    unsupportedStep:
      'This account needs a sign-in step the console does not support yet ({{step}}).',
    unknown: 'Something went wrong ({{name}}). Try again.',
  },
};
