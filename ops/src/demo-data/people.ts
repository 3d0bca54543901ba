/**
 * People and teams. Who works here (ids, names, e-mails, titles, managers, roles) depends on the seed only, so
 * the gateway's dev login and every subgraph agree on the directory whatever the anchor; hire dates are kept
 * as tenures and placed relative to the anchor.
 */
import {
  type DayNumber,
  dayOfWeek,
  parseIsoDate,
  toIsoDate,
  type Team,
  type User,
  type UserRole,
} from '@sophia/domain';
import { FIRST_NAMES, LAST_NAMES, slug } from './names.ts';
import { CEO_TITLE, type SeatPlan, TEAM_PLANS } from './org-chart.ts';
import type { Rng } from './prng.ts';

/** People hired in the two years the facts cover, so headcount grows believably. */
const RECENT_HIRES = 28;
/** Longest tenure of a recent hire: inside the fact window for any anchor. */
const RECENT_HIRE_MAX_TENURE_DAYS = 700;

export interface People {
  users: User[];
  teams: Team[];
}

interface Seat {
  plan: SeatPlan;
  teamIndex: number;
  user: User;
}

function uniqueName(rng: Rng, taken: Set<string>, domain: string): { name: string; email: string } {
  for (;;) {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const local = `${slug(first)}.${slug(last)}`;
    if (taken.has(local)) continue;
    taken.add(local);
    return { name: `${first} ${last}`, email: `${local}@${domain}` };
  }
}

/** Finds a seat by title, preferring the given team (titles such as "Software Engineer" repeat across teams). */
function seatByTitle(seats: readonly Seat[], title: string, teamIndex: number): Seat {
  const seat =
    seats.find((candidate) => candidate.teamIndex === teamIndex && candidate.plan.title === title) ??
    seats.find((candidate) => candidate.plan.title === title);
  if (!seat) throw new Error(`Org chart names an unknown seat: ${title}`);
  return seat;
}

/** Days before the reference date each person started, drawn from the seed alone. */
function tenures(rng: Rng, seats: readonly Seat[]): number[] {
  const recentHires = new Set(
    rng.sample(
      seats.filter((seat) => !seat.plan.executive && seat.plan.title !== TEAM_PLANS[seat.teamIndex]?.lead),
      RECENT_HIRES,
    ),
  );
  return seats.map((seat) => {
    if (seat.plan.title === CEO_TITLE) return rng.int(3000, 3300);
    if (seat.plan.executive) return rng.int(900, 2800);
    if (recentHires.has(seat)) return rng.int(14, RECENT_HIRE_MAX_TENURE_DAYS);
    return rng.int(RECENT_HIRE_MAX_TENURE_DAYS + 60, 2700);
  });
}

/** People start on Mondays. */
function startDateFor(reference: DayNumber, tenureDays: number): string {
  const day = reference - tenureDays;
  return toIsoDate(day - ((dayOfWeek(day) + 6) % 7));
}

/**
 * Fills the org chart. `usr_001` is the chief executive; ids follow the chart's order.
 * @param reference the anchor: hire dates are placed relative to it.
 */
export function buildPeople(rng: Rng, domain: string, reference: string): People {
  const takenNames = new Set<string>();
  const seats: Seat[] = [];
  TEAM_PLANS.forEach((team, teamIndex) => {
    for (const plan of team.seats) {
      for (let copy = 0; copy < (plan.count ?? 1); copy++) {
        const { name, email } = uniqueName(rng, takenNames, domain);
        const roles = [...new Set([...team.roles, ...(plan.roles ?? []), 'member'])];
        const id = `usr_${String(seats.length + 1).padStart(3, '0')}`;
        const user: User = {
          id,
          name,
          email,
          title: plan.title,
          role: 'MEMBER',
          teamId: team.id,
          managerId: null,
          roles,
          startDate: '',
        };
        seats.push({ plan, teamIndex, user });
      }
    }
  });

  const teams: Team[] = TEAM_PLANS.map((team, teamIndex) => ({
    id: team.id,
    name: team.name,
    leadId: seatByTitle(seats, team.lead, teamIndex).user.id,
    parentId: team.parentId,
  }));
  const leadOf = (teamId: string | null): string | null =>
    teams.find((team) => team.id === teamId)?.leadId ?? null;
  const ceo = seatByTitle(seats, CEO_TITLE, 0).user;

  TEAM_PLANS.forEach((team, teamIndex) => {
    const teamSeats = seats.filter((seat) => seat.teamIndex === teamIndex);
    const lead = seatByTitle(seats, team.lead, teamIndex).user;
    const managers = teamSeats.filter((seat) => seat.plan.manages);
    let nextManager = 0;
    for (const seat of teamSeats) {
      if (seat.user === ceo) continue;
      if (seat.user === lead) {
        seat.user.managerId = team.leadReportsTo
          ? seatByTitle(seats, team.leadReportsTo, teamIndex).user.id
          : (leadOf(team.parentId) ?? ceo.id);
      } else if (seat.plan.reportsTo) {
        seat.user.managerId = seatByTitle(seats, seat.plan.reportsTo, teamIndex).user.id;
      } else if (managers.length > 0 && !seat.plan.manages) {
        seat.user.managerId = managers[nextManager++ % managers.length]?.user.id ?? lead.id;
      } else {
        seat.user.managerId = lead.id;
      }
    }
  });

  const managerIds = new Set(seats.map((seat) => seat.user.managerId));
  const referenceDay = parseIsoDate(reference);
  const tenureDays = tenures(rng, seats);
  seats.forEach((seat, index) => {
    const role: UserRole = seat.plan.executive
      ? 'EXECUTIVE'
      : managerIds.has(seat.user.id)
        ? 'MANAGER'
        : 'MEMBER';
    seat.user.role = role;
    seat.user.startDate = startDateFor(referenceDay, tenureDays[index] ?? 0);
  });
  return { users: seats.map((seat) => seat.user), teams };
}
