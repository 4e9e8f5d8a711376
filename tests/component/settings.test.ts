// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import Banners from '../../src/ui/components/Banners.svelte';
import SettingsScreen from '../../src/ui/screens/SettingsScreen.svelte';
import { captureDownloads, feedDrill, makeApp, readBlob, storeRun } from './helpers';

afterEach(() => vi.restoreAllMocks());

describe('settings and storage banners', () => {
  it('warns in memory mode that progress will not survive a reload, with an export button', async () => {
    const t = await makeApp([feedDrill()]);
    render(Banners, { context: t.context });
    const banner = screen.getByRole('status');
    expect(banner).toHaveTextContent('progress won’t survive a reload');
    expect(
      within(banner).getByRole('button', { name: 'Export a backup file' }),
    ).toBeInTheDocument();
  });

  it('exports a backup file and imports one back, reporting what was merged', async () => {
    const t = await makeApp([feedDrill()]);
    await storeRun(t, feedDrill(), { id: 's1', choices: ['ignore'] });
    const { blobs } = captureDownloads();
    render(SettingsScreen, { context: t.context });
    await fireEvent.click(screen.getByRole('button', { name: 'Export backup' }));
    await vi.waitFor(() => expect(blobs).toHaveLength(1));
    const text = await readBlob(blobs[0]!);
    const backup = JSON.parse(text);
    expect(backup.kind).toBe('firebreak-backup');
    expect(backup.runs.map((r: { id: string }) => r.id)).toEqual(['s1']);

    await t.repo.deleteRun('s1');
    const file = new File([text], 'backup.json', { type: 'application/json' });
    Object.defineProperty(file, 'text', { value: async () => text });
    await fireEvent.change(screen.getByLabelText('Import a backup file', { selector: 'input' }), {
      target: { files: [file] },
    });
    expect(await screen.findByText(/1 runs added/)).toBeInTheDocument();
    expect(await t.repo.getRun('s1')).not.toBeNull();
  });

  it('shows the persistent-storage answer after asking for it', async () => {
    const t = await makeApp([feedDrill()]);
    Object.defineProperty(navigator, 'storage', {
      value: { persist: async () => true },
      configurable: true,
    });
    render(SettingsScreen, { context: t.context });
    expect(screen.getByText('Not asked yet.')).toBeInTheDocument();
    await fireEvent.click(screen.getByRole('button', { name: 'Ask for persistent storage' }));
    expect(await screen.findByText(/Granted/)).toBeInTheDocument();
    expect((await t.repo.getSettings()).persisted).toBe(true);
  });
});
