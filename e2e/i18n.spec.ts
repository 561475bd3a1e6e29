import { expect, test } from './fixtures';
import { LessonsPanel } from './pages/Lessons';

test.describe('a Chinese browser', () => {
  test.use({ locale: 'zh-CN' });

  test('shows the UI in Chinese while command output stays what Docker prints', async ({
    page,
    terminal,
  }) => {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Docker 网络实验室');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    const lessons = new LessonsPanel(page, 'zh');
    await expect(lessons.region.getByRole('heading', { name: '课程' })).toBeVisible();
    await expect(lessons.button('ui.start', { title: lessons.t('link.title') })).toBeVisible();
    await expect(terminal.input).toHaveAttribute('placeholder', /^试试：docker run/);

    await terminal.run('docker run -dit --name web busybox');
    await terminal.run('docker ps');
    await expect(terminal.output).toContainText('CONTAINER ID   IMAGE');
    await expect(terminal.output).toContainText(/Up \d+ seconds? +web/);
    await terminal.run('docker exec web ping -c 1 nosuch');
    await expect(terminal.output).toContainText("ping: bad address 'nosuch'");
  });

  test('the packet trace tells a ping by name in Chinese, who answered the ARP request too', async ({
    page,
    terminal,
  }) => {
    for (const line of [
      'docker network create mynet',
      'docker run -d --name alpha --network mynet busybox sleep 1d',
      'docker run -d --name beta --network mynet busybox sleep 1d',
      'docker exec alpha ping -c 1 beta',
    ])
      await terminal.run(line);
    const player = page.getByRole('region', { name: '数据包追踪' });
    await player.getByRole('slider', { name: '动画速度' }).fill('8');
    await expect(player.getByTestId('trace-verdict')).toHaveText('✓ 已送达', { timeout: 15_000 });
    const events = page.getByRole('list', { name: '数据包事件' }).getByRole('listitem');
    const arp = events.filter({ hasText: '发 ARP' }).first();
    await expect(arp).toContainText(
      /在 eth0 上发 ARP：谁是 172\.18\.0\.3？容器 beta 回答：([0-9a-f]{2}:){5}[0-9a-f]{2}。/,
    );
    await expect(events.filter({ hasText: /container |answers:|kernel \(/ })).toHaveCount(0);
    await expect(events.filter({ hasText: '送达 beta（172.18.0.3）' })).toContainText(
      '内核直接回复 ICMP echo reply',
    );
  });

  test('the switch changes the language, and the choice outlives a reload', async ({
    page,
    terminal,
  }) => {
    const group = page.getByRole('group', { name: '语言' });
    await group.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Docker Network Lab');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(terminal.input).toHaveAttribute(
      'placeholder',
      'try: docker run -d --name web nginx',
    );

    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Docker Network Lab');
    await page
      .getByRole('group', { name: 'Language' })
      .getByRole('button', { name: '中文' })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Docker 网络实验室');
  });
});

test('an English browser starts in English; contract names stay English in Chinese', async ({
  page,
  terminal,
}) => {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Docker Network Lab');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Docker 网络实验室');
  await expect(terminal.input).toBeVisible();
  await expect(terminal.output).toBeAttached();
  await expect(page.getByRole('region', { name: 'Lessons' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Topology outline' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Share', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Present', exact: true })).toBeVisible();
});
