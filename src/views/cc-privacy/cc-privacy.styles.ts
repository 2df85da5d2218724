import { css } from 'lit';

export const privacyStyles = css`
  :host {
    display: inline-block;
  }
  button,
  input {
    font: inherit;
    padding: 0.4rem 0.8rem;
    border-radius: 6px;
    border: 1px solid #94a3b8;
    background: #fff;
    color: #0f172a;
    cursor: pointer;
  }
  input {
    cursor: text;
    width: 6rem;
  }
  button.open {
    background: transparent;
    color: #e2e8f0;
    border-color: #64748b;
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
  input:focus-visible {
    outline: 3px solid #f59e0b;
    outline-offset: 2px;
  }
  dialog {
    color: #0f172a;
    border: 1px solid #334155;
    border-radius: 12px;
    padding: 1.25rem 1.5rem;
    max-width: 46rem;
    width: calc(100vw - 3rem);
  }
  dialog.erase {
    border: 2px solid #b91c1c;
    max-width: 30rem;
  }
  dialog::backdrop {
    background: rgb(15 23 42 / 0.55);
  }
  h2 {
    font-size: 1.2rem;
    margin: 0 0 0.5rem;
  }
  h3 {
    font-size: 1rem;
    margin: 1.25rem 0 0.4rem;
  }
  p {
    margin: 0.25rem 0;
    line-height: 1.5;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 0.75rem;
    align-items: center;
  }
  label {
    display: inline-flex;
    gap: 0.4rem;
    align-items: center;
  }
  .top {
    display: flex;
    justify-content: space-between;
    align-items: start;
    gap: 1rem;
  }
  .hint {
    color: #475569;
    font-size: 0.9rem;
  }
  .status:not(:empty) {
    background: #eff6ff;
    border: 1px solid #93c5fd;
    color: #1e3a8a;
    padding: 0.6rem 0.9rem;
    border-radius: 8px;
    margin: 0.75rem 0 0;
  }
  .alert:not(:empty) {
    background: #fef2f2;
    border: 1px solid #fca5a5;
    color: #7f1d1d;
    padding: 0.6rem 0.9rem;
    border-radius: 8px;
    margin: 0.75rem 0 0;
  }
  code {
    font-size: 0.95em;
  }
`;
