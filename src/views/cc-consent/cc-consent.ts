import { html, LitElement, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { consentSections, type ConsentSection } from '../../core/privacy/consent';
import { DEFAULT_RETENTION_DAYS } from '../../core/privacy/retention';
import { emit } from '../events';
import { consentStyles } from './cc-consent.styles';

export type CcConsentAcceptEvent = CustomEvent<Record<string, never>>;

/** An icon per section, beside its title (decorative: the title says it in words). */
const ICONS: Record<ConsentSection['id'], string> = { measured: '📏', 'no-images': '🔒', where: '💾', erase: '🗑' };

/**
 * What CounterCheck measures, that no picture leaves the device or is kept, where the data lives and how
 * to erase it, in Chinese and English. In 'first-run' mode it ends with an Accept button and nothing else
 * of the app runs until it is pressed (the shell gates on it); in 'review' mode it is the text alone.
 *
 * @fires cc-consent-accept - the person accepted the text ('first-run' mode only)
 */
@customElement('cc-consent')
export class CcConsent extends LitElement {
  static override styles = consentStyles;

  /** 'first-run' asks for acceptance; 'review' shows the text only. Default 'first-run'. */
  @property({ reflect: true }) mode: 'first-run' | 'review' = 'first-run';
  /** The station's retention period, named in the text. Default `DEFAULT_RETENTION_DAYS`. */
  @property({ type: Number, attribute: 'retention-days' }) retentionDays = DEFAULT_RETENTION_DAYS;

  @query('h2') private heading!: HTMLHeadingElement;

  protected override firstUpdated(): void {
    // Start reading (and tabbing) at the top of the text, not at a control further down.
    if (this.mode === 'first-run') this.heading.focus();
  }

  private handleAccept(): void {
    emit(this, 'cc-consent-accept', {});
  }

  override render() {
    const firstRun = this.mode === 'first-run';
    return html`<section aria-labelledby="consent-title" data-consent=${this.mode}>
      <h2 id="consent-title" tabindex="-1">
        ${firstRun ? '开始之前 · Before CounterCheck starts' : '隐私说明 · Privacy notice'}
      </h2>
      ${consentSections(this.retentionDays).map(
        (section) => html`<div data-section=${section.id}>
          <h3><span class="icon" aria-hidden="true">${ICONS[section.id]}</span>${section.title.zh} · ${section.title.en}</h3>
          <p lang="zh-CN">${section.body.zh}</p>
          <p lang="en">${section.body.en}</p>
        </div>`,
      )}
      ${firstRun
        ? html`<div class="gate">
              <p lang="zh-CN">在你点击“同意并开始”之前，摄像头和分析模型都不会启动。</p>
              <p lang="en">Nothing runs, neither the camera nor the analysis models, until you press “Accept and start”.</p>
            </div>
            <button type="button" @click=${this.handleAccept}>同意并开始 · Accept and start</button>`
        : nothing}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cc-consent': CcConsent;
  }
  interface GlobalEventHandlersEventMap {
    'cc-consent-accept': CcConsentAcceptEvent;
  }
}
