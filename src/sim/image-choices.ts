/**
 * The images the lab's registry serves, as a "Run container" form offers them: whether the image
 * has bash, and whether its default command is an interactive shell, which exits at once under
 * plain `docker run -d` (no terminal on stdin), so tutorials start it with `-dit`.
 */
import { knownRepos, registryImage } from './docker/images';

export interface ImageChoice {
  /** The reference to type, e.g. `nginx`. */
  readonly ref: string;
  /** The shell `docker exec -it` should start. */
  readonly shell: 'bash' | 'sh';
  /** The default command is a shell: it needs `-it` to stay up in the background. */
  readonly needsTty: boolean;
}

const SHELLS = new Set(['sh', '/bin/sh', 'bash', '/bin/bash']);

export function imageChoices(): ImageChoice[] {
  return knownRepos().flatMap((repo) => {
    const image = registryImage(repo, 'latest', (n) => '0'.repeat(n), 0);
    if (!image) return [];
    const main = [...(image.entrypoint ?? []), ...image.cmd];
    return [
      {
        ref: repo,
        shell: image.tools.includes('bash') ? 'bash' : 'sh',
        needsTty: main.length === 1 && SHELLS.has(main[0]),
      },
    ];
  });
}
