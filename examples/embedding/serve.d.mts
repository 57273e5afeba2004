export interface ExampleServer {
  url: string;
  close(): Promise<void>;
}

/** Serves the embedding examples and the keda-elements bundle; `/clusters/*` goes to `upstream`. */
export function serveExamples(options: {
  port?: number;
  host?: string;
  upstream: string;
  roots?: string[];
}): Promise<ExampleServer>;
