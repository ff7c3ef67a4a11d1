import { Result } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

export default function NotFound({ forbidden = false }: { forbidden?: boolean }) {
  const { t } = useTranslation();
  return (
    <Result
      status={forbidden ? "403" : "404"}
      title={<h1 style={{ fontSize: 22 }}>{t(forbidden ? "notFound.forbidden" : "notFound.title")}</h1>}
      extra={<Link to="/">{t("notFound.home")}</Link>}
    />
  );
}
