/** Typed events the views fire; all bubble and cross shadow roots. */
export type CcRetryEvent = CustomEvent<Record<string, never>>;

export function emit<T>(target: EventTarget, name: string, detail: T): boolean {
  return target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: true }));
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cc-retry': CcRetryEvent;
  }
}
