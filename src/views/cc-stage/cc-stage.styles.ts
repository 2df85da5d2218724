import { css } from 'lit';

export const stageStyles = css`
  :host {
    display: block;
    position: relative;
    background: #0f172a;
    border-radius: 12px;
    overflow: hidden;
    min-height: 240px;
  }
  .frame {
    position: relative;
    margin: 0 auto;
    max-width: 100%;
    max-height: 100%;
  }
  .frame > video,
  .frame > img,
  canvas {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    object-fit: contain;
  }
  canvas {
    pointer-events: none;
  }
  .mirrored > video,
  .mirrored > img,
  .mirrored canvas {
    transform: scaleX(-1);
  }
  .counter-line {
    position: absolute;
    left: 0;
    right: 0;
    height: 0;
    border-top: 3px dashed #f59e0b;
    pointer-events: none;
  }
  .counter-line.editing {
    height: 24px;
    margin-top: -12px;
    border-top: none;
    background: linear-gradient(transparent 10px, #f59e0b 10px, #f59e0b 14px, transparent 14px);
    cursor: ns-resize;
    pointer-events: auto;
    touch-action: none;
  }
  .counter-line.editing:focus-visible {
    outline: 3px solid #f8fafc;
  }
  .empty {
    display: grid;
    place-items: center;
    min-height: 240px;
    color: #cbd5e1;
    font-size: 1.1rem;
    padding: 2rem;
    text-align: center;
  }
`;
