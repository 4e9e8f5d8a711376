/**
 * A two-hour workshop agenda for the situation manual (pure; tested). The exercise slot grows with
 * the scenario's length (decisions take longer with a facilitator pausing for discussion); the
 * improvement plan takes what is left.
 */
export type AgendaKey =
  'welcome' | 'briefing' | 'exercise' | 'break' | 'hotwash' | 'compare' | 'plan';

export interface AgendaItem {
  key: AgendaKey;
  /** Minutes from the workshop's start. */
  start: number;
  minutes: number;
}

const round5 = (n: number) => Math.round(n / 5) * 5;

export function workshopSchedule(scenarioMinutes: number, totalMinutes = 120): AgendaItem[] {
  const exercise = Math.max(30, Math.min(45, round5(scenarioMinutes * 2)));
  const fixed: [AgendaKey, number][] = [
    ['welcome', 5],
    ['briefing', 15],
    ['exercise', exercise],
    ['break', 10],
    ['hotwash', 20],
    ['compare', 15],
  ];
  const used = fixed.reduce((sum, [, m]) => sum + m, 0);
  const items: AgendaItem[] = [];
  let start = 0;
  for (const [key, minutes] of [...fixed, ['plan', Math.max(10, totalMinutes - used)] as const]) {
    items.push({ key, start, minutes });
    start += minutes;
  }
  return items;
}

/** "0:05" — an agenda time as hours:minutes from the start. */
export function agendaTime(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}
