import { describe, expect, it } from 'vitest';
import { replay } from '../index';
import { counter } from './iptables-format';
import { parseStored, saveRule } from './iptables-spec';

/** Runs a script and returns what the last line printed (stdout, then stderr) and its exit code. */
function last(lines: readonly string[]): { out: string; code: number } {
  const e = replay(lines).transcript.at(-1)!;
  return { out: e.stdout + e.stderr, code: e.exitCode };
}

const HEAD =
  ' pkts bytes target     prot opt in     out     source               destination         \n';
const NGINX_P = [
  'docker run -dit --name c1 busybox',
  'docker run -dit --name c2 busybox',
  'docker run -d --rm -P nginx:1.22.1',
];

describe('iptables: the rules Docker programmed (seed 002)', () => {
  it('iptables -t nat -nvL after docker run -P: MASQUERADE, hairpin MASQUERADE, DNAT', () => {
    expect(last([...NGINX_P, 'iptables -t nat -nvL']).out).toBe(
      'Chain PREROUTING (policy ACCEPT 0 packets, 0 bytes)\n' +
        HEAD +
        '    0     0 DOCKER     all  --  *      *       0.0.0.0/0            0.0.0.0/0            ADDRTYPE match dst-type LOCAL\n' +
        '\n' +
        'Chain INPUT (policy ACCEPT 0 packets, 0 bytes)\n' +
        HEAD +
        '\n' +
        'Chain OUTPUT (policy ACCEPT 0 packets, 0 bytes)\n' +
        HEAD +
        '    0     0 DOCKER     all  --  *      *       0.0.0.0/0           !127.0.0.0/8          ADDRTYPE match dst-type LOCAL\n' +
        '\n' +
        'Chain POSTROUTING (policy ACCEPT 0 packets, 0 bytes)\n' +
        HEAD +
        '    0     0 MASQUERADE  all  --  *      !docker0  172.17.0.0/16        0.0.0.0/0           \n' +
        '    0     0 MASQUERADE  tcp  --  *      *       172.17.0.4           172.17.0.4           tcp dpt:80\n' +
        '\n' +
        'Chain DOCKER (2 references)\n' +
        HEAD +
        '    0     0 RETURN     all  --  docker0 *       0.0.0.0/0            0.0.0.0/0           \n' +
        '    0     0 DNAT       tcp  --  !docker0 *       0.0.0.0/0            0.0.0.0/0            tcp dpt:32768 to:172.17.0.4:80\n',
    );
  });

  it('-tnat -nvL POSTROUTING lists one chain; -p 80:80 maps dpt:80', () => {
    expect(last(['iptables -tnat  -nvL POSTROUTING']).out).toBe(
      'Chain POSTROUTING (policy ACCEPT 0 packets, 0 bytes)\n' +
        HEAD +
        '    0     0 MASQUERADE  all  --  *      !docker0  172.17.0.0/16        0.0.0.0/0           \n',
    );
    expect(last(['docker run -d -p 80:80 nginx:1.22.1', 'iptables -t nat -nvL DOCKER']).out).toBe(
      'Chain DOCKER (2 references)\n' +
        HEAD +
        '    0     0 RETURN     all  --  docker0 *       0.0.0.0/0            0.0.0.0/0           \n' +
        '    0     0 DNAT       tcp  --  !docker0 *       0.0.0.0/0            0.0.0.0/0            tcp dpt:80 to:172.17.0.2:80\n',
    );
  });

  it('iptables -S (filter) and -t nat -S print the canonical rule specs', () => {
    const run = ['docker run -d --name web -p 8080:80 nginx'];
    expect(last([...run, 'iptables -S']).out).toBe(
      '-P INPUT ACCEPT\n-P FORWARD DROP\n-P OUTPUT ACCEPT\n' +
        '-N DOCKER\n-N DOCKER-ISOLATION-STAGE-1\n-N DOCKER-ISOLATION-STAGE-2\n-N DOCKER-USER\n' +
        '-A FORWARD -j DOCKER-USER\n' +
        '-A FORWARD -j DOCKER-ISOLATION-STAGE-1\n' +
        '-A FORWARD -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT\n' +
        '-A FORWARD -o docker0 -j DOCKER\n' +
        '-A FORWARD -i docker0 ! -o docker0 -j ACCEPT\n' +
        '-A FORWARD -i docker0 -o docker0 -j ACCEPT\n' +
        '-A DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT\n' +
        '-A DOCKER-ISOLATION-STAGE-1 -i docker0 ! -o docker0 -j DOCKER-ISOLATION-STAGE-2\n' +
        '-A DOCKER-ISOLATION-STAGE-1 -j RETURN\n' +
        '-A DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP\n' +
        '-A DOCKER-ISOLATION-STAGE-2 -j RETURN\n' +
        '-A DOCKER-USER -j RETURN\n',
    );
    expect(last([...run, 'iptables -t nat -S']).out).toBe(
      '-P PREROUTING ACCEPT\n-P INPUT ACCEPT\n-P OUTPUT ACCEPT\n-P POSTROUTING ACCEPT\n-N DOCKER\n' +
        '-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER\n' +
        '-A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER\n' +
        '-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE\n' +
        '-A POSTROUTING -s 172.17.0.2/32 -d 172.17.0.2/32 -p tcp -m tcp --dport 80 -j MASQUERADE\n' +
        '-A DOCKER -i docker0 -j RETURN\n' +
        '-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80\n',
    );
  });

  it('a new network’s rules sit above docker0’s; docker rm -f takes the port rules away', () => {
    const net = [
      'docker network create mynet',
      'docker run -d --name web --network mynet -p 8080:80 nginx',
    ];
    const post = last([...net, 'iptables -t nat -S POSTROUTING']).out;
    expect(post).toMatch(
      /^-P POSTROUTING ACCEPT\n-A POSTROUTING -s 172\.18\.0\.0\/16 ! -o br-[0-9a-f]{12} -j MASQUERADE\n-A POSTROUTING -s 172\.17\.0\.0\/16 ! -o docker0 -j MASQUERADE\n-A POSTROUTING -s 172\.18\.0\.2\/32 -d 172\.18\.0\.2\/32 -p tcp -m tcp --dport 80 -j MASQUERADE\n$/,
    );
    expect(last([...net, 'iptables -nL DOCKER']).out).toMatch(/^Chain DOCKER \(2 references\)\n/);
    const gone = last([...net, 'docker rm -f web', 'iptables -t nat -S']).out;
    expect(gone).not.toContain('DNAT');
    expect(gone).not.toContain('172.18.0.2');
    expect(gone).toContain('-A DOCKER -i docker0 -j RETURN\n');
  });

  it('without -n: anywhere, loopback/8, service names, any for interfaces', () => {
    const out = last(['docker run -d -p 80:80 nginx', 'iptables -t nat -L -v']).out;
    expect(out).toContain(
      '    0     0 DOCKER     all  --  any    any     anywhere            !loopback/8           ADDRTYPE match dst-type LOCAL\n',
    );
    expect(out).toContain(
      '    0     0 DNAT       tcp  --  !docker0 any     anywhere             anywhere             tcp dpt:http to:172.17.0.2:80\n',
    );
    expect(last(['iptables -L INPUT']).out).toBe(
      'Chain INPUT (policy ACCEPT)\ntarget     prot opt source               destination         \n',
    );
  });

  it('counters use K/M/G above 99999, rounded; -x prints them exactly', () => {
    const f = { numeric: true, verbose: true, exact: false, lineNumbers: false };
    expect(counter(8253, f)).toBe(' 8253 ');
    expect(counter(232_000, f)).toBe(' 232K ');
    expect(counter(499_499, f, false)).toBe('499K ');
    expect(counter(12_345_678, f)).toBe('  12M ');
    expect(counter(232_000, { ...f, exact: true })).toBe('  232000 ');
  });
});

describe('iptables: a learner changes rules', () => {
  it('-I DOCKER-USER … -j DROP goes first and reads back canonically; -D removes it', () => {
    const add = ['iptables -I DOCKER-USER -s 172.18.0.5/16 -j DROP'];
    expect(last([...add, 'iptables -S DOCKER-USER']).out).toBe(
      '-N DOCKER-USER\n-A DOCKER-USER -s 172.18.0.0/16 -j DROP\n-A DOCKER-USER -j RETURN\n',
    );
    expect(last([...add, 'iptables -nL DOCKER-USER --line-numbers']).out).toBe(
      'Chain DOCKER-USER (1 references)\n' +
        'num  target     prot opt source               destination         \n' +
        '1    DROP       all  --  172.18.0.0/16        0.0.0.0/0           \n' +
        '2    RETURN     all  --  0.0.0.0/0            0.0.0.0/0           \n',
    );
    expect(last([...add, 'iptables -C DOCKER-USER -s 172.18.0.0/16 -j DROP']).code).toBe(0);
    const del = last([
      ...add,
      'iptables -D DOCKER-USER -s 172.18.0.0/16 -j DROP',
      'iptables -S DOCKER-USER',
    ]);
    expect(del.out).toBe('-N DOCKER-USER\n-A DOCKER-USER -j RETURN\n');
  });

  it('-A loads the tcp match implicitly and orders conntrack states; -P changes a policy', () => {
    expect(
      last([
        'iptables -A INPUT -p tcp --dport 22 -m conntrack --ctstate ESTABLISHED,NEW -j ACCEPT',
        'iptables -S INPUT',
      ]).out,
    ).toBe(
      '-P INPUT ACCEPT\n-A INPUT -p tcp -m tcp --dport 22 -m conntrack --ctstate NEW,ESTABLISHED -j ACCEPT\n',
    );
    expect(last(['iptables -P FORWARD ACCEPT', 'iptables -L FORWARD']).out).toMatch(
      /^Chain FORWARD \(policy ACCEPT\)\n/,
    );
  });

  it('errors carry iptables’ texts and exit codes', () => {
    const cases: [string, string, number][] = [
      [
        'iptables -t foo -L',
        "iptables v1.8.10 (nf_tables): table 'foo' does not exist\nPerhaps iptables or your kernel needs to be upgraded.\n",
        3,
      ],
      ['iptables -L FOO', 'iptables: No chain/target/match by that name.\n', 1],
      [
        'iptables',
        "iptables v1.8.10 (nf_tables): no command specified\nTry `iptables -h' or 'iptables --help' for more information.\n",
        2,
      ],
      [
        'iptables -nS',
        "iptables v1.8.10 (nf_tables): Illegal option `-n' with this command\n\nTry `iptables -h' or 'iptables --help' for more information.\n",
        2,
      ],
      [
        'iptables -A FORWARD --dport 80 -j ACCEPT',
        "iptables v1.8.10 (nf_tables): unknown option \"--dport\"\nTry `iptables -h' or 'iptables --help' for more information.\n",
        2,
      ],
      [
        'iptables -D DOCKER-USER -j DROP',
        'iptables: Bad rule (does a matching rule exist in that chain?).\n',
        1,
      ],
      ['iptables -I INPUT 5 -j ACCEPT', 'iptables: Index of insertion too big.\n', 1],
      ['iptables -P DOCKER ACCEPT', 'iptables: Bad built-in chain name.\n', 1],
    ];
    for (const [line, out, code] of cases) expect(last([line])).toEqual({ out, code });
  });

  it('inside a container iptables is missing, or refused without CAP_NET_ADMIN', () => {
    expect(last(['docker run -dit --name bb busybox', 'docker exec bb iptables -L']).code).toBe(
      126,
    );
    const r = last([
      'docker run -dit --name deb debian',
      'docker exec deb apt-get update',
      'docker exec deb apt-get install -y iptables',
      'docker exec deb iptables -L',
    ]);
    expect(r).toEqual({
      out: 'iptables v1.8.9 (nf_tables): Could not fetch rule set generation id: Permission denied (you must be root)\n',
      code: 4,
    });
  });
});

describe('iptables rule specs', () => {
  it('stored specs with extensions the lab does not know still read back unchanged', () => {
    for (const spec of [
      '-o docker0 -m physdev --physdev-is-bridged -j ACCEPT',
      '-s 10.0.0.0/8 -m comment --comment "lab rule" -j MASQUERADE --random-fully',
    ])
      expect(saveRule(parseStored(spec))).toBe(spec);
  });
});
