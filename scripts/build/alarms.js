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

/** An alarm on one metric above `threshold` (0: anything at all). */
const alarmOn = (description, namespace, metricName, dimensions, period, threshold = 0) => ({
  Type: 'AWS::CloudWatch::Alarm',
  Properties: {
    AlarmDescription: description,
    Namespace: namespace,
    MetricName: metricName,
    Dimensions: dimensions,
    Statistic: 'Maximum',
    Period: period,
    EvaluationPeriods: 1,
    ComparisonOperator: 'GreaterThanThreshold',
    Threshold: threshold,
    TreatMissingData: 'notBreaching',
    ...notify,
  },
});

/** An alarm on an expression over two metrics (`a` and `b` by their ids) above `threshold`. */
const alarmOnExpression = (description, a, b, expression, label, threshold) => ({
  Type: 'AWS::CloudWatch::Alarm',
  Properties: {
    AlarmDescription: description,
    ComparisonOperator: 'GreaterThanThreshold',
    Threshold: threshold,
    EvaluationPeriods: 1,
    TreatMissingData: 'notBreaching',
    Metrics: [a, b, { Id: 'result', Expression: expression, Label: label, ReturnData: true }],
    ...notify,
  },
});

module.exports = () => {
  const Resources = {};
  // Each deployed function: any error or throttle in five minutes.
  for (const name of Object.keys(yml.functions[0])) {
    const fn = [{ Name: 'FunctionName', Value: { Ref: logicalId(name) } }];
    Resources[`${logicalId(name)}ErrorsAlarm`] = alarmOnExpression(
      `${name}: errors or throttles`,
      metric('errors', 'AWS/Lambda', 'Errors', fn),
      metric('throttles', 'AWS/Lambda', 'Throttles', fn),
      'errors + throttles',
      'errors + throttles',
      0,
    );
  }
  // Each dead-letter queue: anything in it is a record or a run that was not processed.
  const declared = Object.assign({}, ...yml.resources.filter((r) => typeof r === 'object' && r.Resources).map((r) => r.Resources));
  for (const id of Object.keys(declared).filter((k) => declared[k].Type === 'AWS::SQS::Queue' && k.endsWith('Dlq'))) {
    Resources[`${id}DepthAlarm`] = alarmOn(
      `${id}: messages waiting in a dead-letter queue (npm run redrive, README)`,
      'AWS/SQS',
      'ApproximateNumberOfMessagesVisible',
      [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [id, 'QueueName'] } }],
      300,
    );
  }
  // The API: more than 1% of requests answered 5xx over five minutes.
  const api = [
    { Name: 'ApiId', Value: { Ref: 'HttpApi' } },
    { Name: 'Stage', Value: '$default' },
  ];
  Resources.Api5xxRateAlarm = alarmOnExpression(
    'API: more than 1% of requests answered 5xx',
    metric('errors', 'AWS/ApiGateway', '5xx', api),
    metric('requests', 'AWS/ApiGateway', 'Count', api),
    'IF(requests > 0, errors / requests, 0)',
    '5xx rate',
    0.01,
  );
  // Settlement reconciliation: any fen redeemed but not queued, settling, settled or reversed.
  Resources.ReconciliationDifferenceAlarm = alarmOn(
    'Settlement reconciliation: redeemed ≠ queued + settling + settled + reversed (npm run reconcile)',
    'DoorstepJobs',
    'ReconciliationDifferenceFen',
    [{ Name: 'service', Value: 'doorstep-jobs' }],
    86400,
  );
  // Subsidy reconciliation (hourly): any fen reserved from a budget not on the programme's ledger, or an application without its row.
  Resources.SubsidyReconciliationAlarm = alarmOn(
    'Subsidy reconciliation: reserved ≠ approved + on notice + held + cleared + paying + paid + failed, or a ledger row missing (npm run reconcile)',
    'DoorstepJobs',
    'SubsidyReconciliationDifferenceFen',
    [{ Name: 'service', Value: 'doorstep-jobs' }],
    3600,
  );
  return { Resources };
};
