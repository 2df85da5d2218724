import { css } from 'lit';

export const supervisorStyles = css`
  :host {
    display: block;
    padding: 1rem 1.25rem 2rem;
    color: #0f172a;
    max-width: 72rem;
    margin: 0 auto;
  }
  h2 {
    font-size: 1.3rem;
    margin: 0 0 0.25rem;
  }
  h3 {
    font-size: 1.1rem;
    margin: 0 0 0.5rem;
  }
  section,
  .panel {
    background: #fff;
    border: 1px solid #e2e8f0;
    border-radius: 10px;
    padding: 1rem;
    margin: 0 0 1rem;
  }
  .privacy {
    margin: 0;
    font-weight: 600;
    color: #14532d;
  }
  .hint,
  .muted {
    color: #475569;
    font-size: 0.9rem;
  }
  .hint {
    margin: 0.25rem 0 0;
  }
  button,
  select,
  input {
    font: inherit;
    padding: 0.4rem 0.7rem;
    border-radius: 6px;
    border: 1px solid #64748b;
    background: #fff;
    color: inherit;
  }
  button {
    cursor: pointer;
  }
  button.primary {
    background: #0e7490;
    border-color: #0e7490;
    color: #fff;
  }
  button.danger {
    background: #b91c1c;
    border-color: #b91c1c;
    color: #fff;
  }
  button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  button:focus-visible,
  select:focus-visible,
  input:focus-visible,
  a:focus-visible {
    outline: 3px solid #f59e0b;
    outline-offset: 2px;
  }
  input[type='number'] {
    width: 5rem;
  }
  label {
    display: inline-flex;
    flex-direction: column;
    gap: 0.2rem;
    font-size: 0.9rem;
    font-weight: 600;
  }
  /* a checkbox sits beside its words, not above them as a field's label does */
  label.check {
    flex-direction: row;
    align-items: center;
    align-self: center;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem 1rem;
    align-items: flex-end;
  }
  .alert:not(:empty) {
    background: #fef2f2;
    border: 1px solid #fca5a5;
    color: #7f1d1d;
    padding: 0.75rem 1rem;
    border-radius: 8px;
    margin: 0 0 1rem;
  }
  .status:not(:empty) {
    background: #eff6ff;
    border: 1px solid #93c5fd;
    color: #1e3a8a;
    padding: 0.75rem 1rem;
    border-radius: 8px;
    margin: 0 0 1rem;
  }
  .empty {
    text-align: center;
    padding: 2rem 1rem;
    font-size: 1.1rem;
  }
  .report ul {
    margin: 0.25rem 0 0;
    padding-left: 1.25rem;
  }
  .report .error {
    color: #7f1d1d;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-variant-numeric: tabular-nums;
  }
  caption {
    text-align: left;
    font-weight: 600;
    padding: 0.75rem 0 0.4rem;
  }
  th,
  td {
    text-align: right;
    padding: 0.35rem 0.6rem;
    border-bottom: 1px solid #e2e8f0;
  }
  th:first-child,
  td:first-child {
    text-align: left;
  }
  thead th {
    font-size: 0.85rem;
    color: #334155;
    vertical-align: bottom;
  }
  .table-scroll {
    overflow-x: auto;
  }
  .charts {
    display: grid;
    grid-template-columns: minmax(0, 52rem);
    gap: 1.5rem;
    margin-top: 1.25rem;
  }
  figure.chart {
    margin: 0;
  }
  figcaption {
    font-weight: 600;
    margin-bottom: 0.4rem;
  }
  figure.chart > svg {
    width: 100%;
    height: auto;
    display: block;
  }
  svg .grid {
    stroke: #e2e8f0;
    stroke-width: 1;
  }
  svg .axis {
    stroke: #475569;
    stroke-width: 1.5;
  }
  svg .tick {
    font-size: 13px;
    fill: #334155;
  }
  svg .axis-title {
    font-size: 14px;
    font-weight: 600;
    fill: #0f172a;
  }
  svg .line {
    fill: none;
    stroke-width: 2.5;
    stroke-linejoin: round;
    stroke-linecap: round;
  }
  svg .markers {
    stroke: #fff;
    stroke-width: 1;
  }
  svg .bar-label {
    font-size: 14px;
    fill: #0f172a;
  }
  svg .bar-value {
    font-size: 13px;
    fill: #334155;
  }
  ul.legend {
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem 1.2rem;
    padding: 0;
    margin: 0.5rem 0 0;
    font-size: 0.9rem;
  }
  ul.legend li {
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    padding: 0 !important;
    margin: -1px !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }
  dialog {
    border: 2px solid #b91c1c;
    border-radius: 10px;
    padding: 1.25rem;
    max-width: 32rem;
  }
  dialog::backdrop {
    background: rgb(15 23 42 / 0.5);
  }
  .lock {
    max-width: 28rem;
  }
`;
