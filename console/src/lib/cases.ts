// Console part 2: the case vocabularies (labels: enums.<Enum>.<VALUE>) and the rules the
// case page uses to offer the next step. The services decide; this only chooses what to show.
import dayjs from "dayjs";
import { today } from "./format";

export const CASE_STATE = ["FILED", "UNDER_INVESTIGATION", "RIGHTS_NOTIFIED", "LEGAL_REVIEW", "DECIDED", "SERVED", "PUBLISHED", "CLOSED"] as const;
export const OUTCOME = ["PENALTY", "NO_PENALTY_FIRST_VIOLATION", "NO_PENALTY_NOT_ESTABLISHED", "ADMINISTRATIVE_GUIDANCE", "MEDIATION", "TRANSFER"] as const;
export const CIRCUMSTANCE = ["MITIGATED", "LIGHTER", "STANDARD", "HEAVIER"] as const;
export const MEASURE = ["WARNING", "CONFISCATION", "LICENCE_SUSPENSION", "LICENCE_REVOCATION", "CLOSURE_ORDER"] as const;
export const SERVICE_METHOD = ["IN_PERSON", "POST", "EMAIL", "FAX"] as const;
export const COMPULSORY = ["SEAL_UP", "SEIZE", "FREEZE", "OTHER"] as const;
export const CASE_KIND = ["PENALTY", "SUMMARY"] as const;

/** Each agency's violation catalogue (services/<agency>/catalogue.py), by domain. */
export const VIOLATIONS: Record<string, Record<string, string[]>> = {
  CULTURE: {
    CULTURE_MARKET: ["NETCAFE_ADMITS_MINORS", "NETCAFE_NO_ID_CHECK", "VENUE_OUTSIDE_HOURS", "UNLICENSED_PERFORMANCE"],
    PUBLICATION: ["PIRATED_PUBLICATIONS"],
    RADIO_TV: ["UNAUTHORISED_SATELLITE_RECEIVER"],
    TOURISM: ["UNLICENSED_TOUR_GUIDING", "UNLICENSED_TRAVEL_AGENCY"],
  },
  TRANSPORT: {
    ROAD_TRANSPORT: ["COACH_WITHOUT_LICENCE", "OVERLOADING_SEATS", "DRIVER_WITHOUT_QUALIFICATION", "ROUTE_DEVIATION", "NO_VEHICLE_PERMIT_ON_BOARD"],
  },
};

export type Action =
  | "submitReview"
  | "recordReview"
  | "startInvestigation"
  | "compulsory"
  | "notifyRights"
  | "decide"
  | "consent"
  | "attemptService"
  | "receipt"
  | "publish"
  | "justice"
  | "close";

interface Review {
  stage: string;
  outcome?: string | null;
}
export interface CaseFacts {
  state: string;
  kind: string;
  major: boolean;
  legalReviews: readonly Review[];
  decision?: { justiceFilingRequired: boolean; publicationRequired: boolean; draft: { outcome: string } } | null;
  publication?: unknown;
  justiceFiling?: unknown;
  serviceAttempts: readonly { receivedAt?: string | null }[];
}

/** The stage a review submitted now would be for (null: none due in this state). */
export function reviewStage(c: CaseFacts): string | null {
  if (c.kind === "SUMMARY") return c.major && ["RIGHTS_NOTIFIED"].includes(c.state) ? "DECISION" : null;
  const byState: Record<string, string> = {
    FILED: "FILING",
    UNDER_INVESTIGATION: "INVESTIGATION_END",
    RIGHTS_NOTIFIED: "DECISION",
    DECIDED: "CLOSING",
    SERVED: "CLOSING",
    PUBLISHED: "CLOSING",
  };
  return byState[c.state] ?? null;
}

function last(c: CaseFacts, stage: string): Review | undefined {
  return [...c.legalReviews].reverse().find((r) => r.stage === stage);
}

export function pendingReview(c: CaseFacts): Review | undefined {
  return c.legalReviews.find((r) => !r.outcome);
}

/** The steps an officer (or legal-affairs staff) may take now, the expected next one first. */
export function actions(c: CaseFacts): Action[] {
  if (c.state === "CLOSED") return [];
  const out: Action[] = [];
  const pending = pendingReview(c);
  if (pending) out.push("recordReview");
  const stage = reviewStage(c);
  const stageApproved = stage ? last(c, stage)?.outcome === "APPROVED" : false;
  const wantReview = stage && !pending && !stageApproved;
  const served = c.serviceAttempts.some((a) => a.receivedAt);
  const needsJustice = c.decision?.justiceFilingRequired && !c.justiceFiling;
  const needsPublication = c.decision?.publicationRequired && !c.publication;
  switch (c.state) {
    case "FILED":
      if (wantReview) out.push("submitReview");
      out.push("startInvestigation", "compulsory");
      break;
    case "UNDER_INVESTIGATION":
      if (wantReview) out.push("submitReview");
      out.push("notifyRights", "compulsory", "decide");
      break;
    case "RIGHTS_NOTIFIED":
      if (wantReview) out.push("submitReview");
      out.push("decide");
      break;
    case "LEGAL_REVIEW":
      out.push("decide");
      break;
    case "DECIDED":
      if (c.serviceAttempts.some((a) => !a.receivedAt)) out.push("receipt");
      out.push("attemptService", "consent");
      if (c.decision?.draft.outcome === "TRANSFER") out.push("close");
      break;
    case "SERVED":
    case "PUBLISHED":
      if (needsPublication && c.state === "SERVED") out.push("publish");
      if (needsJustice) out.push("justice");
      if (wantReview) out.push("submitReview");
      out.push("close");
      break;
  }
  if (!served && c.state === "DECIDED" && needsJustice) out.push("justice");
  return out;
}

/** Steps legal-affairs staff take; receipts either; the rest are enforcement officers'. */
export const LEGAL_ACTIONS: Action[] = ["recordReview", "justice"];
export const SHARED_ACTIONS: Action[] = ["receipt"];

/** Whole days from today (Asia/Shanghai) to a due date: negative once it has passed. */
export function daysLeft(due: string): number {
  return dayjs(due.slice(0, 10)).diff(dayjs(today()), "day");
}
