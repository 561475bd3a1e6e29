/**
 * What each web server image ships, per tag: its release (nginx, Tomcat, WordPress's Apache and
 * PHP) and its default page, as the servers in http.ts send them.
 */
export const NGINX_WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

export const HTTPD_IT_WORKS = '<html><body><h1>It works!</h1></body></html>\n';

/** nginx version per tag, and when its html/index.html was built (ETag = hex mtime-hex size). */
const NGINX_VERSIONS: Readonly<Record<string, { version: string; mtime: number }>> = {
  latest: { version: '1.27.3', mtime: 1732636500 },
  '1.27': { version: '1.27.3', mtime: 1732636500 },
  alpine: { version: '1.27.3', mtime: 1732636500 },
  '1.22.1': { version: '1.22.1', mtime: 1666166181 },
};
const TOMCAT_VERSIONS: Readonly<Record<string, string>> = {
  latest: '11.0.2',
  '11.0': '11.0.2',
  '10.1': '10.1.34',
  '9.0': '9.0.98',
};

export const nginxRelease = (tag = 'latest') => NGINX_VERSIONS[tag] ?? NGINX_VERSIONS.latest;

/** The nginx release an image tag ships. */
export const nginxVersion = (tag?: string): string => nginxRelease(tag).version;

/** The Tomcat release an image tag ships. */
export const tomcatVersion = (tag = 'latest'): string => TOMCAT_VERSIONS[tag] ?? '11.0.2';

/** The Apache and PHP a WordPress image tag ships (php7.4 is the last 7.x build, seed 002). */
export const wordpressStack = (tag?: string): { apache: string; php: string } =>
  tag === 'php7.4'
    ? { apache: 'Apache/2.4.54 (Debian)', php: 'PHP/7.4.33' }
    : { apache: 'Apache/2.4.62 (Debian)', php: 'PHP/8.2.27' };
