import { css } from 'lit';
import { buttonStyles } from '../button-styles';

export const appStyles = [
  buttonStyles,
  css`
  :host {
    display: block;
    min-height: 100vh;
    font-family: system-ui, -apple-system, 'Segoe UI', 'Noto Sans SC', sans-serif;
    color: #0f172a;
    background: #f1f5f9;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem 1.5rem;
    align-items: center;
    justify-content: space-between;
    padding: 0.75rem 1.25rem;
    background: #0f172a;
    color: #f8fafc;
  }
  h1 {
    font-size: 1.25rem;
    margin: 0;
  }
  nav {
    display: flex;
    gap: 1rem;
  }
  nav a {
    color: #e2e8f0;
    text-decoration: none;
    padding: 0.25rem 0.5rem;
    border-radius: 6px;
  }
  nav a[aria-current='page'] {
    background: #334155;
    color: #fff;
    font-weight: 600;
  }
  nav a:focus-visible {
    outline: 3px solid #f59e0b;
  }
  cc-consent.consent {
    padding: 1.25rem;
  }
  .privacy {
    font-size: 0.85rem;
    color: #cbd5e1;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
    padding: 0.75rem 1.25rem;
    background: #fff;
    border-bottom: 1px solid #e2e8f0;
  }
  select {
    font: inherit;
    padding: 0.45rem 0.9rem;
    border-radius: 6px;
    border: 1px solid #94a3b8;
    background: #fff;
    cursor: pointer;
  }
  button:focus-visible,
  select:focus-visible,
  input:focus-visible {
    outline: 3px solid #f59e0b;
    outline-offset: 2px;
  }
  label {
    display: inline-flex;
    gap: 0.4rem;
    align-items: center;
  }
  main {
    display: grid;
    grid-template-columns: minmax(0, 1fr) 20rem;
    /* The video keeps its own height and stays in view while the side panels scroll. */
    align-items: start;
    gap: 1rem;
    padding: 1rem 1.25rem;
  }
  main > cc-stage {
    position: sticky;
    top: 1rem;
  }
  @media (max-width: 900px) {
    main {
      grid-template-columns: 1fr;
    }
  }
  aside {
    display: flex;
    flex-direction: column;
    gap: 1rem;
  }
  section.panel {
    background: #fff;
    border-radius: 12px;
    padding: 1rem;
    border: 1px solid #e2e8f0;
  }
  section.panel h2 {
    font-size: 1rem;
    margin: 0 0 0.75rem;
  }
  cc-status {
    padding: 0 1.25rem;
    margin-top: 0.75rem;
  }
  .source-label {
    color: #475569;
    font-size: 0.9rem;
  }
  .drop-hint {
    position: fixed;
    inset: 0;
    display: grid;
    place-items: center;
    background: rgba(14, 116, 144, 0.85);
    color: #fff;
    font-size: 1.5rem;
    pointer-events: none;
    z-index: 10;
  }
  .engine {
    font-size: 0.85rem;
    color: #475569;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .hint {
    margin: 0 0 0.75rem;
    color: #334155;
  }
  button:disabled {
    opacity: 0.5;
    cursor: not-allowed;
  }
  input[type='file'] {
    display: none;
  }
`,
];
