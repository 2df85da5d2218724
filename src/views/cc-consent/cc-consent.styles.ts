import { css } from 'lit';

export const consentStyles = css`
  :host {
    display: block;
    color: #0f172a;
  }
  section {
    max-width: 46rem;
    margin: 0 auto;
    background: #fff;
    border: 1px solid #cbd5e1;
    border-radius: 12px;
    padding: 1.25rem 1.5rem;
  }
  :host([mode='review']) section {
    border: none;
    padding: 0;
  }
  h2 {
    font-size: 1.25rem;
    margin: 0 0 0.75rem;
  }
  h2:focus {
    outline: none;
  }
  h2:focus-visible {
    outline: 3px solid #f59e0b;
  }
  h3 {
    font-size: 1rem;
    margin: 1rem 0 0.25rem;
  }
  p {
    margin: 0.25rem 0;
    line-height: 1.5;
  }
  .icon {
    display: inline-block;
    width: 1.5rem;
  }
  .gate {
    margin-top: 1.25rem;
    padding: 0.75rem 1rem;
    background: #eff6ff;
    border: 1px solid #93c5fd;
    border-radius: 8px;
  }
  button {
    font: inherit;
    margin-top: 1rem;
    padding: 0.6rem 1.2rem;
    border-radius: 6px;
    border: 1px solid #0e7490;
    background: #0e7490;
    color: #fff;
    cursor: pointer;
  }
  button:focus-visible {
    outline: 3px solid #f59e0b;
    outline-offset: 2px;
  }
`;
