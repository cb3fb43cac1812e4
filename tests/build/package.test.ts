// `serverless package --stage prod`, offline: one bundle per function, no test-only route, the
// table protected, secrets left for AWS to resolve.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { lambdaBundleSizes, packageProd, PACKAGE_DIR } from '../../scripts/lib/sizes';
import { ROOT } from '../../scripts/lib/processes';
import { readServerlessYml } from '../../scripts/lib/table';

jest.setTimeout(240_000);

let template: { Resources: Record<string, { Type: string; Properties: Record<string, any> }> };

beforeAll(() => {
  packageProd();
  template = JSON.parse(readFileSync(join(PACKAGE_DIR, 'cloudformation-template-update-stack.json'), 'utf8'));
});

const resourcesOfType = (type: string) => Object.entries(template.Resources).filter(([, r]) => r.Type === type);

describe('production package', () => {
  // The S3 presigners are not part of the Lambda runtime, so the functions that sign photo links
  // carry them (about 120 KB); every other function stays within 450 KB.
  const PHOTO_SIGNERS = ['createUpload', 'staffPerson', 'staffFindPerson', 'staffEmployer', 'staffComplaint', 'complaintProgress'];

  it('bundles every function on its own, each within its budget', () => {
    const sizes = lambdaBundleSizes();
    // Every function of serverless.yml's deployed list (not the local-only ones), each its own zip.
    const deployed = Object.keys(readServerlessYml().functions[0] as Record<string, unknown>);
    expect(deployed.length).toBeGreaterThan(20);
    expect(Object.keys(sizes).sort()).toEqual(deployed.sort());
    for (const [name, size] of Object.entries(sizes)) {
      const budget = (PHOTO_SIGNERS.includes(name) ? 600 : 450) * 1000;
      expect({ name, size, withinBudget: size <= budget }).toEqual({ name, size, withinBudget: true });
    }
  });

  it('does not deploy the dev login in prod', () => {
    const routes = resourcesOfType('AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties.RouteKey);
    expect(routes).toEqual(expect.arrayContaining(['POST /auth/wechat', 'PUT /me/jobseeker-registration']));
    expect(routes).not.toContain('POST /auth/dev-login');
    expect(routes).not.toContain('POST /local-uploads');
  });

  it('protects the table: point-in-time recovery, deletion protection, a stream and TTL', () => {
    const [[, table]] = resourcesOfType('AWS::DynamoDB::Table');
    expect(table.Properties).toMatchObject({
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
    });
  });

  it('runs on Node 22 arm64 with secrets as SSM references, never values', () => {
    for (const [, fn] of resourcesOfType('AWS::Lambda::Function')) {
      expect(fn.Properties).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['arm64'] });
      const env = fn.Properties.Environment.Variables;
      for (const key of ['JWT_SECRET', 'ID_ENCRYPTION_KEY', 'ID_HMAC_KEY', 'CLOUDBASE_TICKET_SECRET', 'WECHAT_SECRET']) {
        expect(env[key]).toMatch(/^\{\{resolve:ssm:\/doorstep\/prod\//);
      }
      expect(env.DYNAMODB_ENDPOINT).toBe('');
    }
  });

  it('grants each function only the table actions its route needs', () => {
    const actionsOf = (fnName: string): string[] => {
      const [, fn] = resourcesOfType('AWS::Lambda::Function').find(([id]) => id.toLowerCase() === `${fnName.toLowerCase()}lambdafunction`)!;
      const roleId = fn.Properties.Role['Fn::GetAtt'][0];
      const policies = template.Resources[roleId].Properties.Policies as { PolicyDocument: { Statement: { Effect: string; Action: string | string[] }[] } }[];
      return policies
        .flatMap((p) => p.PolicyDocument.Statement.filter((st) => st.Effect === 'Allow').flatMap((st) => st.Action))
        .filter((a) => a.startsWith('dynamodb:'));
    };
    expect(actionsOf('getRegistration')).toEqual(['dynamodb:GetItem']);
    expect(actionsOf('listAreas')).toEqual([]);
    expect(actionsOf('openapi')).toEqual([]);
    // Only the outbox dispatcher and the voucher consumer read the table's stream.
    const streamReaders = resourcesOfType('AWS::Lambda::Function')
      .map(([id]) => id.replace(/LambdaFunction$/, ''))
      .filter((name) => actionsOf(name).includes('dynamodb:GetRecords'));
    expect(streamReaders.sort()).toEqual(['DispatchMessages', 'FigureStream', 'VoucherStream']);
    expect(actionsOf('putRegistration')).not.toContain('dynamodb:Scan');
  });

  it('builds the CloudBase identity function as a CommonJS module with main()', () => {
    const out = join(ROOT, 'dist', 'cloudbase', 'identity', 'index.js');
    const r = spawnSync('npm', ['run', 'build:cloudbase'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const probe = spawnSync(process.execPath, ['-e', `console.log(typeof require(${JSON.stringify(out)}).main)`], { encoding: 'utf8' });
    expect(probe.stdout.trim()).toBe('function');
  });
});
