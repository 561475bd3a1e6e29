/**
 * What a compose file means once loaded, as compose-go v2.4.7 (bundled in Compose v2.32.4, which
 * Docker 27.5.1 ships) normalizes it: every service with its networks resolved (`default` when
 * none is named), every network and volume with its engine-side name (`<project>_<key>`).
 * Services and networks are kept sorted by key: compose-go holds them in Go maps, whose order
 * is random, so the lab settles on one order where compose has none.
 */

/** One published or exposed port in compose-go's long form (ServicePortConfig). */
export interface ServicePort {
  readonly mode: 'ingress' | 'host';
  readonly hostIp?: string;
  readonly target: number;
  /** A host port, a range `8000-8002`, or absent for an ephemeral one. */
  readonly published?: string;
  readonly protocol: 'tcp' | 'udp';
}

/** A service's attachment to one project network (ServiceNetworkConfig; null in the file = none of these). */
export interface ServiceNetwork {
  readonly key: string;
  readonly aliases: readonly string[];
  readonly ipv4Address?: string;
  readonly priority: number;
  /** `networks: [a]` or `a: null`: nothing configured, printed as `null` by `config`. */
  readonly bare: boolean;
}

export type DependsOnCondition =
  'service_started' | 'service_healthy' | 'service_completed_successfully';

export interface ServiceDependency {
  readonly service: string;
  readonly condition: DependsOnCondition;
  readonly restart: boolean;
  readonly required: boolean;
}

/** BuildConfig: the context as written, relative to the project directory, and what goes to the builder. */
export interface ServiceBuild {
  readonly context: string;
  /** Relative to the context; compose-go's default is `Dockerfile`. */
  readonly dockerfile: string;
  /** Build args; a bare name takes the project environment's value, or is dropped. */
  readonly args: Readonly<Record<string, string | null>>;
  readonly target?: string;
}

export interface ComposeService {
  readonly name: string;
  readonly image?: string;
  /** `build:`: the image is built from it when missing, or always with `--build`. */
  readonly build?: ServiceBuild;
  readonly command?: readonly string[];
  readonly entrypoint?: readonly string[];
  /** `KEY=value` pairs in key order, env_file entries first (compose-go resolution order). */
  readonly environment: Readonly<Record<string, string | null>>;
  readonly envFiles: readonly string[];
  readonly ports: readonly ServicePort[];
  readonly expose: readonly string[];
  /** Empty with `network_mode`. */
  readonly networks: readonly ServiceNetwork[];
  readonly networkMode?: string;
  readonly links: readonly string[];
  readonly externalLinks: readonly string[];
  readonly dependsOn: readonly ServiceDependency[];
  readonly hostname?: string;
  readonly domainname?: string;
  readonly containerName?: string;
  readonly restart?: string;
  readonly dns: readonly string[];
  readonly extraHosts: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
  /** `scale:` or `deploy.replicas:`; 1 when neither is set. */
  readonly scale: number;
  /** Volume specs as written (short syntax) or `type:source:target` for the long one. */
  readonly volumes: readonly string[];
  readonly tty: boolean;
  readonly stdinOpen: boolean;
  readonly workingDir?: string;
  readonly privileged: boolean;
  readonly capAdd: readonly string[];
  /** A `healthcheck:` test is declared (the lab runs no probes; see converge.ts). */
  readonly healthcheck: boolean;
}

export interface IpamPool {
  readonly subnet?: string;
  readonly ipRange?: string;
  readonly gateway?: string;
}

export interface ComposeNetwork {
  readonly key: string;
  /** The engine's name: `name:`, or `<project>_<key>`, or the key itself when external. */
  readonly name: string;
  readonly driver?: string;
  readonly driverOpts: Readonly<Record<string, string>>;
  readonly ipam: readonly IpamPool[];
  readonly external: boolean;
  readonly internal: boolean;
  readonly attachable: boolean;
  readonly labels: Readonly<Record<string, string>>;
}

export interface ComposeVolume {
  readonly key: string;
  readonly name: string;
  readonly external: boolean;
}

export interface ComposeProject {
  readonly name: string;
  /** The directory of the first compose file: relative paths and the default name come from it. */
  readonly workingDir: string;
  readonly configFiles: readonly string[];
  readonly services: readonly ComposeService[];
  readonly networks: readonly ComposeNetwork[];
  readonly volumes: readonly ComposeVolume[];
}

/** api.GetImageNameOrDefault: `image:`, or `<project>-<service>` for a service that is built. */
export const imageOf = (project: Pick<ComposeProject, 'name'>, s: ComposeService): string =>
  s.image ?? `${project.name}-${s.name}`;
