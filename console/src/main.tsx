import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import App from "./App";
import { takeTokenFromFragment } from "./lib/auth";
import { ready } from "./i18n";

takeTokenFromFragment();
// A sign-in link opened in a tab already showing the console: the new token, a fresh start.
window.addEventListener("hashchange", () => {
  if (/(?:^#|&)token=/.test(window.location.hash)) {
    takeTokenFromFragment();
    window.location.reload();
  }
});
// English, when kept, is fetched before the first render (no screen shows a raw key)
void ready.then(() =>
  createRoot(document.getElementById("root")!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
