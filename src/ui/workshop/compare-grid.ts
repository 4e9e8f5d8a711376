/**
 * Shaping a `WorkshopComparison` for the comparison view (pure; tested): unique team labels, and a
 * grid with one row per decision point and one cell per team.
 */
import type { CompiledScenario, LocalText, WorkshopComparison } from '../../engine';
import type { StoredRun } from '../../storage/types';

/** Run id → a team label unique within the workshop ("Team A", "Team A (2)"). */
export function teamLabels(
  runs: readonly Pick<StoredRun, 'id' | 'team'>[],
  unnamed: string,
): Map<string, string> {
  const labels = new Map<string, string>();
  const used = new Set<string>();
  for (const run of runs) {
    const base = run.team.trim() || unnamed;
    let label = base;
    for (let n = 2; used.has(label); n++) label = `${base} (${n})`;
    used.add(label);
    labels.set(run.id, label);
  }
  return labels;
}

export interface GridCell {
  team: string;
  /** The team's choice at this node, or null if it never reached it. */
  choiceId: string | null;
  label: LocalText | null;
  best: boolean;
}

export interface GridRow {
  nodeId: string;
  title: LocalText;
  diverged: boolean;
  bestChoiceId: string | null;
  bestLabel: LocalText | null;
  cells: GridCell[];
}

/** Rows = decision points in scenario order, columns = teams in comparison order. */
export function pathGrid(c: WorkshopComparison, compiled: CompiledScenario): GridRow[] {
  return c.nodes.map((n) => {
    const node = compiled.index.nodes.get(n.nodeId);
    const bestLabel = n.bestChoiceId
      ? (node?.choices.find((ch) => ch.id === n.bestChoiceId)?.label ?? null)
      : null;
    return {
      nodeId: n.nodeId,
      title: n.title,
      diverged: n.diverged,
      bestChoiceId: n.bestChoiceId,
      bestLabel,
      cells: c.teams.map((t) => {
        const choice = n.choices.find((ch) => ch.teams.includes(t.team));
        return {
          team: t.team,
          choiceId: choice?.choiceId ?? null,
          label: choice?.label ?? null,
          best: choice !== undefined && choice.choiceId === n.bestChoiceId,
        };
      }),
    };
  });
}
