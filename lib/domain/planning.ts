/** Enumerations the forms offer, in the order officials list them. Safe to import in the browser. */
export const CAPITAL_SOURCES = [
  "central_budget",
  "local_budget",
  "integrated_programmes",
  "credit",
  "social_mobilisation",
  "people_contributions",
] as const;
export const SHORTAGE_CATEGORIES = [
  "boarding_rooms",
  "teacher_housing",
  "solid_classrooms",
  "teachers",
  "equipment",
  "other",
] as const;
export const SHORTAGE_STATUSES = ["open", "in_progress", "closed"] as const;
export const MILESTONE_STATUSES = ["planned", "in_progress", "done", "cancelled"] as const;
