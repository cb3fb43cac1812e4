// The CloudWatch alarms, made from serverless.yml itself so a new function or dead-letter queue
// is alarmed without anyone remembering to: serverless.yml's `resources` includes this file.
// Every alarm tells the stage's alarm topic (and e-mail, when `alarmEmail` is set).
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { parse } = require('yaml');

const tag = (t, collection) => ({ tag: t, collection, resolve: (v) => v, identify: () => false });
const yml = parse(readFileSync(join(__dirname, '..', '..', 'serverless.yml'), 'utf8'), {
  customTags: ['!GetAtt', '!Ref', '!Sub'].map((t) => tag(t)).concat(['!Join', '!Not', '!Equals'].map((t) => tag(t, 'seq'))),
});

/** The framework's logical id of a function: its name with the first letter capitalised. */
const logicalId = (name) => `${name[0].toUpperCase()}${name.slice(1)}LambdaFunction`;
const notify = { AlarmActions: [{ Ref: 'AlarmTopic' }], OKActions: [{ Ref: 'AlarmTopic' }] };
const metric = (id, namespace, name, dimensions, stat = 'Sum') => ({
  Id: id,
  ReturnData: false,
  MetricStat: { Metric: { Namespace: namespace, MetricName: name, Dimensions: dimensions }, Period: 300, Stat: stat },
});

module.exports = () => {
  const Resources = {};
  // Each deployed function: any error or throttle in five minutes.
  for (const name of Object.keys(yml.functions[0])) {
    const fn = [{ Name: 'FunctionName', Value: { Ref: logicalId(name) } }];
    Resources[`${logicalId(name)}ErrorsAlarm`] = {
      Type: 'AWS::CloudWatch::Alarm',
      Properties: {
        AlarmDescription: `${name}: errors or throttles`,
        ComparisonOperator: 'GreaterThanThreshold',
        Threshold: 0,
        EvaluationPeriods: 1,
        TreatMissingData: 'notBreaching',
        Metrics: [
          metric('errors', 'AWS/Lambda', 'Errors', fn),
          metric('throttles', 'AWS/Lambda', 'Throttles', fn),
          { Id: 'failures', Expression: 'errors + throttles', Label: 'errors + throttles', ReturnData: true },
        ],
        ...notify,
      },
    };
  }
  // Each dead-letter queue: anything in it is a record or a run that was not processed.
  const declared = Object.assign({}, ...yml.resources.filter((r) => typeof r === 'object' && r.Resources).map((r) => r.Resources));
  for (const id of Object.keys(declared).filter((k) => declared[k].Type === 'AWS::SQS::Queue' && k.endsWith('Dlq'))) {
    Resources[`${id}DepthAlarm`] = {
      Type: 'AWS::CloudWatch::Alarm',
      Properties: {
        AlarmDescription: `${id}: messages waiting in a dead-letter queue (npm run redrive, README)`,
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [id, 'QueueName'] } }],
        Statistic: 'Maximum',
        Period: 300,
        EvaluationPeriods: 1,
        ComparisonOperator: 'GreaterThanThreshold',
        Threshold: 0,
        TreatMissingData: 'notBreaching',
        ...notify,
      },
    };
  }
  // The API: more than 1% of requests answered 5xx over five minutes.
  const api = [
    { Name: 'ApiId', Value: { Ref: 'HttpApi' } },
    { Name: 'Stage', Value: '$default' },
  ];
  Resources.Api5xxRateAlarm = {
    Type: 'AWS::CloudWatch::Alarm',
    Properties: {
      AlarmDescription: 'API: more than 1% of requests answered 5xx',
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 0.01,
      EvaluationPeriods: 1,
      TreatMissingData: 'notBreaching',
      Metrics: [
        metric('errors', 'AWS/ApiGateway', '5xx', api),
        metric('requests', 'AWS/ApiGateway', 'Count', api),
        { Id: 'rate', Expression: 'IF(requests > 0, errors / requests, 0)', Label: '5xx rate', ReturnData: true },
      ],
      ...notify,
    },
  };
  // Settlement reconciliation: any fen redeemed but not queued, settling, settled or reversed.
  Resources.ReconciliationDifferenceAlarm = {
    Type: 'AWS::CloudWatch::Alarm',
    Properties: {
      AlarmDescription: 'Settlement reconciliation: redeemed ≠ queued + settling + settled + reversed (npm run reconcile)',
      Namespace: 'DoorstepJobs',
      MetricName: 'ReconciliationDifferenceFen',
      Dimensions: [{ Name: 'service', Value: 'doorstep-jobs' }],
      Statistic: 'Maximum',
      Period: 86400,
      EvaluationPeriods: 1,
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 0,
      TreatMissingData: 'notBreaching',
      ...notify,
    },
  };
  return { Resources };
};
