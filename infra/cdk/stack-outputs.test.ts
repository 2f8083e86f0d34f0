import { describe, expect, it } from 'vitest';
import { OUTPUTS, stackOutputsFrom } from './stack-outputs';

const outputsOf = (suffix: string) =>
  Object.fromEntries(Object.values(OUTPUTS).map((name) => [name, `${name}-${suffix}`]));

describe('reading the saved stack outputs', () => {
  it('takes the only stack in the file', () => {
    const file = JSON.stringify({ 'CognitoIamConsole-dev': outputsOf('dev') });
    expect(stackOutputsFrom(file)).toMatchObject({
      siteUrl: 'SiteUrl-dev',
      userPoolId: 'UserPoolId-dev',
      region: 'Region-dev',
    });
  });

  it('takes the named stack, and asks for a stage when there are several', () => {
    const file = JSON.stringify({
      'CognitoIamConsole-dev': outputsOf('dev'),
      'CognitoIamConsole-prod': outputsOf('prod'),
    });
    expect(stackOutputsFrom(file, 'CognitoIamConsole-prod').userPoolId).toBe('UserPoolId-prod');
    expect(() => stackOutputsFrom(file)).toThrow(/name the stage with --stage/);
    expect(() => stackOutputsFrom(file, 'CognitoIamConsole-qa')).toThrow(/deploy it first/);
  });

  it('refuses outputs of some other stack', () => {
    const file = JSON.stringify({ Other: { BucketName: 'b' } });
    expect(() => stackOutputsFrom(file)).toThrow(/SiteUrl/);
  });
});
