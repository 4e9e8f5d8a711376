import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import {
  bestChoicesByNode,
  compareRuns,
  findBestPath,
  loadScenario,
  playChoices,
  type CompiledScenario,
} from '../../src/engine';
import { builtInFiles, compileFile, fixture } from '../helpers/scenarios';

/**
 * The minimal scenario, where apologising branches (while trust holds) to a follow-up decision
 * instead of its `next`: the best path's second choice is made at a node `next` never leads to.
 */
function branchingScenario(): CompiledScenario {
  const doc = parse(readFileSync('tests/fixtures/scenarios/minimal.yaml', 'utf8'));
  const [complaint, good, bad] = doc.nodes;
  complaint.choices[0].branches = [{ when: 'trust > 0', to: 'follow-up' }];
  const followUp = {
    id: 'follow-up',
    title: { ja: '続報', en: 'Follow-up' },
    situation: { ja: '顧客が返信した。', en: 'The customer replied.' },
    choices: [
      { ...complaint.choices[1], id: 'ignore-reply', branches: [] },
      { ...complaint.choices[0], id: 'report', next: 'good-end', branches: [] },
    ],
  };
  doc.nodes = [complaint, followUp, good, bad];
  const loaded = loadScenario(stringify(doc), 'branching.yaml');
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return loaded.compiled;
}

describe('best choice at each node', () => {
  it('follows the branch the best path really takes', () => {
    const compiled = branchingScenario();
    expect(findBestPath(compiled).choices).toEqual(['apologise', 'report']);
    expect([...bestChoicesByNode(compiled)]).toEqual([
      ['complaint', 'apologise'],
      ['follow-up', 'report'],
    ]);
    const run = { team: 'A', snapshot: playChoices(compiled, ['apologise', 'ignore-reply']) };
    const followUp = compareRuns(compiled, [run]).nodes.find((n) => n.nodeId === 'follow-up');
    expect(followUp?.bestChoiceId).toBe('report');
  });

  it('names one choice for every node of the best path of every built-in scenario', () => {
    for (const compiled of [fixture('rubric'), ...builtInFiles().map(compileFile)]) {
      const { choices } = findBestPath(compiled);
      const byNode = bestChoicesByNode(compiled);
      const log = playChoices(compiled, choices).context.log;
      expect(log.map((e) => byNode.get(e.nodeId))).toEqual(choices);
    }
  });
});
