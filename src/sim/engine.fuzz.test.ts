import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorld, replay, runLine, serializeWorld } from './index';
import { checkInvariants } from './invariants';

const name = fc.constantFrom('web', 'db', 'c1', 'c2');
const net = fc.constantFrom('n1', 'n2', 'bridge', 'host', 'none', 'nosuch');
const image = fc.constantFrom('busybox', 'nginx', 'alpine', 'tomcat', 'nosuch', 'built', 'snap');
const port = fc.constantFrom('8080:80', '80', '9000:9000', '127.0.0.1:8080:80');

/** Command lines a curious learner might type, valid and not. */
const line: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('-d', '-dit', '-itd', '-d --rm', ''),
      fc.option(name),
      fc.option(net),
      fc.option(name),
      fc.option(port),
      fc.boolean(),
      image,
    )
    .map(([flags, n, nw, link, p, all, img]) =>
      [
        'docker run',
        flags,
        n ? `--name ${n}` : '',
        nw ? `--network ${nw}` : '',
        link ? `--link ${link}` : '',
        p ? `-p ${p}` : '',
        all ? '-P' : '',
        img,
      ]
        .filter(Boolean)
        .join(' '),
    ),
  fc
    .tuple(fc.constantFrom('stop', 'start', 'restart', 'rm', 'rm -f'), name)
    .map(([c, n]) => `docker ${c} ${n}`),
  fc
    .tuple(
      fc.constantFrom(
        'kill',
        'kill -s TERM',
        'kill -s HUP',
        'kill -s 0',
        'container kill',
        'pause',
        'unpause',
        'wait',
        'top',
        'stats --no-stream',
        'update --restart always',
        'update --restart unless-stopped',
        'container update --restart no',
      ),
      name,
    )
    .map(([c, n]) => `docker ${c} ${n}`),
  fc.tuple(name, name).map(([a, b]) => `docker rename ${a} ${b}`),
  // Main processes that log, end, or go on with the clock, and what their logs show.
  fc
    .tuple(
      fc.constantFrom('-d', ''),
      name,
      fc.constantFrom('busybox', 'nginx:alpine', 'centos'),
      fc.constantFrom(
        'ping 8.8.8.8',
        'ping -c 2 web',
        'ping nosuch',
        'sleep 3',
        'echo hi',
        `sh -c "echo out; echo err >&2; exit 3"`,
      ),
    )
    .map(([d, n, img, cmd]) => `docker run ${d} --name ${n} ${img} ${cmd}`),
  fc
    .tuple(name, fc.constantFrom('mysql', '-e MYSQL_ROOT_PASSWORD=pw mysql:8.0', 'httpd', 'redis'))
    .map(([n, img]) => `docker run -d -p 8081:80 --name ${n} ${img}`),
  fc
    .tuple(
      fc.constantFrom('', '-t', '--tail 1', '--since 3s', '--until 1s', '--details', '-f'),
      name,
    )
    .map(([f, n]) => `docker logs ${f} ${n}`),
  fc.constantFrom(
    'curl -s localhost:8080',
    'curl -sI localhost:8081',
    'docker exec c1 wget -q -O - 172.17.0.2',
    'ssh 10.0.2.20 curl -s 10.0.2.15:8080',
  ),
  // Swarm mode on one node: n1 may become an overlay, and containers may join it.
  fc.constantFrom(
    'docker swarm init',
    'docker swarm leave',
    'docker swarm leave --force',
    'docker swarm join-token worker',
    'docker node ls',
    'docker network create -d overlay --attachable n1',
    'docker network create -d overlay n2',
    'docker run -dit --name c1 --network n1 alpine',
  ),
  fc.constantFrom(
    'docker info',
    'docker system df',
    'docker stats --no-stream',
    'docker container prune -f',
    'docker system prune -f',
    'docker network prune -f',
  ),
  fc
    .tuple(
      fc.option(fc.constantFrom('172.30.0.0/16', '192.168.0.0/16', '10.9.0.0/24', '172.18.0.0/16')),
      net,
    )
    .map(([s, n]) => `docker network create ${s ? `--subnet ${s} ` : ''}${n}`),
  net.map((n) => `docker network rm ${n}`),
  fc
    .tuple(fc.constantFrom('connect', 'disconnect'), net, name)
    .map(([c, n, m]) => `docker network ${c} ${n} ${m}`),
  name.map((n) => `docker exec ${n} ip addr`),
  fc
    .tuple(name, fc.constantFrom('web', 'db', '172.17.0.2', '172.18.0.3', '8.8.8.8', 'nosuch'))
    .map(([n, t]) => `docker exec ${n} ping -c 1 ${t}`),
  fc
    .tuple(
      fc.constantFrom('', '-it '),
      name,
      fc.constantFrom('telnet', 'nc -zv', 'nc', 'nc -zvv -w 1'),
      fc.constantFrom('web', 'localhost', '172.17.0.2', 'nosuch'),
      fc.constantFrom('80', '3306', '8080', '22'),
    )
    .map(([t, n, tool, host, p]) => `docker exec ${t}${n} ${tool} ${host} ${p}`),
  fc.constantFrom(
    'docker run -d --name db -e MYSQL_ROOT_PASSWORD=x mysql:5.7',
    'docker run -d --name c2 busybox nc -l -p 8080',
    'docker run -dit --name c1 --network container:db busybox',
    'telnet 172.17.0.2 80',
    'telnet localhost 22',
    'nc -zv 172.17.0.2 80',
    "printf '%s=%d\\n' a 1 b x",
    'type ping docker if ls',
    'which docker nosuch',
    'history',
    'help',
    'hostname',
    'sleep 1',
    'docker build .',
    'tcpdump -i docker0',
    'iptables -I DOCKER-USER -p tcp --dport 80 -j DROP',
  ),
  fc.constantFrom(
    'ping -c 1 172.17.0.2',
    'iptables -t nat -nvL',
    'iptables -S',
    'ip link add va type veth peer name vb',
    'brctl addif docker0 va',
    'ip link set va up',
    'ip link del va',
    'lab add-host host2',
    'ssh host2 ip link add vx0 type vxlan id 42 dstport 4789 dev eth0 remote 10.0.2.15',
    'ssh host2 ip link set vx0 up',
    'ssh host2 ip addr add 10.99.0.1/16 dev vx0',
    'ip link add vx0 type vxlan id 42 dstport 4789 dev eth0 remote 10.0.2.16',
    'ip link set vx0 up',
    'ip link set vx0 master docker0',
    'ip addr add 172.30.0.0/32 dev vx0',
    'bridge fdb append 00:00:00:00:00:00 dev vx0 dst 10.0.2.16',
    'ip neigh replace 10.9.9.9 lladdr 0e:00:00:00:00:02 dev vx0',
    'ip route add 10.99.0.0/16 via 10.9.9.9 dev vx0 onlink',
    'ping -c 1 -W 1 10.99.0.1',
    'ip link del vx0',
    'systemctl restart docker',
    'echo \'{"bip": "10.9.0.1/24"}\' > /etc/docker/daemon.json',
    "echo '{bad' > /etc/docker/daemon.json",
    'rm -f /etc/docker/daemon.json',
    'cat > /tmp/x <<EOF',
    'EOF',
  ),
  // Files, builds and commits: a Dockerfile grows line by line, and is built by either builder.
  fc.constantFrom(
    'mkdir -p /root/b',
    'cd /root/b',
    'cd /',
    "echo 'FROM busybox' > /root/b/Dockerfile",
    "echo 'FROM nginx AS base' > /root/b/Dockerfile",
    "echo 'RUN echo hi > /f && mkdir -p /d' >> /root/b/Dockerfile",
    "echo 'RUN exit 2' >> /root/b/Dockerfile",
    "echo 'COPY nosuch /x' >> /root/b/Dockerfile",
    "echo 'COPY Dockerfile /etc/' >> /root/b/Dockerfile",
    "echo 'EXPOSE 8080' >> /root/b/Dockerfile",
    "echo 'BOGUS x' >> /root/b/Dockerfile",
    'docker build -t built /root/b',
    'docker build --progress=plain --no-cache -t built:2 -t snap /root/b',
    'DOCKER_BUILDKIT=0 docker build -t built /root/b',
    'docker history built',
    'docker commit web snap',
    'docker exec web touch /x',
    'docker exec web rm -rf /etc',
    'docker exec web cat /f',
  ),
  fc.constantFrom(
    "echo 'services: {web: {image: busybox, command: sleep 3600, depends_on: [db]}, db: {image: busybox, command: sleep 3600}}' > compose.yaml",
    'echo \'{services: {web: {image: nginx, ports: ["8080:80"], networks: [n1]}}, networks: {n1: {internal: true}}}\' > compose.yaml',
    'docker compose up -d',
    'docker compose up -d --scale web=2',
    'docker compose -p web up -d',
    'docker compose stop',
    'docker compose down',
    'docker compose run --rm web echo hi',
  ),
  // Images moved around: tags, removal (forced or not, in use or not), archives, a registry.
  fc.constantFrom(
    'docker tag nginx localhost:5000/nginx:alpine',
    'docker tag busybox snap:1',
    'docker rmi nginx',
    'docker rmi -f busybox',
    'docker image rm snap:1 built',
    'docker image prune -f',
    'docker image prune -a -f',
    'docker system prune -a -f',
    'docker save -o /root/img.tar busybox snap:1',
    'docker load -i /root/img.tar',
    "echo 'x' > /root/img.tar",
    'docker run -d -p 5000:5000 --restart=always --name registry registry:2',
    'docker push localhost:5000/nginx:alpine',
    'docker push 10.0.2.15:5000/nginx',
    'docker pull localhost:5000/nginx:alpine',
    'curl localhost:5000/v2/_catalog',
    'echo \'{"insecure-registries": ["10.0.2.15:5000"]}\' > /etc/docker/daemon.json',
    'docker search --limit 3 nginx',
    'docker login -u u -p p localhost:5000',
    'docker logout localhost:5000',
  ),
  // Volumes, bind mounts and copies: files shared through the host, and what removal takes along.
  fc
    .tuple(
      name,
      fc.constantFrom(
        '-v data:/data',
        '-v /anon',
        '-v /root/site:/data:ro',
        '--mount type=volume,target=/data',
        '-v data:/data -v data:/data',
      ),
      fc.constantFrom('-d', '-d --rm'),
    )
    .map(([n, v, d]) => `docker run ${d} --name ${n} ${v} busybox sleep 3600`),
  fc
    .tuple(
      name,
      fc.constantFrom(
        "sh -c 'echo hi > /data/f'",
        'cat /data/f',
        'rm -rf /data/f',
        'mkdir /data/d',
      ),
    )
    .map(([n, cmd]) => `docker exec ${n} ${cmd}`),
  fc
    .tuple(name, fc.constantFrom('/data', '/data/f', '/etc/hostname', '/nope'))
    .map(([n, p]) => `docker cp ${n}:${p} /root/out`),
  name.map((n) => `docker cp /root/site ${n}:/tmp/`),
  fc
    .tuple(fc.constantFrom('rm -v', 'rm -fv', 'diff', 'export -o /root/x.tar'), name)
    .map(([c, n]) => `docker ${c} ${n}`),
  fc.constantFrom(
    'mkdir -p /root/site',
    'echo page > /root/site/index.html',
    'docker volume create data',
    'docker volume ls',
    'docker volume ls -q --filter dangling=true',
    'docker volume inspect data',
    'docker volume rm data',
    'docker volume rm -f data',
    'docker volume prune -f',
    'docker volume prune -a -f',
    'docker system prune -f --volumes',
    'rm -rf /var/lib/docker/volumes/data',
  ),
  fc.constantFrom(
    'docker ps -a',
    'docker network ls',
    'ip addr',
    'docker inspect web',
    'cat /etc/hosts',
    'exit',
  ),
  fc.string({ maxLength: 30 }),
);

describe('any command log', () => {
  it('never throws, keeps every invariant after every step, and replays byte for byte', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 25 }), (lines) => {
        let world = createWorld();
        for (const l of lines) {
          world = runLine(world, l).world;
          expect(checkInvariants(world), `after: ${l}`).toEqual([]);
        }
        const a = replay(lines);
        const b = replay(lines);
        expect(JSON.stringify(a.transcript)).toBe(JSON.stringify(b.transcript));
        expect(serializeWorld(a.world)).toBe(serializeWorld(world));
      }),
      { numRuns: 150, seed: 2705 },
    );
  }, 60_000);
});
