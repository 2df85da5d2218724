import { css } from 'lit';
import { buttonStyles } from '../button-styles';
import { statusColors } from '../status-style';

export const monitorStyles = [
  statusColors,
  buttonStyles,
  css`
    :host {
      display: grid;
      gap: 1rem;
      padding: 1rem 1.25rem;
      max-width: 72rem;
    }
    .panel {
      background: #fff;
      border: 1px solid #e2e8f0;
      border-radius: 8px;
      padding: 1rem;
    }
    h2 {
      font-size: 1.1rem;
      margin: 0 0 0.75rem;
    }
    h3 {
      font-size: 1rem;
      margin: 1rem 0 0.5rem;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    button.stop {
      background: #7f1d1d;
      border-color: #7f1d1d;
      color: #fff;
    }
    button[aria-pressed='true'] {
      background: #fef3c7;
      border-color: #b45309;
    }
    button:disabled {
      opacity: 0.5;
      cursor: not-allowed;
    }
    button:focus-visible {
      outline: 3px solid #f59e0b;
      outline-offset: 2px;
    }
    .status {
      margin: 0.75rem 0 0;
    }
    .notice {
      margin: 0.5rem 0 0;
      padding: 0.5rem 0.75rem;
      background: #fef3c7;
      color: #78350f;
      border-radius: 6px;
    }
    .error {
      margin: 0.5rem 0 0;
      padding: 0.5rem 0.75rem;
      background: #fee2e2;
      color: #7f1d1d;
      border-radius: 6px;
    }
    table {
      border-collapse: collapse;
      width: 100%;
    }
    table + table {
      margin-top: 1rem;
    }
    th,
    td {
      text-align: left;
      padding: 0.35rem 0.5rem;
      border-bottom: 1px solid #e2e8f0;
    }
    .zh {
      display: block;
      font-weight: normal;
      font-size: 0.85rem;
      color: #475569;
    }
    .status-cell {
      background: var(--status-bg);
      color: var(--status-fg);
      font-weight: 600;
    }
    .status-cell .reason {
      display: block;
      font-weight: normal;
      font-size: 0.8rem;
    }
    ol.events,
    ul.gaps {
      margin: 0;
      padding-left: 1.25rem;
    }
    ol.events li {
      margin: 0.25rem 0;
    }
    ol.events li.violation strong {
      color: #7f1d1d;
    }
    .hint {
      color: #475569;
      font-size: 0.9rem;
    }
  `,
];
