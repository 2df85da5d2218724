import { css } from 'lit';

/** The light screens' buttons: one look for the live screen, the self-check and the monitor. */
export const buttonStyles = css`
  button {
    font: inherit;
    padding: 0.45rem 0.9rem;
    border-radius: 6px;
    border: 1px solid #94a3b8;
    background: #fff;
    cursor: pointer;
  }
  button.primary {
    background: #0e7490;
    border-color: #0e7490;
    color: #fff;
  }
`;
