// One bar chart (ECharts, imported per chart: core, bar chart, grid and tooltip only).
import { BarChart } from "echarts/charts";
import { GridComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

export function Bars({ label, names, values }: { label: string; names: string[]; values: number[] }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    const chart = echarts.init(box.current);
    chart.setOption({
      animation: false,
      tooltip: {},
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      // bars lie down: Chinese category names (不予处罚（首违不罚）...) overlapped on an x axis
      yAxis: { type: "category", data: names, inverse: true, axisLabel: { interval: 0 } },
      xAxis: { type: "value", minInterval: 1 },
      series: [{ type: "bar", data: values, itemStyle: { color: "#1d4ed8" } }],
    });
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.dispose();
    };
  }, [names, values]);
  return <div ref={box} role="img" aria-label={label} style={{ width: "100%", height: Math.max(160, 36 * names.length + 40) }} />;
}
