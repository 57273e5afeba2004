/**
 * Credential-bearing trigger metadata as real KEDA users write it. `secrets` lists the values
 * that must never be visible; `keep` lists values that are not secrets (names of env vars, hosts)
 * and must stay readable.
 */
export interface CredentialCase {
  /** The trigger type it belongs to. */
  type: string;
  key: string;
  value: string;
  secrets: string[];
  keep?: string[];
}

export const CREDENTIALS: readonly CredentialCase[] = [
  {
    type: 'rabbitmq',
    key: 'host',
    value: 'amqp://guest:Gu3stPw-amqp@rabbit.orders:5672/vhost',
    secrets: ['Gu3stPw-amqp'],
    keep: ['rabbit.orders'],
  },
  {
    type: 'rabbitmq',
    key: 'host',
    value: 'amqps://svc-user:Amqps%21Secret77@rmq.example.com/',
    secrets: ['Amqps%21Secret77'],
  },
  { type: 'redis', key: 'address', value: 'redis://:R3disOnlyPass@redis:6379/0', secrets: ['R3disOnlyPass'] },
  {
    type: 'redis',
    key: 'address',
    value: 'rediss://default:RedisTls-9931@cache.example.com:6380',
    secrets: ['RedisTls-9931'],
  },
  {
    type: 'postgresql',
    key: 'connection',
    value: 'postgres://app:PgPassw0rd-x1@db:5432/orders?sslmode=disable',
    secrets: ['PgPassw0rd-x1'],
  },
  {
    type: 'postgresql',
    key: 'query',
    value: 'host=db port=5432 user=app password=DsnPass-4455 dbname=orders sslmode=disable',
    secrets: ['DsnPass-4455'],
  },
  { type: 'postgresql', key: 'password', value: 'PlainPgPass-31', secrets: ['PlainPgPass-31'] },
  {
    type: 'mysql',
    key: 'connectionString',
    value: 'root:MyS9lRoot@tcp(mysql:3306)/stats',
    secrets: ['MyS9lRoot'],
  },
  {
    type: 'mongodb',
    key: 'connectionString',
    value: 'mongodb+srv://reader:M0ngoSecret-22@cluster0.example.net/db',
    secrets: ['M0ngoSecret-22'],
  },
  {
    type: 'mongodb',
    key: 'host',
    value: 'mongodb://admin:MongoAdm1n-5@mongo-0:27017,mongo-1:27017/?replicaSet=rs0',
    secrets: ['MongoAdm1n-5'],
  },
  {
    type: 'kafka',
    key: 'bootstrapServers',
    value: 'SASL_SSL://kuser:KafkaSasl-8080@broker:9093',
    secrets: ['KafkaSasl-8080'],
  },
  { type: 'kafka', key: 'sasl', value: 'plaintext', secrets: [], keep: ['plaintext'] },
  { type: 'kafka', key: 'saslPassword', value: 'KafkaPlainPw-4', secrets: ['KafkaPlainPw-4'] },
  {
    type: 'azure-servicebus',
    key: 'connection',
    value:
      'Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=SbKey+abc/123=',
    secrets: ['SbKey+abc/123='],
  },
  {
    type: 'azure-eventhub',
    key: 'storageConnection',
    value:
      'DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=StorAcctKey/xyz+99==;EndpointSuffix=core.windows.net',
    secrets: ['StorAcctKey/xyz+99=='],
  },
  {
    type: 'azure-queue',
    key: 'queueURL',
    value: 'https://acct.queue.core.windows.net/q?sv=2022-11-02&sig=SasSigValue%2Babc',
    secrets: ['SasSigValue%2Babc'],
  },
  {
    type: 'mssql',
    key: 'connectionString',
    value: 'Server=tcp:sql,1433;Database=app;User ID=sa;Password=MsSqlPa55!;Encrypt=true',
    secrets: ['MsSqlPa55!'],
  },
  { type: 'mssql', key: 'note', value: 'Server=sql;Pwd=ShortPwdVal9;', secrets: ['ShortPwdVal9'] },
  {
    type: 'prometheus',
    key: 'customHeaders',
    value: 'Authorization=Bearer eyJhbGciOiJIUzI1NiJ9.hdrTok3n',
    secrets: ['eyJhbGciOiJIUzI1NiJ9.hdrTok3n'],
  },
  { type: 'prometheus', key: 'bearerToken', value: 'promBearerTok-777', secrets: ['promBearerTok-777'] },
  {
    type: 'metrics-api',
    key: 'url',
    value: 'https://api.example.com/metrics?api_key=MetricsApiKey-123&x=1',
    secrets: ['MetricsApiKey-123'],
  },
  { type: 'metrics-api', key: 'authHeader', value: 'Bearer mApiBearer-0011', secrets: ['mApiBearer-0011'] },
  {
    type: 'aws-sqs-queue',
    key: 'awsAccessKeyID',
    value: 'AKIAIOSFODNN7EXAMPLE',
    secrets: ['AKIAIOSFODNN7EXAMPLE'],
  },
  {
    type: 'aws-sqs-queue',
    key: 'awsSecretAccessKey',
    value: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    secrets: ['wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
  },
  {
    type: 'aws-sqs-queue',
    key: 'awsSessionToken',
    value: 'FwoGZXIvYXdzEXAMPLEsessiontoken',
    secrets: ['FwoGZXIvYXdzEXAMPLEsessiontoken'],
  },
  {
    type: 'gcp-pubsub',
    key: 'credentials',
    value: '{"type":"service_account","private_key":"-----BEGIN PRIVATE KEY-----GcpPk9"}',
    secrets: ['GcpPk9'],
  },
  { type: 'datadog', key: 'apiKey', value: 'ddApiKey0123456789', secrets: ['ddApiKey0123456789'] },
  { type: 'datadog', key: 'appKey', value: 'ddAppKeyabcdef0123', secrets: ['ddAppKeyabcdef0123'] },
  {
    type: 'new-relic',
    key: 'queryKey',
    value: 'NRAK-NEWRELICQUERYKEY1',
    secrets: ['NRAK-NEWRELICQUERYKEY1'],
  },
  {
    type: 'elasticsearch',
    key: 'addresses',
    value: 'https://elastic:ElasticPw-66@es:9200',
    secrets: ['ElasticPw-66'],
  },
  { type: 'influxdb', key: 'authToken', value: 'influxTokenValue-42', secrets: ['influxTokenValue-42'] },
  {
    type: 'nats-jetstream',
    key: 'natsServerMonitoringEndpoint',
    value: 'http://nats:Nat5Pass@nats:8222',
    secrets: ['Nat5Pass'],
  },
  {
    type: 'github-runner',
    key: 'personalAccessToken',
    value: 'ghp_GitHubPatExample000111',
    secrets: ['ghp_GitHubPatExample000111'],
  },
  {
    type: 'loki',
    key: 'serverAddress',
    value: 'http://loki:3100/?token=LokiQueryTok-5',
    secrets: ['LokiQueryTok-5'],
  },
  // Names of environment variables and Secrets: not secrets, must stay readable.
  {
    type: 'rabbitmq',
    key: 'hostFromEnv',
    value: 'RABBITMQ_HOST_URL',
    secrets: [],
    keep: ['RABBITMQ_HOST_URL'],
  },
  {
    type: 'azure-servicebus',
    key: 'connectionFromEnv',
    value: 'SERVICEBUS_CONNECTION',
    secrets: [],
    keep: ['SERVICEBUS_CONNECTION'],
  },
  {
    type: 'postgresql',
    key: 'passwordFromEnv',
    value: 'PG_PASSWORD_ENV',
    secrets: [],
    keep: ['PG_PASSWORD_ENV'],
  },
  {
    type: 'aws-sqs-queue',
    key: 'awsAccessKeyIDFromEnv',
    value: 'AWS_KEY_ENV_NAME',
    secrets: [],
    keep: ['AWS_KEY_ENV_NAME'],
  },
];

/** Every secret value in the corpus. */
export const CREDENTIAL_SECRETS: readonly string[] = [...new Set(CREDENTIALS.flatMap((c) => c.secrets))];
