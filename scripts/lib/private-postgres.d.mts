export function findInitdb(): string | undefined;

export interface PrivateCluster {
  /** postgres://moodfood:<password>@127.0.0.1:<port>/postgres */
  url: string;
  data: string;
  bin: string;
  asRoot: boolean;
  version: string;
  stop(): void;
}

export function startPrivateCluster(options: {
  initdb: string;
  password: string;
  settings?: Record<string, string | number>;
  prefix?: string;
}): Promise<PrivateCluster>;
