import { LESSONS, type Lesson } from '../src/lessons';
import { commandLines } from '../src/lessons/checker';
import { expect, test } from './fixtures';
import { LessonsPanel, type Lang } from './pages/Lessons';
import type { TerminalPanel } from './pages/TerminalPanel';

/**
 * For each lesson, a step where the learner first does something else (`docker ps`) and one of
 * the step's named checks must then show ✗, with "Next step" still locked.
 */
const DETOURS: Record<string, { step: number; check: string }> = {
  'docker0-veth': { step: 2, check: 'docker0-veth.s2.c1' },
  link: { step: 2, check: 'link.s2.c1' },
  'user-networks': { step: 3, check: 'user-networks.s3.c2' },
  'crossing-networks': { step: 5, check: 'crossing-networks.s5.c1' },
  'network-modes': { step: 4, check: 'network-modes.s4.c1' },
  'ports-nat': { step: 7, check: 'ports-nat.s7.c1' },
  'by-hand': { step: 6, check: 'by-hand.s6.c1' },
  compose: { step: 2, check: 'compose.s2.c1' },
  'macvlan-ipvlan': { step: 2, check: 'macvlan-ipvlan.s2.c1' },
  'two-hosts': { step: 3, check: 'two-hosts.s3.c1' },
};

async function followLesson(lessons: LessonsPanel, terminal: TerminalPanel, lesson: Lesson) {
  const total = lesson.steps.length;
  for (const [i, step] of lesson.steps.entries()) {
    await expect(lessons.stepHeading(i + 1, total)).toBeVisible();
    const next = lessons.button('ui.next');
    const detour = DETOURS[lesson.id];
    if (detour?.step === i + 1) {
      await terminal.run('docker ps');
      await lessons.expectCheck(detour.check, false);
      await expect(next).toBeDisabled();
    }
    if (step.command) {
      // Half the steps by the button, half typed: both are the same command line to the lab.
      if (i % 2 === 0) await lessons.button('ui.runThis').click();
      else await terminal.runAll(commandLines(step.command));
      await expect(terminal.output).toContainText(commandLines(step.command).at(-1)!);
    }
    if (step.question) {
      await expect(lessons.button('ui.reveal')).toBeDisabled();
      const right = step.question.choices.find((c) => c.correct);
      await lessons.answer(right!.key);
      await lessons.button('ui.reveal').click();
      await expect(lessons.region).toContainText(lessons.t(step.question.explanationKey));
      await expect(lessons.region).toContainText(lessons.t('ui.right'));
      await expect(terminal.output).toContainText(step.question.reveal);
    }
    for (const check of step.checks) await lessons.expectCheck(check.descriptionKey, true);
    await expect(next).toBeEnabled();
    await next.click();
  }
  await expect(lessons.region).toContainText(lessons.t(lesson.summaryKey));
  await expect(lessons.region).toContainText(lessons.t('ui.done'));
}

/**
 * Every lesson is completed in English; in Chinese, a few that between them meet every kind of step
 * (commands by button and typed, questions, detours), which shows the Chinese panel works.
 * That every text a lesson names exists in Chinese is src/lessons/texts.test.ts's to check.
 */
const ZH = new Set(['docker0-veth', 'ports-nat', 'macvlan-ipvlan']);

for (const lang of ['en', 'zh'] as const satisfies readonly Lang[]) {
  test.describe(`lessons in ${lang}`, () => {
    test.beforeEach(async ({ page }) => {
      await page.addInitScript((l) => localStorage.setItem('dnl.language', l), lang);
    });

    for (const lesson of lang === 'en' ? LESSONS : LESSONS.filter((l) => ZH.has(l.id))) {
      test(`${lesson.id}: completed by script`, async ({ page, terminal, labState }) => {
        const lessons = new LessonsPanel(page, lang);
        await lessons.start(lesson.titleKey);
        await expect(lessons.region).toContainText(lessons.t(lesson.goalKey));
        await followLesson(lessons, terminal, lesson);
        const { log } = await labState();
        for (const step of lesson.steps)
          if (step.command) expect(log).toEqual(expect.arrayContaining(commandLines(step.command)));
      });
    }
  });
}

test.describe('lesson progress', () => {
  test('resumes after a reload: same step, same lab', async ({ page, terminal, labState }) => {
    const lessons = new LessonsPanel(page);
    await lessons.start('link.title');
    await lessons.button('ui.runThis').click();
    await lessons.button('ui.next').click();
    await terminal.run('docker run -dit --name tomcat03 --link tomcat02 busybox');
    const before = await labState();

    await page.reload();
    await expect(lessons.stepHeading(2, 5)).toBeVisible();
    await lessons.expectCheck('link.s2.c2', true);
    expect((await labState()).log).toEqual(before.log);
    await expect(terminal.output).toContainText('--link tomcat02');
  });

  test('#lesson=<id> opens that lesson in a fresh lab', async ({ page, labState, errors }) => {
    await page.goto('/#lesson=by-hand');
    const lessons = new LessonsPanel(page);
    await expect(
      lessons.region.getByRole('heading', { name: lessons.t('by-hand.title') }),
    ).toBeVisible();
    await expect(lessons.stepHeading(1, 10)).toBeVisible();
    await lessons.expectCheck('by-hand.s1.c1', false);
    expect((await labState()).log).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('Leave lesson returns to the free sandbox and keeps the lab', async ({
    page,
    terminal,
    labState,
  }) => {
    await page.goto('/#lesson=network-modes');
    const lessons = new LessonsPanel(page);
    await lessons.button('ui.runThis').click();
    await lessons.button('ui.leave').click();
    await expect(lessons.button('ui.start', { title: lessons.t('link.title') })).toBeVisible();
    expect(new URL(page.url()).hash).toBe('');
    expect((await labState()).log).toEqual(['docker run -dit --name web busybox']);
    await terminal.run('docker network create free');
    await page.reload();
    await expect(lessons.button('ui.start', { title: lessons.t('link.title') })).toBeVisible();
  });

  test('a wrong prediction is told so, with the explanation', async ({ page }) => {
    await page.goto('/#lesson=link');
    const lessons = new LessonsPanel(page);
    for (let i = 0; i < 3; i++) {
      await lessons.button('ui.runThis').click();
      await lessons.button('ui.next').click();
    }
    await lessons.answer('link.q.yes');
    await lessons.button('ui.reveal').click();
    await expect(lessons.region).toContainText(lessons.t('ui.wrong'));
    await expect(lessons.region).toContainText(lessons.t('link.q.explain'));
    await expect(
      lessons.region.getByRole('radio', { name: lessons.t('link.q.no') }),
    ).toBeDisabled();
  });
});
