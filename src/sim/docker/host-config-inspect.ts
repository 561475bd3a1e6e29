/**
 * `HostConfig` of `docker inspect <container>`, key for key as Engine 27.5 writes it for a
 * container created by docker-cli 27.5 (which sends empty lists for --dns and friends, hence
 * `[]` there and `null` for fields it leaves unset).
 */
import { goStruct } from '../format/go-template-value';
import type { Container } from '../model';

const MASKED_PATHS = [
  '/proc/asound',
  '/proc/acpi',
  '/proc/kcore',
  '/proc/keys',
  '/proc/latency_stats',
  '/proc/timer_list',
  '/proc/timer_stats',
  '/proc/sched_debug',
  '/proc/scsi',
  '/sys/firmware',
  '/sys/devices/virtual/powercap',
];
const READONLY_PATHS = ['/proc/bus', '/proc/fs', '/proc/irq', '/proc/sys', '/proc/sysrq-trigger'];

/** `-p` as given, grouped by container port (nat.PortMap; keys sorted as Go writes them). */
function portBindings(c: Container): Record<string, object[]> {
  const map = new Map<string, object[]>();
  for (const b of c.hostConfig.portBindings) {
    const list = map.get(b.containerPort) ?? [];
    list.push(
      goStruct({ HostIp: b.hostIp, HostPort: b.hostPort }, { typeName: 'nat.PortBinding' }),
    );
    map.set(b.containerPort, list);
  }
  const keys = [...map.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(keys.map((k) => [k, map.get(k)!]));
}

/** HostConfig.Binds: the `-v SOURCE:TARGET[:MODE]` specs as the CLI sent them. */
const bindsOf = (c: Container): string[] | null => {
  const binds = (c.mounts ?? []).flatMap((m) => (m.bind ? [m.bind] : []));
  return binds.length ? binds : null;
};

/** HostConfig.Mounts (omitted when empty): the `--mount`s as mount.Mount. */
function mountsFlag(c: Container): { Mounts?: object[] } {
  const given = (c.mounts ?? []).filter((m) => m.viaMount);
  if (!given.length) return {};
  return {
    Mounts: given.map((m) =>
      goStruct(
        {
          Type: m.type,
          ...(m.anonymous ? {} : { Source: m.type === 'bind' ? m.source : m.name }),
          Target: m.destination,
          ...(m.rw ? {} : { ReadOnly: true }),
        },
        { typeName: 'mount.Mount' },
      ),
    ),
  };
}

export function hostConfigObject(c: Container): object {
  const hc = c.hostConfig;
  return goStruct(
    {
      Binds: bindsOf(c),
      ContainerIDFile: '',
      LogConfig: goStruct({ Type: 'json-file', Config: {} }, { typeName: 'container.LogConfig' }),
      NetworkMode: hc.networkMode,
      PortBindings: portBindings(c),
      RestartPolicy: goStruct(
        { Name: hc.restartPolicy.name, MaximumRetryCount: hc.restartPolicy.maximumRetryCount },
        { typeName: 'container.RestartPolicy' },
      ),
      AutoRemove: hc.autoRemove,
      VolumeDriver: '',
      VolumesFrom: null,
      // The CLI sends the terminal's size only when it allocates a TTY.
      ConsoleSize: c.config.tty ? [24, 80] : [0, 0],
      CapAdd: null,
      CapDrop: null,
      CgroupnsMode: 'private',
      Dns: [...hc.dns],
      DnsOptions: [],
      DnsSearch: [],
      ExtraHosts: hc.extraHosts.length ? [...hc.extraHosts] : null,
      GroupAdd: null,
      IpcMode: 'private',
      Cgroup: '',
      Links: hc.links.length ? [...hc.links] : null,
      OomScoreAdj: 0,
      PidMode: '',
      Privileged: false,
      PublishAllPorts: hc.publishAllPorts,
      ReadonlyRootfs: false,
      SecurityOpt: null,
      UTSMode: '',
      UsernsMode: '',
      ShmSize: 67108864,
      Runtime: 'runc',
      Isolation: '',
      CpuShares: 0,
      Memory: 0,
      NanoCpus: 0,
      CgroupParent: '',
      BlkioWeight: 0,
      BlkioWeightDevice: [],
      BlkioDeviceReadBps: [],
      BlkioDeviceWriteBps: [],
      BlkioDeviceReadIOps: [],
      BlkioDeviceWriteIOps: [],
      CpuPeriod: 0,
      CpuQuota: 0,
      CpuRealtimePeriod: 0,
      CpuRealtimeRuntime: 0,
      CpusetCpus: '',
      CpusetMems: '',
      Devices: [],
      DeviceCgroupRules: null,
      DeviceRequests: null,
      MemoryReservation: 0,
      MemorySwap: 0,
      MemorySwappiness: null,
      OomKillDisable: null,
      PidsLimit: null,
      Ulimits: [],
      CpuCount: 0,
      CpuPercent: 0,
      IOMaximumIOps: 0,
      IOMaximumBandwidth: 0,
      ...mountsFlag(c),
      MaskedPaths: MASKED_PATHS,
      ReadonlyPaths: READONLY_PATHS,
    },
    { pointer: true, typeName: 'container.HostConfig' },
  );
}
