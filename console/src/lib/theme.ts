// The console's antd theme. Text and its background meet WCAG AA (4.5:1) in every state a
// user sees, hover included: antd derives a lighter hover shade from the seed colour
// (#4373e6 from #1d4ed8: white on it is 4.34:1), so the hover shades are set darker.
export const THEME = {
  token: {
    colorPrimary: "#1d4ed8",
    colorPrimaryHover: "#1e40af",
    colorPrimaryTextHover: "#1e40af",
    colorLink: "#1d4ed8",
    colorLinkHover: "#1e40af",
    // Secondary text dark enough for AA contrast (antd's defaults are lighter).
    colorTextDescription: "rgba(0, 0, 0, 0.65)",
    colorTextTertiary: "rgba(0, 0, 0, 0.65)",
    colorTextQuaternary: "rgba(0, 0, 0, 0.6)",
    colorTextPlaceholder: "rgba(0, 0, 0, 0.55)",
    colorTextDisabled: "rgba(0, 0, 0, 0.55)",
  },
};
