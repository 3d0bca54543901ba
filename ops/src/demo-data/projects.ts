/**
 * Projects with milestones placed around the anchor. Each project is given a situation (done, not started,
 * on track, slipping), its milestones are built to match, and its status is then derived from the milestones.
 */
import {
  type DayNumber,
  parseIsoDate,
  toCivil,
  toIsoDate,
  toWeekdayOnOrBefore,
  deriveProjectStatus,
  type Account,
  type Milestone,
  type Project,
  type ProjectStatus,
  type Team,
  type User,
} from '@sophia/domain';
import { PROJECT_PLANS, fillPlaceholders } from './project-plans.ts';
import type { Rng } from './prng.ts';
import { compareText } from './order.ts';

/** The situation a project is generated in; its status is then derived from the milestones. */
type Situation = ProjectStatus;

/** How many projects are in each situation; the rest are on track. */
const SITUATIONS: readonly (readonly [Situation, number])[] = [
  ['COMPLETED', 5],
  ['NOT_STARTED', 3],
  ['AT_RISK', 4],
  ['OFF_TRACK', 2],
];

interface Schedule {
  start: DayNumber;
  due: DayNumber;
}

function scheduleFor(rng: Rng, situation: Situation, anchor: DayNumber): Schedule {
  switch (situation) {
    case 'COMPLETED': {
      const due = toWeekdayOnOrBefore(anchor - rng.int(10, 150));
      return { start: due - rng.int(90, 180), due };
    }
    case 'NOT_STARTED': {
      const start = anchor + rng.int(7, 60);
      return { start, due: toWeekdayOnOrBefore(start + rng.int(75, 160)) };
    }
    default:
      // Slipping projects started long enough ago to have missed a milestone by weeks.
      return {
        start: anchor - rng.int(situation === 'ON_TRACK' ? 30 : 90, 170),
        due: toWeekdayOnOrBefore(anchor + rng.int(30, 170)),
      };
  }
}

/** Milestones spread evenly to the due date; those already due were completed around their date. */
function buildMilestones(
  rng: Rng,
  projectId: string,
  names: readonly string[],
  schedule: Schedule,
  anchor: DayNumber,
) {
  const span = schedule.due - schedule.start;
  return names.map((name, index): Milestone & { due: DayNumber } => {
    const due =
      index === names.length - 1
        ? schedule.due
        : schedule.start + Math.round((span * (index + 1)) / names.length);
    const dueDay = toWeekdayOnOrBefore(due);
    const completedDay = toWeekdayOnOrBefore(Math.min(anchor, dueDay - rng.int(0, 4)));
    return {
      id: `ms_${projectId.slice(4)}_${index + 1}`,
      projectId,
      name,
      dueDate: toIsoDate(dueDay),
      completedAt: dueDay < anchor ? toIsoDate(completedDay) : null,
      due: dueDay,
    };
  });
}

/** Leaves milestones undone so the project is slipping: one recently (at risk) or one long overdue (off track). */
function slip(
  milestones: (Milestone & { due: DayNumber })[],
  situation: Situation,
  rng: Rng,
  anchor: DayNumber,
): void {
  const past = milestones.filter((milestone) => milestone.due < anchor);
  const last = past.at(-1) ?? milestones[0];
  if (!last) return;
  const previousDue = milestones[milestones.indexOf(last) - 1]?.due ?? -Infinity;
  const overdue = situation === 'AT_RISK' ? rng.int(2, 14) : rng.int(25, 45);
  last.due = toWeekdayOnOrBefore(Math.max(previousDue + 1, anchor - overdue));
  last.dueDate = toIsoDate(last.due);
  last.completedAt = null;
}

function progressOf(
  milestones: readonly (Milestone & { due: DayNumber })[],
  start: DayNumber,
  anchor: DayNumber,
): number {
  const done = milestones.filter((milestone) => milestone.completedAt !== null).length;
  if (done === milestones.length) return 1;
  if (start > anchor) return 0;
  const next = milestones.find((milestone) => milestone.completedAt === null);
  const previousDue =
    milestones[milestones.indexOf(next as Milestone & { due: DayNumber }) - 1]?.due ?? start;
  // Work toward the next milestone counts, but never as if it were done.
  const towardNext = next ? (anchor - previousDue) / Math.max(1, next.due - previousDue) : 0;
  const partial = Math.min(1, Math.max(0, towardNext)) * 0.8;
  return Math.round(((done + partial) / milestones.length) * 100) / 100;
}

export function buildProjects(
  rng: Rng,
  inputs: { users: readonly User[]; teams: readonly Team[]; accounts: readonly Account[]; anchor: string },
): Project[] {
  const anchor = parseIsoDate(inputs.anchor);
  const largestCustomers = inputs.accounts
    .filter((account) => account.status === 'CUSTOMER')
    .sort((a, b) => b.arr - a.arr || compareText(a.id, b.id));
  const situations: Situation[] = SITUATIONS.flatMap(([situation, count]) =>
    Array<Situation>(count).fill(situation),
  );
  const shuffled = rng.shuffle([
    ...situations,
    ...Array<Situation>(PROJECT_PLANS.length - situations.length).fill('ON_TRACK'),
  ]);

  return PROJECT_PLANS.map((plan, index) => {
    const projectRng = rng.fork(plan.name);
    const id = `prj_${String(index + 1).padStart(2, '0')}`;
    const situation = shuffled[index] ?? 'ON_TRACK';
    const schedule = scheduleFor(projectRng, situation, anchor);
    const milestones = buildMilestones(projectRng, id, plan.milestones, schedule, anchor);
    if (situation === 'AT_RISK' || situation === 'OFF_TRACK') slip(milestones, situation, projectRng, anchor);
    const team = inputs.teams.find((candidate) => candidate.id === plan.teamId);
    const owner =
      inputs.users.find((user) => user.teamId === plan.teamId && user.title === plan.ownerTitle) ??
      inputs.users.find((user) => user.id === team?.leadId);
    const account = plan.customerRank === undefined ? undefined : largestCustomers[plan.customerRank];
    const values = { ...(account ? { account } : {}), year: toCivil(anchor).year };
    const startDate = toIsoDate(schedule.start);
    const publicMilestones = milestones.map(({ due: _due, ...milestone }) => milestone);
    return {
      id,
      name: fillPlaceholders(plan.name, values),
      description: fillPlaceholders(plan.description, values),
      status: deriveProjectStatus({ startDate, milestones: publicMilestones }, inputs.anchor),
      ownerId: owner?.id ?? inputs.users[0]?.id ?? '',
      teamId: plan.teamId,
      startDate,
      dueDate: toIsoDate(schedule.due),
      progress: progressOf(milestones, schedule.start, anchor),
      milestones: publicMilestones,
    };
  });
}
