// KEDA not installed (404 only), forbidden (403 per resource) and unreachable, on the ScaledObjects
// route against Headlamp's real registry and ApiProxy, with fetch faked at the network boundary.
import './index';
import { cleanup, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { installStateOf } from './KedaInstallCheck';
import { FakeWebSocket, jsonResponse, mockFetch, statusResponse } from './test/fakes';
import { CLUSTER, kedaDiscovery, renderRoute, restoreGlobals } from './test/harness';

afterEach(() => {
  cleanup();
  restoreGlobals();
});

const KEDA = `/clusters/${CLUSTER}/apis/keda.sh/v1alpha1`;
const FORBIDDEN =
  'scaledobjects.keda.sh is forbidden: User "dev" cannot list resource "scaledobjects" in API group "keda.sh" at the cluster scope';

describe('installStateOf', () => {
  it.each([
    [undefined, 'installed'],
    [Object.assign(new Error('Not Found'), { status: 404 }), 'absent'],
    [Object.assign(new Error('Forbidden'), { status: 403 }), 'unknown'],
    [Object.assign(new Error('Unreachable'), { status: 502 }), 'unknown'],
    [new Error('no status'), 'unknown'],
  ])('%s -> %s', (error, state) => {
    expect(installStateOf(error)).toBe(state);
  });
});

describe('the ScaledObjects route when KEDA is missing or not readable', () => {
  it('shows a clear "KEDA is not installed" page when the cluster answers 404 for keda.sh', async () => {
    FakeWebSocket.install();
    mockFetch(request =>
      statusResponse(
        404,
        'Not Found',
        'NotFound',
        `the server could not find ${request.url.pathname}`
      )
    );
    const { container, findByText } = renderRoute();
    expect(await findByText('KEDA is not installed', {}, { timeout: 10000 })).toBeTruthy();
    expect(container.textContent).toContain('keda.sh/docs/latest/deploy');
    expect(container.querySelector('keda-scaled-object-list')).toBeNull();
  });

  it('keeps the list when the group is served but listing is forbidden, with the API message verbatim', async () => {
    FakeWebSocket.install();
    mockFetch(request => {
      if (request.url.pathname === KEDA) return jsonResponse(kedaDiscovery);
      if (request.url.pathname === `${KEDA}/scaledobjects`) {
        return statusResponse(403, 'Forbidden', 'Forbidden', FORBIDDEN);
      }
      return statusResponse(404, 'Not Found', 'NotFound', 'not found');
    });
    const { container } = renderRoute();
    const list = () => container.querySelector('keda-scaled-object-list');
    await waitFor(() => expect(list()?.shadowRoot?.textContent).toContain(FORBIDDEN), {
      timeout: 10000,
    });
    expect(list()?.shadowRoot?.textContent).toContain('not allowed to list and watch');
    expect(container.textContent).not.toContain('KEDA is not installed');
  });

  it('keeps the list when the cluster is unreachable, and says so', async () => {
    FakeWebSocket.install();
    mockFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const { container } = renderRoute();
    const list = () => container.querySelector('keda-scaled-object-list');
    await waitFor(() => expect(list()?.shadowRoot?.textContent).toContain('could not be reached'), {
      timeout: 10000,
    });
    expect(container.textContent).not.toContain('KEDA is not installed');
  });
});
