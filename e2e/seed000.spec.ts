import { expect, test } from './fixtures';

/**
 * Seed 000, typed by a learner into the browser terminal: tomcat without tools, install and commit,
 * veth pairs, a one-way --link, a user network and `network connect`.
 */
test('the seed-000 scenario reads the same in the browser as on a real host', async ({
  terminal,
}) => {
  const lines = [
    'docker run -d -P --name tomcat01 tomcat',
    'docker exec -it tomcat01 ip addr',
    'docker exec -it tomcat01 /bin/bash',
    'apt-get update',
    'apt install -y iproute2 iputils-ping',
    'exit',
    'docker commit -a yuanyuan -m "add apt ip and ping" tomcat01 yuanyuan/tomcat',
    'docker exec -it tomcat01 ip addr',
    'docker run -d -P --name tomcat02 yuanyuan/tomcat',
    'docker run -d -P --name tomcat03 --link tomcat02 yuanyuan/tomcat',
    'docker exec -it tomcat03 cat /etc/hosts',
    "docker inspect -f '{{.HostConfig.Links}}' tomcat03",
    'docker network create --driver bridge --subnet 192.168.0.0/16 --gateway 192.168.0.1 mynet',
    'docker run -d -P --name tomcat-net-01 --net mynet yuanyuan/tomcat',
    'docker run -d -P --name tomcat-net-02 --net mynet yuanyuan/tomcat',
    'docker network connect mynet tomcat01',
    'docker network inspect mynet',
  ];
  for (const line of lines) await terminal.run(line);
  const text = await terminal.text();

  expect(text).toContain(
    'OCI runtime exec failed: exec failed: unable to start container process: exec: "ip": executable file not found in $PATH: unknown',
  );
  // Inside the container's bash the prompt changed, and `exit` brought the host's back.
  expect(text).toMatch(/root@[0-9a-f]{12}:\/usr\/local\/tomcat# apt-get update/);
  expect(await terminal.prompt()).toBe('[root@docker-host ~]# ');
  // After the install, tomcat01 has its veth end with the first address on docker0.
  expect(text).toMatch(/\d+: eth0@if\d+: <BROADCAST,MULTICAST,UP,LOWER_UP>/);
  expect(text).toContain('inet 172.17.0.2/16 brd 172.17.255.255 scope global eth0');
  // --link wrote tomcat02 into tomcat03's /etc/hosts, and inspect shows the link.
  expect(text).toMatch(/172\.17\.0\.3\ttomcat02 [0-9a-f]{12}/);
  expect(text).toContain('[/tomcat02:/tomcat03/tomcat02]');
  // mynet: .2 and .3 for its own containers, .4 for tomcat01 joining it.
  expect(text).toContain('"Subnet": "192.168.0.0/16"');
  expect(text).toContain('"Gateway": "192.168.0.1"');
  for (const [name, ip] of [
    ['tomcat-net-01', '192.168.0.2/16'],
    ['tomcat-net-02', '192.168.0.3/16'],
    ['tomcat01', '192.168.0.4/16'],
  ])
    expect(text).toMatch(new RegExp(`"Name": "${name}",[\\s\\S]*?"IPv4Address": "${ip}"`));
});
