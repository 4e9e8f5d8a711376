// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { replayRun, scoreRun, type ObserverNote } from '../../../src/engine';
import { router } from '../../../src/ui/router.svelte';
import DebriefScreen from '../../../src/ui/screens/DebriefScreen.svelte';
import LiveScreen from '../../../src/ui/screens/LiveScreen.svelte';
import TeamSetupScreen from '../../../src/ui/team/TeamSetupScreen.svelte';
import WorkshopScreen from '../../../src/ui/workshop/WorkshopScreen.svelte';
import { captureDownloads, makeApp, readBlob, storeRun } from '../helpers';
import { billing, PATHS } from './helpers';

// These tests render whole screens (console, presenter, live, debrief) and replay runs: on a busy
// two-core machine that can take longer than the 5 s default.
vi.setConfig({ testTimeout: 30_000 });

afterEach(() => vi.restoreAllMocks());

const TEAMS = [
  { id: 'red', team: 'Red', path: PATHS.best },
  { id: 'blue', team: 'Blue', path: PATHS.middle },
  { id: 'green', team: 'Green', path: PATHS.poor },
] as const;

describe('workshop: comparison of three team runs', () => {
  async function workshop() {
    const compiled = billing();
    const t = await makeApp([compiled]);
    for (const { id, team, path } of TEAMS) {
      await storeRun(t, compiled, { id, team, choices: [...path] });
      t.clock.advance(1000);
    }
    render(WorkshopScreen, { props: { id: compiled.scenario.id }, context: t.context });
    await screen.findByRole('heading', { name: 'Comparison' });
    return { t, compiled };
  }

  const overall = (path: readonly string[]) => {
    const compiled = billing();
    return scoreRun(
      compiled,
      replayRun(compiled, { seed: 42, timer: false, startedAt: 0 }, [
        ...path.map((choiceId, i) => ({ type: 'choice.select' as const, choiceId, at: i })),
      ]).context.log,
    );
  };

  it('puts the three teams’ scores side by side, in the order they were added', async () => {
    await workshop();
    const scores = screen.getByRole('region', { name: 'Scores side by side' });
    const rows = within(scores).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      'Red',
      'Blue',
      'Green',
    ]);
    for (const [i, { path }] of TEAMS.entries()) {
      const s = overall(path);
      expect(rows[i]).toHaveTextContent(`${s.overall} (${s.grade})`);
    }
    // The best path outscores the poor one on the projector's table too.
    expect(overall(PATHS.best).overall).toBeGreaterThan(overall(PATHS.poor).overall);
    expect(rows[0]).toHaveTextContent('Recovered');
  });

  it('shows each team’s path over the scenario, the best choice and where they diverged', async () => {
    const { compiled } = await workshop();
    const paths = screen.getByRole('region', { name: 'Paths through the scenario' });
    expect(within(paths).getByRole('note')).toHaveTextContent(
      'The teams first went different ways at decision 1.',
    );
    const start = compiled.index.nodes.get('first-posts')!;
    const row = paths.querySelector<HTMLElement>('tr[data-node="first-posts"]')!;
    expect(row).toHaveClass('diverged');
    const cells = within(row).getAllByRole('cell');
    // One cell per team (Red, Blue, Green), then the best choice.
    for (const [i, { path }] of TEAMS.entries())
      expect(cells[i]).toHaveTextContent(start.choices.find((c) => c.id === path[0])!.label.en!);
    expect(cells[0]).toHaveClass('best');
    expect(cells[1]).not.toHaveClass('best');
    expect(cells[3]).toHaveTextContent(
      `★ ${start.choices.find((c) => c.id === 'ack-fast')!.label.en}`,
    );
    // Red never reached the node the poor path went through.
    const trending = paths.querySelector<HTMLElement>('tr[data-node="trending-silence"]')!;
    const trendingCells = within(trending).getAllByRole('cell');
    expect(trendingCells[0]).toHaveTextContent('not reached');
    expect(trendingCells[2]).not.toHaveTextContent('not reached');
  });

  it('names the common weak points, drops a team on request, and exports one report', async () => {
    await workshop();
    const weak = screen.getByRole('region', { name: 'Common weak points' });
    expect(within(weak).getAllByRole('listitem').length).toBeGreaterThan(0);

    await fireEvent.click(screen.getByRole('checkbox', { name: /Include Green/ }));
    const scores = screen.getByRole('region', { name: 'Scores side by side' });
    await vi.waitFor(() => expect(within(scores).getAllByRole('row')).toHaveLength(3));
    expect(scores).not.toHaveTextContent('Green');
    await fireEvent.click(screen.getByRole('checkbox', { name: /Include Green/ }));
    await vi.waitFor(() => expect(within(scores).getAllByRole('row')).toHaveLength(4));

    const { blobs } = captureDownloads();
    await fireEvent.click(
      screen.getByRole('button', { name: 'Export workshop report (Markdown)' }),
    );
    const md = await readBlob(blobs[0]!);
    expect(md).toMatch(/^# Workshop report: /);
    for (const team of ['Red', 'Blue', 'Green']) expect(md).toContain(`| ${team} |`);
    expect(md).toContain('The teams first diverged at decision 1.');
  });
});

describe('observer notes and rewinds in the debrief screen', () => {
  it('a facilitated run’s notes appear among strengths, improvements and questions', async () => {
    const compiled = billing();
    const t = await makeApp([compiled]);
    const run = await storeRun(t, compiled, { id: 'noted', team: 'Red', choices: [...PATHS.best] });
    const note = (id: string, tag: ObserverNote['tag'], text: string): ObserverNote => ({
      id,
      nodeId: 'first-posts',
      clock: 0,
      at: t.clock.now(),
      tag,
      text,
    });
    await t.app.saveRun({
      ...run,
      notes: [
        note('n1', 'strength', 'Legal answered within two minutes'),
        note('n2', 'improvement', 'Nobody owned the support inbox'),
        note('n3', 'question', 'Who signs off on refunds at the weekend?'),
      ],
    });
    render(DebriefScreen, { props: { runId: 'noted' }, context: t.context });
    const strengths = await screen.findByRole('region', { name: 'Strengths' });
    expect(strengths).toHaveTextContent('Legal answered within two minutes');
    expect(screen.getByRole('region', { name: 'Areas for improvement' })).toHaveTextContent(
      'Nobody owned the support inbox',
    );
    const questions = screen.getByRole('region', { name: 'Discussion questions' });
    expect(within(questions).getAllByRole('listitem')[0]).toHaveTextContent(
      'Who signs off on refunds at the weekend?',
    );
  });

  it('lists a decision rewound for discussion', async () => {
    const compiled = billing();
    const t = await makeApp([compiled]);
    const run = await storeRun(t, compiled, { id: 'rewound', team: 'Red' });
    const at = t.clock.now();
    await t.app.saveRun({
      ...run,
      events: [
        { type: 'choice.select', choiceId: 'wait-monday', at: at + 1000 },
        { type: 'run.rewind', at: at + 2000 },
        ...PATHS.best.map((choiceId, i) => ({
          type: 'choice.select' as const,
          choiceId,
          at: at + 3000 + i * 1000,
        })),
      ],
    });
    render(DebriefScreen, { props: { runId: 'rewound' }, context: t.context });
    const team = await screen.findByRole('region', { name: 'Team deliberation' });
    expect(team).toHaveTextContent('Rewound decisions: 1');
    const wait = compiled.index.nodes
      .get('first-posts')!
      .choices.find((c) => c.id === 'wait-monday')!;
    expect(team).toHaveTextContent(wait.label.en!);
    // The path taken is the one in force after the rewind.
    expect(screen.getByRole('region', { name: 'Path taken vs. best path' })).toHaveTextContent(
      'You followed the best path.',
    );
  });
});

describe('team drill: roles, then vote and confidence on the live screen', () => {
  it('people pick roles; each decision keeps its vote, confidence and sign-off; the debrief flags them', async () => {
    const compiled = billing();
    const t = await makeApp([compiled]);
    const roles = compiled.scenario.roles;
    const legal = roles.find((r) => r.id === 'legal')!;
    render(TeamSetupScreen, { props: { id: compiled.scenario.id }, context: t.context });
    await screen.findByRole('heading', { level: 1, name: /Team drill/ });

    // Only role names are on the set-up screen: no brief until someone is handed the device.
    for (const r of roles) expect(document.body).not.toHaveTextContent(r.brief.en!);
    const roleSelect = screen.getByLabelText('Role');
    // The picker offers the first role nobody has taken yet.
    expect(roleSelect).toHaveValue(roles[0]!.id);
    await fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Aiko' } });
    await fireEvent.change(roleSelect, { target: { value: legal.id } });
    await fireEvent.click(screen.getByRole('button', { name: 'Add person' }));
    expect(roleSelect).toHaveValue(roles[0]!.id);
    await fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Ben' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Add person' }));
    expect(
      screen.getByRole('button', { name: /Hand the device to Aiko \(\u2068Legal\u2069\)/ }),
    ).toBeEnabled();
    expect(screen.getByRole('button', { name: /Hand the device to Ben/ })).toBeEnabled();
    for (const r of roles) expect(document.body).not.toHaveTextContent(r.brief.en!);

    await fireEvent.input(screen.getByLabelText('Team or trainee name'), {
      target: { value: 'Blue' },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Start the team drill' }));
    await vi.waitFor(() => expect(router.route.name).toBe('run'));
    const runId = (router.route as { runId: string }).runId;
    expect((await t.app.getRun(runId))!.participants).toEqual([
      `Aiko — ${legal.name.en}`,
      `Ben — ${roles[0]!.name.en}`,
    ]);
    cleanup();

    // The live screen of a team drill captures the team's vote and confidence with each decision.
    render(LiveScreen, { props: { runId }, context: t.context });
    await screen.findByRole('group', { name: 'Team decision' });
    const decide = async (
      choiceId: string,
      vote: { agreed: string; voters?: string; confidence: string; signoff?: RegExp },
    ) => {
      const before = (await t.app.getRun(runId))!.events.length;
      await fireEvent.input(screen.getByLabelText('Agreed'), { target: { value: vote.agreed } });
      if (vote.voters)
        await fireEvent.input(screen.getByLabelText('Voted'), { target: { value: vote.voters } });
      await fireEvent.click(screen.getByRole('radio', { name: vote.confidence }));
      if (vote.signoff) await fireEvent.click(screen.getByRole('checkbox', { name: vote.signoff }));
      await fireEvent.click(
        document.querySelector<HTMLElement>(`button[data-choice="${choiceId}"]`)!,
      );
      await vi.waitFor(async () =>
        expect((await t.app.getRun(runId))!.events).toHaveLength(before + 1),
      );
      return (await t.app.getRun(runId))!.events.at(-1);
    };

    expect(
      await decide('ack-fast', { agreed: '2', voters: '5', confidence: 'Medium' }),
    ).toMatchObject({
      type: 'choice.select',
      choiceId: 'ack-fast',
      team: { agreed: 2, voters: 5, confidence: 'medium' },
    });
    // The team's size is kept for the next vote; the rest of the form is cleared.
    await vi.waitFor(() => expect(screen.getByLabelText('Agreed')).toHaveValue(null));
    expect(screen.getByLabelText('Voted')).toHaveValue(5);
    expect(screen.getByRole('radio', { name: 'High' })).not.toBeChecked();

    const second = await decide('case-by-case', {
      agreed: '5',
      confidence: 'High',
      signoff: /Legal review/,
    });
    expect(second).toMatchObject({
      choiceId: 'case-by-case',
      team: { agreed: 5, voters: 5, confidence: 'high' },
      signoff: ['legal'],
    });
    await vi.waitFor(() => expect(screen.getByLabelText(/Legal review/)).not.toBeChecked());
    cleanup();

    // The debrief puts the split vote and the confident wrong call up for discussion.
    render(DebriefScreen, { props: { runId }, context: t.context });
    const team = await screen.findByRole('region', { name: 'Team deliberation' });
    const items = within(team).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Split vote');
    expect(items[0]).toHaveTextContent('2 of 5 agreed');
    expect(items[1]).toHaveTextContent('Confident, but not the best call');
    expect(items[1]).toHaveTextContent('waited 30 simulated min for sign-off (legal)');
    // Both are discussion questions too (first, so the hot-wash starts with them).
    const ackLabel = compiled.index.nodes.get('first-posts')!.choices[0]!;
    expect(ackLabel.id).toBe('ack-fast');
    const questions = within(screen.getByRole('region', { name: 'Discussion questions' }))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    // The label is quoted inside Unicode isolates (FSI … PDI), so its direction cannot leak.
    expect(questions[0]).toContain(
      `the team was split on "\u2068${ackLabel.label.en}\u2069" (2 of 5 agreed)`,
    );
    expect(questions[1]).toMatch(/the team was confident in ".+", yet it cost points/);
  });

  it('a trainee alone is not asked for a vote', async () => {
    const compiled = billing();
    const t = await makeApp([compiled]);
    await storeRun(t, compiled, { id: 'solo', team: 'Aiko' });
    render(LiveScreen, { props: { runId: 'solo' }, context: t.context });
    await screen.findByLabelText(/Rationale/);
    expect(screen.queryByRole('group', { name: 'Team decision' })).not.toBeInTheDocument();
  });
});
