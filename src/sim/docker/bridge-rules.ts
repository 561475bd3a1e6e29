/**
 * The iptables rules the bridge driver (moby v24–v27, iptables backend) programs for a bridge
 * network, owned by that network so they disappear with it. A newer network's rules go above
 * older ones in each chain; Docker's own chain jumps stay at the head and the RETURNs at the tail.
 */
import type { IptablesRule, Network } from '../model';
import { castDraft } from 'immer';
import { plain, type HostDraft } from '../net/kernel';

type Table = IptablesRule['table'];
/** A rule with zeroed counters, as iptables creates it. */
export const rule = (table: Table, chain: string, spec: string, owner: string): IptablesRule => ({
  table,
  chain,
  spec,
  owner,
  packets: 0,
  bytes: 0,
});

/** Rules that exist once per daemon, with where they sit in their chain. */
function baseRules(): { head: IptablesRule[]; tail: IptablesRule[] } {
  const head = [
    rule('nat', 'PREROUTING', '-m addrtype --dst-type LOCAL -j DOCKER', 'docker'),
    rule('nat', 'OUTPUT', '! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER', 'docker'),
    rule('filter', 'FORWARD', '-j DOCKER-USER', 'docker'),
    rule('filter', 'FORWARD', '-j DOCKER-ISOLATION-STAGE-1', 'docker'),
  ];
  const tail = [
    rule('filter', 'DOCKER-ISOLATION-STAGE-1', '-j RETURN', 'docker:tail'),
    rule('filter', 'DOCKER-ISOLATION-STAGE-2', '-j RETURN', 'docker:tail'),
    rule('filter', 'DOCKER-USER', '-j RETURN', 'docker:tail'),
  ];
  return { head, tail };
}

export function networkOwner(networkId: string): string {
  return `net:${networkId}`;
}

function bridgeNetworkRules(n: Network): IptablesRule[] {
  const br = n.bridge as string;
  const subnet = n.ipam.config[0]?.subnet;
  const owner = networkOwner(n.id);
  const icc = n.options['com.docker.network.bridge.enable_icc'] !== 'false';
  const masquerade = n.options['com.docker.network.bridge.enable_ip_masquerade'] !== 'false';
  if (n.internal) {
    return [
      rule('filter', 'FORWARD', `-i ${br} -o ${br} -j ${icc ? 'ACCEPT' : 'DROP'}`, owner),
      ...(subnet
        ? [
            rule('filter', 'DOCKER-ISOLATION-STAGE-1', `! -s ${subnet} -o ${br} -j DROP`, owner),
            rule('filter', 'DOCKER-ISOLATION-STAGE-1', `! -d ${subnet} -i ${br} -j DROP`, owner),
          ]
        : []),
    ];
  }
  return [
    ...(subnet && masquerade
      ? [rule('nat', 'POSTROUTING', `-s ${subnet} ! -o ${br} -j MASQUERADE`, owner)]
      : []),
    rule('nat', 'DOCKER', `-i ${br} -j RETURN`, owner),
    rule(
      'filter',
      'FORWARD',
      `-o ${br} -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT`,
      owner,
    ),
    rule('filter', 'FORWARD', `-o ${br} -j DOCKER`, owner),
    rule('filter', 'FORWARD', `-i ${br} ! -o ${br} -j ACCEPT`, owner),
    rule('filter', 'FORWARD', `-i ${br} -o ${br} -j ${icc ? 'ACCEPT' : 'DROP'}`, owner),
    rule(
      'filter',
      'DOCKER-ISOLATION-STAGE-1',
      `-i ${br} ! -o ${br} -j DOCKER-ISOLATION-STAGE-2`,
      owner,
    ),
    rule('filter', 'DOCKER-ISOLATION-STAGE-2', `-o ${br} -j DROP`, owner),
  ];
}

/** Inserts `r` above every network-owned or tail rule of its chain (i.e. newest network first). */
function insertNetworkRule(rules: IptablesRule[], r: IptablesRule): void {
  const at = rules.findIndex(
    (x) =>
      x.table === r.table && x.chain === r.chain && x.owner !== 'docker' && x.owner !== r.owner,
  );
  const lastOwn = rules.findLastIndex(
    (x) => x.owner === r.owner && x.table === r.table && x.chain === r.chain,
  );
  if (lastOwn >= 0) rules.splice(lastOwn + 1, 0, r);
  else if (at >= 0) rules.splice(at, 0, r);
  else rules.push(r);
}

export function installBridgeRules(h: HostDraft, n: Network): void {
  const rules = [...plain(h.iptables.rules)];
  if (!rules.some((r) => r.owner === 'docker')) {
    const { head, tail } = baseRules();
    rules.push(...head, ...tail);
    h.iptables.policies = { 'filter:FORWARD': 'DROP' };
  }
  if (n.driver === 'bridge' && !rules.some((r) => r.owner === networkOwner(n.id)))
    for (const r of bridgeNetworkRules(n)) insertNetworkRule(rules, r);
  h.iptables.rules = castDraft(rules);
}

export function removeRulesOwnedBy(h: HostDraft, owner: string): void {
  h.iptables.rules = castDraft(plain(h.iptables.rules).filter((r) => r.owner !== owner));
}
