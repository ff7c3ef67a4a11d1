// The GraphQL client: the same gateway every other client uses, with the tab's token.
import { Client, cacheExchange, fetchExchange, mapExchange } from "urql";
import { rememberReturn, signOut, token } from "./auth";

const SIGNED_OUT = new Set(["TOKEN_EXPIRED", "INVALID_TOKEN", "TOKEN_NOT_YET_VALID"]);

/** Sends the user to sign in again, remembering the page (its forms keep their drafts). */
export function sessionEnded(): void {
  signOut();
  const here = window.location.pathname.replace(/^\/console/, "") + window.location.search;
  if (!here.startsWith("/sign-in")) rememberReturn(here || "/");
  window.dispatchEvent(new CustomEvent("jointops:signed-out", { detail: { expired: true } }));
}

declare global {
  interface Window {
    __inflight: number;
  }
}
window.__inflight = 0;

// Operations waiting for the network (window.__inflight): the browser tests wait for 0
// before they read a screen, instead of guessing with sleeps. A stale (cached) result
// is followed by the network's, so only a fresh one ends the wait.
const waiting = new Set<number>();
const count = () => (window.__inflight = waiting.size);
const inflight = mapExchange({
  onOperation(op) {
    if (op.kind === "teardown") waiting.delete(op.key);
    else waiting.add(op.key);
    count();
  },
  onResult(result) {
    if (!result.stale) waiting.delete(result.operation.key);
    count();
  },
});

export function makeClient(): Client {
  return new Client({
    url: "/graphql",
    preferGetMethod: false,
    requestPolicy: "cache-and-network",
    fetchOptions: () => {
      const value = token();
      const headers: Record<string, string> = value ? { Authorization: `Bearer ${value}` } : {};
      return { headers };
    },
    exchanges: [
      mapExchange({
        onError(error) {
          const codes = error.graphQLErrors.map((e) => e.extensions?.code as string);
          if (codes.some((c) => SIGNED_OUT.has(c))) sessionEnded();
        },
      }),
      cacheExchange,
      inflight,
      fetchExchange,
    ],
  });
}
