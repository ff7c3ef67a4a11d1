// 组建执法小组: as the planner picks an officer and a domain, whether that officer is
// qualified over the whole window and why not, and which other operations hold them.
import { Alert, AutoComplete, Button, Card, Form, Input, Select, Space, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useClient, useMutation, useQuery } from "urql";
import { graphql } from "../gql";
import { GREEN, RED } from "../lib/ui";
import { errorText } from "../i18n";
import { DOMAIN, DOMAIN_AGENCY } from "../lib/enums";
import { placeErrors } from "../lib/forms";

const Search = graphql(`
  query OfficerSearch($prefix: String) {
    officerPage(filter: { namePrefix: $prefix }, limit: 10) { nodes { id name agency } }
  }
`);
const Window = graphql(`
  query WindowQualification($id: ID!, $domain: EnforcementDomain!, $from: DateTime!, $until: DateTime!) {
    officerQualificationOverWindow(officerId: $id, domain: $domain, startsAt: $from, endsAt: $until) { qualified reasons }
    jointOperations(officerId: $id, first: 10) { edges { node { id name status startsAt endsAt } } }
  }
`);
const Assign = graphql(`
  mutation AssignOfficer($input: AssignOfficerInput!) {
    assignOfficer(input: $input) { operation { id } errors { code message field } }
  }
`);

interface Props {
  operationId: string;
  agencies: string[];
  startsAt: string;
  endsAt: string;
  teams: string[];
  onDone: () => void;
}

export function TeamBuilder({ operationId, agencies, startsAt, endsAt, teams, onDone }: Props) {
  const { t } = useTranslation();
  const client = useClient();
  const [form] = Form.useForm();
  const [prefix, setPrefix] = useState("");
  const [picked, setPicked] = useState<{ id: string; name: string; agency: string } | null>(null);
  const [rest, setRest] = useState<string[]>([]);
  const domain = Form.useWatch("domain", form);
  const [{ data: found }] = useQuery({ query: Search, variables: { prefix: prefix || null }, pause: !prefix });
  const [answer, setAnswer] = useState<{ qualified: boolean; reasons: string[]; busy: { id: string; name: string }[] } | null>(null);
  const [, assign] = useMutation(Assign);

  useEffect(() => {
    setAnswer(null);
    if (!picked || !domain) return;
    client
      .query(Window, { id: picked.id, domain, from: startsAt, until: endsAt }, { requestPolicy: "network-only" })
      .toPromise()
      .then((r) => {
        if (!r.data) return;
        const busy = r.data.jointOperations.edges
          .map((e) => e!.node!)
          .filter((op) => op.id !== operationId && ["DRAFT", "LAUNCHED"].includes(op.status) && op.startsAt < endsAt && op.endsAt > startsAt);
        const q = r.data.officerQualificationOverWindow;
        setAnswer({ qualified: q.qualified, reasons: [...q.reasons], busy });
      });
  }, [picked, domain, client, startsAt, endsAt, operationId]);

  const submit = async (v: { team: string; domain: string }) => {
    if (!picked) return;
    setRest([]);
    const r = await assign({ input: { operationId, teamName: v.team, officerId: picked.id, domain: v.domain as never } });
    const payload = r.data?.assignOfficer;
    if (payload?.operation) {
      setPicked(null);
      setPrefix("");
      form.setFieldsValue({ officer: "" });
      onDone();
    } else if (payload) setRest(placeErrors(form, payload.errors, ["team", "domain"]));
    else setRest([errorText("INTERNAL_ERROR")]);
  };

  return (
    <Card title={t("team.title")}>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ team: teams[0] ?? t("team.defaultName") }}>
        <Space wrap align="start">
          <Form.Item name="team" label={t("team.name")} rules={[{ required: true, message: t("form.required") }]}>
            <AutoComplete style={{ width: 180 }} options={teams.map((n) => ({ value: n }))}>
              <Input />
            </AutoComplete>
          </Form.Item>
          <Form.Item name="domain" label={t("team.domain")} rules={[{ required: true, message: t("form.required") }]}>
            <Select
              style={{ width: 180 }}
              options={DOMAIN.filter((d) => agencies.includes(DOMAIN_AGENCY[d])).map((d) => ({
                value: d,
                label: t(`enums.EnforcementDomain.${d}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="officer" label={t("team.officer")} rules={[{ required: true, message: t("form.required") }]}>
            <AutoComplete
              style={{ width: 220 }}
              onSearch={setPrefix}
              onSelect={(_, option) => setPicked((option as { officer: { id: string; name: string; agency: string } }).officer)}
              options={(found?.officerPage.nodes ?? []).map((o) => ({
                value: o.name,
                key: o.id,
                label: `${o.name}（${t(`enums.Agency.${o.agency}`)}）`,
                officer: o,
              }))}
            >
              <Input placeholder={t("team.searchOfficer")} />
            </AutoComplete>
          </Form.Item>
        </Space>
        {answer && (
          <div role="status" data-testid="window-check" style={{ marginBottom: 16 }}>
            {answer.qualified ? (
              <Tag color={GREEN}>{t("team.qualified", { name: picked?.name })}</Tag>
            ) : (
              <Alert
                type="warning"
                title={t("team.notQualified", { name: picked?.name })}
                description={answer.reasons.map((r) => t(`enums.QualificationReason.${r}`)).join("；")}
              />
            )}
            {answer.busy.length > 0 && (
              <Typography.Paragraph type="warning" style={{ marginTop: 8 }}>
                {t("team.busy", { names: answer.busy.map((b) => b.name).join("、") })}
              </Typography.Paragraph>
            )}
          </div>
        )}
        {rest.length > 0 && <Alert type="error" role="alert" title={rest.join("；")} style={{ marginBottom: 16 }} />}
        <Button htmlType="submit" disabled={!picked}>
          {t("team.add")}
        </Button>
      </Form>
    </Card>
  );
}
