/**
 * `ip link add NAME type vxlan id VNI [remote IP | group IP dev D] [local IP] [dev D] [dstport P]
 * [no]learning …`: iproute2's ip/iplink_vxlan.c checks the words (its messages, exit 1 or 255),
 * the kernel's vxlan_newlink the rest. The tunnel's UDP socket lives in the namespace the device
 * is made in, which stays its underlay when the device moves (as Docker's overlay moves vxlan0).
 */
import { isIpv4 } from '../net/ipv4';
import { randomMac } from '../net/kernel';
import { createVxlan, isMulticast, LINUX_VXLAN_PORT } from '../net/vxlan';
import { failure, type ProcessResult } from '../shell/process';
import { change, extack, invalidArg, rtnetlink } from './ip-change';
import { linkNamed, type LinkCtx } from './ip-link';

export const VXLAN_USAGE =
  'Usage: ... vxlan id VNI\n\t\t[ { group | remote } IP_ADDRESS ]\n\t\t[ local ADDR ]\n' +
  '\t\t[ ttl TTL ]\n\t\t[ tos TOS ]\n\t\t[ df DF ]\n\t\t[ flowlabel LABEL ]\n' +
  '\t\t[ dev PHYS_DEV ]\n\t\t[ dstport PORT ]\n\t\t[ srcport MIN MAX ]\n' +
  '\t\t[ [no]learning ]\n\t\t[ [no]proxy ]\n\t\t[ [no]rsc ]\n\t\t[ [no]l2miss ]\n' +
  '\t\t[ [no]l3miss ]\n\t\t[ ageing SECONDS ]\n\t\t[ maxaddress NUMBER ]\n' +
  '\t\t[ [no]udpcsum ]\n\t\t[ [no]udp6zerocsumtx ]\n\t\t[ [no]udp6zerocsumrx ]\n' +
  '\t\t[ [no]remcsumtx ] [ [no]remcsumrx ]\n\t\t[ [no]external ] [ gbp ] [ gpe ]\n' +
  '\t\t[ [no]vnifilter ]\n\nWhere:\tVNI\t:= 0-16777215\n\tADDR\t:= { IP_ADDRESS | any }\n' +
  '\tTOS\t:= { NUMBER | inherit }\n\tTTL\t:= { 1..255 | auto | inherit }\n' +
  '\tDF\t:= { unset | set | inherit }\n\tLABEL := 0-1048575\n';

const PORT_WARNING =
  'vxlan: destination port not specified\nWill use Linux kernel default (non-standard value)\n' +
  "Use 'dstport 4789' to get the IANA assigned value\n" +
  "Use 'dstport 0' to get default and quiet this message\n";

/** Options taking one value the lab does not model, and flags it accepts as they are. */
const VALUED = new Set(['tos', 'dsfield', 'df', 'flowlabel', 'ageing', 'maxaddress']);
const FLAGS =
  /^(no)?(rsc|l2miss|l3miss|udpcsum|udp6zerocsumtx|udp6zerocsumrx|remcsumtx|remcsumrx|external|vnifilter)$|^(gbp|gpe|remcsumnopartial)$/;

interface Parsed {
  id?: number;
  remote?: string;
  group?: string;
  local?: string;
  dev?: string;
  dstport?: number;
  learning: boolean;
  proxy?: boolean;
}

const garbage = (c: LinkCtx, key: string, v: string) =>
  failure(c.p.world, `Error: either "${key}" is duplicate, or "${v}" is a garbage.`, 255);
const notAddress = (c: LinkCtx, v: string) =>
  failure(c.p.world, `Error: any valid address is expected rather than "${v}".`, 1);

function parse(c: LinkCtx, args: readonly string[]): Parsed | ProcessResult {
  const r: Parsed = { learning: true };
  const seen = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (FLAGS.test(a)) continue;
    if (a === 'learning' || a === 'nolearning') {
      r.learning = a === 'learning';
      continue;
    }
    if (a === 'proxy' || a === 'noproxy') {
      r.proxy = a === 'proxy';
      continue;
    }
    if (a === 'help') return failure(c.p.world, VXLAN_USAGE, 255);
    const known = ['id', 'vni', 'remote', 'group', 'local', 'dev', 'dstport', 'port', 'srcport'];
    if (!known.includes(a) && !VALUED.has(a) && a !== 'ttl' && a !== 'hoplimit')
      return failure(c.p.world, `vxlan: unknown command "${a}"?\n${VXLAN_USAGE}`, 1);
    if (i + 1 >= args.length)
      return failure(c.p.world, 'Command line is not complete. Try option "help"', 255);
    const v = args[++i];
    const key = a === 'vni' ? 'id' : a === 'port' ? 'srcport' : a;
    if (seen.has(key)) return garbage(c, key, v);
    seen.add(key);
    if (key === 'id') {
      if (!/^\d+$/.test(v) || Number(v) > 0xffffff) return invalidArg(c.p, v, 'invalid id');
      r.id = Number(v);
    } else if (key === 'remote' || key === 'group' || key === 'local') {
      if (!isIpv4(v)) return notAddress(c, v);
      if (isMulticast(v) !== (key === 'group')) return invalidArg(c.p, v, `invalid ${key} address`);
      r[key] = v;
    } else if (key === 'dev') r.dev = v;
    else if (key === 'dstport') {
      if (!/^\d+$/.test(v) || Number(v) > 65535) return garbage(c, key, v);
      r.dstport = Number(v);
    } else if (key === 'srcport') i++;
    else if (key === 'ttl' || key === 'hoplimit') {
      if (!/^(auto|inherit)$/.test(v) && !/^\d+$/.test(v)) return invalidArg(c.p, v, 'invalid TTL');
      if (Number(v) > 255) return invalidArg(c.p, v, 'TTL must be <= 255');
    }
  }
  return r;
}

export function addVxlan(c: LinkCtx, name: string, args: readonly string[]): ProcessResult {
  const { p } = c;
  // With nothing after `type vxlan` iproute2 sends the request as it is; the kernel wants the VNI.
  if (args.length === 0)
    return extack(p, 'Required attributes not provided to perform the operation');
  const r = parse(c, args);
  if ('exitCode' in r) return r;
  if (r.remote && r.group)
    return failure(p.world, 'vxlan: both group and remote cannot be specified', 1);
  if (r.id === undefined) return failure(p.world, 'vxlan: missing virtual network identifier', 1);
  if (r.group && r.dev === undefined)
    return failure(p.world, "vxlan: 'group' requires 'dev' to be specified", 1);
  const lower = r.dev !== undefined ? linkNamed(c, r.dev) : undefined;
  if (r.dev !== undefined && !lower) return failure(p.world, `Cannot find device "${r.dev}"`, 255);
  const warning = r.dstport === undefined ? PORT_WARNING : '';
  const dstport = r.dstport || LINUX_VXLAN_PORT;
  if (linkNamed(c, name)) return withWarning(rtnetlink(p, c.d, 'File exists'), warning);
  // vxlan_vni_in_use: one device per VNI and port on a namespace's tunnel sockets.
  const clash = [...c.w.host.netns.values()].some((ns) =>
    ns.links.some(
      (l) =>
        l.vxlan?.underlayNetns === c.netns && l.vxlan.id === r.id && l.vxlan.dstport === dstport,
    ),
  );
  if (clash)
    return withWarning(extack(p, 'A VXLAN device with the specified VNI already exists'), warning);
  const done = change(p, (h) => {
    createVxlan(h, c.netns, {
      name,
      mac: randomMac(p.ctx.rng),
      info: {
        id: r.id!,
        dstport,
        ...(r.local ? { local: r.local } : {}),
        ...((r.remote ?? r.group) ? { remote: (r.remote ?? r.group)! } : {}),
        ...(lower ? { dev: lower.ifindex } : {}),
        underlayNetns: c.netns,
        learning: r.learning,
        ...(r.proxy ? { proxy: true } : {}),
      },
    });
  });
  return withWarning(done, warning);
}

/** iproute2 prints its dstport advice before the kernel answers, whatever the answer. */
function withWarning(r: ProcessResult, warning: string): ProcessResult {
  return warning ? { ...r, stderr: warning + r.stderr } : r;
}
