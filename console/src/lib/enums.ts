// The API's enum values, in the order screens list them (labels: enums.<Enum>.<VALUE>).
export const AGENCY = ["CULTURE", "TRANSPORT"] as const;
export const DOMAIN = ["CULTURE_MARKET", "PUBLICATION", "RADIO_TV", "TOURISM", "ROAD_TRANSPORT"] as const;
export const DOMAIN_AGENCY: Record<string, string> = {
  CULTURE_MARKET: "CULTURE",
  PUBLICATION: "CULTURE",
  RADIO_TV: "CULTURE",
  TOURISM: "CULTURE",
  ROAD_TRANSPORT: "TRANSPORT",
};
export const OFFICER_STATUS = ["ACTIVE", "OFF_POST_TRAINING", "REMOVED_FROM_POST"] as const;
export const EXAM = ["PUBLIC_LAW", "PROFESSIONAL_LAW"] as const;
export const OPERATION_STATUS = ["DRAFT", "LAUNCHED", "COMPLETED", "CANCELLED"] as const;
export const DRAW_STATUS = ["CREATED", "COMMITTED", "REVEALED", "RESULTS_PUBLISHED"] as const;
export const TIERS = ["LOW", "MEDIUM", "HIGH"] as const;

export type Agency = (typeof AGENCY)[number];
export type Domain = (typeof DOMAIN)[number];
