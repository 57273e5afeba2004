/**
 * Runs the real kubectl against a simulated cluster (for tests): a temporary HOME and cache dir
 * and the kubeconfig the cluster writes. Set KUBECTL to use another binary.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Running } from './test-helpers.ts';

export const KUBECTL = process.env.KUBECTL ?? '/usr/bin/kubectl';

/** Why kubectl tests are skipped here, or false when they can run. */
export const kubectlMissing: string | false = !existsSync(KUBECTL) && `no kubectl at ${KUBECTL}`;

export interface KubectlRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface Kubectl {
  /** Runs kubectl asynchronously (the server lives in this process, so never execFileSync). */
  run(args: string[]): Promise<KubectlRun>;
  /** Writes a manifest into the temporary directory; returns its path. */
  manifest(name: string, body: string): string;
  dispose(): void;
}

export function kubectlFor(sim: Running, prefix = 'keda-sim-kubectl-'): Kubectl {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const kubeconfig = join(dir, 'kubeconfig');
  writeFileSync(kubeconfig, sim.cluster.kubeconfig(sim.url));
  return {
    run(args) {
      return new Promise((resolve) => {
        execFile(
          KUBECTL,
          ['--kubeconfig', kubeconfig, '--cache-dir', join(dir, 'cache'), ...args],
          { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir }, timeout: 30_000 },
          (error, stdout, stderr) => {
            const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
            resolve({ code, stdout, stderr });
          },
        );
      });
    },
    manifest(name, body) {
      const file = join(dir, name);
      writeFileSync(file, body);
      return file;
    },
    dispose() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
