// @vitest-environment jsdom
// The first screens paint before storage opens (src/main.ts, App.svelte): what shows meanwhile,
// and that nothing chosen in that moment is lost.
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../src/ui/i18n/index.svelte';
import SiteHeader from '../../src/ui/components/SiteHeader.svelte';
import HistoryScreen from '../../src/ui/screens/HistoryScreen.svelte';
import SettingsScreen from '../../src/ui/screens/SettingsScreen.svelte';
import { feedDrill, makeUnopenedApp, storeRun } from './helpers';

describe('before storage opens', () => {
  it('history shows its heading and waits for the runs instead of saying there are none', async () => {
    const t = makeUnopenedApp([feedDrill()]);
    render(HistoryScreen, { context: t.context });
    expect(screen.getByRole('heading', { level: 1, name: 'History' })).toBeInTheDocument();
    expect(screen.getByText('Loading…')).toBeInTheDocument();
    expect(screen.queryByText(/No finished runs/)).not.toBeInTheDocument();
    await t.app.init();
    expect(await screen.findByText('No finished runs yet.')).toBeInTheDocument();
    await storeRun(t, feedDrill(), { id: 'h1', team: 'Alpha', choices: ['delete-apologise'] });
    expect(await screen.findByText(/Alpha/)).toBeInTheDocument();
    expect(screen.queryByText('Loading…')).not.toBeInTheDocument();
  });

  it('settings offers the language at once; storage facts and backups wait', async () => {
    const t = makeUnopenedApp([feedDrill()]);
    render(SettingsScreen, { context: t.context });
    expect(screen.getByRole('button', { name: '日本語' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Export backup' })).toBeDisabled();
    expect(screen.getAllByText('Loading…')).toHaveLength(2);
    expect(screen.queryByText('Memory only (lost on reload)')).not.toBeInTheDocument();
    await t.app.init();
    expect(await screen.findByRole('button', { name: 'Export backup' })).toBeEnabled();
    expect(screen.getByText('Memory only (lost on reload)')).toBeInTheDocument();
    expect(screen.queryByText('Loading…')).not.toBeInTheDocument();
  });

  it('keeps and saves a language picked before storage opened, over the stored one', async () => {
    const t = makeUnopenedApp([feedDrill()]);
    await t.repo.saveSettings({ locale: 'en', persisted: null });
    render(SiteHeader, { context: t.context });
    await fireEvent.click(screen.getByRole('button', { name: '日本語' }));
    expect(i18n.locale).toBe('ja');
    expect(t.app.problem).toBeNull();
    await t.app.init();
    expect(i18n.locale).toBe('ja');
    expect((await t.repo.getSettings()).locale).toBe('ja');
    i18n.locale = 'en';
  });

  it('applies the stored language when none was picked meanwhile', async () => {
    const t = makeUnopenedApp([feedDrill()]);
    await t.repo.saveSettings({ locale: 'ja', persisted: null });
    await t.app.init();
    expect(i18n.locale).toBe('ja');
    i18n.locale = 'en';
  });
});
