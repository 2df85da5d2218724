import { css } from 'lit';
import type { VerdictStatus } from '../core/types';

/** Never colour alone: every status has an icon and a word too. */
export const STATUS_ICON: Record<VerdictStatus, string> = { pass: '✓', fail: '✗', unknown: '?', off: '–' };
export const STATUS_TEXT: Record<VerdictStatus, string> = { pass: 'Pass', fail: 'Fail', unknown: 'Unknown', off: 'Off' };

/** Colours with at least 4.5:1 contrast for their text. */
export const statusColors = css`
  .pass {
    --status-bg: #dcfce7;
    --status-fg: #14532d;
    --status-strong: #15803d;
  }
  .fail {
    --status-bg: #fee2e2;
    --status-fg: #7f1d1d;
    --status-strong: #b91c1c;
  }
  .unknown {
    --status-bg: #f1f5f9;
    --status-fg: #334155;
    --status-strong: #475569;
  }
  .off {
    --status-bg: #f8fafc;
    --status-fg: #64748b;
    --status-strong: #94a3b8;
  }
`;
