import { theme } from "antd";
import { describe, expect, it } from "vitest";
import { THEME } from "./theme";

// WCAG 2 relative luminance and contrast ratio of two opaque #rrggbb colours.
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe("the console's colours as antd derives them", () => {
  const token = theme.getDesignToken(THEME);
  const WHITE = "#ffffff";
  it("keeps a primary button's white text at AA contrast at rest, hovered and pressed", () => {
    for (const shade of [token.colorPrimary, token.colorPrimaryHover, token.colorPrimaryActive]) {
      expect(contrast(WHITE, shade.toLowerCase()), shade).toBeGreaterThanOrEqual(4.5);
    }
  });
  it("keeps links and primary-coloured text at AA contrast on white, hovered too", () => {
    for (const shade of [token.colorLink, token.colorLinkHover, token.colorPrimaryText,
      token.colorPrimaryTextHover]) {
      expect(contrast(shade.toLowerCase(), WHITE), shade).toBeGreaterThanOrEqual(4.5);
    }
  });
});
