import { expect, test } from './fixtures';

test('a Dockerfile written with a here-document builds an image that runs', async ({
  terminal,
  page,
}) => {
  await terminal.runAll([
    'mkdir mynginx',
    'cd mynginx',
    'cat > Dockerfile <<EOF',
    'FROM nginx',
    "RUN echo '<h1>Hello, Docker!</h1>' > /usr/share/nginx/html/index.html",
    'EOF',
  ]);
  // bash shows where the shell went.
  expect(await terminal.prompt()).toBe('[root@docker-host mynginx]# ');

  await terminal.run('docker build -t mynginx:v1 .');
  await expect(terminal.output).toContainText('FINISHED');
  await expect(terminal.output).toContainText('=> => naming to docker.io/library/mynginx:v1');

  await terminal.run('docker images');
  await expect(terminal.output).toContainText(/mynginx\s+v1\s+[0-9a-f]{12}/);

  await terminal.run('docker run -d -p 88:80 --name web mynginx:v1');
  await terminal.run('curl localhost:88');
  await expect(terminal.output).toContainText('<h1>Hello, Docker!</h1>');

  // The container from the built image is on the map like any other.
  const outline = page.getByRole('region', { name: 'Topology outline' });
  await expect(outline).toContainText('web');
});
