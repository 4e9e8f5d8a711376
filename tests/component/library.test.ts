// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import LibraryScreen from '../../src/ui/screens/LibraryScreen.svelte';
import { feedDrill, makeApp, minimal, storeRun } from './helpers';

describe('library screen', () => {
  it('lists every scenario as a card with its type, audience and difficulty', async () => {
    const t = await makeApp([minimal(), feedDrill()]);
    render(LibraryScreen, { context: t.context });
    const cards = screen.getAllByRole('article');
    expect(cards).toHaveLength(2);
    expect(screen.getByRole('heading', { name: 'Minimal scenario' })).toBeInTheDocument();
    const drill = screen.getByRole('article', { name: 'Feed drill' });
    expect(within(drill).getByText('Pile-on')).toBeInTheDocument();
    expect(within(drill).getByText('Intermediate')).toBeInTheDocument();
    expect(within(drill).getByRole('link', { name: /Open briefing/ })).toHaveAttribute(
      'href',
      '#/scenario/feed-drill',
    );
  });

  it('filters by crisis type and difficulty', async () => {
    const t = await makeApp([minimal(), feedDrill()]);
    render(LibraryScreen, { context: t.context });
    await fireEvent.change(screen.getByLabelText('Crisis type'), { target: { value: 'pile-on' } });
    expect(screen.getAllByRole('article').map((a) => a.getAttribute('aria-labelledby'))).toEqual([
      'card-feed-drill',
    ]);
    await fireEvent.change(screen.getByLabelText('Crisis type'), { target: { value: '' } });
    await fireEvent.change(screen.getByLabelText('Difficulty'), {
      target: { value: 'introductory' },
    });
    expect(screen.getAllByRole('article')).toHaveLength(1);
    expect(screen.getByRole('heading', { name: 'Minimal scenario' })).toBeInTheDocument();
  });

  it('searches titles and summaries in either language, and says when nothing matches', async () => {
    const t = await makeApp([minimal(), feedDrill()]);
    render(LibraryScreen, { context: t.context });
    const search = screen.getByLabelText('Search');
    await fireEvent.input(search, { target: { value: 'フィード' } });
    expect(screen.getAllByRole('article')).toHaveLength(1);
    expect(screen.getByRole('heading', { name: 'Feed drill' })).toBeInTheDocument();
    await fireEvent.input(search, { target: { value: 'nothing like this' } });
    expect(screen.queryAllByRole('article')).toHaveLength(0);
    expect(screen.getByText('No scenario matches these filters.')).toBeInTheDocument();
  });

  it('offers to continue an unfinished run and links finished ones', async () => {
    const t = await makeApp([minimal(), feedDrill()]);
    await storeRun(t, feedDrill(), { id: 'active-1' });
    await storeRun(t, minimal(), { id: 'done-1', choices: ['apologise'] });
    render(LibraryScreen, { context: t.context });
    const cont = screen.getByRole('region', { name: 'Continue a run' });
    expect(within(cont).getByRole('link', { name: 'Continue' })).toHaveAttribute(
      'href',
      '#/run/active-1',
    );
    const past = screen.getByRole('region', { name: 'Past runs' });
    expect(within(past).getByRole('link', { name: 'Minimal scenario' })).toHaveAttribute(
      'href',
      '#/debrief/done-1',
    );
  });
});

describe('importing a scenario file', () => {
  const upload = async (name: string, text: string) => {
    const input = screen.getByLabelText('Import a scenario file', { selector: 'input' });
    const file = new File([text], name, { type: 'text/yaml' });
    // jsdom's File has no text(); the importer reads it through that method.
    Object.defineProperty(file, 'text', { value: async () => text });
    await fireEvent.change(input, { target: { files: [file] } });
  };

  it('validates the file, stores it and shows it in the library', async () => {
    const t = await makeApp([minimal()]);
    render(LibraryScreen, { context: t.context });
    await upload(
      'feed-drill.yaml',
      readFileSync('tests/component/fixtures/feed-drill.yaml', 'utf8'),
    );
    // The title is bidi-isolated (U+2068 … U+2069) so an override in it stays inside the quotes.
    expect(await screen.findByText('Imported “\u2068Feed drill\u2069”.')).toBeInTheDocument();
    const card = screen.getByRole('article', { name: 'Feed drill' });
    expect(within(card).getByText('Imported')).toBeInTheDocument();
    expect((await t.repo.listScenarios()).scenarios.map((s) => s.id)).toEqual(['feed-drill']);
  });

  it('keeps a file with an overlong name, shortening the stored name', async () => {
    const t = await makeApp([minimal()]);
    render(LibraryScreen, { context: t.context });
    const name = `${'n'.repeat(600)}.yaml`;
    await upload(name, readFileSync('tests/component/fixtures/feed-drill.yaml', 'utf8'));
    expect(await screen.findByText('Imported “\u2068Feed drill\u2069”.')).toBeInTheDocument();
    const [stored] = (await t.repo.listScenarios()).scenarios;
    expect(stored?.fileName).toBe(name.slice(0, 500));
  });

  it('shows the readable problems list for a bad file and stores nothing', async () => {
    const t = await makeApp([minimal()]);
    render(LibraryScreen, { context: t.context });
    await upload('broken.yaml', 'formatVersion: 1\nid: Bad Id\ntitle: { en: x }\n');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('“broken.yaml” could not be imported');
    expect(alert).toHaveTextContent(/id/);
    expect(within(alert).getAllByRole('listitem').length).toBeGreaterThan(1);
    expect((await t.repo.listScenarios()).scenarios).toEqual([]);
  });
});
