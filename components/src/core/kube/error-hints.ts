/**
 * What an operator can do about an API error, by HTTP status. The API's own message is always shown
 * verbatim next to this; the hint only says what to try next. `read`: `watch` for the lists kept
 * live (they retry by themselves), `list` for a one-time read the person repeats.
 */
export function errorHint(code: number, resource: string, read: 'watch' | 'list' = 'watch'): string {
  const retrying = read === 'watch' ? 'retrying automatically' : 'try again';
  switch (code) {
    case 0:
      return `The cluster could not be reached. Check the connection and that the API server is up; ${retrying}.`;
    case 401:
      return 'The cluster did not accept the credentials. Sign in again or refresh the token in your kubeconfig.';
    case 403:
      return read === 'watch'
        ? `Your account is not allowed to list and watch ${resource} here. Ask for "list" and "watch" on ${resource}, or pick a namespace you can read.`
        : `Your account is not allowed to list ${resource} here. Ask for "list" on ${resource}, or pick a namespace you can read.`;
    case 404:
      return resource.endsWith('.keda.sh')
        ? `The cluster does not serve ${resource}: KEDA is probably not installed (see keda.sh/docs/latest/deploy).`
        : `The cluster does not serve ${resource} (or the object is gone).`;
    case 410:
      return 'The watch fell too far behind the server; the list is being reloaded.';
    case 429:
      return 'The API server is rate-limiting requests; retrying with backoff.';
    default:
      return code >= 500
        ? `The API server failed to answer; ${retrying}.`
        : 'The request was rejected; see the message above.';
  }
}
