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
