/** What a key of a Secret's `data` / `stringData` may contain (Kubernetes' IsConfigMapKey characters). */
export const SECRET_DATA_KEY = /^[-._a-zA-Z0-9]+$/;
