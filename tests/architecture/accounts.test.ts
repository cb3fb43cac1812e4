// Who can make someone staff (issue 18): an account's roles are written only by sign-in (a new
// citizen; a unit's role through grantRole, typed to the unit's roles), the local stages' dev login,
// and 人员与权限 — nothing else in the functions touches the account item.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from '../../scripts/lib/processes';

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });

describe('accounts', () => {
  it('are built only by sign-in, the account read and staff administration', () => {
    const writers = sources(join(ROOT, 'functions', 'src'))
      .filter((file) => readFileSync(file, 'utf8').includes('UserEntity.build('))
      .map((file) => relative(ROOT, file))
      .sort();
    expect(writers).toEqual(['functions/src/administration/staff.ts', 'functions/src/auth/account.ts', 'functions/src/auth/users.ts']);
  });
});
