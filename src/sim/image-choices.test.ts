import { describe, expect, it } from 'vitest';
import { imageChoices } from './image-choices';
import { replay } from './index';

describe('image choices', () => {
  const byRef = new Map(imageChoices().map((c) => [c.ref, c]));

  it('offer the catalog with the shell each image has', () => {
    expect(byRef.get('busybox')).toEqual({ ref: 'busybox', shell: 'sh', needsTty: true });
    expect(byRef.get('ubuntu')).toEqual({ ref: 'ubuntu', shell: 'bash', needsTty: true });
    expect(byRef.get('nginx')).toEqual({ ref: 'nginx', shell: 'bash', needsTty: false });
  });

  it('mark exactly the images that stop at once under plain -d', () => {
    for (const c of imageChoices()) {
      // MySQL's entrypoint exits at once without a password option, tty or not.
      const { world } = replay([`docker run -d -e MYSQL_ROOT_PASSWORD=pw --name probe ${c.ref}`]);
      const probe = [...world.hosts[world.terminal.host].docker.containers.values()][0];
      expect(probe.state.status === 'exited', c.ref).toBe(c.needsTty);
    }
  });
});
