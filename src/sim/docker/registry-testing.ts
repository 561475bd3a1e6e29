/** For tests: a lab whose registry holds busybox pushed as localhost:5000/busybox. */
import { replay } from '../index';

export const last = (lines: string[]) => replay(lines).transcript.at(-1)!;

export const pushed = [
  'docker run -d -p 5000:5000 --name registry registry:2',
  'docker pull busybox',
  'docker tag busybox localhost:5000/busybox',
  'docker push localhost:5000/busybox',
];

/** The manifest digest the last line, a `docker push`, printed. */
export const pushedDigest = (lines: string[]) =>
  /latest: digest: (sha256:[0-9a-f]{64})/.exec(last(lines).stdout)![1];
