/** People and teams, projects and milestones, OKRs: checked against the directory, projects and objectives. */
import { all, cites, mentions, number, omits, percent, type Check, type EvalCase } from '../checks.ts';
import type { Truth } from '../truth.ts';

export function peopleCases(truth: Truth): EvalCase[] {
  const cases: EvalCase[] = [];
  const add = (question: string, check: Check) =>
    cases.push({ category: 'people and teams', question, check });
  for (const team of truth.teams)
    add(`How many people are in ${team.name}?`, number(team.size, `${team.name} size`));
  const byTitle = (title: string) => truth.people.find((p) => p.title === title)!;
  for (const [title, ask] of [
    ['Chief Financial Officer', 'Who reports to our CFO?'],
    ['Chief Executive Officer', 'Who reports to the CEO?'],
    ['Chief Revenue Officer', "Who are the CRO's direct reports?"],
    ['Chief Technology Officer', 'Who reports to our CTO?'],
  ] as const) {
    const boss = byTitle(title);
    add(ask, mentions(...boss.reports.map((r) => r.name)));
  }
  add('Who is our head of marketing?', mentions(byTitle('VP Marketing').name));
  add('Who runs finance?', mentions(truth.teams.find((t) => t.name === 'Finance')!.lead!.name));
  add('Who leads the Data team?', mentions(truth.teams.find((t) => t.name === 'Data')!.lead!.name));
  add('Who is our CFO?', mentions(byTitle('Chief Financial Officer').name));
  const sample = truth.people.filter((p) => p.manager).slice(0, 6);
  for (const person of sample.slice(0, 3))
    add(`Who does ${person.name} report to?`, mentions(person.manager!.name));
  for (const person of sample.slice(3, 6)) add(`What does ${person.name} do?`, mentions(person.title));
  return cases;
}

export function projectCases(truth: Truth): EvalCase[] {
  const cases: EvalCase[] = [];
  const add = (question: string, check: Check) =>
    cases.push({ category: 'projects and milestones', question, check });
  const open = truth.projects.filter((p) => p.status !== 'COMPLETED');
  for (const project of open.slice(0, 8)) {
    add(
      `How far along is ${project.name}?`,
      all(percent(project.progress * 100, 'progress'), cites('Project', project.id)),
    );
  }
  for (const project of open.slice(8, 12)) add(`When is ${project.name} due?`, mentions(project.dueDate));
  for (const project of open.slice(12, 15)) add(`Who owns ${project.name}?`, mentions(project.owner.name));
  const overdue = truth.projects.flatMap((p) => p.milestones.filter((m) => m.status === 'OVERDUE'));
  const upcoming = truth.projects
    .flatMap((p) => p.milestones.filter((m) => m.status === 'UPCOMING'))
    .slice(0, 3);
  add(
    'Which milestones are overdue?',
    all(mentions(...overdue.map((m) => m.name)), omits(...upcoming.map((m) => m.name))),
  );
  add('Are any milestones late?', mentions(...overdue.map((m) => m.name)));
  for (const team of ['Data', 'Marketing', 'Engineering Platform', 'Finance']) {
    const theirs = open.filter((p) => p.team?.name === team);
    add(`What is the ${team} team working on?`, mentions(...theirs.map((p) => p.name)));
  }
  const risky = truth.projects.filter((p) => p.status === 'AT_RISK' || p.status === 'OFF_TRACK');
  add('Which projects are at risk?', mentions(...risky.map((p) => p.name)));
  add(
    'Which projects are off track?',
    mentions(...risky.filter((p) => p.status === 'OFF_TRACK').map((p) => p.name)),
  );
  const withOverdue = truth.projects.find((p) => p.milestones.some((m) => m.status === 'OVERDUE'))!;
  add(
    `What milestones are left on ${withOverdue.name}?`,
    mentions(...withOverdue.milestones.filter((m) => m.status !== 'DONE').map((m) => m.name)),
  );
  return cases;
}

export function okrCases(truth: Truth): EvalCase[] {
  const cases: EvalCase[] = [];
  const add = (question: string, check: Check) => cases.push({ category: 'OKRs', question, check });
  const titles = truth.objectives.map((o) => o.title);
  add('How are our OKRs doing this quarter?', mentions(...titles));
  add('Give me an update on our objectives', mentions(...titles));
  add("What's the status of our quarterly goals?", mentions(...titles));
  for (const objective of truth.objectives) {
    add(
      `How is the objective "${objective.title}" going?`,
      all(percent(objective.progress * 100, 'progress'), cites('Objective', objective.id)),
    );
    add(`Who owns the OKR ${objective.title}?`, mentions(objective.owner.name));
  }
  const offTrack = truth.objectives.filter((o) => o.status === 'OFF_TRACK');
  add(
    'Which objectives are off track?',
    all(
      mentions(...offTrack.map((o) => o.title)),
      omits(
        ...truth.objectives
          .filter((o) => o.status === 'ON_TRACK' || o.status === 'ACHIEVED')
          .map((o) => o.title),
      ),
    ),
  );
  const atRisk = truth.objectives.filter((o) => o.status === 'AT_RISK');
  add('Which OKRs are at risk?', mentions(...atRisk.map((o) => o.title)));
  add('Which key results are behind?', mentions(...[...offTrack, ...atRisk].slice(0, 2).map((o) => o.title)));
  return cases;
}
