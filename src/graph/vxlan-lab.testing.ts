/**
 * A two-host lab joined by VXLAN by hand, flannel style (each host's docker0 on its own /16,
 * vxlan0 with a static FDB entry, neighbour and onlink route to the other side), for the graph's
 * unit tests and the Playwright specs that watch a ping cross the tunnel.
 */
function side(
  net: string,
  peerNet: string,
  vtep: string,
  peerVtep: string,
  mac: string,
  peerMac: string,
) {
  return [
    `ip link add vxlan0 type vxlan id 42 dstport 4789 dev eth0 local ${vtep} nolearning`,
    `ip link set vxlan0 address ${mac}`,
    'ip link set vxlan0 up',
    `ip addr add ${net}.0.0/32 dev vxlan0`,
    `bridge fdb append ${peerMac} dev vxlan0 dst ${peerVtep}`,
    `ip neigh add ${peerNet}.0.0 lladdr ${peerMac} dev vxlan0`,
    `ip route add ${peerNet}.0.0/16 via ${peerNet}.0.0 dev vxlan0 onlink`,
    'iptables -I DOCKER-USER -i vxlan0 -o docker0 -j ACCEPT',
  ];
}

const bip = (net: string) => [
  'cat > /etc/docker/daemon.json <<EOF',
  `{ "bip": "${net}.0.1/16" }`,
  'EOF',
  'systemctl restart docker',
];

const M1 = '0e:00:00:00:00:01';
const M2 = '0e:00:00:00:00:02';

export const VXLAN_BY_HAND: readonly string[] = [
  ...bip('172.30'),
  'lab add-host host2',
  'ssh host2',
  ...bip('172.31'),
  'docker run -d --name b1 busybox sleep 3600',
  ...side('172.31', '172.30', '10.0.2.16', '10.0.2.15', M2, M1),
  'exit',
  'docker run -d --name a1 busybox sleep 3600',
  ...side('172.30', '172.31', '10.0.2.15', '10.0.2.16', M1, M2),
];

/** a1 on docker-host pings b1 on host2 through the tunnel. */
export const PING_THROUGH_TUNNEL = 'docker exec a1 ping -c 1 -W 1 172.31.0.2';
