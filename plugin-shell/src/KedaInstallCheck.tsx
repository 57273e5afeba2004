/**
 * "Is KEDA installed?" for the current cluster: only a 404 for keda.sh/v1alpha1 means no (a clear
 * page with what to do); 403, timeouts and unreachable clusters are not "absent", so the page's
 * elements render and show each resource's own error (forbidden per resource, unreachable).
 */
import { ApiProxy, K8s } from '@kinvolk/headlamp-plugin/lib';
import { SectionBox } from '@kinvolk/headlamp-plugin/lib/CommonComponents';
import React from 'react';

export type KedaInstallState = 'checking' | 'installed' | 'absent' | 'unknown';

/** The probe's verdict from ApiProxy's outcome (an Error carrying the HTTP `status`). */
export function installStateOf(error: unknown): KedaInstallState {
  if (error === undefined) return 'installed';
  return (error as { status?: number } | null)?.status === 404 ? 'absent' : 'unknown';
}

export function useKedaInstalled(): KedaInstallState {
  const cluster = K8s.useCluster() ?? undefined;
  const [state, setState] = React.useState<KedaInstallState>('checking');
  React.useEffect(() => {
    let live = true;
    setState('checking');
    ApiProxy.request('/apis/keda.sh/v1alpha1', cluster ? { cluster } : {}, false)
      .then(() => live && setState(installStateOf(undefined)))
      .catch((error: unknown) => live && setState(installStateOf(error)));
    return () => {
      live = false;
    };
  }, [cluster]);
  return state;
}

/** Children unless the cluster answers 404 for KEDA's API group. */
export function KedaInstallCheck({ children }: { children: React.ReactNode }) {
  const state = useKedaInstalled();
  if (state !== 'absent') return <>{children}</>;
  return (
    <SectionBox title="KEDA is not installed">
      <div role="status">
        <p>
          This cluster does not serve the keda.sh/v1alpha1 API (404), so there are no ScaledObjects,
          ScaledJobs or TriggerAuthentications to show.
        </p>
        <p>
          Install KEDA (Helm:{' '}
          <code>helm install keda kedacore/keda -n keda --create-namespace</code>; see{' '}
          <a href="https://keda.sh/docs/latest/deploy/">keda.sh/docs/latest/deploy</a>), then reload
          this page.
        </p>
      </div>
    </SectionBox>
  );
}
