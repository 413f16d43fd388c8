/** A small hand-drawn line chart: one value per day, gaps on days with no answer. */

const width = 320;
const height = 132;
const padding = { top: 10, right: 10, bottom: 22, left: 62 };
const plotWidth = width - padding.left - padding.right;
const plotHeight = height - padding.top - padding.bottom;

type ChartProps = {
  /** What the chart says, for screen readers (the picture is one image to them). */
  label: string;
  /** One value per day, oldest first; null where there was no answer. */
  values: readonly (number | null)[];
  min: number;
  max: number;
  /** Words for the lowest and highest values, on the left side. */
  minLabel: string;
  maxLabel: string;
  /** Words under the first and last day. */
  startLabel: string;
  endLabel: string;
};

/** The pieces of the line between gaps, as SVG path commands. */
function linePath(points: readonly ({ x: number; y: number } | null)[]): string {
  let path = '';
  let isDrawing = false;
  for (const point of points) {
    if (point === null) {
      isDrawing = false;
      continue;
    }
    path += `${isDrawing ? 'L' : 'M'}${point.x.toFixed(1)} ${point.y.toFixed(1)} `;
    isDrawing = true;
  }
  return path.trim();
}

export function CheckInLineChart({ label, values, min, max, minLabel, maxLabel, startLabel, endLabel }: ChartProps) {
  const step = values.length > 1 ? plotWidth / (values.length - 1) : 0;
  const yFor = (value: number) => padding.top + (1 - (value - min) / (max - min)) * plotHeight;
  const points = values.map((value, index) =>
    value === null ? null : { x: padding.left + index * step, y: yFor(value) },
  );
  const pointRadius = values.length > 45 ? 2 : 3;
  const middle = (min + max) / 2;
  return (
    <svg className="line-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} focusable="false">
      {[min, middle, max].map((value) => (
        <line
          key={value}
          className="line-chart-grid"
          x1={padding.left}
          x2={width - padding.right}
          y1={yFor(value)}
          y2={yFor(value)}
        />
      ))}
      <text className="line-chart-label" x={padding.left - 6} y={yFor(max) + 4} textAnchor="end">
        {maxLabel}
      </text>
      <text className="line-chart-label" x={padding.left - 6} y={yFor(min) + 4} textAnchor="end">
        {minLabel}
      </text>
      <text className="line-chart-label" x={padding.left} y={height - 4} textAnchor="start">
        {startLabel}
      </text>
      <text className="line-chart-label" x={width - padding.right} y={height - 4} textAnchor="end">
        {endLabel}
      </text>
      <path className="line-chart-line" d={linePath(points)} />
      {points.map((point, index) =>
        point === null ? null : (
          <circle key={index} className="line-chart-point" cx={point.x} cy={point.y} r={pointRadius} />
        ),
      )}
    </svg>
  );
}

/** "average 3.4, from 2 to 5" for the values that were answered, or null when none were. */
export function describeValues(values: readonly (number | null)[], average: number | null): string | null {
  const answered = values.filter((value): value is number => value !== null);
  if (answered.length === 0) return null;
  const mean = average ?? answered.reduce((sum, value) => sum + value, 0) / answered.length;
  const lowest = Math.min(...answered);
  const highest = Math.max(...answered);
  const range = lowest === highest ? `always ${lowest}` : `from ${lowest} to ${highest}`;
  const days = answered.length === 1 ? '1 day' : `${answered.length} days`;
  return `average ${mean.toFixed(1)}, ${range}, on ${days} with an answer`;
}

/** A bar for a count, drawn in SVG (no inline styles) and hidden from screen readers: the number is in the text. */
export function CountBar({ count, largest }: { count: number; largest: number }) {
  const share = largest === 0 ? 0 : Math.max(2, (count / largest) * 100);
  return (
    <svg className="count-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <rect className="count-bar-track" x="0" y="0" width="100" height="10" rx="2" />
      <rect className="count-bar-fill" x="0" y="0" width={share} height="10" rx="2" />
    </svg>
  );
}
