import { css } from 'lit';
import { buttonStyles } from '../button-styles';

export const badgeEnrolStyles = [
  buttonStyles,
  css`
    :host {
      display: block;
      margin-top: 0.6rem;
    }
    fieldset {
      border: 1px solid #cbd5e1;
      border-radius: 6px;
      margin: 0;
      padding: 0.4rem 0.6rem;
    }
    legend {
      font-weight: 600;
    }
    .state {
      margin: 0.2rem 0 0.4rem;
      font-size: 0.9rem;
    }
    .preview {
      position: relative;
      margin: 0.4rem 0;
    }
    canvas {
      display: block;
      width: 100%;
      height: auto;
      background: #0f172a;
      border-radius: 6px;
      touch-action: none;
      cursor: crosshair;
    }
    canvas:focus-visible,
    button:focus-visible {
      outline: 3px solid #f59e0b;
      outline-offset: 2px;
    }
    .instruction {
      font-weight: 700;
      margin: 0.3rem 0;
    }
    .hint {
      font-size: 0.85rem;
      color: #475569;
      margin: 0.2rem 0;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-top: 0.4rem;
    }
    progress {
      width: 100%;
    }
    .message {
      margin-top: 0.5rem;
      padding: 0.4rem 0.6rem;
      border-radius: 6px;
      border-left: 5px solid;
      font-size: 0.9rem;
    }
    .message.ok {
      background: #dcfce7;
      color: #14532d;
    }
    .message.error {
      background: #fee2e2;
      color: #7f1d1d;
    }
  `,
];
