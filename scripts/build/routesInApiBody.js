// Serverless plugin: the HTTP API's routes as one OpenAPI document in the API's own `Body`, instead
// of a CloudFormation resource per route and per integration.
//
// Why: serverless.yml keeps one explicit `httpApi` route per contract (serverless offline serves
// them, and API Gateway matches them exactly, so its per-route metrics and the OpenAPI stay per
// route), but each route compiled to an `AWS::ApiGatewayV2::Route` resource: 197 of the 385
// resources CloudFormation allows 500 of. API Gateway imports the same routes from an OpenAPI
// definition on `AWS::ApiGatewayV2::Api` (`x-amazon-apigateway-integration` on each operation), so
// the template grows with the bounded contexts (a function, its role, log group, alarm and
// permission) and not with routes. Nothing else changes: the routes, their integrations' function,
// payload format and timeout are read from what the framework compiled, so serverless.yml stays
// the one place routes are declared. `$default` (the platform function's Chinese 404/405) is the
// definition's `$default` path.
//
// Runs after the custom resources are merged, just before the template is written.
'use strict';

const integrationUri = (functionArn) => ({
  'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':apigateway:', { Ref: 'AWS::Region' }, ':lambda:path/2015-03-31/functions/', functionArn, '/invocations']],
});

/** Moves every Route and Integration of the template's HTTP API into the API's Body. Pure: returns the new resources. */
function foldRoutes(resources, apiTitle) {
  const api = resources.HttpApi;
  if (!api) return resources;
  const out = { ...resources };
  const integrations = {};
  for (const [id, r] of Object.entries(resources)) {
    if (r.Type === 'AWS::ApiGatewayV2::Integration') integrations[id] = r.Properties;
  }
  const paths = {};
  const integrationsUsed = {};
  for (const [id, r] of Object.entries(resources)) {
    if (r.Type !== 'AWS::ApiGatewayV2::Route') continue;
    const integrationId = r.Properties.Target['Fn::Join'][1][1].Ref;
    const integration = integrations[integrationId];
    if (!integration || integration.IntegrationType !== 'AWS_PROXY') throw new Error(`route ${id}: only Lambda proxy integrations can be folded`);
    const key = r.Properties.RouteKey;
    const [method, path] = key === '$default' ? ['ANY', '$default'] : key.split(' ');
    const operation = method === 'ANY' ? 'x-amazon-apigateway-any-method' : method.toLowerCase();
    const parameters = [...path.matchAll(/\{([^}+]+)\+?\}/g)].map(([, name]) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
    paths[path] = paths[path] || (parameters.length ? { parameters } : {});
    if (paths[path][operation]) throw new Error(`route ${key} is declared twice`);
    // One integration per function, defined once and referred to by each of its routes.
    integrationsUsed[integrationId] = integration;
    paths[path][operation] = {
      'x-amazon-apigateway-integration': { $ref: `#/components/x-amazon-apigateway-integrations/${integrationId}` },
    };
    delete out[id];
  }
  for (const id of Object.keys(integrations)) delete out[id];
  if (!Object.keys(paths).length) return out;
  // With a Body, the definition names the API and makes it an HTTP API.
  const { Name, ProtocolType, ...rest } = api.Properties;
  out.HttpApi = {
    ...api,
    Properties: {
      ...rest,
      FailOnWarnings: true,
      Body: {
        openapi: '3.0.1',
        info: { title: Name || apiTitle, version: '1' },
        paths,
        components: {
          'x-amazon-apigateway-integrations': Object.fromEntries(
            Object.entries(integrationsUsed).map(([id, integration]) => [
              id,
              {
                type: 'aws_proxy',
                httpMethod: 'POST',
                uri: integrationUri(integration.IntegrationUri),
                payloadFormatVersion: integration.PayloadFormatVersion,
                ...(integration.TimeoutInMillis ? { timeoutInMillis: integration.TimeoutInMillis } : {}),
              },
            ]),
          ),
        },
      },
    },
  };
  // Nothing may still point at a removed resource (the stage's DependsOn, for one).
  for (const r of Object.values(out)) {
    if (Array.isArray(r.DependsOn)) r.DependsOn = r.DependsOn.filter((d) => out[d]);
    else if (typeof r.DependsOn === 'string' && !out[r.DependsOn]) delete r.DependsOn;
  }
  return out;
}

class RoutesInApiBody {
  constructor(serverless) {
    this.serverless = serverless;
    this.hooks = {
      'after:aws:package:finalize:mergeCustomProviderResources': () => {
        const template = this.serverless.service.provider.compiledCloudFormationTemplate;
        template.Resources = foldRoutes(template.Resources, this.serverless.service.service);
      },
    };
  }
}

module.exports = RoutesInApiBody;
module.exports.foldRoutes = foldRoutes;
