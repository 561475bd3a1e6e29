import { describe, expect, it } from 'vitest';
import {
  connectLine,
  disconnectLine,
  fetchLine,
  listWords,
  networkCreateLine,
  networkInspectLine,
  networkRemoveLine,
  pingLine,
  removeLine,
  runLine,
  shellLine,
  shellWord,
  startLine,
  stopLine,
} from './command-line';

const run = {
  name: 'web',
  image: 'nginx',
  network: '',
  ports: '',
  links: '',
  aliases: '',
  needsTty: false,
};

describe('command lines', () => {
  it('quote a word for bash only when it needs it', () => {
    expect(shellWord('web')).toBe('web');
    expect(shellWord('172.30.0.0/16')).toBe('172.30.0.0/16');
    expect(shellWord('container:web')).toBe('container:web');
    expect(shellWord('my net')).toBe("'my net'");
    expect(shellWord("it's")).toBe("'it'\\''s'");
    expect(shellWord('$(reboot)')).toBe("'$(reboot)'");
    expect(shellWord('')).toBe("''");
  });

  it('split list fields on commas and spaces', () => {
    expect(listWords(' 8080:80, 8443:443 53:53/udp ')).toEqual([
      '8080:80',
      '8443:443',
      '53:53/udp',
    ]);
  });

  it('build docker run with every option in the order tutorials write them', () => {
    expect(
      runLine({
        ...run,
        network: 'mynet',
        ports: '8080:80',
        links: 'db:database',
        aliases: 'www',
      }),
    ).toBe(
      'docker run -d --name web --network mynet -p 8080:80 --link db:database --network-alias www nginx',
    );
    expect(runLine({ ...run, name: '', image: 'busybox', needsTty: true })).toBe(
      'docker run -dit busybox',
    );
    expect(runLine({ ...run, network: 'container:db' })).toBe(
      'docker run -d --name web --network container:db nginx',
    );
    expect(runLine({ ...run, name: 'a b' })).toBe("docker run -d --name 'a b' nginx");
  });

  it('build docker network create', () => {
    expect(
      networkCreateLine({
        name: 'backend',
        subnet: '172.30.0.0/16',
        gateway: '172.30.0.1',
        internal: true,
      }),
    ).toBe('docker network create --subnet 172.30.0.0/16 --gateway 172.30.0.1 --internal backend');
    expect(networkCreateLine({ name: 'mynet', subnet: '', gateway: '', internal: false })).toBe(
      'docker network create mynet',
    );
  });

  it('probe from the host or from inside a container', () => {
    expect(pingLine({ container: 'web' }, 'db')).toBe('docker exec web ping -c 4 db');
    expect(pingLine({ host: true }, '172.17.0.2')).toBe('ping -c 4 172.17.0.2');
    expect(fetchLine({ container: 'web' }, 'db', 'curl')).toBe('docker exec web curl -s http://db');
    expect(fetchLine({ container: 'box' }, 'web:8080', 'wget')).toBe(
      'docker exec box wget -qO- http://web:8080',
    );
    expect(fetchLine({ host: true }, 'http://127.0.0.1:8080', 'curl')).toBe(
      'curl -s http://127.0.0.1:8080',
    );
  });

  it('build the one-object commands', () => {
    expect(shellLine('web', 'bash')).toBe('docker exec -it web bash');
    expect(connectLine('mynet', 'web')).toBe('docker network connect mynet web');
    expect(disconnectLine('mynet', 'web')).toBe('docker network disconnect mynet web');
    expect(stopLine('web')).toBe('docker stop web');
    expect(startLine('web')).toBe('docker start web');
    expect(removeLine('web')).toBe('docker rm -f web');
    expect(networkInspectLine('mynet')).toBe('docker network inspect mynet');
    expect(networkRemoveLine('mynet')).toBe('docker network rm mynet');
  });
});
