/**
 * `vstriggerauthentication.kb.io` and `vsclustertriggerauthentication.kb.io`: KEDA 2.20's
 * TriggerAuthentication / ClusterTriggerAuthentication webhooks (`validateSpec`). As in KEDA, a
 * podIdentity provider other than azure-workload or aws ends the checks (oauth2 is not looked at).
 */
import { isObject, type JsonObject } from '../../core/json.ts';
import type { ResourceDef } from '../../registry/types.ts';
import { isRemovingOnlyFinalizer } from './scaled-job.ts';
import { WebhookDenial, type ValidatingWebhook, type WebhookRequest } from './types.ts';

const optional = (o: JsonObject, key: string): string | undefined =>
  typeof o[key] === 'string' ? o[key] : undefined;

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.host !== '';
  } catch {
    return false;
  }
}

export function validateTriggerAuthenticationSpec(spec: unknown): void {
  const s = isObject(spec) ? spec : {};
  if (isObject(s.podIdentity)) {
    const pi = s.podIdentity;
    const provider = optional(pi, 'provider') ?? '';
    if (provider === 'azure-workload') {
      if (optional(pi, 'identityId') === '') {
        throw new WebhookDenial(
          `identityId of PodIdentity should not be empty. If it's set, identityId has to be different than ""`,
        );
      }
      const authorityHost = optional(pi, 'identityAuthorityHost');
      const tenant = optional(pi, 'identityTenantId');
      if (authorityHost) {
        if (!tenant) {
          throw new WebhookDenial(
            'identityTenantID of PodIdentity should not be nil or empty when identityAuthorityHost of PodIdentity is set',
          );
        }
      } else if (tenant === '') {
        throw new WebhookDenial(
          `identityTenantId of PodIdentity should not be empty. If it's set, identityTenantId has to be different than ""`,
        );
      }
    } else if (provider === 'aws') {
      const roleArn = optional(pi, 'roleArn');
      if (roleArn && optional(pi, 'identityOwner') === 'workload') {
        throw new WebhookDenial("roleArn of PodIdentity can't be set if KEDA isn't identityOwner");
      }
      if (optional(pi, 'externalID') && !roleArn) {
        throw new WebhookDenial('externalID of PodIdentity requires roleArn to be set');
      }
    } else {
      return;
    }
  }
  if (isObject(s.oauth2)) {
    const oauth2 = s.oauth2;
    const type = optional(oauth2, 'type') ?? '';
    if (type !== 'clientCredentials')
      throw new WebhookDenial(`oauth2.type must be 'clientCredentials', got '${type}'`);
    if (!optional(oauth2, 'clientId'))
      throw new WebhookDenial('oauth2.clientId is required when oauth2 is configured');
    const tokenUrl = optional(oauth2, 'tokenUrl');
    if (!tokenUrl) throw new WebhookDenial('oauth2.tokenUrl is required when oauth2 is configured');
    if (!isHttpUrl(tokenUrl)) throw new WebhookDenial('oauth2.tokenUrl must be a valid http or https URL');
  }
}

function webhook(name: string, plural: string): ValidatingWebhook {
  return {
    name,
    matches: (def: ResourceDef) => def.group === 'keda.sh' && def.plural === plural,
    validate(request: WebhookRequest): string[] {
      if (
        request.operation === 'UPDATE' &&
        request.oldObject &&
        isRemovingOnlyFinalizer(request.object, request.oldObject)
      ) {
        return [];
      }
      validateTriggerAuthenticationSpec(request.object.spec);
      return [];
    },
  };
}

export const triggerAuthenticationWebhook = webhook(
  'vstriggerauthentication.kb.io',
  'triggerauthentications',
);
export const clusterTriggerAuthenticationWebhook = webhook(
  'vsclustertriggerauthentication.kb.io',
  'clustertriggerauthentications',
);
