// Numbered pages over the one paging contract (`first` + `offset` in, `totalCount` out):
// every list shows its total and page numbers, and goes back to page 1 when its filters
// change. The filter form's two buttons are here too, so each list page declares only
// its fields.
import { Button, Form, Space } from "antd";
import type { TablePaginationConfig } from "antd";
import { useState } from "react";

export function usePageNumbers(size: number, filters: unknown) {
  const key = JSON.stringify(filters ?? null);
  const [at, setAt] = useState({ key, current: 1 });
  const current = at.key === key ? at.current : 1;
  return {
    first: size,
    offset: (current - 1) * size,
    table: (total: number | undefined, showTotal: (count: number) => string): TablePaginationConfig => ({
      current,
      pageSize: size,
      total: total ?? 0,
      showSizeChanger: false,
      showTotal: (count) => showTotal(count),
      onChange: (page) => setAt({ key, current: page }),
    }),
  };
}

export function FilterButtons({ search, reset, onReset }: { search: string; reset: string; onReset: () => void }) {
  return (
    <Form.Item>
      <Space>
        <Button type="primary" htmlType="submit">
          {search}
        </Button>
        <Button onClick={onReset}>{reset}</Button>
      </Space>
    </Form.Item>
  );
}
