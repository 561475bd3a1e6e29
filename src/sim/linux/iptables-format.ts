/**
 * `iptables -L` text, column for column as iptables v1.8 prints it (xshared.c print_header,
 * print_rule_details, print_fragment, print_ifaces, print_ipv4_addresses; libxtables
 * xtables_print_num; each extension's print function for the trailing text). Without -n,
 * addresses go through the resolver (host names from /etc/hosts, then /etc/networks) and ports
 * through /etc/services, as getnameinfo-style lookups on the CentOS host would.
 */
import { MATCHES, type Match, type Option, type RuleSpec } from './iptables-spec';

export interface ListFormat {
  readonly numeric: boolean;
  readonly verbose: boolean;
  /** -x: exact counters instead of K/M/G units. */
  readonly exact: boolean;
  readonly lineNumbers: boolean;
}

/** xtables_print_num: right-aligned in a table, units from 100000 up, rounded to nearest. */
export function counter(n: number, f: ListFormat, table = true): string {
  if (f.exact) return table ? `${String(n).padStart(8)} ` : `${n} `;
  if (n <= 99999) return table ? `${String(n).padStart(5)} ` : `${n} `;
  let v = n;
  for (const unit of ['K', 'M', 'G']) {
    v = Math.floor((v + 500) / 1000);
    if (v <= 9999) return table ? `${String(v).padStart(4)}${unit} ` : `${v}${unit} `;
  }
  v = Math.floor((v + 500) / 1000);
  return table ? `${String(v).padStart(4)}T ` : `${v}T `;
}

export function chainHeader(
  name: string,
  f: ListFormat,
  head: { policy: string; packets: number; bytes: number } | { references: number },
): string {
  const title =
    'policy' in head
      ? f.verbose
        ? `Chain ${name} (policy ${head.policy} ${counter(head.packets, f, false)}packets, ${counter(head.bytes, f, false)}bytes)`
        : `Chain ${name} (policy ${head.policy})`
      : `Chain ${name} (${head.references} references)`;
  const columns =
    (f.lineNumbers ? 'num  ' : '') +
    (f.verbose
      ? f.exact
        ? `${'pkts'.padStart(8)} ${'bytes'.padStart(10)} `
        : ' pkts bytes '
      : '') +
    `${'target'.padEnd(9)}  prot opt` +
    (f.verbose ? ` ${'in'.padEnd(6)} ${'out'.padEnd(6)} ` : '') +
    ` ${'source'.padEnd(19)}  ${'destination'.padEnd(19)} `;
  return `${title}\n${columns}\n`;
}

/** /etc/networks on CentOS Stream 9 (setup package). */
const NETWORKS: Readonly<Record<string, string>> = {
  '0.0.0.0': 'default',
  '127.0.0.0': 'loopback',
  '169.254.0.0': 'link-local',
};

/**
 * /etc/services names iptables prints for well-known ports without -n (CentOS's file follows
 * IANA: 8080 is `webcache`, Docker's first ephemeral ports 32768… are FileNet's).
 */
const SERVICES: Readonly<Record<string, string>> = {
  '20': 'ftp-data',
  '21': 'ftp',
  '22': 'ssh',
  '23': 'telnet',
  '25': 'smtp',
  '53': 'domain',
  '80': 'http',
  '110': 'pop3',
  '143': 'imap',
  '443': 'https',
  '3306': 'mysql',
  '8080': 'webcache',
  '32768': 'filenet-tms',
  '32769': 'filenet-rpc',
  '32770': 'filenet-nch',
  '32771': 'filenet-rmi',
  '32772': 'filenet-pa',
  '32773': 'filenet-cm',
  '32774': 'filenet-re',
  '32775': 'filenet-pch',
  '32776': 'filenet-peior',
  '32777': 'filenet-obrok',
};

/** Reverse lookups the host can answer: /etc/hosts first (gethostbyaddr), then /etc/networks. */
export type Resolver = (ip: string) => string | undefined;

export function resolverFrom(hostsFile: string): Resolver {
  const hosts = new Map<string, string>();
  for (const line of hostsFile.split('\n')) {
    const [ip, name] = line.replace(/#.*/, '').trim().split(/\s+/);
    if (ip && name && !hosts.has(ip)) hosts.set(ip, name);
  }
  return (ip) => hosts.get(ip) ?? NETWORKS[ip];
}

function address(n: RuleSpec['src'], f: ListFormat, resolve: Resolver): string {
  const [ip = '0.0.0.0', prefix = '0'] = (n?.value ?? '0.0.0.0/0').split('/');
  const mark = n?.inv ? '!' : ' ';
  if (prefix === '0' && !f.numeric) return `${mark}${'anywhere'.padEnd(19)} `;
  const name = f.numeric ? ip : (resolve(ip) ?? ip);
  return `${mark}${`${name}${prefix === '32' ? '' : `/${prefix}`}`.padEnd(19)} `;
}

const iface = (n: RuleSpec['inIf'], f: ListFormat) =>
  `${n?.inv ? '!' : ''}${n?.value ?? (f.numeric ? '*' : 'any')}`;

function port(value: string, numeric: boolean): string {
  return value
    .split(':')
    .map((p) => (numeric ? p : (SERVICES[p] ?? p)))
    .join(':');
}

function matchText(m: Match, numeric: boolean): string {
  const opt = (flag: string): Option | undefined => m.opts.find((o) => o.flag === flag);
  switch (m.name) {
    case 'tcp':
    case 'udp':
      return (
        ` ${m.name}` +
        MATCHES[m.name].order
          .map((flag) => {
            const o = opt(flag);
            if (!o) return '';
            const name = flag === '--sport' ? 'spt' : 'dpt';
            const range = o.value.includes(':');
            return ` ${name}${range ? 's' : ''}:${o.inv ? '!' : ''}${port(o.value, numeric)}`;
          })
          .join('')
      );
    case 'addrtype':
      return (
        ' ADDRTYPE match' +
        (['--src-type', '--dst-type'] as const)
          .map((flag) => {
            const o = opt(flag);
            return o ? ` ${flag.slice(2)}${o.inv ? ' !' : ''} ${o.value}` : '';
          })
          .join('')
      );
    case 'conntrack':
    case 'state': {
      const o = m.opts[0];
      const word = m.name === 'state' ? 'state' : 'ctstate';
      return o ? `${o.inv ? ' !' : ''} ${word} ${o.value}` : '';
    }
    case 'comment':
      return ` /* ${m.opts[0]?.value ?? ''} */`;
    default:
      return ` ${m.name}`;
  }
}

function targetText(r: RuleSpec): string {
  const v = r.targetOpts[0]?.value;
  switch (r.target) {
    case 'DNAT':
    case 'SNAT':
      return v ? ` to:${v}` : '';
    case 'MASQUERADE':
      return v ? ` masq ports: ${v}` : '';
    case 'REJECT':
      return ` reject-with ${v ?? 'icmp-port-unreachable'}`;
    default:
      return '';
  }
}

/** One rule line of `iptables -L`. */
export function ruleLine(
  r: RuleSpec,
  num: number,
  counters: { packets: number; bytes: number },
  f: ListFormat,
  resolve: Resolver,
): string {
  const proto = r.proto ?? { value: 'all', inv: false };
  return (
    (f.lineNumbers ? `${String(num).padEnd(4)} ` : '') +
    (f.verbose ? counter(counters.packets, f) + counter(counters.bytes, f) : '') +
    `${(r.target ?? '').padEnd(9)} ` +
    `${proto.inv ? '!' : ' '}${proto.value.padEnd(5)}` +
    '-- ' +
    (f.verbose ? ` ${iface(r.inIf, f).padEnd(6)} ${iface(r.outIf, f).padEnd(6)} ` : '') +
    address(r.src, f, resolve) +
    address(r.dst, f, resolve) +
    r.matches.map((m) => matchText(m, f.numeric)).join('') +
    targetText(r) +
    '\n'
  );
}
