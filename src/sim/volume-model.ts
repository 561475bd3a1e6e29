/** Where a container's data lives beyond it: local volumes, and its mounts of them or of host paths. */
/** A local volume (driver `local`): a directory of the host's under /var/lib/docker/volumes. */
export interface Volume {
  readonly name: string;
  readonly created: number;
  /** `null` when the daemon made it for a container, `{}` from `docker volume create`. */
  readonly labels: Readonly<Record<string, string>> | null;
  readonly options: Readonly<Record<string, string>> | null;
}

/** One mount of a container: a volume or a host path, seen at `destination` inside. */
export interface Mount {
  readonly type: 'volume' | 'bind';
  /** The volume's name (volumes only). */
  readonly name?: string;
  /** The host directory or file whose contents the container sees. */
  readonly source: string;
  readonly destination: string;
  readonly rw: boolean;
  /** The `-v` mode as typed (`ro`, `z`, …), empty for `--mount`. */
  readonly mode: string;
  /** `-v`'s spelling, kept for HostConfig.Binds; absent for --mount and image VOLUMEs. */
  readonly bind?: string;
  /** Made by `--mount` (HostConfig.Mounts) rather than `-v`. */
  readonly viaMount?: boolean;
  /** A volume named at random for this container (`-v /path`, VOLUME, `--mount` without source). */
  readonly anonymous?: boolean;
}
