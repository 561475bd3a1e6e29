/**
 * A fixed vocabulary of Docker and Linux words that share links spell with one character each
 * before compression. LZ compression learns words only after it has seen them, and a 30-command
 * lab does not repeat itself enough: priming it this way takes the seed-000 link from ~810 to
 * under 500 characters. This list is part of format v1 — changing it means a new format version.
 *
 * Token characters are U+0081..U+00FF (one byte each for lz-string); U+0080 escapes a literal
 * character from that range, so any line round-trips.
 */
const WORDS = [
  'docker ',
  'network ',
  'container ',
  'exec -it ',
  'run -d ',
  'run -it ',
  '--name ',
  '--network ',
  '--net ',
  'inspect ',
  'connect ',
  'disconnect ',
  'create ',
  '--driver ',
  'bridge',
  '--subnet ',
  '--gateway ',
  '--link ',
  '--rm ',
  '-p ',
  '-P ',
  'ping ',
  '-c ',
  'curl ',
  'nslookup ',
  'ip addr',
  'ip route',
  'cat /etc/hosts',
  '/etc/resolv.conf',
  'iptables ',
  'nginx',
  'busybox',
  'alpine',
  'tomcat',
  'redis',
  'ubuntu',
  'centos',
  'mysql',
  'exit',
  ' ps',
  ' ls',
  'rm -f ',
  'stop ',
  'start ',
  'restart ',
  'commit ',
  'apt-get ',
  'apt install -y ',
  'install ',
  'update',
  'yum ',
  '/bin/bash',
  ' sh',
  '192.168.',
  '172.17.',
  '172.18.',
  '10.0.',
  'host',
  'none',
  'mynet',
  'web',
  ' app',
  '-f ',
  '{{',
  '}}',
  '.NetworkSettings',
  '.IPAddress',
  'iproute2',
  'iputils-ping',
  ':80',
  '/16',
  '/24',
  '.0.1 ',
  '.0.0',
  ' -m ',
  ' -a ',
  '-net-0',
  '01',
  '02',
  '03',
  'net',
] as const;

const ESCAPE = 0x80;
const FIRST_TOKEN = 0x81;
const BY_LENGTH = WORDS.map((word, i) => ({
  word,
  code: String.fromCharCode(FIRST_TOKEN + i),
})).sort((a, b) => b.word.length - a.word.length);

/** Spells a line with vocabulary tokens (greedy, longest word first). */
export function packLine(line: string): string {
  let out = '';
  let i = 0;
  outer: while (i < line.length) {
    for (const { word, code } of BY_LENGTH) {
      if (line.startsWith(word, i)) {
        out += code;
        i += word.length;
        continue outer;
      }
    }
    const ch = line.charCodeAt(i);
    out += ch >= ESCAPE && ch <= 0xff ? String.fromCharCode(ESCAPE) + line[i] : line[i];
    i++;
  }
  return out;
}

/** The inverse of `packLine`; undefined when the text could not have come from it. */
export function unpackLine(packed: string): string | undefined {
  let out = '';
  for (let i = 0; i < packed.length; i++) {
    const ch = packed.charCodeAt(i);
    if (ch === ESCAPE) {
      const next = packed.charCodeAt(++i);
      if (!(next >= ESCAPE && next <= 0xff)) return undefined;
      out += packed[i];
    } else if (ch >= FIRST_TOKEN && ch <= 0xff) {
      const word = WORDS[ch - FIRST_TOKEN];
      if (word === undefined) return undefined;
      out += word;
    } else out += packed[i];
  }
  return out;
}
