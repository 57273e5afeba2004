/** Raised by the patch appliers; the service maps `decode` to 400 and `apply` to 422. */
export class PatchError extends Error {
  constructor(
    readonly stage: 'decode' | 'apply',
    message: string,
  ) {
    super(message);
    this.name = 'PatchError';
  }
}
