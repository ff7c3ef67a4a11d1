import { App as AntApp, ConfigProvider, Spin } from "antd";
import zhCN from "antd/locale/zh_CN";
import dayjs from "dayjs";
import { lazy, Suspense, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { BrowserRouter, Navigate, Route, Routes, useLocation, useNavigate } from "react-router";
import { Provider } from "urql";
import { Shell } from "./Shell";
import { antdEnglish } from "./i18n";
import { THEME } from "./lib/theme";
import { currentUser, type User } from "./lib/auth";
import { makeClient } from "./lib/client";
import { allowed, type Screen } from "./lib/roles";
import { UserContext } from "./lib/user";

const Dashboard = lazy(() => import("./pages/Dashboard"));
const Officers = lazy(() => import("./pages/Officers"));
const OfficerDetail = lazy(() => import("./pages/OfficerDetail"));
const RegisterOfficer = lazy(() => import("./pages/RegisterOfficer"));
const ImportExams = lazy(() => import("./pages/ImportExams"));
const Draws = lazy(() => import("./pages/Draws"));
const DrawDetail = lazy(() => import("./pages/DrawDetail"));
const CreateDraw = lazy(() => import("./pages/CreateDraw"));
const Operations = lazy(() => import("./pages/Operations"));
const OperationDetail = lazy(() => import("./pages/OperationDetail"));
const OperationReport = lazy(() => import("./pages/OperationReport"));
const PlanOperation = lazy(() => import("./pages/PlanOperation"));
const PublicDraws = lazy(() => import("./pages/PublicDraws"));
const PublicDraw = lazy(() => import("./pages/PublicDraw"));
const PublicDecisions = lazy(() => import("./pages/PublicDecisions"));
// --- console part 2 (issue 18) ---
const Cases = lazy(() => import("./pages/Cases"));
const CaseDetail = lazy(() => import("./pages/CaseDetail"));
const FileCase = lazy(() => import("./pages/FileCase"));
const Accountability = lazy(() => import("./pages/Accountability"));
const Audit = lazy(() => import("./pages/Audit"));
const Reports = lazy(() => import("./pages/Reports"));
const Entities = lazy(() => import("./pages/Entities"));
const EntityPage = lazy(() => import("./pages/Entities").then((m) => ({ default: m.EntityPage })));
const Inspections = lazy(() => import("./pages/Inspections"));
const RecordInspection = lazy(() => import("./pages/Inspections").then((m) => ({ default: m.RecordInspection })));
// --- end of console part 2 ---
const SignIn = lazy(() => import("./pages/SignIn"));
const NotFound = lazy(() => import("./pages/NotFound"));

/** A screen for signed-in users whose role may open it; others sign in first. */
function Guard({ screen, children }: { screen: Screen; children: React.ReactNode }) {
  const location = useLocation();
  const user = currentUser();
  if (!user) {
    const to = sessionStorage.getItem("jointops.returnTo") ? "/sign-in?expired=1" : "/sign-in";
    return <Navigate to={to} replace state={{ from: location.pathname + location.search }} />;
  }
  if (!allowed(user.roles, screen)) return <NotFound forbidden />;
  return <>{children}</>;
}

function SessionWatch({ onChange }: { onChange: (u: User | null) => void }) {
  const navigate = useNavigate();
  useEffect(() => {
    const ended = () => {
      navigate("/sign-in?expired=1");
      onChange(null);
    };
    window.addEventListener("jointops:signed-out", ended);
    return () => window.removeEventListener("jointops:signed-out", ended);
  }, [navigate, onChange]);
  return null;
}

export default function App() {
  const { i18n } = useTranslation();
  const [user, setUser] = useState<User | null>(currentUser());
  const client = useMemo(makeClient, [user]);
  const english = i18n.language === "en";
  dayjs.locale(english ? "en" : "zh-cn");
  const page = (screen: Screen, element: React.ReactNode) => <Guard screen={screen}>{element}</Guard>;
  return (
    <ConfigProvider locale={english ? (antdEnglish() ?? zhCN) : zhCN} theme={THEME}>
      <AntApp>
        <UserContext.Provider value={{ user, setUser }}>
          <Provider value={client}>
            <BrowserRouter basename="/console">
              <SessionWatch onChange={setUser} />
              <Shell>
                <Suspense fallback={<Spin />}>
                  <Routes>
                    <Route path="/" element={page("dashboard", <Dashboard />)} />
                    <Route path="/officers" element={page("officers", <Officers />)} />
                    <Route path="/officers/new" element={page("officerAdmin", <RegisterOfficer />)} />
                    <Route path="/officers/import-exams" element={page("officerAdmin", <ImportExams />)} />
                    <Route path="/officers/:id" element={page("officers", <OfficerDetail />)} />
                    <Route path="/operations" element={page("operations", <Operations />)} />
                    <Route path="/operations/new" element={page("planOperation", <PlanOperation />)} />
                    <Route path="/operations/:id/report" element={page("operations", <OperationReport />)} />
                    <Route path="/operations/:id" element={page("operations", <OperationDetail />)} />
                    <Route path="/draws" element={page("draws", <Draws />)} />
                    <Route path="/draws/new" element={page("drawAdmin", <CreateDraw />)} />
                    <Route path="/draws/:id" element={page("draws", <DrawDetail />)} />
                    {/* console part 2 (issue 18) */}
                    <Route path="/cases" element={page("cases", <Cases />)} />
                    <Route path="/cases/new" element={page("fileCase", <FileCase />)} />
                    <Route path="/cases/:id" element={page("cases", <CaseDetail />)} />
                    <Route path="/accountability" element={page("accountability", <Accountability />)} />
                    <Route path="/audit" element={page("audit", <Audit />)} />
                    <Route path="/reports" element={page("reports", <Reports />)} />
                    <Route path="/entities" element={page("entities", <Entities />)} />
                    <Route path="/entities/:agency/:id" element={page("entities", <EntityPage />)} />
                    <Route path="/inspections" element={page("inspections", <Inspections />)} />
                    <Route path="/inspections/new" element={page("recordInspection", <RecordInspection />)} />
                    {/* end of console part 2 */}
                    <Route path="/public/draws" element={<PublicDraws />} />
                    <Route path="/public/draws/:id" element={<PublicDraw />} />
                    <Route path="/public/decisions" element={<PublicDecisions />} />
                    <Route path="/sign-in" element={<SignIn />} />
                    <Route path="*" element={<NotFound />} />
                  </Routes>
                </Suspense>
              </Shell>
            </BrowserRouter>
          </Provider>
        </UserContext.Provider>
      </AntApp>
    </ConfigProvider>
  );
}
