import { K8s } from '@kinvolk/headlamp-plugin/lib';
import { SectionBox } from '@kinvolk/headlamp-plugin/lib/CommonComponents';
import { useTheme } from '@mui/material/styles';
import React from 'react';
import { HeadlampKubeClient } from './headlamp-kube-client';
import { KedaConnection, ScaledObjectList } from './react-elements';
import { kedaThemeStyle } from './theme';

/**
 * The ScaledObjects list: a `<keda-connection>` over Headlamp's API proxy for the current cluster,
 * with the `<keda-scaled-object-list>` element inside, themed from Headlamp's MUI theme.
 */
export function ScaledObjectsPage() {
  const cluster = K8s.useCluster();
  const theme = useTheme();
  // One client (and so one store and one set of watches) per cluster: @lit/react sets properties
  // on every render and the connection rebuilds its store when `client` changes identity.
  const client = React.useMemo(() => new HeadlampKubeClient({ cluster }), [cluster]);
  const style = React.useMemo(() => kedaThemeStyle(theme), [theme]);

  return (
    <SectionBox title="ScaledObjects">
      <div className="keda-theme" style={style}>
        <KedaConnection client={client}>
          <ScaledObjectList />
        </KedaConnection>
      </div>
    </SectionBox>
  );
}

export default ScaledObjectsPage;
