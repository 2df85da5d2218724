import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { FrameAnalysis } from '../../pipeline/frame-analyzer';
import { describeJudgedPerson, formatDegrees, formatMs, formatScore } from '../format';

/** Live measures of the latest analysed frame, and the analysis rate. */
@customElement('cc-measures')
export class CcMeasures extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    dl {
      display: grid;
      grid-template-columns: auto auto;
      gap: 0.35rem 1rem;
      margin: 0;
    }
    dt {
      color: #475569;
    }
    dd {
      margin: 0;
      font-variant-numeric: tabular-nums;
      font-weight: 600;
      text-align: right;
    }
  `;

  @property({ attribute: false }) analysis: FrameAnalysis | null = null;
  @property({ type: Number }) fps = 0;

  override render() {
    const o = this.analysis?.observations;
    const head = o?.headPose;
    const rows: [string, string, string][] = [
      ['person', 'Person judged', this.analysis ? describeJudgedPerson(this.analysis.person, this.analysis.people) : '–'],
      ['trunk-inclination', 'Trunk inclination', formatDegrees(o?.trunkInclinationDeg)],
      ['neck-flexion', 'Neck flexion', formatDegrees(o?.neckFlexionDeg)],
      ['head-yaw', 'Head yaw', formatDegrees(head?.yaw)],
      ['head-pitch', 'Head pitch', formatDegrees(head?.pitch)],
      ['head-roll', 'Head roll', formatDegrees(head?.roll)],
      ['smile', 'Smile', formatScore(o?.smileScore)],
      ['fps', 'Frame rate', this.fps > 0 ? `${this.fps.toFixed(1)} fps` : '–'],
      ['latency', 'Per frame', formatMs(this.analysis?.timing.totalMs)],
    ];
    return html`
      <dl aria-label="Live measures">
        ${rows.map(([key, label, value]) => html`<dt>${label}</dt><dd data-measure=${key}>${value}</dd>`)}
      </dl>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cc-measures': CcMeasures;
  }
}
