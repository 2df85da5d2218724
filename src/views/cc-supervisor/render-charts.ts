import { html, nothing, svg } from 'lit';
import type { StationSummary } from '../../core/summaries/summarize-records';
import { bandLayout, evenTicks, linearScale, markerPath, markersPath, type PlotArea, thinPoints, trendGeometry } from './chart-geometry';
import {
  type DayRange,
  describePassRates,
  describeTrend,
  formatPercent,
  hasValues,
  ruleTitle,
  seriesStyle,
  TREND_METRICS,
  type TrendMetric,
  trendSeries,
} from './supervisor-model';

/**
 * The supervisor's two SVG charts as lit templates (drawing only; the numbers come from
 * `chart-geometry.ts`). Each is an image with an aria-label that says what it shows; the trend chart
 * also carries a visually hidden data table. One path per line and one per series' markers, so a year of
 * days is still a handful of DOM nodes.
 */

const TREND_PLOT: PlotArea = { width: 720, height: 300, left: 64, right: 20, top: 16, bottom: 60 };
const MARKER_SIZE = 7;
/** Most markers per line: a long range marks a spread of its days, not every one. */
const MARKERS_MAX = 40;

/** Pass rate (or violation time) per rule over the days of `range`. */
export function renderTrendChart(group: StationSummary, metric: TrendMetric, range: DayRange) {
  const definition = TREND_METRICS[metric];
  const series = trendSeries(group, metric);
  const geometry = trendGeometry(series, { plot: TREND_PLOT, ...range, ...(definition.yMax !== undefined ? { yMax: definition.yMax } : {}) });
  const { plot } = geometry;
  const plotBottom = plot.height - plot.bottom;
  const plotRight = plot.width - plot.right;
  const tickText = (value: number) => (metric === 'passRate' ? String(Math.round(value)) : String(Math.round(value * 100) / 100));
  return html`<figure class="chart" data-chart="trend">
    <figcaption>${definition.label} per day and rule</figcaption>
    <svg
      viewBox="0 0 ${plot.width} ${plot.height}"
      role="img"
      aria-label=${describeTrend(series, metric, range)}
      preserveAspectRatio="xMidYMid meet"
    >
      ${geometry.yTicks.map(
        (tick) => svg`<line class="grid" x1=${plot.left} x2=${plotRight} y1=${tick.position} y2=${tick.position}></line>
          <text class="tick" x=${plot.left - 8} y=${tick.position} text-anchor="end" dominant-baseline="middle">${tickText(tick.value)}</text>`,
      )}
      ${geometry.xTicks.map(
        (tick) => svg`<line class="axis" x1=${tick.position} x2=${tick.position} y1=${plotBottom} y2=${plotBottom + 5}></line>
          <text class="tick" x=${tick.position} y=${plotBottom + 20} text-anchor="middle">${tick.day.slice(5)}</text>`,
      )}
      <line class="axis" x1=${plot.left} x2=${plotRight} y1=${plotBottom} y2=${plotBottom}></line>
      <line class="axis" x1=${plot.left} x2=${plot.left} y1=${plot.top} y2=${plotBottom}></line>
      <text class="axis-title" x=${(plot.left + plotRight) / 2} y=${plot.height - 12} text-anchor="middle">
        Day (month-day, ${range.fromDay.slice(0, 4)}${range.toDay.slice(0, 4) !== range.fromDay.slice(0, 4) ? `–${range.toDay.slice(0, 4)}` : ''})
      </text>
      <text class="axis-title" transform="translate(16 ${(plot.top + plotBottom) / 2}) rotate(-90)" text-anchor="middle">${definition.axisLabel}</text>
      ${geometry.series.map((one, index) => {
        const style = seriesStyle(index);
        return svg`${one.path
          ? svg`<path class="line" data-rule=${one.id} d=${one.path} stroke=${style.color} stroke-dasharray=${style.dash || nothing}></path>`
          : nothing}${one.points.length > 0
          ? svg`<path class="markers" data-rule=${one.id} d=${markersPath(style.marker, thinPoints(one.points, MARKERS_MAX), MARKER_SIZE)} fill=${style.color}></path>`
          : nothing}`;
      })}
    </svg>
    <ul class="legend" aria-label="Legend">
      ${series.map((one, index) => {
        const style = seriesStyle(index);
        return html`<li>
          <svg class="swatch" viewBox="0 0 36 12" width="36" height="12" aria-hidden="true">
            <line x1="1" x2="35" y1="6" y2="6" stroke=${style.color} stroke-width="2.5" stroke-dasharray=${style.dash || nothing}></line>
            <path d=${markerPath(style.marker, { x: 18, y: 6 }, MARKER_SIZE)} fill=${style.color}></path>
          </svg>
          ${ruleTitle(one.id)}${hasValues(one) ? nothing : html` <span class="muted">(no data)</span>`}
        </li>`;
      })}
    </ul>
    ${renderTrendTable(group, metric)}
  </figure>`;
}

/** The trend chart's numbers, for screen readers: a day per row, a rule per column. */
function renderTrendTable(group: StationSummary, metric: TrendMetric) {
  const definition = TREND_METRICS[metric];
  const series = trendSeries(group, metric);
  // The wrapper hides it: a table ignores a 1px height, so hiding the table itself would still grow the page.
  return html`<div class="visually-hidden"><table data-table="trend">
    <caption>${definition.label} per day and rule (data of the chart above)</caption>
    <thead>
      <tr>
        <th scope="col">Day</th>
        ${series.map((one) => html`<th scope="col">${ruleTitle(one.id)}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${group.days.map(
        (day, row) => html`<tr>
          <th scope="row">${day.day}</th>
          ${series.map((one) => html`<td>${definition.format(one.values[row]?.value ?? null)}</td>`)}
        </tr>`,
      )}
    </tbody>
  </table></div>`;
}

const BAR_WIDTH = 720;
const BAR_ROW_HEIGHT = 46;
const BAR_TOP = 8;
const BAR_AXIS_HEIGHT = 52;
const BAR_LEFT = 8;
const BAR_RIGHT = 150;

/** Self-check pass rate per rule over the range, one horizontal bar each. */
export function renderPassRateBars(group: StationSummary, range: DayRange) {
  const rules = group.totals;
  const height = BAR_TOP + rules.length * BAR_ROW_HEIGHT + BAR_AXIS_HEIGHT;
  const plotBottom = height - BAR_AXIS_HEIGHT;
  const x = linearScale([0, 100], [BAR_LEFT, BAR_WIDTH - BAR_RIGHT]);
  const bands = bandLayout(rules.length, [BAR_TOP, plotBottom], 0.15);
  return html`<figure class="chart" data-chart="pass-rate">
    <figcaption>Self-check pass rate per rule</figcaption>
    <svg viewBox="0 0 ${BAR_WIDTH} ${height}" role="img" aria-label=${describePassRates(group, range)}>
      ${evenTicks(100).map(
        (value) => svg`<line class="grid" x1=${x(value)} x2=${x(value)} y1=${BAR_TOP} y2=${plotBottom}></line>
          <text class="tick" x=${x(value)} y=${plotBottom + 18} text-anchor="middle">${value}</text>`,
      )}
      <line class="axis" x1=${BAR_LEFT} x2=${x(100)} y1=${plotBottom} y2=${plotBottom}></line>
      <text class="axis-title" x=${(BAR_LEFT + x(100)) / 2} y=${height - 10} text-anchor="middle">Self-check pass rate (%)</text>
      ${rules.map((tally, index) => {
        const top = bands.start(index);
        const measured = tally.pass + tally.fail;
        const style = seriesStyle(index);
        const barTop = top + 18;
        const barHeight = Math.max(4, bands.size - 20);
        return svg`<text class="bar-label" x=${BAR_LEFT} y=${top + 12}>${ruleTitle(tally.ruleId)}</text>
          ${
            tally.passRate === null
              ? svg`<text class="bar-value" x=${BAR_LEFT} y=${barTop + barHeight / 2} dominant-baseline="middle">no self-checks measured it</text>`
              : svg`<rect class="bar" data-rule=${tally.ruleId} x=${BAR_LEFT} y=${barTop} height=${barHeight} width=${Math.max(0, x(tally.passRate * 100) - BAR_LEFT)} fill=${style.color}></rect>
                <text class="bar-value" x=${x(tally.passRate * 100) + 6} y=${barTop + barHeight / 2} dominant-baseline="middle">${formatPercent(tally.passRate)} (${tally.pass} of ${measured})</text>`
          }`;
      })}
    </svg>
  </figure>`;
}
