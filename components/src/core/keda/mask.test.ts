import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isSecretKey, maskMetadata, maskSecretsInText, maskTriggerValue } from './mask.js';

test('passwords in URLs keep the user and host', () => {
  const cases: Array<[string, string]> = [
    [
      'amqp://guest:guest@rabbitmq.default.svc:5672/vhost',
      'amqp://guest:****@rabbitmq.default.svc:5672/vhost',
    ],
    ['amqps://user:p%40ss@host', 'amqps://user:****@host'],
    ['redis://:s3cret@redis:6379/0', 'redis://:****@redis:6379/0'],
    [
      'postgresql://app:pw@db:5432/orders?sslmode=disable',
      'postgresql://app:****@db:5432/orders?sslmode=disable',
    ],
    ['nats://nats:4222', 'nats://nats:4222'],
    ['http://prometheus.monitoring:9090', 'http://prometheus.monitoring:9090'],
    [
      'mongodb+srv://admin:hunter2@cluster0.example.net/db',
      'mongodb+srv://admin:****@cluster0.example.net/db',
    ],
  ];
  for (const [input, expected] of cases) assert.equal(maskSecretsInText(input), expected, input);
});

test('connection strings, query secrets and bearer tokens', () => {
  const cases: Array<[string, string]> = [
    [
      'Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=abc123=',
      'Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=****',
    ],
    [
      'DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=Zm9vYmFy==;EndpointSuffix=core.windows.net',
      'DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=****;EndpointSuffix=core.windows.net',
    ],
    ['Server=db;Database=x;User Id=sa;Password=Pa55w0rd!;', 'Server=db;Database=x;User Id=sa;Password=****;'],
    [
      'host=db port=5432 user=app password=secret dbname=x',
      'host=db port=5432 user=app password=**** dbname=x',
    ],
    [
      'https://api.example.com/metrics?token=abcdef&window=5m',
      'https://api.example.com/metrics?token=****&window=5m',
    ],
    [
      'https://acct.blob.core.windows.net/c?sv=2020&sig=AbC%2Fdef',
      'https://acct.blob.core.windows.net/c?sv=2020&sig=****',
    ],
    ['Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.x', 'Authorization: Bearer ****'],
  ];
  for (const [input, expected] of cases) assert.equal(maskSecretsInText(input), expected, input);
});

test('secret-looking keys are masked whole; names of secrets and env vars are not', () => {
  for (const key of [
    'password',
    'Password',
    'connectionString',
    'connection',
    'apiKey',
    'awsSecretAccessKey',
    'token',
    'bearerToken',
    'sasToken',
    'key',
    'customAuthHeaderValue',
  ]) {
    assert.equal(isSecretKey(key), true, key);
  }
  for (const key of [
    'queueName',
    'host',
    'hostFromEnv',
    'passwordFromEnv',
    'connectionFromEnv',
    'topic',
    'serverAddress',
    'query',
    'threshold',
    'value',
    'keyVaultName',
    'tokenUrl',
  ]) {
    assert.equal(isSecretKey(key), false, key);
  }
  assert.equal(maskTriggerValue('password', 'hunter2'), '****');
  assert.equal(maskTriggerValue('password', ''), '');
  assert.equal(maskTriggerValue('host', 'amqp://u:p@h'), 'amqp://u:****@h');
  assert.deepEqual(
    maskMetadata({ queueName: 'orders', host: 'amqp://guest:guest@rmq', passwordFromEnv: 'RMQ_PASSWORD' }),
    {
      queueName: 'orders',
      host: 'amqp://guest:****@rmq',
      passwordFromEnv: 'RMQ_PASSWORD',
    },
  );
});

test('forms found by the credentials corpus: underscore schemes, MySQL DSNs, camelCase *Key', () => {
  const cases: Array<[string, string]> = [
    ['SASL_SSL://kuser:KafkaSasl-8080@broker:9093', 'SASL_SSL://kuser:****@broker:9093'],
    ['root:MyS9lRoot@tcp(mysql:3306)/stats', 'root:****@tcp(mysql:3306)/stats'],
    ['dsn=app:pw-1@unix(/var/run/mysqld.sock)/db', 'dsn=app:****@unix(/var/run/mysqld.sock)/db'],
    ['time: 10:30@tcp', 'time: 10:30@tcp'],
  ];
  for (const [input, expected] of cases) assert.equal(maskSecretsInText(input), expected, input);
  for (const key of ['appKey', 'queryKey', 'tlsClientKey', 'clientKey', 'masterKey']) {
    assert.equal(isSecretKey(key), true, key);
  }
  for (const key of ['watchKey', 'metricKey', 'routingKey', 'partitionKey', 'monkey', 'keyName']) {
    assert.equal(isSecretKey(key), false, key);
  }
});
