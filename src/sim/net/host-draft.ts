/**
 * A host is changed through an Immer draft for the length of one command. These read it without
 * drafting what they only look at: a host can hold a thousand containers and links.
 */
import { current, isDraft, original, type Draft } from 'immer';
import type { Host } from '../model';

export type HostDraft = Draft<Host>;

/**
 * The host as it was before the current command started changing it. Scans over every container
 * read this instead of the draft: touching each record through the draft would proxy all of them.
 */
export function baseHost(h: HostDraft): Host {
  return isDraft(h) ? original<Host>(h) : h;
}

/** The current value behind a draft, as plain data: search and rebuild big arrays on this, then assign. */
export function plain<T>(value: T): T {
  return isDraft(value) ? current<T>(value as Draft<T>) : value;
}
