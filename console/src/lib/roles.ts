// Which screens each role may open: the menus follow this; the gateway still enforces.
import type { Role } from "./auth";

const STAFF: Role[] = ["planner", "certification_admin", "accountability_officer", "enforcement_officer"];
export const ACCESS = {
  dashboard: [...STAFF, "cross_agency"] as Role[],
  officers: STAFF,
  officerAdmin: ["certification_admin"] as Role[],
  operations: STAFF,
  planOperation: ["planner"] as Role[],
  draws: ["planner", "cross_agency"] as Role[],
  drawAdmin: ["planner"] as Role[],
  // --- console part 2 (issue 18): cases, accountability, operations log, reports ---
  cases: ["planner", "enforcement_officer", "accountability_officer"] as Role[],
  fileCase: ["enforcement_officer"] as Role[],
  accountability: ["accountability_officer"] as Role[],
  audit: ["accountability_officer"] as Role[],
  reports: [...STAFF, "cross_agency"] as Role[],
  statistics: ["planner", "enforcement_officer", "accountability_officer", "cross_agency"] as Role[],
  annualFigures: ["planner", "accountability_officer", "certification_admin", "cross_agency"] as Role[],
  entities: ["planner", "enforcement_officer", "accountability_officer"] as Role[],
  inspections: ["planner", "enforcement_officer", "accountability_officer"] as Role[],
  recordInspection: ["enforcement_officer"] as Role[],
  inspectionTasks: ["planner", "enforcement_officer"] as Role[],
  annualDocument: ["planner", "accountability_officer"] as Role[],
  // --- end of console part 2 ---
};
export type Screen = keyof typeof ACCESS;

export function allowed(roles: Role[] | undefined, screen: Screen): boolean {
  return !!roles && roles.some((r) => ACCESS[screen].includes(r));
}
