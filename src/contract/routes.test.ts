import { describe, expect, it } from 'vitest';
import { executeApiArn, groupRolePolicy, invokableArns } from './policies';
import { ROUTES, routePath, routesOf } from './routes';

const stage = {
  region: 'ap-northeast-1',
  accountId: '000000000000',
  apiId: 'abc123',
  stage: 'prod',
};

describe('routes', () => {
  it('fills path parameters as single encoded segments', () => {
    expect(routePath(ROUTES.addUserToGroup, { username: 'a b/c', group: 'admin' })).toBe(
      '/admin/users/a%20b%2Fc/groups/admin',
    );
    expect(() => routePath(ROUTES.getUser)).toThrow('Missing path parameter username');
  });

  it('puts every admin route on /admin and every general route on /api', () => {
    expect(routesOf('admin').every(([, r]) => r.path.startsWith('/admin/'))).toBe(true);
    expect(routesOf('general').every(([, r]) => r.path.startsWith('/api/'))).toBe(true);
    expect(routesOf('admin')).toHaveLength(17);
  });
});

describe('group role policies', () => {
  it('names routes as arnForExecuteApi does, parameters as wildcards', () => {
    expect(executeApiArn(stage, ROUTES.removeUserFromGroup)).toBe(
      'arn:aws:execute-api:ap-northeast-1:000000000000:abc123/prod/DELETE/admin/users/*/groups/*',
    );
  });

  it('lets the admin role invoke exactly the admin routes and the general role none', () => {
    expect(invokableArns('admin', stage)).toHaveLength(17);
    expect(groupRolePolicy('admin', stage).Statement).toEqual([
      { Effect: 'Allow', Action: 'execute-api:Invoke', Resource: invokableArns('admin', stage) },
    ]);
    expect(groupRolePolicy('general', stage).Statement).toEqual([]);
  });
});
