import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import App from "./App";
import { takeTokenFromFragment } from "./lib/auth";
import "./i18n";

takeTokenFromFragment();
createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
