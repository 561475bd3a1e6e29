/**
 * What a server sends the moment a TCP connection opens, and how a terminal shows those bytes.
 * Most servers wait for the client (HTTP, redis, a listening nc); sshd announces its version, and
 * MySQL sends its binary handshake (protocol 10: length, sequence, version, connection id, salt,
 * capability and charset bytes, auth plugin name). The bytes are built as the server builds them,
 * salt and connection id from the line's generator, and a terminal shows them as a terminal would:
 * printable ASCII and newlines as they are, other control bytes (NUL, the length's high bytes) as
 * nothing, and bytes above 0x7f as U+FFFD, the replacement mark a UTF-8 terminal draws for them.
 * telnet first consumes the Telnet commands it finds (IAC = 0xff and the byte after it), as
 * busybox's handle_net_input and netkit's telrcv do, so MySQL's 0xff flag bytes vanish there.
 */
import type { Host } from '../model';
import type { Listener } from '../net/sockets';
import type { Rng } from '../rng';

/** OpenSSH on CentOS Stream 9. */
const SSH_BANNER = 'SSH-2.0-OpenSSH_8.7\r\n';

/** The server version each mysql tag ran when the lab's clock was set (early 2025). */
const MYSQL_VERSIONS: Readonly<Record<string, string>> = {
  '5.7': '5.7.44',
  '8.0': '8.0.41',
  latest: '9.2.0',
};

const le = (n: number, bytes: number) =>
  Array.from({ length: bytes }, (_, i) => String.fromCharCode((n >> (8 * i)) & 255)).join('');

/** MySQL's scramble: printable characters, never `$` (sql/auth generate_user_salt). */
function salt(rng: Rng, n: number): string {
  return Array.from({ length: n }, () => {
    const c = rng.int(0x21, 0x7e);
    return String.fromCharCode(c === 0x24 ? c + 1 : c);
  }).join('');
}

function mysqlHandshake(tag: string, rng: Rng): string {
  const version = MYSQL_VERSIONS[tag] ?? MYSQL_VERSIONS.latest;
  const old = version.startsWith('5.');
  const plugin = old ? 'mysql_native_password' : 'caching_sha2_password';
  const scramble = salt(rng, 20);
  const payload =
    '\x0a' +
    `${version}\0` +
    le(rng.int(8, 30), 4) +
    `${scramble.slice(0, 8)}\0` +
    le(0xffff, 2) +
    // latin1_swedish_ci in 5.7, utf8mb4_0900_ai_ci (255) since 8.0; SERVER_STATUS_AUTOCOMMIT.
    String.fromCharCode(old ? 0x08 : 0xff) +
    le(0x0002, 2) +
    le(old ? 0xc1ff : 0xdfff, 2) +
    String.fromCharCode(21) +
    '\0'.repeat(10) +
    `${scramble.slice(8)}\0` +
    `${plugin}\0`;
  return le(payload.length, 3) + '\0' + payload;
}

/** The bytes `server` sends first, as one string of byte values; '' when it waits for the client. */
export function bannerOf(h: Host, server: Listener, rng: Rng): string {
  if (server.service === 'sshd') return SSH_BANNER;
  if (server.service !== 'mysql') return '';
  const c = server.containerId ? h.docker.containers.get(server.containerId) : undefined;
  const tag = c ? (h.docker.images.get(c.imageId)?.tag ?? 'latest') : 'latest';
  return mysqlHandshake(tag, rng);
}

/** Bytes as a terminal shows them (see the module comment). */
export function onTerminal(bytes: string): string {
  let text = '';
  for (const ch of bytes) {
    const b = ch.charCodeAt(0);
    if (b === 0x0a || b === 0x09 || (b >= 0x20 && b < 0x7f)) text += ch;
    else if (b > 0x7f) text += '\uFFFD';
  }
  return text;
}

/** What telnet passes on to the terminal: the bytes without Telnet commands (IAC IAC is 0xff). */
export function withoutTelnetCommands(bytes: string): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes.charCodeAt(i);
    if (b !== 0xff) {
      out += bytes[i];
      continue;
    }
    const cmd = bytes.charCodeAt(i + 1);
    if (cmd === 0xff) out += '\xff';
    // WILL, WONT, DO and DONT carry an option byte.
    i += cmd >= 0xfb && cmd <= 0xfe ? 2 : 1;
  }
  return out;
}
