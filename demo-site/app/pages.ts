/** The demo's pages: one list element each, addressed by the resource's plural as in the API. */
export interface Page {
  path: string;
  title: string;
  /** Plain text. */
  lede: string;
  tag: string;
}

export const pages: readonly Page[] = [
  {
    path: 'scaledobjects',
    title: 'ScaledObjects',
    lede: 'Every ScaledObject in the cluster, as kubectl get scaledobjects -A shows them plus their state, kept live by a watch.',
    tag: 'keda-scaled-object-list',
  },
  {
    path: 'scaledjobs',
    title: 'ScaledJobs',
    lede: 'ScaledJobs run a Kubernetes Job per batch of events. Columns as kubectl get scaledjobs -A, plus state, running Jobs and last activity.',
    tag: 'keda-scaled-job-list',
  },
  {
    path: 'triggerauthentications',
    title: 'TriggerAuthentications',
    lede: 'Where triggers get their credentials: Secrets, environment variables, pod identity and vaults (names only, never values).',
    tag: 'keda-trigger-auth-list',
  },
  {
    path: 'clustertriggerauthentications',
    title: 'ClusterTriggerAuthentications',
    lede: 'Cluster-wide credentials sources that ScaledObjects and ScaledJobs in any namespace can reference.',
    tag: 'keda-cluster-trigger-auth-list',
  },
];
