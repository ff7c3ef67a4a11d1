// The frame around every screen: menu (only what the role may open), the signed-in
// role and agency, the language switch, sign-out.
import { Button, Layout, Menu, Segmented, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate } from "react-router";
import { switchLanguage } from "./i18n";
import { signOut } from "./lib/auth";
import { allowed, type Screen } from "./lib/roles";
import { useUser } from "./lib/user";

const MENU: { key: string; screen: Screen | null; label: string }[] = [
  { key: "/", screen: "dashboard", label: "nav.dashboard" },
  { key: "/officers", screen: "officers", label: "nav.officers" },
  { key: "/operations", screen: "operations", label: "nav.operations" },
  { key: "/draws", screen: "draws", label: "nav.draws" },
  // --- console part 2 (issue 18) ---
  { key: "/entities", screen: "entities", label: "nav.entities" },
  { key: "/inspections", screen: "inspections", label: "nav.inspections" },
  { key: "/cases", screen: "cases", label: "nav.cases" },
  { key: "/accountability", screen: "accountability", label: "nav.accountability" },
  { key: "/audit", screen: "audit", label: "nav.audit" },
  { key: "/reports", screen: "reports", label: "nav.reports" },
  // --- end of console part 2 ---
  { key: "/public/draws", screen: null, label: "nav.publicDraws" },
  { key: "/public/decisions", screen: null, label: "nav.publicDecisions" },
];

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Segmented
      aria-label={t("app.language")}
      value={i18n.language}
      onChange={(lang) => void switchLanguage(String(lang))}
      options={[
        { label: "中文", value: "zh-CN" },
        { label: "English", value: "en" },
      ]}
    />
  );
}

export function Shell({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation();
  const { user, setUser } = useUser();
  const location = useLocation();
  const navigate = useNavigate();
  const items = MENU.filter((m) => (m.screen ? allowed(user?.roles, m.screen) : true)).map((m) => ({
    key: m.key,
    label: <Link to={m.key}>{t(m.label)}</Link>,
  }));
  const path = location.pathname;
  const selected = MENU.map((m) => m.key)
    .filter((k) => (k === "/" ? path === "/" : path.startsWith(k)))
    .sort((a, b) => b.length - a.length)[0];
  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Header style={{ display: "flex", alignItems: "center", gap: 16, background: "#0f2a5c" }}>
        <Link to={user ? "/" : "/public/draws"} style={{ color: "#fff", fontSize: 18, fontWeight: 600 }}>
          {t("app.title")}
        </Link>
        <span style={{ flex: 1 }} />
        <Space>
          {user && (
            <Typography.Text style={{ color: "#fff" }} data-testid="whoami">
              {user.roles.map((r) => t(`roles.${r}`)).join("、")}
              {user.agency ? ` · ${t(`enums.Agency.${user.agency}`)}` : ""}
            </Typography.Text>
          )}
          <LanguageSwitch />
          {user ? (
            <Button
              onClick={() => {
                signOut();
                setUser(null);
                navigate("/sign-in");
              }}
            >
              {t("app.signOut")}
            </Button>
          ) : (
            <Button onClick={() => navigate("/sign-in")}>{t("app.signIn")}</Button>
          )}
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={200} theme="light" breakpoint="md" collapsedWidth={0}>
          <nav aria-label={t("app.menu")}>
            <Menu mode="inline" selectedKeys={selected ? [selected] : []} items={items} />
          </nav>
        </Layout.Sider>
        <Layout.Content style={{ padding: 24 }}>
          <main>{children}</main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
