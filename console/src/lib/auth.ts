// Who is signed in: a bearer token kept per tab (sessionStorage), taken from the URL
// fragment `#token=…` (links printed by `make run`) or from the development sign-in.
export const ROLES = [
  "planner",
  "certification_admin",
  "accountability_officer",
  "enforcement_officer",
  "cross_agency",
] as const;
export type Role = (typeof ROLES)[number];
export const AGENCIES = ["CULTURE", "TRANSPORT"] as const;

const TOKEN = "jointops.token";
const RETURN_TO = "jointops.returnTo";

export interface User {
  sub: string;
  roles: Role[];
  agency: string | null;
  expiresAt: number; // ms since epoch
}

export function takeTokenFromFragment(): void {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (!match) return;
  sessionStorage.setItem(TOKEN, decodeURIComponent(match[1]));
  // The token must not stay in the address bar (history, screenshots, shared links).
  history.replaceState(history.state, "", window.location.pathname + window.location.search);
}

export function token(): string | null {
  return sessionStorage.getItem(TOKEN);
}

export function signIn(value: string): void {
  sessionStorage.setItem(TOKEN, value);
}

export function signOut(): void {
  sessionStorage.removeItem(TOKEN);
}

export function decode(value: string): User | null {
  try {
    const part = value.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    const claims = JSON.parse(atob(part.padEnd(part.length + ((4 - (part.length % 4)) % 4), "=")));
    return { sub: claims.sub, roles: claims.roles, agency: claims.agency ?? null, expiresAt: claims.exp * 1000 };
  } catch {
    return null;
  }
}

/** The signed-in user, or null when there is no token or it has expired. */
export function currentUser(now = Date.now()): User | null {
  const value = token();
  const user = value ? decode(value) : null;
  return user && user.expiresAt > now ? user : null;
}

/** Remember where the user was, so signing in again brings them back there. */
export function rememberReturn(path: string): void {
  sessionStorage.setItem(RETURN_TO, path);
}

export function takeReturn(): string | null {
  const path = sessionStorage.getItem(RETURN_TO);
  sessionStorage.removeItem(RETURN_TO);
  return path;
}
