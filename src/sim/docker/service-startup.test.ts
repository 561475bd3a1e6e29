import { describe, expect, it } from 'vitest';
import { replay } from '../index';
import { terminalText } from '../shell/process';

const run = (lines: string[]) => replay(lines).transcript;
const last = (lines: string[]) => run(lines).at(-1)!;
const status = (name: string) => `docker ps -a -f name=${name} --format '{{.Status}}'`;
/** Enough lines for a start-up that takes seconds to be written in full. */
const wait = ['true', 'true', 'true', 'true', 'true', 'true'];

describe('what servers write as they start', () => {
  it('nginx: the entrypoint on stdout, a worker per CPU on stderr; alpine has its own compiler', () => {
    const debian = last(['docker run -d --name web nginx', 'docker logs web']).stderr;
    expect(debian).toContain('[notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14) \n');
    expect(debian).toMatch(/start worker process 29\n[^\n]*start worker process 30\n$/);
    const alpine = last(['docker run -d --name web nginx:alpine', 'docker logs web']).stderr;
    expect(alpine).toContain('built by gcc 13.2.1 20240309 (Alpine 13.2.1_git20240309) \n');
  });

  it('httpd: the server-name warning twice, then mpm_event resumes', () => {
    const r = last(['docker run -d --name ap httpd', 'docker logs ap']);
    const warning =
      "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 172.17.0.2. Set the 'ServerName' directive globally to suppress this message\n";
    expect(r.stdout).toBe('');
    expect(r.stderr.startsWith(warning + warning)).toBe(true);
    expect(r.stderr).toMatch(
      /\n\[Thu Jan 15 08:00:0\d\.\d{6} 2026\] \[mpm_event:notice\] \[pid 1:tid \d+\] AH00489: Apache\/2\.4\.62 \(Unix\) configured -- resuming normal operations\n\[[^\]]+\] \[core:notice\] \[pid 1:tid \d+\] AH00094: Command line: 'httpd -D FOREGROUND'\n$/,
    );
  });

  it('tomcat logs to stderr through java.util.logging; redis to stdout', () => {
    expect(last(['docker run -d --name tc tomcat:10.1', 'docker logs tc']).stderr).toMatch(
      /^15-Jan-2026 08:00:0\d\.\d{3} INFO \[main\] org\.apache\.catalina\.startup\.VersionLoggerListener\.log Server version name: {3}Apache Tomcat\/10\.1\.34\n/,
    );
    expect(last(['docker run -d --name rd redis', 'docker logs --tail 1 rd']).stdout).toMatch(
      /^1:M 15 Jan 2026 08:00:0\d\.\d{3} \* Ready to accept connections tcp\n$/,
    );
  });

  it('mysql without a password option: the entrypoint’s error, exit 1', () => {
    const t = run(['docker run -d --name db mysql', 'docker logs db', status('db')]);
    expect(t[1].stdout.split('\n')[0]).toMatch(
      /^2026-01-15 08:00:0\d\+00:00 \[Note\] \[Entrypoint\]: Entrypoint script for MySQL Server 9\.1\.0-1\.el9 started\.$/,
    );
    expect(t[1].stderr).toMatch(
      /^2026-01-15 08:00:0\d\+00:00 \[ERROR\] \[Entrypoint\]: Database is uninitialized and password option is not specified\n {4}You need to specify one of the following as an environment variable:\n {4}- MYSQL_ROOT_PASSWORD\n {4}- MYSQL_ALLOW_EMPTY_PASSWORD\n {4}- MYSQL_RANDOM_ROOT_PASSWORD\n$/,
    );
    expect(t[2].stdout).toMatch(/^Exited \(1\)/);
    // Attached, the terminal shows it and docker run exits with the container's status.
    const attached = last(['docker run --name db2 mysql:8.0']);
    expect(attached.exitCode).toBe(1);
    expect(terminalText(attached)).toContain('Database is uninitialized');
  });

  it('mysql with a password: initialises once, then is ready for connections on 3306', () => {
    const t = run([
      'docker run -d --name db -e MYSQL_ROOT_PASSWORD=secret -e MYSQL_DATABASE=shop mysql:8.0',
      'docker logs db',
      ...wait,
      'docker logs db',
      'docker restart db',
      ...wait,
      'docker logs db',
    ]);
    // The init takes seconds: the first look finds it still initialising.
    expect(t[1].stderr).not.toContain('ready for connections');
    const full = terminalText(t[8]);
    expect(full).toContain('[Note] [Entrypoint]: Creating database shop\n');
    expect(full).toContain('[Note] [Entrypoint]: MySQL init process done. Ready for start up.\n');
    expect(full).toMatch(
      /Z 0 \[System\] \[MY-010931\] \[Server\] \/usr\/sbin\/mysqld: ready for connections\. Version: '8\.0\.40' {2}socket: '\/var\/run\/mysqld\/mysqld\.sock' {2}port: 3306 {2}MySQL Community Server - GPL\.\n$/,
    );
    // A restart finds the database: no second initialisation.
    const again = terminalText(t[16]).slice(full.length);
    expect(again).not.toContain('Initializing database files');
    expect(again).toContain("'/var/lib/mysql/mysql.sock' -> '/var/run/mysqld/mysqld.sock'\n");
    expect(again).toContain('starting as process 1\n');
  });

  it('wordpress copies itself on the first start (seed 002)', () => {
    const r = last([
      'docker run -d --name wp -e WORDPRESS_DB_HOST=db:3306 -e WORDPRESS_DB_PASSWORD=pw wordpress:php7.4',
      'docker logs wp',
    ]);
    expect(r.stderr).toContain(
      "WordPress not found in /var/www/html - copying now...\nComplete! WordPress has been successfully copied to /var/www/html\nNo 'wp-config.php' found in /var/www/html, but 'WORDPRESS_...' variables supplied; copying 'wp-config-docker.php' (WORDPRESS_DB_HOST WORDPRESS_DB_PASSWORD)\nAH00558: apache2:",
    );
    expect(r.stderr).toContain(
      '[mpm_prefork:notice] [pid 1] AH00163: Apache/2.4.54 (Debian) PHP/7.4.33 configured -- resuming normal operations',
    );
  });
});
