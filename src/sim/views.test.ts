import { describe, expect, it } from 'vitest';
import { replay, runLine, serializeWorld } from './index';
import { containerViews, hostViews, networkViews } from './views';

const SCRIPT = [
  'docker network create --subnet 172.30.0.0/16 mynet',
  'docker run -dit --name box busybox',
  'docker run -d --name web --link box:db -p 8080:80 nginx',
  'docker run -d --name api --network mynet --network-alias backend redis',
];

/** What typing `line` at the lab's next prompt prints. */
const typedOutput = (lines: readonly string[], line: string): string => {
  const r = replay([...lines, line]).transcript.at(-1)!;
  return r.stdout + r.stderr;
};

describe('inspector views', () => {
  const { world } = replay(SCRIPT);

  it('print exactly what their commands print in the terminal', () => {
    const views = [
      ...containerViews(world, 'web'),
      ...containerViews(world, 'box'),
      ...networkViews(world, 'mynet'),
      ...hostViews(world),
    ];
    expect(views.length).toBeGreaterThan(10);
    for (const v of views) expect(v.text, v.command).toBe(typedOutput(SCRIPT, v.command));
  });

  it('show the --link line of /etc/hosts and the link env', () => {
    const views = containerViews(world, 'web');
    const hosts = views.find((v) => v.command === 'docker exec web cat /etc/hosts')!;
    expect(hosts.text).toMatch(/^172\.17\.0\.2\tdb [0-9a-f]{12} box$/m);
    const env = views.find((v) => v.command === 'docker exec web env')!;
    // busybox exposes no port, so the link brings only the name variable.
    expect(env.text).toContain('DB_NAME=/web/db');
  });

  it("enter an ip-less image's namespace with nsenter, printing what ip netns exec prints", () => {
    const pidLine = typedOutput(SCRIPT, "docker inspect -f '{{.State.Pid}}' web").trim();
    const views = containerViews(world, 'web');
    const addr = views.find((v) => v.command === `nsenter -t ${pidLine} -n ip addr`);
    const route = views.find((v) => v.command === `nsenter -t ${pidLine} -n ip route`);
    expect(addr?.text).toContain('inet 172.17.0.3/16');
    const named = [
      ...SCRIPT,
      'mkdir -p /var/run/netns',
      `ln -s /proc/${pidLine}/ns/net /var/run/netns/${pidLine}`,
    ];
    expect(addr?.text).toBe(typedOutput(named, `ip netns exec ${pidLine} ip addr`));
    expect(route?.text).toBe(typedOutput(named, `ip netns exec ${pidLine} ip route`));
  });

  it("use busybox's own ip inside a busybox container", () => {
    const route = containerViews(world, 'box').find(
      (v) => v.command === 'docker exec box ip route',
    );
    expect(route?.text).toBe(
      'default via 172.17.0.1 dev eth0 \n172.17.0.0/16 dev eth0 scope link  src 172.17.0.2 \n',
    );
  });

  it('summarise state, image, mode and endpoints', () => {
    const [summary, nets] = containerViews(world, 'api');
    expect(summary.text).toBe('State: running  Image: redis  NetworkMode: mynet\n');
    expect(nets.text).toMatch(
      /^mynet: IP 172\.30\.0\.2\/16 {2}gateway 172\.30\.0\.1 {2}MAC 02:42:ac:1e:00:02 {2}aliases .*backend/m,
    );
  });

  it("list only the network's own bridge rules", () => {
    const [inspect, nat, filter] = networkViews(world, 'mynet');
    expect(inspect.text).toContain('"Name": "mynet"');
    expect(nat.text).toContain('-j MASQUERADE');
    expect(filter.text).not.toContain('docker0');
    expect(filter.text).toMatch(/-A FORWARD -o br-[0-9a-f]{12} -j DOCKER/);
  });

  it('show the DNAT for a published port in the host nat table', () => {
    const [nat, , , forward] = hostViews(world);
    expect(nat.text).toContain('--dport 8080 -j DNAT --to-destination 172.17.0.3:80');
    expect(forward.text).toBe('net.ipv4.ip_forward = 1\n');
  });

  it('show a stopped container without entering it', () => {
    const stopped = runLine(world, 'docker stop web').world;
    const commands = containerViews(stopped, 'web').map((v) => v.command);
    expect(commands.some((c) => c.startsWith('docker exec'))).toBe(false);
    expect(containerViews(stopped, 'web')[0].text).toContain('State: exited');
  });

  it('work from inside a container shell and never change the world', () => {
    const inside = runLine(world, 'docker exec -it box sh').world;
    const before = serializeWorld(inside);
    expect(hostViews(inside)[0].text).toBe(hostViews(world)[0].text);
    containerViews(inside, 'web');
    networkViews(inside, 'mynet');
    expect(serializeWorld(inside)).toBe(before);
  });

  it('are empty for objects that do not exist', () => {
    expect(containerViews(world, 'nope')).toEqual([]);
    expect(networkViews(world, 'nope')).toEqual([]);
  });
});
